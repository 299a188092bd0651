#!/bin/sh
# Installs every package golden needs to build and test (Debian 12, as root). Only
# what is missing is installed, so it is a no-op on a machine that has them all; both
# README commands (ci/setup.sh and ci/test.sh) start with it, so either works on a
# fresh machine.
set -eu

packages="build-essential g++ cmake pkg-config libtomlplusplus-dev nlohmann-json3-dev
  libdwarf-dev libelf-dev libunwind-dev libgtest-dev libgmock-dev libboost-graph-dev
  libzstd-dev libcli11-dev libfmt-dev libseccomp-dev strace python3 graphviz zstd
  tar findutils coreutils
  gcc binutils make perl gzip xz-utils zip unzip sed
  bzip2 patch git sqlite3"  # the fidelity corpus's real tools
# ci/fuzz.sh and ci/sanitize.sh: clang, and its libFuzzer/ASan/UBSan runtimes (only
# recommended by clang, and recommendations are not installed).
packages="$packages clang libclang-rt-14-dev"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "ci/install-deps.sh: missing packages:$missing; run ci/install-deps.sh as root (e.g. su -c ci/install-deps.sh), then this command again" >&2
  exit 1
fi
echo "ci/install-deps.sh: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086  # word splitting of the list is intended
apt-get install -y -q --no-install-recommends $missing
