#!/bin/bash
# Capture overhead benchmark (issue 2): wall time of golden capture as ratios, in one
# run, against strace -f -o FILE and against the untraced program, on
#   1. a syscall-heavy loop (getppid x N),
#   2. a real tool (ls -lR /usr/include),
#   3. -e trace=openat on the loop, whose syscalls are all filtered out (seccomp), with
#      NF (default 2,000,000) iterations: a capture has a fixed start-up cost (printed
#      separately, as the capture of `true`) that would otherwise hide the per-call cost
#      of the seccomp filter this case is about.
# Each figure is the median of REPEAT runs. Absolute times are noisy on shared
# machines; the ratios are what to read. Needs a built tree (ci/setup.sh).
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

# median_ns CMD...: runs CMD $repeat times (output discarded), prints the median ns.
median_ns() {
  local times=() t0 t1
  for _ in $(seq "$repeat"); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

ms() { awk -v ns="$1" 'BEGIN { printf "%9.1f ms", ns / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%6.2f", a / b }'; }

report() {  # report NAME UNTRACED_NS STRACE_NS GOLDEN_NS
  printf '%-28s untraced %s   strace -f %s   golden %s   golden/strace %s   golden/untraced %s\n' \
    "$1" "$(ms "$2")" "$(ms "$3")" "$(ms "$4")" "$(ratio "$4" "$3")" "$(ratio "$4" "$2")"
}

echo "capture benchmark: median of $repeat runs, $(nproc) CPUs, kernel $(uname -r)"

u=$(median_ns "$loop" "$n")
s=$(median_ns strace -f -o "$tmp/strace.txt" "$loop" "$n")
g=$(median_ns "$golden" capture -o "$tmp/loop.json" -- "$loop" "$n")
report "getppid loop x$n" "$u" "$s" "$g"
events=$("$golden" stats "$tmp/loop.json" | awk '$NF == "total" {print $(NF-2)}')
echo "  (golden recorded $events syscalls; trace $(du -h "$tmp/loop.json" | cut -f1))"

u=$(median_ns ls -lR /usr/include)
s=$(median_ns strace -f -o "$tmp/strace.txt" ls -lR /usr/include)
g=$(median_ns "$golden" capture -o "$tmp/ls.json" -- ls -lR /usr/include)
report "ls -lR /usr/include" "$u" "$s" "$g"

u=$(median_ns "$loop" "$nf")
s=$(median_ns strace -f --seccomp-bpf -e trace=openat -o "$tmp/strace.txt" "$loop" "$nf")
g=$(median_ns "$golden" capture -e trace=openat -o "$tmp/filtered.json" -- "$loop" "$nf")
report "loop x$nf, -e trace=openat" "$u" "$s" "$g"

u=$(median_ns true)
s=$(median_ns strace -f -o "$tmp/strace.txt" true)
g=$(median_ns "$golden" capture -o "$tmp/true.json" -- true)
report "start-up: true" "$u" "$s" "$g"

echo "targets: full capture golden/strace <= 1.0 (aim 0.8); filtered golden/untraced <= 1.5"
