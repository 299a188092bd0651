#!/bin/sh
# Installs every dependency of golden (Debian 12, as root), then configures and builds
# it into build/. Safe to run again: apt only installs what is missing and the build is
# incremental. Then run ci/demo.sh for the bundled example, ci/test.sh for the tests.
set -eu
cd "$(dirname "$0")/.."

ci/install-deps.sh

jobs=${GOLDEN_JOBS:-2}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$jobs"
echo "ci/setup.sh: built into build/ (golden is build/tools/golden/golden)"
