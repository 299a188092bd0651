"""sorter.py DIR: the Python twin of sorter.c (subprocess sort, symlink, 0600 file)."""
import os
import subprocess
import sys

d = sys.argv[1]
subprocess.run(["sort", "-o", os.path.join(d, "sorted.txt"), os.path.join(d, "names.txt")], check=True)
link = os.path.join(d, "latest")
try:
    os.unlink(link)
except FileNotFoundError:
    pass
os.symlink("sorted.txt", link)
fd = os.open(os.path.join(d, "done.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
os.write(fd, b"ok\n")
os.close(fd)
print("sorted")
