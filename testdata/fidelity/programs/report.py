"""report.py DIR: the Python program of the single-effect mutants.

Reads DIR/in.txt, sorts its words through a scratch temp file (made with tempfile in
DIR, removed after use) and writes DIR/result.txt atomically (temp file + os.replace).
FIDELITY_VARIANT names the one change a mutant makes.
"""
import os
import socket
import sys
import tempfile

d = sys.argv[1]
variant = os.environ.get("FIDELITY_VARIANT", "")

src = os.path.join(d, "in.txt")
with open(src) as f:
    words = f.read().split()
if variant == "deleted-input":
    os.unlink(src)

fd, scratch = tempfile.mkstemp(prefix="scratch.", suffix=".tmp", dir=d)
with os.fdopen(fd, "w") as f:
    f.write("\n".join(sorted(words)) + "\n")
with open(scratch) as f:
    text = f.read()
if variant != "leaked-temp":
    os.unlink(scratch)

if variant == "connect":
    try:  # port 1 (tcpmux) is closed: the attempt itself is the effect
        socket.create_connection(("127.0.0.1", 1), timeout=5).close()
    except OSError:
        pass

with tempfile.NamedTemporaryFile("w", dir=d, prefix=".result.", delete=False) as f:
    f.write(text)
os.chmod(f.name, 0o644)
os.replace(f.name, os.path.join(d, "final.txt" if variant == "renamed-output" else "result.txt"))
print(f"{len(words)} words")
