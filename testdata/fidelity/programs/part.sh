#!/bin/sh
# part.sh DIR K: one of the parallel writers of the xargs case (DIR/part-K.txt).
seq "$2" >"$1/part-$2.txt"
