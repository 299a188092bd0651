#!/bin/bash
# tally.sh WORDS OUT: the shell version of tally.c (same stdout, same OUT bytes), with
# builtins only: a sort or awk in a pipeline would be programs started, which golden
# compares, so it would not be the same behaviour as the C and Python versions.
set -eu
LC_ALL=C # [[ < ]] compares bytes, as strcmp does
declare -A count=()
total=0
while read -r -a words; do
  for w in "${words[@]}"; do
    count[$w]=$((${count[$w]:-0} + 1))
    total=$((total + 1))
  done
done <"$1"
sorted=() # insertion sort of the distinct words
for w in "${!count[@]}"; do
  i=${#sorted[@]}
  while ((i > 0)) && [[ $w < ${sorted[i - 1]} ]]; do
    sorted[i]=${sorted[i - 1]}
    i=$((i - 1))
  done
  sorted[i]=$w
done
for w in "${sorted[@]}"; do printf '%d %s\n' "${count[$w]}" "$w"; done >"$2"
echo "$total words, ${#sorted[@]} distinct"
