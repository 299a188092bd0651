"""tally.py WORDS OUT: the Python version of tally.c (same stdout, same OUT bytes)."""
import collections
import sys

with open(sys.argv[1], "rb") as f:
    words = f.read().split()
counts = collections.Counter(words)
with open(sys.argv[2], "wb") as f:
    for word in sorted(counts):
        f.write(b"%d %s\n" % (counts[word], word))
print(f"{len(words)} words, {len(counts)} distinct")
