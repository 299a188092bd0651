# Shell and coreutils: redirects, cp/mv/install, sort, sed -i, perl -i, pipelines,
# links, dd. Sourced by fidelity.sh (see README.md for the conventions).
# shellcheck shell=bash disable=SC2034,SC2016  # CMD is read by fidelity.sh; sh -c scripts expand their own $1

# Small text inputs shared by several programs.
words_input() {
  put in.txt <<'TXT'
the quick brown fox
jumps over the lazy dog
the dog sleeps
a fox runs
TXT
}

cmd_write_file() { CMD=(sh -c 'printf "alpha\nbeta\n" >"$1/out.txt"; echo wrote' sh "$D"); }
equivalent write_file write_file mktemp python
equivalent write_file_rerun write_file fixed mktemp-named

setup_cp_file() { words_input; }
cmd_cp_file() { CMD=(cp "$D/in.txt" "$D/out.txt"); }
equivalent cp_file cp_file pytest tmpdir

setup_cp_tree() {
  put src/a.txt <<<"a"
  put src/sub/b.txt <<<"b"
  mkdir -p dest
}
cmd_cp_tree() { CMD=(cp -r "$D/src" "$D/dest/"); }
equivalent cp_tree cp_tree python fixed+out

setup_mv_file() { words_input; }
cmd_mv_file() { CMD=(mv "$D/in.txt" "$D/moved.txt"); }
equivalent mv_file mv_file vartmp mktemp+rel

setup_install_file() { put tool.sh <<<'echo tool'; }
cmd_install_file() {
  local mode=0755
  [[ $VARIANT == mode ]] && mode=0644
  CMD=(install -D -m "$mode" "$D/tool.sh" "$D/bin/tool")
}
equivalent install_file install_file build pytest+out
mutant install_mode install_file mktemp mktemp-named mode 'where: file [^ ]*/bin/tool \(file_ops\)'

setup_sort_o() { words_input; }
cmd_sort_o() {
  CMD=(sort -o "$D/out.txt" "$D/in.txt")
  [[ $VARIANT == reverse ]] && CMD=(sort -r -o "$D/out.txt" "$D/in.txt")
  return 0
}
equivalent sort_o sort_o tmpdir fixed
mutant sort_reverse sort_o pytest vartmp reverse 'where: file [^ ]*/out\.txt \(file_content\)'

# A small buffer makes sort spill to temp files in $TMPDIR (sortXXXXXX).
setup_sort_spill() { seq 1 20000 | rev >big.txt; }
cmd_sort_spill() { CMD=(sort -S 64K -o "$D/sorted.txt" "$D/big.txt"); }
equivalent sort_spill sort_spill mktemp tmpdir+home

setup_sed_i() {
  put notes.txt <<'TXT'
colour of the sky
no change here
the colour red and the colour blue
TXT
}
cmd_sed_i() {
  local script='s/colour/color/g'
  [[ $VARIANT == other ]] && script='s/colour/hue/g'
  CMD=(sed -i "$script" "$D/notes.txt")
}
equivalent sed_i sed_i mktemp-named vartmp+out
equivalent sed_i_rerun sed_i fixed python+home
mutant sed_subst sed_i tmpdir mktemp other 'where: file [^ ]*/notes\.txt'

setup_perl_i() {
  put conf.ini <<'TXT'
[main]
debug=true
jobs=4
TXT
}
cmd_perl_i() {
  local value=false
  [[ $VARIANT == other ]] && value=off
  CMD=(perl -i -pe "s/^debug=.*/debug=$value/" "$D/conf.ini")
}
equivalent perl_i perl_i pytest homedir
mutant perl_subst perl_i homedir python other 'where: file [^ ]*/conf\.ini'

setup_pipeline_file() { words_input; }
cmd_pipeline_file() {
  CMD=(sh -c 'tr -s " " "\n" <"$1/in.txt" | sort | uniq -c | sort -rn >"$1/freq.txt"' sh "$D")
}
equivalent pipeline_file pipeline_file python vartmp

setup_pipeline_stdout() {
  words_input
  put notes.txt <<<'# comment'
}
cmd_pipeline_stdout() { CMD=(sh -c 'cat "$1"/*.txt | grep -v "^#" | wc -l' sh "$D"); }
equivalent pipeline_stdout pipeline_stdout pytest+rel mktemp+out

setup_find_xargs() {
  put src/one.txt <<<"one"
  put src/deeper/two.txt <<<"two"
  put src/skip.dat <<<"not text"
}
cmd_find_xargs() {
  CMD=(sh -c 'find "$1/src" -type f -name "*.txt" | LC_ALL=C sort | xargs cat >"$1/all.txt"' sh "$D")
}
equivalent find_xargs find_xargs tmpdir+out build

setup_sha_sums() {
  put a.txt <<<"first"
  put b.txt <<<"second"
}
cmd_sha_sums() { CMD=(sh -c 'cd "$1" && sha256sum a.txt b.txt >sums.txt' sh "$D"); }
equivalent sha_sums sha_sums build mktemp-named

setup_split_file() { seq 1 10 >in.txt; }
cmd_split_file() { CMD=(split -l 3 "$D/in.txt" "$D/part_"); }
equivalent split_file split_file homedir fixed

cmd_tee_files() { CMD=(sh -c 'printf "x\ny\n" | tee "$1/t1.txt" "$1/t2.txt"' sh "$D"); }
equivalent tee_files tee_files mktemp+home pytest

# ln -f over an existing link (a `fixed` rerun) makes a temp link and renames it.
setup_symlink() {
  put target.txt <<<"target"
  put other.txt <<<"other"
}
cmd_symlink() {
  local target=target.txt
  [[ $VARIANT == other ]] && target=other.txt
  CMD=(ln -sfn "$target" "$D/link")
}
equivalent symlink symlink tmpdir fixed
mutant symlink_target symlink python pytest other 'where: file [^ ]*/link \(file_ops\)'

cmd_mkdir_touch() { CMD=(sh -c 'mkdir -p "$1/a/b/c" && touch "$1/a/b/c/stamp"' sh "$D"); }
equivalent mkdir_touch mkdir_touch python fixed+out

# The same bytes copied 1 byte or 64 KiB at a time: only the chunking differs.
setup_dd_copy() { seq 1 800 | head -c 3000 >in.bin; }
cmd_dd_copy() {
  local bs=65536
  [[ $VARIANT == bs1 ]] && bs=1
  CMD=(dd if="$D/in.bin" of="$D/out.bin" bs="$bs" status=none)
}
equivalent dd_chunking dd_copy mktemp vartmp bs1 bs64k

cmd_missing_input() {
  CMD=(cat "$D/missing.txt")
  STATUS=1
}
equivalent missing_input missing_input mktemp-named python+out

setup_diff_files() {
  printf 'one\ntwo\nthree\n' >a.txt
  printf 'one\n2\nthree\n' >b.txt
}
cmd_diff_files() {
  CMD=(diff "$D/a.txt" "$D/b.txt")
  STATUS=1
}
equivalent diff_files diff_files vartmp homedir

setup_print_paths() { put in.txt <<<"x"; }
cmd_print_paths() { CMD=(sh -c 'pwd; echo "$1/out.txt"; ls "$1"' sh "$D"); }
equivalent print_paths print_paths mktemp pytest
