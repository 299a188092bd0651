#!/bin/bash
# Source-correlation benchmark (issue 10): what `golden capture --source` adds per traced
# syscall, against what `strace -f -k` (libunwind stack traces) adds, on the same
# workloads in the same run, and against `golden capture` without --source:
#   1. a syscall loop built with -g (getppid x N from main: every call is located);
#   2. the same loop with --source=8 (eight frames kept per call, libc's resolved too);
#   3. a program without debug info (ls -l of a directory: stripped, the whole stack is
#      unwound for every call, frames named from symbol tables).
# Per-call cost = (median wall time - median untraced wall time) / syscalls recorded.
# Each variant runs REPEAT times (default 3), in turn, and the median is taken. Absolute
# times are noisy on shared machines; read the ratios. Target: golden --source adds
# <= 0.2x what strace -k adds (PERF-NOTES.md: ~560 us a call here). Needs a built tree.
set -eu
cd "$(dirname "$0")/.."

golden=${GOLDEN:-build/tools/golden/golden}
loop=${LOOP:-build/testdata/programs/syscall_loop}
n=${N:-10000}
repeat=${REPEAT:-3}
lsdir=${LSDIR:-/usr/bin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in "$golden" "$loop"; do
  [ -x "$f" ] || { echo "bench_source: $f not built; run ci/setup.sh" >&2; exit 2; }
done
command -v strace >/dev/null || { echo "bench_source: strace not installed" >&2; exit 2; }
strace -f -k -o /dev/null true 2>/dev/null ||
  { echo "bench_source: this strace has no -k (built without libunwind)" >&2; exit 2; }

untraced() { "$@"; }
golden_plain() { "$golden" capture -o "$tmp/plain.json" -- "$@"; }
golden_source() { "$golden" capture --source$SOURCE_ARG -o "$tmp/source.json" -- "$@"; }
strace_plain() { strace -f -o "$tmp/strace.txt" "$@"; }
strace_k() { strace -f -k -o "$tmp/strace-k.txt" "$@"; }
variants=(untraced golden_plain golden_source strace_plain strace_k)

# shellcheck source=ci/bench_lib.sh
. ci/bench_lib.sh

# Syscalls in the last --source trace (the same program as every variant ran).
calls() { "$golden" stats "$tmp/source.json" 2>/dev/null | awk '$NF == "total" {print $(NF-2)}'; }
us_per_call() { awk -v t="$1" -v u="${med[untraced]}" -v n="$2" 'BEGIN { printf "%7.1f", (t - u) / n / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" -v u="${med[untraced]}" 'BEGIN { printf "%5.2f", (a - u) / (b - u) }'; }

report() {  # report NAME
  local n_calls
  n_calls=$(calls)
  local located
  located=$(grep -c '"source":{"file":"[^"]' "$tmp/source.json" || true)
  printf '%s: %s syscalls (%s with a source file:line)\n' "$1" "$n_calls" "$located"
  printf '  us per traced syscall: golden %s   golden --source%s %s   strace -f %s   strace -f -k %s\n' \
    "$(us_per_call "${med[golden_plain]}" "$n_calls")" "$SOURCE_ARG" \
    "$(us_per_call "${med[golden_source]}" "$n_calls")" \
    "$(us_per_call "${med[strace_plain]}" "$n_calls")" "$(us_per_call "${med[strace_k]}" "$n_calls")"
  local src_extra k_extra
  src_extra=$(awk -v a="${med[golden_source]}" -v b="${med[golden_plain]}" -v n="$n_calls" \
    'BEGIN { printf "%.1f", (a - b) / n / 1000 }')
  k_extra=$(awk -v a="${med[strace_k]}" -v b="${med[strace_plain]}" -v n="$n_calls" \
    'BEGIN { printf "%.1f", (a - b) / n / 1000 }')
  printf '  added by stacks: --source %s us/call, strace -k %s us/call\n' "$src_extra" "$k_extra"
  printf '  golden --source / strace -k (whole cost per call): %s   golden --source / golden: %s\n' \
    "$(ratio "${med[golden_source]}" "${med[strace_k]}")" \
    "$(ratio "${med[golden_source]}" "${med[golden_plain]}")"
}

bench_header "source benchmark"

SOURCE_ARG=""
measure "$loop" "$n"
report "getppid loop x$n (-g)"

SOURCE_ARG="=8"
measure "$loop" "$n"
report "getppid loop x$n (-g), 8 frames"

SOURCE_ARG=""
measure ls -l "$lsdir"
report "ls -l $lsdir (no debug info)"

echo "target: golden --source / strace -k <= 0.2"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
