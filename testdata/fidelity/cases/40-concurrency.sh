# Threads and processes writing concurrently, and one small program in C, Python and
# shell. Sourced by fidelity.sh (see README.md).
# shellcheck shell=bash disable=SC2034,SC2016  # CMD is read by fidelity.sh; sh -c scripts expand their own $1

setup_threads_c() { cc_once "$PROGRAMS/threads.c" bin/threads -pthread; }
cmd_threads_c() { CMD=("$D/bin/threads" "$D"); }
equivalent threads_c threads_c mktemp pytest
mutant threads_c_content threads_c tmpdir python content 'where: file [^ ]*/thread-2\.txt \(file_content\)'

cmd_threads_py() { CMD=("$PY" "$PROGRAMS/threads.py" "$D"); }
equivalent threads_py threads_py python fixed
mutant threads_py_content threads_py mktemp-named build content 'where: file [^ ]*/thread-2\.txt \(file_content\)'

cmd_xargs_parallel() {
  local n=6
  [[ $VARIANT == extra ]] && n=7
  CMD=(sh -c 'seq "$3" | xargs -P 4 -n 1 sh "$2" "$1"' sh "$D" "$PROGRAMS/part.sh" "$n")
}
equivalent xargs_parallel xargs_parallel tmpdir mktemp-named
mutant xargs_extra xargs_parallel vartmp mktemp extra 'where: file [^ ]*/part-7\.txt'

cmd_fork_writers() { CMD=(sh "$PROGRAMS/fan_out.sh" "$D"); }
equivalent fork_writers fork_writers vartmp fixed

# tally in C, Python and shell: same stdout, same file.
setup_tally() {
  words_input
  cc_once "$PROGRAMS/tally.c" bin/tally
}
cmd_tally() {
  case $VARIANT in
    c) CMD=("$D/bin/tally" "$D/in.txt" "$D/tally.txt") ;;
    py) CMD=("$PY" "$PROGRAMS/tally.py" "$D/in.txt" "$D/tally.txt") ;;
    sh) CMD=(bash "$PROGRAMS/tally.sh" "$D/in.txt" "$D/tally.txt") ;;
    *) die "tally: unknown variant $VARIANT" ;;
  esac
}
equivalent tally_c_py tally mktemp python c py
equivalent tally_c_sh tally pytest tmpdir c sh
equivalent tally_py_sh tally fixed vartmp py sh
