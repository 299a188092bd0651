"""wordfreq.py IN OUT: the Python twin of wordfreq.c. FIDELITY_VARIANT=py-content
counts the first word once more; =py-exit exits 3."""
import os
import re
import sys

if len(sys.argv) != 3:
    print("usage: wordfreq IN OUT", file=sys.stderr)
    sys.exit(2)
variant = os.environ.get("FIDELITY_VARIANT", "")
counts = {}
empty = total = 0
try:
    f = open(sys.argv[1])
except OSError:
    print(f"wordfreq: cannot open {sys.argv[1]}", file=sys.stderr)
    sys.exit(1)
with f:
    for line in f:
        if line == "\n":
            empty += 1
            continue
        for w in re.findall(r"[A-Za-z]+", line):
            w = w.lower()[:63]
            counts[w] = counts.get(w, 0) + 1
            total += 1
items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
if variant == "py-content":
    items[0] = (items[0][0], items[0][1] + 1)
fd = os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
with os.fdopen(fd, "w") as out:
    for w, n in items:
        out.write(f"{n} {w}\n")
if empty:
    print(f"warning: {empty} empty lines skipped", file=sys.stderr)
print(f"words: {total} unique: {len(items)}")
sys.exit(3 if variant == "py-exit" else 0)
