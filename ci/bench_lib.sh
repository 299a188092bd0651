# Sourced by the wall-time benchmarks (bench_capture.sh, bench_source.sh): run the
# variants of a workload in turn and keep each one's median, so that a machine whose load
# drifts affects every variant alike.
#
#   variants=(untraced strace_f golden_default)   # functions: VARIANT CMD...
#   repeat=5
#   measure CMD...       # then ${med[VARIANT]} is the median wall time in ns

declare -A med
measure() {
  declare -A runs=()
  local v t0 t1
  for _ in $(seq "$repeat"); do
    for v in "${variants[@]}"; do
      t0=$(date +%s%N)
      "$v" "$@" >/dev/null 2>&1 || true
      t1=$(date +%s%N)
      runs[$v]+="$((t1 - t0)) "
    done
  done
  for v in "${variants[@]}"; do
    # shellcheck disable=SC2086  # one run per word
    med[$v]=$(printf '%s\n' ${runs[$v]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  done
}

# The machine as the figures were taken.
bench_header() {  # bench_header NAME
  echo "$1: median of $repeat runs, $(nproc) CPUs, kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
}
