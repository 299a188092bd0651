#!/bin/sh
# The whole unit-test suite once under AddressSanitizer + UndefinedBehaviorSanitizer (gcc),
# in a build directory of its own. Any sanitizer report fails the test that triggered it
# (-fno-sanitize-recover: UBSan aborts too; ASan/LSan always do).
#
# Only C++ is instrumented (CMAKE_CXX_FLAGS; CMake links C++ targets with them too). The C
# programs stay as they are, and must: the tracee programs (testdata/programs) are checked
# syscall by syscall against strace and against committed goldens, which an ASan runtime
# starting up inside them would change, and the allocation-counting preload library
# (tools/golden_alloc) is LD_PRELOADed into arbitrary programs, where an ASan runtime that
# is not first in the library list refuses to start.
set -eu
cd "$(dirname "$0")/.."

ci/install-deps.sh

jobs=${GOLDEN_JOBS:-2}
build=${GOLDEN_SANITIZE_BUILD:-build-asan}
# -O1: ASan's recommended minimum, and the quickest build of the suite that is not -O0's
# slow run; -g1: line tables, enough for symbolized reports.
flags="-O1 -g1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS="$flags" \
  -DGOLDEN_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j "$jobs"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build"
# Left out, by label:
#  package, consumer: install this build and compile a project against it with the
#    consumer's own (uninstrumented) flags, which cannot link ASan-built libraries.
ctest --output-on-failure -j "$jobs" -LE '^(package|consumer)$'
