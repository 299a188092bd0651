#!/bin/sh
# consumer_test.sh GOLDEN_BUILD_DIR — golden as its users meet it (CTest case
# example.port.consumer): install golden from GOLDEN_BUILD_DIR into a temporary prefix,
# build examples/port against that prefix alone, and run the project's tests:
#   1. first ctest run: passes and records every golden under testdata/
#   2. second run: passes against those goldens, and rewrites none of them
#   3. the C++ port's output changed: ctest fails, with a readable divergence
#      ("stdout differs" and the -/+ diff lines), and the goldens are not touched
#   4. port restored, two goldens deleted, CI=1: ctest fails for exactly those two
#      tests, the goldens are not written, <golden>.new are
# With GOLDEN_PREFIX set, that installed golden is used and nothing is installed.
# KEEP_WORK=1 keeps the work directory (printed) for a look afterwards. CMAKE and CTEST
# name the cmake and ctest to use (golden's own test passes those of its build).
set -eu
cmake=${CMAKE:-cmake}
ctest=${CTEST:-ctest}

if [ $# -ne 1 ] && [ -z "${GOLDEN_PREFIX:-}" ]; then
  echo "usage: $0 GOLDEN_BUILD_DIR   (or GOLDEN_PREFIX=<installed golden> $0 -)" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/golden-consumer.XXXXXX")
cleanup() {
  if [ "${KEEP_WORK:-}" = 1 ]; then echo "consumer_test: work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The update rules are what this test checks: the caller's environment must not choose.
unset CI GOLDEN_UPDATE

step() { printf '\n=== consumer_test: %s\n' "$*"; }
fail() {
  echo "consumer_test: FAIL: $*" >&2
  exit 1
}
# run_ctest LOG [VAR=VALUE...]: ctest in the build, output in LOG and printed; its status in $status.
run_ctest() {
  log=$1
  shift
  if env "$@" "$ctest" --test-dir "$work/build" --output-on-failure -j2 >"$log" 2>&1; then status=0; else status=$?; fi
  cat "$log"
}
build() {
  "$cmake" --build "$work/build" -j2 >"$work/build.log" 2>&1 || {
    cat "$work/build.log"
    fail "building the project failed"
  }
}

project="$work/project"
goldens="csvsum.sales csvsum.weather csvsum.malformed csvsum.missing_input csvsum.original.sales
         port_test.sales port_test.weather"
golden_file() { echo "$project/testdata/$1.golden.json"; }
checksums() {
  for g in $goldens; do cksum "$(golden_file "$g")"; done
}

if [ -n "${GOLDEN_PREFIX:-}" ]; then
  prefix=$GOLDEN_PREFIX
  step "using the golden installed in $prefix"
else
  prefix="$work/prefix"
  step "cmake --install $1 --prefix $prefix"
  "$cmake" --install "$1" --prefix "$prefix" >"$work/install.log" 2>&1 || {
    cat "$work/install.log"
    fail "installing golden from $1 failed"
  }
fi

step "copy the project without its goldens to $project"
cp -R "$here" "$project"
mkdir -p "$project/testdata"
find "$project/testdata" -name '*.golden.json*' -exec rm -f {} +

step "configure against $prefix only"
"$cmake" -S "$project" -B "$work/build" -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log" 2>&1 || {
  cat "$work/configure.log"
  fail "configuring the project failed"
}
build

step "first ctest run: records the goldens"
run_ctest "$work/run1.log"
[ "$status" -eq 0 ] || fail "the first run failed (status $status): it should record the goldens and pass"
for g in $goldens; do
  [ -s "$(golden_file "$g")" ] || fail "the first run did not record $(golden_file "$g")"
done
checksums >"$work/goldens.sum"

step "second ctest run: passes against the recorded goldens"
run_ctest "$work/run2.log"
[ "$status" -eq 0 ] || fail "the second run failed (status $status) against the goldens the first one recorded"
checksums | cmp -s - "$work/goldens.sum" || fail "the second run rewrote a golden"
grep -q 'tests passed' "$work/run2.log" || fail "no test summary in the second run's output"

step "change the port's output (\" rows, \" -> \" records, \"), rebuild, run: must fail"
port="$project/cpp/csvsum.cpp"
cp "$port" "$work/csvsum.cpp.orig"
sed 's/" rows, "/" records, "/' "$work/csvsum.cpp.orig" >"$port"
cmp -s "$port" "$work/csvsum.cpp.orig" && fail "the sed did not change $port"
build
echo "--- ctest output with the changed port:"
run_ctest "$work/run3.log"
echo "--- end of ctest output with the changed port"
[ "$status" -ne 0 ] || fail "ctest passed although the port's output changed"
grep -q 'stdout differs' "$work/run3.log" || fail "the failure output does not say 'stdout differs'"
grep -Eq '^[[:space:]]*-".*: 7 rows, 6 columns' "$work/run3.log" ||
  fail "the failure output has no '-' diff line with the golden's \"7 rows, 6 columns\""
grep -Eq '^[[:space:]]*\+".*: 7 records, 6 columns' "$work/run3.log" ||
  fail "the failure output has no '+' diff line with the new \"7 records, 6 columns\""
checksums | cmp -s - "$work/goldens.sum" || fail "a failing run (no CI, no GOLDEN_UPDATE) rewrote a golden"

step "restore the port, delete two goldens, run with CI=1: must fail and write only .new files"
cp "$work/csvsum.cpp.orig" "$port"
build
find "$project/testdata" -name '*.golden.json.new' -exec rm -f {} +
missing="csvsum.sales port_test.sales"
for g in $missing; do rm -f "$(golden_file "$g")"; done
run_ctest "$work/run4.log" CI=1
[ "$status" -ne 0 ] || fail "ctest passed with CI=1 although goldens were missing"
for g in $missing; do
  [ ! -e "$(golden_file "$g")" ] || fail "with CI=1 the missing golden $(golden_file "$g") was written"
  [ -s "$(golden_file "$g").new" ] || fail "with CI=1 no $(golden_file "$g").new was written for review"
done
# Only the tests of the deleted goldens fail: the restored port matches the others.
failed=$(sed -n '/The following tests FAILED:/,$p' "$work/run4.log" | grep -E '^[[:space:]]+[0-9]+ - ' || true)
echo "$failed" | grep -q 'csvsum\.sales ' || fail "csvsum.sales is not among the failed tests"
echo "$failed" | grep -q 'MatchesItsGoldenAndBudgets' || fail "the EXPECT_MATCHES_GOLDEN test is not among the failed tests"
[ "$(echo "$failed" | wc -l)" -eq 2 ] || fail "more tests failed with CI=1 than the two whose goldens are missing"

step "PASS"
