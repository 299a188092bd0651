"""home_state.py DIR: what tools do with $HOME: a cache file under ~/.cache and a
settings file under ~/.config, and an output in DIR naming neither."""
import json
import os
import sys

home = os.path.expanduser("~")
cache = os.path.join(home, ".cache", "golden-fidelity")
config = os.path.join(home, ".config", "golden-fidelity")
os.makedirs(cache, exist_ok=True)
os.makedirs(config, exist_ok=True)
with open(os.path.join(cache, "last-run.txt"), "w") as f:
    f.write("ok\n")
with open(os.path.join(config, "settings.json"), "w") as f:
    json.dump({"colour": False, "jobs": 2}, f, sort_keys=True)
with open(os.path.join(sys.argv[1], "out.txt"), "w") as f:
    f.write("state saved\n")
print("saved")
