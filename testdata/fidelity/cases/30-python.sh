# Python scripts: tempfile, shutil, json, subprocess, py_compile, $HOME state.
# Sourced by fidelity.sh (see README.md).
# shellcheck shell=bash disable=SC2034,SC2016  # CMD is read by fidelity.sh; sh -c scripts expand their own $1

setup_py_report() {
  words_input
  cp in.txt in-copy.txt
}
cmd_py_report() { CMD=("$PY" "$PROGRAMS/report.py" "$D"); }
equivalent py_report py_report tmpdir pytest

cmd_py_scratch() { CMD=("$PY" "$PROGRAMS/scratch.py" "$D"); }
equivalent py_scratch py_scratch mktemp tmpdir+home

setup_py_shutil() {
  put src/a.txt <<<"a"
  put src/b.txt <<<"b"
  put src/sub/c.txt <<<"c"
  put src/sub/deep/d.txt <<<"d"
  touch -d @0 src/b.txt
}
cmd_py_shutil() { CMD=("$PY" "$PROGRAMS/tree_ops.py" "$D"); }
equivalent py_shutil py_shutil vartmp python

setup_py_json() {
  put config.json <<'JSON'
{"name": "demo", "items": [{"id": 1, "size": 10}, {"id": 2, "size": 32}]}
JSON
}
cmd_py_json() { CMD=("$PY" "$PROGRAMS/json_tool.py" "$D"); }
equivalent py_json py_json mktemp-named fixed
mutant py_json_indent py_json fixed mktemp indent 'where: file [^ ]*/out\.json \(file_content\)'

setup_py_subprocess() { words_input; }
cmd_py_subprocess() { CMD=("$PY" "$PROGRAMS/run_tools.py" "$D"); }
equivalent py_subprocess py_subprocess build tmpdir

# The .pyc embeds the source path as given, so both sides name it relatively.
setup_py_compile() {
  put mod.py <<<'VALUE = 42'
  touch -d @0 mod.py
}
cmd_py_compile() { CMD=("$PY" -m py_compile "$D/mod.py"); }
equivalent py_compile py_compile mktemp+rel pytest+rel

cmd_home_state() { CMD=("$PY" "$PROGRAMS/home_state.py" "$D"); }
equivalent home_state home_state mktemp+home pytest+home
