#!/bin/sh
# Installs what is missing, builds golden with its tests and runs the whole suite; then
# the suite again under ASan+UBSan (ci/sanitize.sh) and every loader's libFuzzer target
# for a fixed number of inputs (ci/fuzz.sh). GOLDEN_SANITIZE=0 skips those two stages
# (a quicker local run; CI runs them).
set -eu
cd "$(dirname "$0")/.."

ci/install-deps.sh

jobs=${GOLDEN_JOBS:-2}
started=$(date +%s)
stage() { echo "== ci/test.sh: $1 ($(( $(date +%s) - started )) s so far)"; }

stage "build and test"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGOLDEN_BUILD_TESTS=ON
cmake --build build -j "$jobs"
(cd build && ctest --output-on-failure -j "$jobs")

if [ "${GOLDEN_SANITIZE:-1}" != 0 ]; then
  stage "the suite under ASan+UBSan"
  ci/sanitize.sh
  stage "fuzzing the loaders"
  ci/fuzz.sh
fi
stage "done"
