#!/bin/sh
# Configures and builds golden under ASan + UBSan with clang, for ci/sanitize.sh (the test
# suite) and ci/fuzz.sh (the libFuzzer targets): one build directory serves both, so CI
# compiles the libraries once. Code is also instrumented for libFuzzer's coverage
# (-fsanitize=fuzzer-no-link; the ASan runtime provides the hooks for programs that are
# not fuzzers).
#
#   ci/sanitized_build.sh [TARGET...]     # default: everything, tests and fuzzers
#
# Only C++ is instrumented (CMAKE_CXX_FLAGS; CMake links C++ targets with them too). The C
# programs stay as they are, and must: the tracee programs (testdata/programs) are checked
# syscall by syscall against strace and against committed goldens, which an ASan runtime
# starting up inside them would change, and the allocation-counting preload library
# (tools/golden_alloc) is LD_PRELOADed into arbitrary programs, where an ASan runtime that
# is not first in the library list refuses to start.
set -eu
cd "$(dirname "$0")/.."

jobs=${GOLDEN_JOBS:-2}
build=${GOLDEN_SANITIZE_BUILD:-build-sanitize}
# -O1: ASan's recommended minimum and a quicker build than -O2; -g1: line tables, enough
# for symbolized reports. -fno-sanitize-recover: UBSan aborts like ASan does.
flags="-O1 -g1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Sanitize \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$flags -fsanitize=fuzzer-no-link" \
  -DGOLDEN_BUILD_TESTS=ON -DGOLDEN_BUILD_FUZZERS=ON >/dev/null
for t in "$@"; do set -- "$@" --target "$t"; shift; done
cmake --build "$build" -j "$jobs" "$@"
