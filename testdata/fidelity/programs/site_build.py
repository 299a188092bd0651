"""site_build.py DIR: a tiny site builder: copytree DIR/site to DIR/out/site, a
manifest written through NamedTemporaryFile + os.replace, a VERSION file, and a note
in ~/.cache/site-build. FIDELITY_VARIANT: missing (no VERSION), connect (a refused
connect to 127.0.0.1:9), child (runs `uname -s`)."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile

d = sys.argv[1]
variant = os.environ.get("FIDELITY_VARIANT", "")
out = os.path.join(d, "out")
os.makedirs(os.path.join(out, "assets"), exist_ok=True)
shutil.copytree(os.path.join(d, "site"), os.path.join(out, "site"), dirs_exist_ok=True)
entries = []
for dp, dns, fns in os.walk(os.path.join(out, "site")):
    dns.sort()
    for n in sorted(fns):
        p = os.path.join(dp, n)
        entries.append(f"{os.path.relpath(p, out)} {os.path.getsize(p)}\n")
with tempfile.NamedTemporaryFile("w", delete=False, dir=out, prefix=".manifest-", suffix=".tmp") as f:
    f.writelines(entries)
os.replace(f.name, os.path.join(out, "manifest.txt"))
if variant != "missing":
    with open(os.path.join(out, "VERSION"), "w") as f:
        f.write("1.4.2\n")
if variant == "connect":
    s = socket.socket()
    try:
        s.connect(("127.0.0.1", 9))
    except OSError:
        pass
    s.close()
if variant == "child":
    subprocess.run(["uname", "-s"], capture_output=True)
cache = os.path.join(os.path.expanduser("~"), ".cache", "site-build")
os.makedirs(cache, exist_ok=True)
with open(os.path.join(cache, "last-build.txt"), "w") as f:
    f.write(f"site: {len(entries)} files\n")
print(f"built {len(entries)} files")
