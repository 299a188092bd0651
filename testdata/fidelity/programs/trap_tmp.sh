#!/bin/sh
# trap_tmp.sh DIR: upper-cases DIR/in/*.txt in a private `mktemp -d` dir (in $TMPDIR),
# writes the counted sorted lines to DIR/result.txt; a trap removes the temp dir on
# exit (FIDELITY_VARIANT=leak: no trap, the temp dir stays).
set -eu
d=$1
t=$(mktemp -d)
if [ "${FIDELITY_VARIANT:-}" != leak ]; then trap 'rm -rf "$t"' EXIT; fi
for f in "$d"/in/*.txt; do
  tr '[:lower:]' '[:upper:]' <"$f" >"$t/${f##*/}"
done
cat "$t"/*.txt | sort >"$t/all"
uniq -c "$t/all" | sed 's/^ *//' >"$d/result.txt"
set -- "$d"/in/*.txt
echo "processed $# files"
