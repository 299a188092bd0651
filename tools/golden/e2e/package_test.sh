#!/bin/sh
# package_test.sh CMAKE CTEST BUILD_DIR CONSUMER_DIR
#
# golden as a user meets it after `cmake --install`: installs BUILD_DIR (already built;
# nothing is rebuilt) into a temporary prefix, checks `golden capture --track-alloc` from
# there, then builds the project CONSUMER_DIR (testdata/package_consumer, copied: its
# goldens are written beside its sources) with only CMAKE_PREFIX_PATH pointing at the
# prefix, and runs its tests — golden_add_test ones and a GoogleTest program linking
# golden::testing: the first ctest records the goldens, the second passes, a changed
# output fails, and with CI set a missing golden fails and only FILE.new is written.
# Also: two tests sharing a golden and find_package(golden 0.2) are configure errors.
set -eu
cmake=$1 ctest=$2 build=$3 consumer=$4

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
# Whatever the outer environment says, the first runs below are a developer's.
unset CI GOLDEN_UPDATE GREETING

fail() {
  echo "package_test: FAIL: $*" >&2
  exit 1
}
step() {
  printf '\n== %s\n' "$*"
}
# expect LOG PATTERN: the log must contain the (fixed-string) pattern.
expect() {
  grep -qF -- "$2" "$1" || { cat "$1"; fail "expected '$2' in $(basename "$1")"; }
}
# expect_message LOG PATTERN: the same across CMake's line wrapping of messages.
expect_message() {
  tr -s ' \n' '  ' <"$1" | grep -qF -- "$2" || { cat "$1"; fail "expected '$2' in $(basename "$1")"; }
}

step "cmake --install into a temporary prefix"
prefix=$work/prefix
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "cmake --install"; }
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:[A-Z]*=//p' "$build/CMakeCache.txt")
for f in bin/golden "$libdir/golden/libgolden_alloc.so" "$libdir/libgolden_io.a" \
  include/golden/io/trace_reader.hpp "$libdir/cmake/golden/goldenConfig.cmake" \
  "$libdir/cmake/golden/goldenConfigVersion.cmake" "$libdir/cmake/golden/goldenTargets.cmake" \
  "$libdir/cmake/golden/goldenTesting.cmake"; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
echo "installed: $(cd "$prefix" && find . -type f | wc -l) files"

step "golden capture --track-alloc finds the installed libgolden_alloc.so"
"$prefix/bin/golden" capture --track-alloc -o "$work/alloc.json" -- true
# The loader opens the preload library: the trace names the one golden chose.
real_prefix=$(cd "$prefix" && pwd -P)
expect "$work/alloc.json" "$real_prefix/$libdir/golden/libgolden_alloc.so"

step "configure and build the consumer with CMAKE_PREFIX_PATH only"
cp -R "$consumer" "$work/src"
"$cmake" -S "$work/src" -B "$work/build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; fail "configuring the consumer"; }
expect "$work/build/CMakeCache.txt" "golden_DIR:PATH=$prefix/$libdir/cmake/golden"
"$cmake" --build "$work/build" -j 2 >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; fail "building the consumer"; }
"$ctest" --test-dir "$work/build" -N -V >"$work/list.log"
expect "$work/list.log" "Test command: $prefix/bin/golden \"verify\""
goldens=$work/src/goldens

step "ctest, first run: records the goldens"
"$ctest" --test-dir "$work/build" --output-on-failure -j 2 -V >"$work/run1.log" 2>&1 ||
  { cat "$work/run1.log"; fail "first ctest run"; }
for t in greet_stdout greet_file echo; do
  expect "$work/run1.log" "recorded new golden trace $goldens/$t.golden.json"
done
grep -Eq 'Test +#[0-9]+: greet_test \.+ +Passed' "$work/run1.log" ||
  { cat "$work/run1.log"; fail "greet_test (golden::testing) did not pass"; }
grep -h "tests passed" "$work/run1.log"
"$work/build/trace_summary" "$goldens/greet_stdout.golden.json" >"$work/summary.log"
cat "$work/summary.log"
expect "$work/summary.log" "exit status 0: "

step "ctest, second run: matches"
"$ctest" --test-dir "$work/build" --output-on-failure -j 2 -V >"$work/run2.log" 2>&1 ||
  { cat "$work/run2.log"; fail "second ctest run"; }
for t in greet_stdout greet_file echo; do
  expect "$work/run2.log" "matches $goldens/$t.golden.json"
done
grep -h "tests passed" "$work/run2.log"
ls "$goldens" | grep -q '\.new$' && fail "a passing run left a .new file"

step "greet_file matches through its COMPARE_CONFIG only"
if (cd "$work/build" && "$prefix/bin/golden" verify --golden "$goldens/greet_file.golden.json" \
  -- ./greet --out greeting.txt world) >"$work/nocompare.log" 2>&1; then
  cat "$work/nocompare.log"
  fail "greet_file matched without compare.toml: the test proves nothing"
fi
expect "$work/nocompare.log" 'content of $CWD/greet.stamp differs'
rm -f "$goldens/greet_file.golden.json.new"
echo "without --compare-config compare.toml: greet.stamp differs"

step "a changed output fails"
if GREETING=bye "$ctest" --test-dir "$work/build" --output-on-failure -R greet_stdout \
  >"$work/run3.log" 2>&1; then
  cat "$work/run3.log"
  fail "greet_stdout passed with a different greeting"
fi
expect "$work/run3.log" "behaviour differs from $goldens/greet_stdout.golden.json"
grep -F -A3 "[1]" "$work/run3.log" | head -n 4
rm -f "$goldens/greet_stdout.golden.json.new"

step "CI set, golden missing: fails and writes only FILE.new"
rm "$goldens/echo.golden.json"
if CI=1 "$ctest" --test-dir "$work/build" --output-on-failure -R '^echo$' >"$work/run4.log" 2>&1; then
  cat "$work/run4.log"
  fail "echo passed on CI without its golden"
fi
expect "$work/run4.log" "CI is set"
[ ! -e "$goldens/echo.golden.json" ] || fail "CI run wrote the golden"
[ -s "$goldens/echo.golden.json.new" ] || fail "CI run did not write echo.golden.json.new"
echo "echo.golden.json absent, echo.golden.json.new written"

step "two tests sharing a golden: configure error"
if "$cmake" -S "$work/src" -B "$work/build-dup" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCONSUMER_DUPLICATE_GOLDEN=ON >"$work/dup.log" 2>&1; then
  fail "a duplicate GOLDEN was accepted"
fi
expect_message "$work/dup.log" "is already the golden of test greet_stdout"

step "find_package(golden 0.2) fails against golden 0.1"
mkdir "$work/v02"
cat >"$work/v02/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(v02 LANGUAGES NONE)
find_package(golden 0.2 REQUIRED)
CMAKE
if "$cmake" -S "$work/v02" -B "$work/v02/build" -DCMAKE_PREFIX_PATH="$prefix" \
  >"$work/v02.log" 2>&1; then
  fail "find_package(golden 0.2) succeeded"
fi
expect_message "$work/v02.log" "version: 0.1.0"

printf '\npackage_test: PASS\n'
