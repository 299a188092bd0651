#!/bin/sh
# Trace file throughput benchmark: golden's writer and reader on a bulk trace (EVENTS,
# default 200000), as ratios against references measured in the same run (one fwrite of
# the same bytes; an nlohmann DOM parse of every record). CPU time, not wall time: the
# machine is shared. Needs a configured build/ (ci/setup.sh or ci/test.sh).
set -eu
cd "$(dirname "$0")/.."
cmake --build build --target golden_io_bench -j "${GOLDEN_JOBS:-2}" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build/core/io/golden_io_bench "${EVENTS:-200000}" "$tmp"
