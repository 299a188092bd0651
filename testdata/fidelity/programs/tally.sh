#!/bin/sh
# tally.sh WORDS OUT: the shell version of tally.c (same stdout, same OUT bytes).
set -eu
export LC_ALL=C
tr -s ' \t\n' '\n' <"$1" | grep -v '^$' | sort | uniq -c | awk '{ print $1, $2 }' >"$2"
words=$(awk '{ n += $1 } END { print n + 0 }' "$2")
distinct=$(wc -l <"$2")
echo "$words words, $distinct distinct"
