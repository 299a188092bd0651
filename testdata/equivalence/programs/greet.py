# The reference CLI of the equivalence tests in Python (see greet.c).
import os
import sys

name, outdir = sys.argv[1], sys.argv[2]
with open(os.path.join(outdir, "greeting.txt"), "w") as f:
    f.write(f"greeted {name}\n")
print("note: wrote greeting.txt", file=sys.stderr)
print(f"Hello, {name}!")
