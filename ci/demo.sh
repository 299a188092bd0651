#!/bin/sh
# The main job on the bundled example (examples/wordcount): capture a golden trace of
# it, show it and its syscall summary, capture a second run and compare it with the
# golden, and check the golden against the example's budgets
# (examples/wordcount/renacer.toml). Needs ci/setup.sh first. Exits non-zero if the
# second run diverges or a budget is broken, as a CI job would.
set -eu
cd "$(dirname "$0")/.."

golden=build/tools/golden/golden
wordcount=build/examples/wordcount
if [ ! -x "$golden" ] || [ ! -x "$wordcount" ]; then
  echo "ci/demo.sh: build/ is missing golden or the example; run ci/setup.sh first" >&2
  exit 2
fi

out=${GOLDEN_DEMO_DIR:-build/demo}
# build/ may belong to root (ci/setup.sh run as root, this script as another user): fall
# back to a private directory.
if ! mkdir -p "$out" 2>/dev/null || [ ! -w "$out" ]; then
  out=$(mktemp -d)
fi
golden_trace=$out/wordcount.golden.json

echo "== golden capture: recording examples/wordcount into $golden_trace"
"$golden" capture -o "$golden_trace" -- \
  "$wordcount" examples/wordcount/input.txt "$out/report.txt"

echo
echo "== golden show (the run header, then the program's own work after the loader)"
"$golden" show "$golden_trace" >"$out/wordcount.show.txt"
head -n 1 "$out/wordcount.show.txt"
echo "..."
tail -n 12 "$out/wordcount.show.txt"

echo
echo "== golden stats"
"$golden" stats "$golden_trace"

echo
echo "== golden stats --by class"
"$golden" stats "$golden_trace" --by class

echo
echo "== golden compare: a second run against the golden trace"
second=$out/wordcount.second.json
"$golden" capture -o "$second" -- "$wordcount" examples/wordcount/input.txt "$out/report.txt"
"$golden" compare "$golden_trace" "$second"

echo
echo "== golden check: examples/wordcount/renacer.toml"
"$golden" check "$golden_trace" --config examples/wordcount/renacer.toml
