"""run_tools.py DIR: subprocess: sorts DIR/in.txt with sort(1), compresses the result
with gzip -n through a pipe, writes both files and prints what the tools returned."""
import os
import subprocess
import sys

d = sys.argv[1]
env = dict(os.environ, LC_ALL="C")
sorted_text = subprocess.run(["sort", os.path.join(d, "in.txt")], capture_output=True,
                             check=True, env=env).stdout
with open(os.path.join(d, "sorted.txt"), "wb") as f:
    f.write(sorted_text)
gz = subprocess.run(["gzip", "-n", "-c"], input=sorted_text, capture_output=True, check=True).stdout
with open(os.path.join(d, "sorted.txt.gz"), "wb") as f:
    f.write(gz)
lines = subprocess.run(["wc", "-l"], input=sorted_text, capture_output=True, check=True)
print("lines:", lines.stdout.decode().strip(), "status:", lines.returncode)
