#!/bin/sh
# report.sh DIR: the shell program of the single-effect mutants. It reads DIR/in.txt,
# writes DIR/out.txt and DIR/summary.txt, and says so on stdout and stderr, all with
# shell builtins; FIDELITY_VARIANT names the one change a mutant makes.
set -eu
dir=$1
variant=${FIDELITY_VARIANT:-}
trap ':' USR1 # the signal variants send the shell SIGUSR1; nothing else changes

input=$dir/in.txt
[ "$variant" = other-input ] && input=$dir/in-copy.txt # same bytes, another file

header='# report'
[ "$variant" = content ] && header='# Report'
n=0
{
  echo "$header"
  while IFS= read -r line; do
    n=$((n + 1))
    echo "$n: $line"
  done <"$input"
} >"$dir/out.txt"

if [ "$variant" = mode ]; then umask 077; else umask 022; fi
[ "$variant" = missing-file ] || echo "lines: $n" >"$dir/summary.txt"
[ "$variant" = extra-file ] && echo "debug: $n" >"$dir/debug.txt"
[ "$variant" = extra-exec ] && sleep 0
[ "$variant" = signal ] && kill -USR1 $$
[ "$variant" = signal-from-fork ] && (kill -USR1 $$) # from a forked subshell to the shell

if [ "$variant" = stdout ]; then echo "report: $n line(s)"; else echo "report: $n lines"; fi
if [ "$variant" = stderr ]; then echo "report: finished" >&2; else echo "report: done" >&2; fi
[ "$variant" = exit ] && exit 3
exit 0
