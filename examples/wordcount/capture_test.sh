#!/bin/sh
# Captures wordcount with golden, then checks the trace through `golden show` and
# `golden stats`: the program's behaviour must be untouched and visible in the trace.
# usage: capture_test.sh GOLDEN WORDCOUNT INPUT
set -eu
golden=$1 wordcount=$2 input=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

"$golden" capture -o "$work/wc.json" -- "$wordcount" "$input" "$work/report.txt" >"$work/stdout" \
  || fail "capture exited with $?"
grep -q '^5 lines, 49 words, 257 bytes in ' "$work/stdout" || fail "stdout changed under capture"
grep -q '^words: 49$' "$work/report.txt" || fail "report not written under capture"
[ -s "$work/wc.json" ] || fail "no trace written"
[ ! -e "$work/wc.json.partial" ] || fail "partial file left behind"

"$golden" show "$work/wc.json" >"$work/show" || fail "show exited with $?"
grep -q "^=== run 1 of 1: " "$work/show" || fail "show: no run header"
# AT_FDCWD may carry the working directory, strace -y style: AT_FDCWD</path>; the fd
# number depends on what the test runner left open.
grep -Eq "openat\(AT_FDCWD[^,]*, \"$input\", O_RDONLY\) = [0-9]+<" "$work/show" || {
  grep -E "openat|exited" "$work/show" >&2 || true
  fail "show: input open missing"
}
grep -q "+++ exited with 0 +++" "$work/show" || fail "show: exit missing"

"$golden" stats "$work/wc.json" >"$work/stats" || fail "stats exited with $?"
head -n 1 "$work/stats" | grep -q '^% time     seconds  usecs/call     calls    errors syscall$' \
  || fail "stats: not the strace -c header"
grep -Eq '^100\.00 +[0-9]+\.[0-9]{6} +[0-9]+ +[0-9]+ +[0-9]* *total$' "$work/stats" \
  || fail "stats: no total row"
grep -Eq ' openat$' "$work/stats" || fail "stats: no openat row"

# A program that fails still gets its trace, and golden exits with its status.
set +e
"$golden" capture -o "$work/missing.json" -- "$wordcount" "$work/no-such-input" 2>/dev/null
status=$?
set -e
[ "$status" -eq 1 ] || fail "capture of a failing run exited with $status, expected 1"
[ -s "$work/missing.json" ] || fail "no trace for the failing run"
echo "ok"
