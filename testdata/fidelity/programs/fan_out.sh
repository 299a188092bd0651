#!/bin/sh
# fan_out.sh DIR: a shell forking three writers, each into its own file, and waiting.
set -eu
dir=$1
for k in 1 2 3; do
  (
    i=0
    while [ "$i" -lt 20 ]; do
      echo "writer $k line $i"
      i=$((i + 1))
    done >"$dir/w$k.txt"
  ) &
done
wait
echo "3 writers done"
