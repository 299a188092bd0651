"""scratch.py DIR: builds DIR/out.txt in a tempfile.TemporaryDirectory (so under
$TMPDIR, removed at the end) and copies it into place with shutil."""
import os
import shutil
import sys
import tempfile

d = sys.argv[1]
with tempfile.TemporaryDirectory() as scratch:
    for k in range(3):
        with open(os.path.join(scratch, f"part{k}.txt"), "w") as f:
            f.write(f"part {k}\n" * (k + 1))
    with open(os.path.join(scratch, "all.txt"), "w") as out:
        for k in range(3):
            with open(os.path.join(scratch, f"part{k}.txt")) as f:
                out.write(f.read())
    shutil.copy(os.path.join(scratch, "all.txt"), os.path.join(d, "out.txt"))
print("scratch: done")
