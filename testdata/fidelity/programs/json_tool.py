"""json_tool.py DIR: reads DIR/config.json, adds derived fields, writes DIR/out.json
sorted and indented (FIDELITY_VARIANT=indent: another indent), prints a summary."""
import json
import os
import sys

d = sys.argv[1]
indent = 4 if os.environ.get("FIDELITY_VARIANT") == "indent" else 2
with open(os.path.join(d, "config.json")) as f:
    config = json.load(f)
config["count"] = len(config["items"])
config["total"] = sum(item["size"] for item in config["items"])
with open(os.path.join(d, "out.json"), "w") as f:
    json.dump(config, f, indent=indent, sort_keys=True)
    f.write("\n")
print(json.dumps({"count": config["count"], "total": config["total"]}))
