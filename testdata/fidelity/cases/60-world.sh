# Programs as users run them, in more of the world's layouts: dirs with spaces or
# non-ASCII letters in their names, commands run from / or over an earlier run's
# outputs (+rerun), a workspace inside the $HOME a program writes to (inhome). Ported
# from an evaluation of golden on 60 pairs; the pairs that duplicated a case of the
# other files were left out. Sourced by fidelity.sh (see README.md).
# shellcheck shell=bash disable=SC2034,SC2016  # CMD is read by fidelity.sh; sh -c scripts expand their own $1

# --- cp -a: modes, times, a symlink, an empty dir ----------------------------------
setup_cpa() {
  put src/a.txt <<<"alpha"
  put src/sub/b.txt <<<"beta"
  printf '#!/bin/sh\necho run\n' >src/run.sh
  chmod 0755 src/run.sh
  printf 'k=v\n' >src/secret.conf
  chmod 0600 src/secret.conf
  ln -sfn a.txt src/link-to-a
  mkdir -p src/empty
  touch -d @1000000000 src/a.txt src/sub/b.txt src/run.sh src/secret.conf
}
cmd_cpa() { CMD=(cp -a "$D/src" "$D/dst"); }
equivalent cpa_tree cpa mktemp mktemp+out
equivalent cpa_space cpa mktemp-named+root spaces+root

setup_cpa_into() { setup_cpa; }
cmd_cpa_into() { CMD=(sh -c 'mkdir -p dst && cp -a src/. dst/ && echo copied'); }
equivalent cpa_rerun cpa_into mktemp mktemp+rerun
equivalent cpa_rerun_uni cpa_into unicode unicode+rerun

# Under umask 077, cp -a keeps the sources' modes (through the ACL xattr); cp -r
# without mode preservation makes the copies 0600.
setup_cpa_mode() { setup_cpa; }
cmd_cpa_mode() {
  CMD=(sh -c 'umask 077; exec cp -a src dst')
  [[ $VARIANT == nomode ]] && CMD=(sh -c 'umask 077; exec cp -r --preserve=timestamps,ownership src dst')
  return 0
}
mutant cpa_mode_acl cpa_mode mktemp mktemp-named nomode 'where: file [^ ]*/dst/a\.txt \(file_ops\)'

# --- ln -sf: relative links in subdirs, over the links of an earlier run -------------
setup_lnsf() {
  mkdir -p bin lib v1.0 v2.0
  put lib/libx.so.1 <<<"ELF-ish"
}
cmd_lnsf() { CMD=(sh -c 'ln -sfn v2.0 current && ln -sf ../lib/libx.so.1 bin/libx.so && ln -sf libx.so.1 lib/libx.so'); }
equivalent ln_sf lnsf mktemp-named mktemp-named+rerun

# --- tar -z (tar forks gzip), the mtime set through the environment ------------------
setup_tarc() {
  put src/README <<<"read me"
  put src/lib/util.py <<<"def f(): return 1"
  seq 1 200 | put src/data/values.csv
}
cmd_tarc() {
  local mtime=@0
  [[ $VARIANT == mtime ]] && mtime=@86400
  # --mtime through TAR_OPTIONS: the argv of tar (and of its gzip) stays the same.
  CMD=(env "TAR_OPTIONS=--mtime=$mtime" tar --sort=name --owner=0 --group=0 --numeric-owner -czf out.tgz src)
}
equivalent tar_czf tarc python fixed
mutant tar_mtime tarc fixed mktemp mtime 'where: file [^ ]*/out\.tgz \(file_content\)'

setup_tarx() {
  if [[ ! -f dist.tgz ]]; then
    mkdir -p stage/pkg/bin stage/pkg/share
    printf '#!/bin/sh\necho pkg\n' >stage/pkg/bin/pkg
    chmod 755 stage/pkg/bin/pkg
    seq 1 50 >stage/pkg/share/data.txt
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C stage -czf dist.tgz pkg
    rm -rf stage
  fi
}
cmd_tarx() { CMD=(sh -c 'mkdir -p out && tar xzf dist.tgz -C out && ls -R out'); }
equivalent tar_xzf_rerun tarx mktemp mktemp+rerun

# --- gzip, bzip2, zstd ---------------------------------------------------------------
setup_comp() {
  seq 1 2000 >data.txt
  touch -d @1000000000 data.txt
}
cmd_comp() { CMD=(sh -c 'gzip -kn9f data.txt && bzip2 -kf data.txt && zstd -q -f -19 data.txt -o data.txt.zst && ls'); }
equivalent compress_rerun comp vartmp vartmp+rerun

setup_bz() { setup_comp; }
cmd_bz() {
  CMD=(bzip2 -k "$D/data.txt")
  [[ $VARIANT == level1 ]] && CMD=(bzip2 -1 -k "$D/data.txt")
  return 0
}
equivalent bzip2_cwd bz homedir mktemp+root
mutant bzip2_level bz mktemp mktemp-named+out level1 'where: file [^ ]*/data\.txt\.bz2 \(file_content\)'

# --- patch -p1 -----------------------------------------------------------------------
setup_patch() {
  put proj/src/main.c <<'C'
#include <stdio.h>
int main(void) {
  printf("hello\n");
  return 0;
}
C
  put fix.diff <<'P'
--- a/src/main.c
+++ b/src/main.c
@@ -1,5 +1,5 @@
 #include <stdio.h>
 int main(void) {
-  printf("hello\n");
+  printf("hello, world\n");
   return 0;
 }
P
  rm -f proj/src/main.c.orig
}
cmd_patch() {
  CMD=(patch -d proj -p1 -i ../fix.diff)
  [[ $VARIANT == backup ]] && CMD=(patch -b -d proj -p1 -i ../fix.diff)
  return 0
}
equivalent patch_p1 patch mktemp spaces
mutant patch_backup patch spaces unicode backup 'where: file [^ ]*/main\.c\.orig'

# --- git init, add, commit (fixed names and dates) ------------------------------------
setup_git() {
  put README.md <<<"# demo"
  put src/app.py <<<"print('hi')"
  put .gitignore <<<"*.pyc"
}
cmd_git() {
  # The index records inodes and times: removed at the end.
  CMD=(env GIT_AUTHOR_NAME=Dev GIT_AUTHOR_EMAIL=dev@example.com GIT_AUTHOR_DATE=2020-01-01T00:00:00Z
    GIT_COMMITTER_NAME=Dev GIT_COMMITTER_EMAIL=dev@example.com GIT_COMMITTER_DATE=2020-01-01T00:00:00Z
    sh -c 'git init -q -b main . && git add -A && git commit -q -m "initial import" && git rev-parse HEAD && rm -f .git/index')
}
equivalent git_commit git mktemp+home mktemp-named+home

# --- python3 -m json.tool ---------------------------------------------------------------
setup_json() { put in.json <<<'{"b": [3, 2, 1], "a": {"z": null, "y": true}, "c": "x"}'; }
cmd_json() { CMD=("$PY" -m json.tool --sort-keys --indent 2 in.json out.json); }
equivalent json_tool json python homedir

# --- sqlite3 ------------------------------------------------------------------------------
setup_sql() {
  put schema.sql <<'SQL'
CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT, qty INTEGER);
INSERT INTO item(name, qty) VALUES ('bolt', 10), ('nut', 25), ('washer', 7);
UPDATE item SET qty = qty + 1 WHERE name = 'nut';
SELECT name, qty FROM item ORDER BY name;
SQL
}
cmd_sql() { CMD=(sh -c 'sqlite3 app.db <schema.sql'); }
equivalent sqlite_db sql mktemp unicode

# --- awk | sort ---------------------------------------------------------------------------
setup_awk() {
  put sales.csv <<'CSV'
north,10
south,5
north,7
east,3
south,1
CSV
}
cmd_awk() {
  # FIDELITY_VARIANT=stderr: a note on stderr (awk's argv stays the same).
  local prog='{ s[$1] += $2 }
END {
  if (ENVIRON["FIDELITY_VARIANT"] == "stderr") print "note: totals computed" >"/dev/stderr"
  for (k in s) print k ": " s[k]
}'
  CMD=(sh -c 'awk -F, "$2" "$1/sales.csv" | sort >"$1/report.txt"; cat "$1/report.txt"' sh "$D" "$prog")
}
equivalent awk_report awk mktemp+root mktemp-named+out
mutant awk_stderr awk mktemp-named+out vartmp+root stderr 'where: stderr'

# --- sed -i.bak, over the .bak of an earlier run --------------------------------------------
setup_sedbak() {
  put links.txt <<'T'
see http://example.com/a
and http://example.org/b
T
}
cmd_sedbak() { CMD=(sed -i.bak 's|http://|https://|g' links.txt); }
equivalent sed_bak_rerun sedbak fixed vartmp

# --- sort -u -o in place -----------------------------------------------------------------------
setup_sortu() { printf 'pear\napple\nfig\napple\npear\nkiwi\n' >words.txt; }
cmd_sortu() {
  CMD=(sort -u -o words.txt words.txt)
  [[ $VARIANT == nou ]] && CMD=(sort -o words.txt words.txt)
  return 0
}
equivalent sort_u_inplace sortu vartmp homedir
mutant sort_no_u sortu homedir spaces nou 'where: file [^ ]*/words\.txt \(file_content\)'

# --- csplit ----------------------------------------------------------------------------------
setup_csplit() {
  put book.txt <<'B'
# One
first chapter
text
# Two
second chapter
# Three
the end
B
}
cmd_csplit() { CMD=(csplit -s -z -f chap- -b '%02d.txt' book.txt '/^# /' '{*}'); }
equivalent csplit_book csplit python spaces

# --- a named pipe ------------------------------------------------------------------------------
cmd_fifo() { CMD=(sh -c 'mkfifo q && { cat q >got.txt & } && printf "one\ntwo\n" >q && wait && rm q && cat got.txt'); }
equivalent mkfifo_pipe fifo mktemp-named unicode

# --- install -d -m, over the dirs of an earlier run ---------------------------------------------
setup_install() {
  put app.conf <<<"port=8080"
  printf '#!/bin/sh\necho run\n' >run.sh
}
cmd_install() {
  local mode=0750
  [[ $VARIANT == mode ]] && mode=0700
  CMD=(sh -c "install -d -m $mode etc/app/conf.d && install -m 0640 app.conf etc/app/app.conf && install -D -m 0755 run.sh bin/run")
}
equivalent install_d_rerun install mktemp-named mktemp-named+rerun
mutant install_dir_mode install mktemp vartmp+rerun mode 'where: (file [^ ]*/conf\.d \(file_ops\)|processes.*process 1/install)'

# --- find -delete ---------------------------------------------------------------------------------
setup_find() {
  mkdir -p build/sub
  local f
  for f in a.o b.o keep.c sub/c.o sub/d.tmp sub/notes.txt; do echo "$f" >"build/$f"; done
}
cmd_find() {
  CMD=(find "$D/build" '(' -name '*.o' -o -name '*.tmp' ')' -delete)
  [[ $VARIANT == more ]] && CMD=(find "$D/build" '(' -name '*.o' -o -name '*.tmp' -o -name '*.c' ')' -delete)
  return 0
}
equivalent find_delete find spaces+out mktemp+root
mutant find_delete_more find mktemp+root mktemp-named+out more 'where: file [^ ]*/keep\.c'

# --- touch, truncate, dd --------------------------------------------------------------------------
setup_blk() { head -c 256 /dev/zero | tr '\0' 'x' >data.bin; }
cmd_blk() {
  CMD=(sh -c 'touch stamp && truncate -s 4096 disk.img && dd if=/dev/zero of=blk.img bs=512 count=4 status=none &&
    dd if=data.bin of=slice.bin bs=1 skip=16 count=32 status=none && ls -l --time-style=+ disk.img | cut -d" " -f5')
}
equivalent touch_trunc_dd blk mktemp tmpdir

# --- shuf with a fixed random source ----------------------------------------------------------------
setup_shuf() { printf '%s\n' ann bob cat dan eve fay gus hal >names.txt; }
cmd_shuf() { CMD=(bash -c 'shuf --random-source=<(yes) -o shuffled.txt names.txt; head -3 shuffled.txt'); }
equivalent shuf_seed shuf mktemp-named homedir+home

# --- C: mkstemp, fsync, fchmod, rename --------------------------------------------------------------
setup_atomic() { cc_once "$PROGRAMS/atomic_write.c" bin/atomic_write; }
cmd_atomic() { CMD=("$D/bin/atomic_write" "$D"); }
equivalent c_mkstemp_rerun atomic mktemp mktemp+rerun
mutant c_mkstemp_leak atomic mktemp-named python leak 'where: file [^ ]*(scratch|\$TMP)'
mutant c_mkstemp_mode atomic unicode+rerun vartmp mode600 'where: file [^ ]*/out\.txt \(file_ops\)'

# --- Python: copytree, NamedTemporaryFile + os.replace, a note in ~/.cache ----------------------------
setup_site() {
  put site/index.html <<<"<h1>hi</h1>"
  put site/css/style.css <<<"body{}"
  put site/img/logo.svg <<<"<svg/>"
}
cmd_site() { CMD=("$PY" "$PROGRAMS/site_build.py" "$D"); }
equivalent py_tree_rerun site python+home vartmp+rerun+home
equivalent py_tree_home site mktemp+home inhome
mutant py_tree_missing site mktemp+home mktemp-named+home missing 'where: file [^ ]*/VERSION'
mutant py_tree_connect site mktemp-named+home mktemp+home connect 'where: network'
mutant py_tree_child site python+home unicode+home child 'where: processes'

# --- sh: its own mktemp -d, removed by a trap ------------------------------------------------------------
setup_trap() {
  put in/a.txt <<<$'apple\npear'
  put in/b.txt <<<$'pear\nfig'
}
cmd_trap() { CMD=(sh "$PROGRAMS/trap_tmp.sh" "$D"); }
equivalent sh_trap_tmpdir trap tmpdir mktemp
mutant sh_trap_leak trap mktemp tmpdir leak 'where: (file [^ ]*(tmp|\$TMP)|processes.*process 1/rm;)'

# --- make -B: an order-only dir, over the outputs of an earlier run --------------------------------------
setup_make() {
  put config.in <<<'#define VERSION "@VERSION@"'
  put a.txt <<<"part a"
  put b.txt <<<"part b"
  put Makefile <<'MK'
OUT := out
all: $(OUT)/config.h $(OUT)/app.txt $(OUT)/VERSION
$(OUT):
	mkdir -p $(OUT)
$(OUT)/config.h: config.in | $(OUT)
	sed 's/@VERSION@/1.2.3/' config.in > $@
$(OUT)/app.txt: a.txt b.txt | $(OUT)
	cat a.txt b.txt > $@
	$(EXTRA)
$(OUT)/VERSION: | $(OUT)
	printf '1.2.3\n' > $@
MK
}
cmd_make() {
  CMD=(make -B -s)
  [[ $VARIANT == extra ]] && CMD+=(EXTRA=true)
  return 0
}
equivalent make_B_rerun make mktemp mktemp+rerun
mutant make_extra_child make mktemp-named vartmp extra 'where: processes'

setup_makec() { setup_make; }
cmd_makec() { CMD=(make -B -C "$D"); }
equivalent make_C_cwd makec vartmp+root homedir+out

# --- a CLI in C and its Python port: wordfreq ------------------------------------------------------------
setup_wf() {
  put text.txt <<'T'
The cat sat on the mat.

The dog sat too; the CAT ran.

end
T
  cc_once "$PROGRAMS/wordfreq.c" bin/wordfreq
}
cmd_wf() {
  case $VARIANT in
    "" | c) CMD=("$D/bin/wordfreq" "$D/text.txt" "$D/freq.txt") ;;
    py | py-content | py-exit) CMD=("$PY" "$PROGRAMS/wordfreq.py" "$D/text.txt" "$D/freq.txt") ;;
    *) die "wf: unknown variant $VARIANT" ;;
  esac
  if [[ $VARIANT == py-exit ]]; then STATUS=3; fi
}
equivalent cli_c_py_cwd wf mktemp-named+root homedir+out c py
mutant cli_py_content wf mktemp mktemp-named py-content 'where: file [^ ]*/freq\.txt \(file_content\)'
mutant cli_py_exit wf python mktemp py-exit 'where: processes \(exit_status\)'

# --- fork/exec sort, a symlink, a 0600 file: C and Python ---------------------------------------------------
setup_sorter() {
  printf '%s\n' zoe adam mia bob >names.txt
  cc_once "$PROGRAMS/sorter.c" bin/sorter
}
cmd_sorter() {
  case $VARIANT in
    c) CMD=("$D/bin/sorter" "$D") ;;
    py) CMD=("$PY" "$PROGRAMS/sorter.py" "$D") ;;
    *) die "sorter: unknown variant $VARIANT" ;;
  esac
}
equivalent exec_c_py sorter mktemp python c py
equivalent exec_c_py_rerun sorter vartmp+rerun mktemp-named py c

# --- a signal to a child ---------------------------------------------------------------------------------------
setup_sig() { cc_once "$PROGRAMS/sig_child.c" bin/sig_child; }
cmd_sig() { CMD=("$D/bin/sig_child"); }
mutant signal_child sig mktemp mktemp-named signal 'where: signals'

# --- a rename loop ---------------------------------------------------------------------------------------------
setup_ren() {
  local n
  for n in alpha beta gamma; do echo "$n" >"$n.txt"; done
}
cmd_ren() { CMD=(bash -c 'for f in *.txt; do mv -- "$f" "${f%.txt}.md"; done; ls'); }
equivalent rename_loop ren spaces mktemp-named

# --- Python open(path, "x"): exclusive creation of an ordinary name --------------------------------------------
cmd_excl() {
  local name=results.json
  [[ $VARIANT == rename ]] && name=output.json
  CMD=("$PY" -c 'import sys
with open(sys.argv[1] + "/" + sys.argv[2], "x") as f:
    f.write("{\"ok\": true}\n")
print("saved")' "$D" "$name")
}
equivalent py_excl_cwd excl mktemp mktemp+root
mutant py_excl_rename excl mktemp+root mktemp-named+root rename 'where: file [^ ]*(results|output)\.json'

# --- a write at an offset, a truncation size, append vs truncate ------------------------------------------------
setup_img() {
  head -c 64 /dev/zero >disk.img
  printf HEADER >header.bin
}
cmd_img() {
  local seek=8
  [[ $VARIANT == seek ]] && seek=16
  CMD=(dd if=header.bin of=disk.img bs=1 "seek=$seek" conv=notrunc status=none)
}
mutant dd_seek img mktemp mktemp-named seek 'where: file [^ ]*/disk\.img'

cmd_trunc() {
  local size=4096
  [[ $VARIANT == size ]] && size=8192
  CMD=(sh -c "exec truncate -s $size disk.img")
}
mutant truncate_size trunc mktemp vartmp size 'where: file [^ ]*/disk\.img'

setup_log() { echo "old entry" >app.log; }
cmd_log() {
  CMD=(sh -c 'echo "new entry" >>app.log')
  [[ $VARIANT == trunc ]] && CMD=(sh -c 'echo "new entry" >app.log')
  return 0
}
mutant append_vs_trunc log mktemp mktemp-named trunc 'where: file [^ ]*/app\.log'

# --- mktemp in a directory the run was given, then mv onto the result ----------------
# The temp name is random and the run removes it (mv): the same $GEN name in both runs,
# also in mv's argv, given as an absolute path or relative to the cwd; with strict_files
# the operations on it compare too.
cmd_mkmv() {
  CMD=(sh -c 'd=$1; t=$(mktemp "$d/.r.XXXXXX"); echo hi >"$t"; mv "$t" "$d/r.txt"' sh "$D/out")
  [[ $VARIANT == other ]] && CMD=(sh -c 'd=$1; t=$(mktemp "$d/.r.XXXXXX"); echo ho >"$t"; mv "$t" "$d/r.txt"' sh "$D/out")
  return 0
}
setup_mkmv() { mkdir -p out; }
equivalent mktemp_mv_in_arg mkmv mktemp mktemp-named
cmd_mkmv_top() { CMD=(sh -c 'd=$1; t=$(mktemp "$d/.r.XXXXXX"); echo hi >"$t"; mv "$t" "$d/r.txt"' sh "$D"); }
equivalent mktemp_mv_in_work_dir mkmv_top mktemp mktemp+out
cmd_mkmv_rel() { CMD=(sh -c 'd=$1; t=$(mktemp "$d/.r.XXXXXX"); echo hi >"$t"; mv "$t" "$d/r.txt"' sh out); }
setup_mkmv_rel() { mkdir -p out; }
equivalent mktemp_mv_in_rel_arg mkmv_rel mktemp mktemp-named
mutant mktemp_mv_content mkmv mktemp mktemp-named other 'where: file [^ ]*/out/r\.txt'
