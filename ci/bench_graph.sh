#!/bin/sh
# Causal graph and critical path benchmark: golden_graph_bench builds the DAG and solves
# the critical path of a generated multi-process trace (EVENTS, default 200000: a parent
# and its children, reaps, pipe data), REPEAT times; the reference measured in the same
# run is reading that trace file (golden stats), so the figure reads as "graph + path
# cost N times a read". Needs a configured build/.
set -eu
cd "$(dirname "$0")/.."
events=${EVENTS:-200000}
repeat=${REPEAT:-3}
cmake --build build --target golden golden_graph_bench golden_equivalence_tracegen \
  -j "${GOLDEN_JOBS:-2}" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build/equivalence/bench/golden_equivalence_tracegen "$tmp/t.json" "$events" a >/dev/null
now() { date +%s.%N; }
start=$(now)
i=0
while [ "$i" -lt "$repeat" ]; do
  build/tools/golden/golden stats "$tmp/t.json" >/dev/null
  i=$((i + 1))
done
read_s=$(echo "$(now) $start $repeat" | awk '{printf "%.4f", ($1 - $2) / $3}')
echo "reading the trace (golden stats): $read_s s a run"
build/core/graph/golden_graph_bench "$tmp/t.json" "$repeat" | tee "$tmp/graph.txt"
awk -v r="$read_s" '/^build .* total/ {for (i = 1; i <= NF; i++) if ($i == "total") t = $(i + 1); n++; s += t}
  END {if (n) printf "graph + critical path: %.4f s a run = %.2fx of reading the trace\n", s / n, s / n / r}' "$tmp/graph.txt"
