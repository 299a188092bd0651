#!/bin/sh
# Installs every dependency of golden (Debian 12, as root), then configures and builds
# it into build/. Safe to run again: apt only installs what is missing and the build is
# incremental. Then run ci/demo.sh for the bundled example, ci/test.sh for the tests.
set -eu
cd "$(dirname "$0")/.."

packages="build-essential g++ cmake pkg-config libtomlplusplus-dev nlohmann-json3-dev
  libdwarf-dev libelf-dev libunwind-dev libgtest-dev libgmock-dev libboost-graph-dev
  libzstd-dev libcli11-dev libfmt-dev libseccomp-dev strace python3 graphviz zstd"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ci/setup.sh: missing packages:$missing; run it as root (sudo ci/setup.sh)" >&2
    exit 1
  fi
  echo "ci/setup.sh: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086  # word splitting of the list is intended
  apt-get install -y -q --no-install-recommends $missing
fi

jobs=${GOLDEN_JOBS:-2}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$jobs"
echo "ci/setup.sh: built into build/ (golden is build/tools/golden/golden)"
