"""tree_ops.py DIR: shutil on a small tree: copytree DIR/src to DIR/copy (replacing a
copy an earlier run left), move one file out of it, remove a subtree, copy2 a file."""
import os
import shutil
import sys

d = sys.argv[1]
copy = os.path.join(d, "copy")
if os.path.exists(copy):
    shutil.rmtree(copy)
shutil.copytree(os.path.join(d, "src"), copy)
shutil.move(os.path.join(copy, "a.txt"), os.path.join(d, "moved.txt"))
shutil.rmtree(os.path.join(copy, "sub", "deep"))
shutil.copy2(os.path.join(d, "src", "b.txt"), os.path.join(d, "b-copy.txt"))
print(sorted(os.listdir(copy)))
