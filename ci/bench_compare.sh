#!/bin/sh
# Benchmark of `golden compare` (not a timed test): two generated 200k-event traces of
# the same behaviour (different pids, temp dir and write chunking), compared with
# /usr/bin/time -v; prints wall time and peak RSS against the targets (< 2 s, < 1 GB).
# Also times a divergent pair (one changed output line among 200k events).
#
#   ci/bench_compare.sh [BUILD_DIR] [EVENTS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
events=${2:-200000}

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target golden golden_equivalence_tracegen -j2 >/dev/null
golden=$build/tools/golden/golden
gen=$build/equivalence/bench/golden_equivalence_tracegen
[ -x /usr/bin/time ] || { echo "bench_compare: /usr/bin/time is required (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gen" "$work/a.json" "$events" a
"$gen" "$work/b.json" "$events" b
"$gen" "$work/m.json" "$events" mutated

measure() {
  label=$1 expect=$2
  shift 2
  set +e
  /usr/bin/time -v "$@" >"$work/out.txt" 2>"$work/time.txt"
  status=$?
  set -e
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  verdict=ok
  if [ "$status" != "$expect" ]; then verdict="UNEXPECTED EXIT $status (wanted $expect)"; fi
  if awk "BEGIN { exit !($secs >= 2) }"; then verdict="$verdict; over the 2 s target"; fi
  if [ "$rss" -ge 1048576 ]; then verdict="$verdict; over the 1 GB target"; fi
  printf '%-28s wall %6.2f s   peak RSS %7.1f MB   %s\n' "$label" "$secs" "$(echo "$rss" | awk '{print $1/1024}')" "$verdict"
}

echo "golden compare, $events events per trace:"
measure "equivalent pair (exit 0)" 0 "$golden" compare "$work/a.json" "$work/b.json"
measure "divergent pair (exit 1)" 1 "$golden" compare "$work/a.json" "$work/m.json"
measure "normalize one trace" 0 "$golden" normalize "$work/a.json" -o "$work/n.txt"
