#!/bin/bash
# Capture overhead benchmark (issue 2): wall time of golden capture as ratios, in one
# run, against strace -f -o FILE and against the untraced program, on
#   1. a syscall-heavy loop (getppid x N),
#   2. a real tool (ls -lR /usr/include),
#   3. -e trace=openat on the loop, whose syscalls are all filtered out (seccomp), with
#      NF (default 2,000,000) iterations: a capture has a fixed start-up cost (printed
#      separately, as the capture of `true`) that would otherwise hide the per-call cost
#      of the seccomp filter this case is about.
# golden runs a launched program on its own CPU (README: "--no-pin"); so that the
# figures say where its speed comes from, two more columns run both tracers with the
# same placement: golden --no-pin, and strace pinned to one CPU with taskset (the
# placement golden uses by default).
# The variants of a workload are run in turn, REPEAT times (default 5), and each
# figure is the median of its runs: a machine whose load drifts affects all alike.
# Absolute times are noisy on shared machines; the ratios are what to read. Needs a
# built tree (ci/setup.sh).
# BASELINE=path/to/an/older/golden adds that binary as one more variant, run in turn with
# the others, and prints golden/baseline: the way to show a change costs nothing.
set -eu
cd "$(dirname "$0")/.."

golden=${GOLDEN:-build/tools/golden/golden}
loop=${LOOP:-build/testdata/programs/syscall_loop}
n=${N:-200000}
nf=${NF:-2000000}
repeat=${REPEAT:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in "$golden" "$loop"; do
  [ -x "$f" ] || { echo "bench_capture: $f not built; run ci/setup.sh" >&2; exit 2; }
done
command -v strace >/dev/null || { echo "bench_capture: strace not installed" >&2; exit 2; }
cpu=$(taskset -pc $$ | sed 's/.*: //; s/[-,].*//')

untraced() { "$@"; }
strace_f() { strace -f $STRACE_OPTS -o "$tmp/strace.txt" "$@"; }
strace_pinned() { taskset -c "$cpu" strace -f $STRACE_OPTS -o "$tmp/strace.txt" "$@"; }
golden_default() { "$golden" capture $GOLDEN_OPTS -o "$tmp/trace.json" -- "$@"; }
golden_no_pin() { "$golden" capture --no-pin $GOLDEN_OPTS -o "$tmp/trace.json" -- "$@"; }
golden_baseline() { "$BASELINE" capture $GOLDEN_OPTS -o "$tmp/baseline.json" -- "$@"; }
variants=(untraced strace_f golden_default strace_pinned golden_no_pin)
if [ -n "${BASELINE:-}" ]; then
  [ -x "$BASELINE" ] || { echo "bench_capture: BASELINE $BASELINE is not an executable" >&2; exit 2; }
  variants+=(golden_baseline)
fi

# shellcheck source=ci/bench_lib.sh
. ci/bench_lib.sh

ms() { awk -v ns="$1" 'BEGIN { printf "%8.1f ms", ns / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%5.2f", a / b }'; }

report() {  # report NAME: the medians of the last measure
  printf '%s\n' "$1"
  printf '  untraced %s   strace -f %s   golden %s   golden/strace %s   golden/untraced %s\n' \
    "$(ms "${med[untraced]}")" "$(ms "${med[strace_f]}")" "$(ms "${med[golden_default]}")" \
    "$(ratio "${med[golden_default]}" "${med[strace_f]}")" \
    "$(ratio "${med[golden_default]}" "${med[untraced]}")"
  printf '  same placement: golden vs taskset strace (one CPU) %s / %s = %s;' \
    "$(ms "${med[golden_default]}")" "$(ms "${med[strace_pinned]}")" \
    "$(ratio "${med[golden_default]}" "${med[strace_pinned]}")"
  printf ' golden --no-pin vs strace -f %s / %s = %s\n' \
    "$(ms "${med[golden_no_pin]}")" "$(ms "${med[strace_f]}")" \
    "$(ratio "${med[golden_no_pin]}" "${med[strace_f]}")"
  if [ -n "${BASELINE:-}" ]; then
    printf '  against the baseline: golden %s / baseline %s = %s\n' "$(ms "${med[golden_default]}")" \
      "$(ms "${med[golden_baseline]}")" "$(ratio "${med[golden_default]}" "${med[golden_baseline]}")"
  fi
}

bench_header "capture benchmark"

STRACE_OPTS="" GOLDEN_OPTS=""
measure "$loop" "$n"
report "getppid loop x$n"
"$golden" capture -o "$tmp/loop.json" -- "$loop" "$n" >/dev/null 2>&1
events=$("$golden" stats "$tmp/loop.json" | awk '$NF == "total" {print $(NF-2)}')
echo "  (golden recorded $events syscalls; trace $(du -h "$tmp/loop.json" | cut -f1))"

measure ls -lR /usr/include
report "ls -lR /usr/include"

STRACE_OPTS="--seccomp-bpf -e trace=openat" GOLDEN_OPTS="-e trace=openat"
measure "$loop" "$nf"
report "loop x$nf, -e trace=openat"

STRACE_OPTS="" GOLDEN_OPTS=""
measure true
report "start-up: true"

echo "targets: full capture golden/strace <= 1.0 (aim 0.8); filtered golden/untraced <= 1.5"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
