#!/bin/sh
# Builds golden's libFuzzer targets (tools/fuzz) with clang under ASan+UBSan, in the build
# directory ci/sanitize.sh uses (ci/sanitized_build.sh), and runs each for a fixed number
# of inputs from seed corpora: testdata's real inputs (traces, configs) plus
# testdata/fuzz/<target>/ (hand-made seeds and every input that ever crashed a target,
# kept as regression cases). Fails on any crash, leak, hang, OOM or sanitizer
# report. New inputs the fuzzer finds go to a scratch corpus, not to the tree.
#
#   ci/fuzz.sh              # all targets, a fixed number of inputs each (runs_for below)
#   ci/fuzz.sh trace_json   # some targets
#   GOLDEN_FUZZ_RUNS=1000000 ci/fuzz.sh trace_json   # a longer session
set -eu
cd "$(dirname "$0")/.."
src=$(pwd)

ci/install-deps.sh

build=${GOLDEN_SANITIZE_BUILD:-build-sanitize}
# Inputs per target (GOLDEN_FUZZ_RUNS overrides for all): the whole step takes a few
# minutes on 2 cores; the readers are slowest (each input is read whole, in chunks, and
# written and read back).
runs_for() {
  if [ -n "${GOLDEN_FUZZ_RUNS:-}" ]; then echo "$GOLDEN_FUZZ_RUNS"; return; fi
  case $1 in
    trace_json|renacer_import|zstd_framing) echo 20000 ;;
    *) echo 100000 ;;
  esac
}
targets=${*:-"trace_json zstd_framing renacer_import assertion_config compare_config syscall_filter"}

fuzzers=""
for t in $targets; do fuzzers="$fuzzers golden_fuzz_$t"; done
# shellcheck disable=SC2086  # one target per word
ci/sanitized_build.sh $fuzzers

# Seeds for a target: testdata's files of its kind, then testdata/fuzz/<target>/.
seeds() {
  case $1 in
    trace_json) ls testdata/traces/*.json ;;
    renacer_import) ls testdata/traces/renacer-*.json ;;
    zstd_framing) ls testdata/traces/*.zst | grep -v bomb ;;  # bombs: seeds too slow to be useful
    assertion_config) ls testdata/assertions/configs/*.toml testdata/assertions/bad/*.toml \
      examples/*/*.toml testdata/package_consumer/*.toml 2>/dev/null ;;
    compare_config) grep -l '^\[compare' -r testdata examples --include='*.toml' ;;
    syscall_filter) : ;;  # all in testdata/fuzz/syscall_filter
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in $targets; do
  work=$(mktemp -d)
  seed_dir=$work/seeds
  mkdir -p "$seed_dir" "$work/new"
  for f in $(seeds "$t"); do cp "$f" "$seed_dir/"; done
  [ -d "testdata/fuzz/$t" ] && cp testdata/fuzz/"$t"/* "$seed_dir/" 2>/dev/null || true
  dict=""
  [ -f "testdata/fuzz/$t.dict" ] && dict="-dict=$src/testdata/fuzz/$t.dict"
  runs=$(runs_for "$t")
  start=$(date +%s)
  # -rss_limit_mb: the readers' memory is bounded; a target that needs more has a bug.
  # -timeout: seconds for one input (a hang). -max_len: room for the seed traces.
  if (cd "$work" && "$src/$build/tools/fuzz/golden_fuzz_$t" -runs="$runs" -seed=1 \
        -rss_limit_mb=2048 -timeout=25 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$work/" $dict new "$seed_dir") >"$work/log" 2>&1; then
    echo "fuzz $t: ok, $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" |
      grep -o '[0-9]*$') inputs in $(( $(date +%s) - start )) s"
    rm -rf "$work"
  else
    status=1
    tail -n 60 "$work/log"
    echo "fuzz $t: FAILED after $(( $(date +%s) - start )) s; the input is in $work" \
      "(add it to testdata/fuzz/$t/ with the fix, and a regression test to the suite)"
  fi
done
exit $status
