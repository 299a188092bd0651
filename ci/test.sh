#!/bin/sh
# Installs what is missing, builds golden with its tests and runs the whole suite.
set -eu
cd "$(dirname "$0")/.."

ci/install-deps.sh

jobs=${GOLDEN_JOBS:-2}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGOLDEN_BUILD_TESTS=ON
cmake --build build -j "$jobs"
cd build
ctest --output-on-failure -j "$jobs"
