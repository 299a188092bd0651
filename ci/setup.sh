#!/bin/sh
# Installs every dependency of golden (Debian 12, as root), then configures build/ and
# builds only what ci/demo.sh runs: the golden executable, libgolden_alloc.so and the
# wordcount example (not the test suite: ci/test.sh builds that). Safe to run again, and
# before or after ci/test.sh on the same build/: apt only installs what is missing, the
# build is incremental, and switching GOLDEN_BUILD_TESTS rebuilds nothing already built.
set -eu
cd "$(dirname "$0")/.."

ci/install-deps.sh

jobs=${GOLDEN_JOBS:-2}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGOLDEN_BUILD_TESTS=OFF
cmake --build build -j "$jobs" --target golden golden_alloc golden_example_wordcount
echo "ci/setup.sh: built into build/ (golden is build/tools/golden/golden)"
