#!/bin/sh
# Benchmark of `golden compare` (not a timed test): two generated 200k-event traces of
# the same behaviour (different pids, temp dir and write chunking), compared with
# /usr/bin/time -v; prints wall time, CPU time and peak RSS against the targets (< 2 s,
# < 1 GB). Also times a divergent pair (one changed output line among 200k events) and
# `golden normalize` of one trace.
#
# Where the time goes: `golden stats` is the read-only baseline — of one trace for
# normalize, of both at once for compare (which reads its two traces in parallel) — so
# the difference is roughly the equivalence layer; golden_equivalence_phases then
# times each phase on traces already in memory.
#
#   ci/bench_compare.sh [BUILD_DIR] [EVENTS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
events=${2:-200000}

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target golden golden_equivalence_tracegen golden_equivalence_phases -j2 >/dev/null
golden=$build/tools/golden/golden
gen=$build/equivalence/bench/golden_equivalence_tracegen
phases=$build/equivalence/bench/golden_equivalence_phases
[ -x /usr/bin/time ] || { echo "bench_compare: /usr/bin/time is required (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gen" "$work/a.json" "$events" a
"$gen" "$work/b.json" "$events" b
"$gen" "$work/m.json" "$events" mutated

# measure VAR LABEL EXPECTED_EXIT TARGETS(yes|no) CMD...: one line; the wall and CPU
# times are left in $VAR and ${VAR}_cpu for the split below.
measure() {
  var=$1 label=$2 expect=$3 targets=$4
  shift 4
  set +e
  /usr/bin/time -v "$@" >"$work/out.txt" 2>"$work/time.txt"
  status=$?
  set -e
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  user=$(sed -n 's/.*User time (seconds): //p' "$work/time.txt")
  sys=$(sed -n 's/.*System time (seconds): //p' "$work/time.txt")
  secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  verdict=ok
  if [ "$status" != "$expect" ]; then verdict="UNEXPECTED EXIT $status (wanted $expect)"; fi
  if [ "$targets" = yes ]; then
    if awk "BEGIN { exit !($secs >= 2) }"; then verdict="$verdict; over the 2 s target"; fi
    if [ "$rss" -ge 1048576 ]; then verdict="$verdict; over the 1 GB target"; fi
  fi
  cpu=$(echo "$user $sys" | awk '{print $1 + $2}')
  printf '%-30s wall %6.2f s   cpu %6.2f s   peak RSS %7.1f MB   %s\n' "$label" "$secs" "$cpu" \
    "$(echo "$rss" | awk '{print $1/1024}')" "$verdict"
  eval "$var=$secs ${var}_cpu=$cpu"
}

echo "golden compare, $events events per trace:"
measure read "read one (golden stats A)" 0 no "$golden" stats "$work/a.json"
measure read2 "read two (stats A & stats B)" 0 no sh -c \
  "'$golden' stats '$work/a.json' >/dev/null & '$golden' stats '$work/b.json' >/dev/null; wait"
measure equivalent "equivalent pair (exit 0)" 0 yes "$golden" compare "$work/a.json" "$work/b.json"
measure divergent "divergent pair (exit 1)" 1 yes "$golden" compare "$work/a.json" "$work/m.json"
measure normalized "normalize one trace" 0 yes "$golden" normalize "$work/a.json" -o "$work/n.txt"

echo
# Wall times swing with whatever else the machine runs; CPU times less so (though two
# threads on one core's siblings cost more CPU than one).
echo "split:                               wall        cpu"
awk -v r="$read" -v r2="$read2" -v e="$equivalent" -v d="$divergent" -v n="$normalized" \
    -v rc="$read_cpu" -v r2c="$read2_cpu" -v ec="$equivalent_cpu" -v dc="$divergent_cpu" \
    -v nc="$normalized_cpu" 'BEGIN {
  printf "  reading one trace              %6.2f s   %6.2f s\n", r, rc
  printf "  reading two at once            %6.2f s   %6.2f s\n", r2, r2c
  printf "  equivalent pair after reading  %6.2f s   %6.2f s\n", e - r2, ec - r2c
  printf "  divergent pair after reading   %6.2f s   %6.2f s\n", d - r2, dc - r2c
  printf "  normalize after reading        %6.2f s   %6.2f s\n", n - r, nc - rc
}'
echo "phases on traces in memory (golden_equivalence_phases A B):"
"$phases" "$work/a.json" "$work/b.json" | sed 's/^/  /'
