# Single-effect mutants of two small programs (report.sh, report.py): side b changes
# exactly one observable effect, and the report must name its place. The mutants of
# the real tools are next to their programs in the other case files.
# Sourced by fidelity.sh (see README.md).
# shellcheck shell=bash disable=SC2034,SC2016  # CMD is read by fidelity.sh; sh -c scripts expand their own $1

setup_report_sh() {
  words_input
  cp in.txt in-copy.txt
}
cmd_report_sh() {
  CMD=(sh "$PROGRAMS/report.sh" "$D")
  if [[ $VARIANT == exit ]]; then STATUS=3; fi
}
equivalent report_sh report_sh vartmp pytest+out
mutant sh_content report_sh mktemp python content 'where: file [^ ]*/out\.txt \(file_content\)'
mutant sh_extra_file report_sh python mktemp-named extra-file 'where: file [^ ]*/debug\.txt'
mutant sh_missing_file report_sh pytest tmpdir missing-file 'where: file [^ ]*/summary\.txt'
mutant sh_mode report_sh tmpdir vartmp mode 'where: file [^ ]*/summary\.txt \(file_ops\)'
mutant sh_stdout report_sh vartmp mktemp stdout 'where: stdout'
mutant sh_stderr report_sh mktemp-named pytest stderr 'where: stderr'
mutant sh_exit report_sh build mktemp exit 'where: processes \(exit_status\)'
mutant sh_extra_exec report_sh mktemp vartmp extra-exec 'exec [^ ]*/sleep'
mutant sh_signal report_sh python tmpdir signal 'where: signals'
mutant sh_signal_fork report_sh mktemp-named mktemp signal-from-fork 'where: signals'
mutant sh_other_input report_sh pytest mktemp-named other-input 'user reads.*in-copy\.txt'

setup_report_py() { setup_report_sh; }
cmd_report_py() { CMD=("$PY" "$PROGRAMS/report.py" "$D"); }
mutant py_leaked_temp report_py mktemp pytest leaked-temp 'where: file [^ ]*(scratch|\$TMP[0-9]+)[^ ]* \(file_ops\)'
mutant py_connect report_py vartmp python connect 'where: network'
mutant py_deleted_input report_py tmpdir mktemp deleted-input 'where: file [^ ]*/in\.txt'
mutant py_renamed_output report_py python mktemp-named renamed-output 'where: file [^ ]*/(result|final)\.txt'
