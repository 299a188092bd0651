#!/usr/bin/env bash
# Fidelity corpus of `golden compare`: real programs run the way users run them, in
# work directories named by whoever runs them (mktemp, Python's tempfile, pytest's
# tmp_path, a CI job's $TMPDIR, /var/tmp, a build tree, a fixed path reused by the
# next run, a name with spaces or non-ASCII letters), from different cwds (/ too) and
# $HOMEs, fresh or over an earlier run's outputs. An equivalent case must compare
# equivalent; a mutant changes one observable effect and must diverge at its place.
# The cases are in cases/*.sh; README.md says how to write one.
#
#   fidelity.sh list                              NAME equivalent|mutant, one a line
#   fidelity.sh capture NAME SIDE LAYOUT OUT.json records side a|b in LAYOUT
#   fidelity.sh pair NAME                         both sides, compare, check the verdict
#   fidelity.sh check NAME                        untraced: are the sides' outputs the
#                                                 same (equivalent) / different (mutant)?
#   fidelity.sh show NAME                         NAME KIND PROGRAM LAYOUT_A LAYOUT_B a=VARIANT b=VARIANT
#   fidelity.sh layouts                           the layouts, one a line
#
# Environment: GOLDEN (the golden binary, for capture and pair), GOLDEN_KEEP_TEMP
# (keep the temp dirs), GOLDEN_FIDELITY_FIXED_ROOT (where `fixed` work dirs live,
# default /tmp/golden-fidelity-fixed), GOLDEN_FIDELITY_BUILD_ROOT (where `build`
# work dirs are made, default the repository's build/fidelity),
# GOLDEN_FIDELITY_TIMEOUT (seconds per capture, default 300), FIDELITY_SHOW (check
# prints what a mutant changes).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
# shellcheck disable=SC2034  # PROGRAMS, PY and D are for the case files
PROGRAMS=$HERE/programs
# The system interpreter, not a version manager's shim (a pyenv shim is a bash script
# that looks for .python-version in every parent of the cwd: noise that depends on
# the layout, and on a machine the CI does not have).
if [[ -x /usr/bin/python3 ]]; then PY=/usr/bin/python3; else PY=$(command -v python3); fi
FIXED_ROOT=${GOLDEN_FIDELITY_FIXED_ROOT:-/tmp/golden-fidelity-fixed}
BUILD_ROOT=${GOLDEN_FIDELITY_BUILD_ROOT:-$REPO/build/fidelity}
LAYOUT_BASES=(mktemp mktemp-named python pytest tmpdir vartmp fixed build homedir spaces unicode inhome)
LAYOUT_MODIFIERS=(+out +rel +root +home +rerun)

die() {
  echo "fidelity.sh: $*" >&2
  exit 2
}

# ---------------------------------------------------------------------------------
# The case table. A case runs a PROGRAM (functions setup_PROGRAM, optional, run
# untraced in the work dir, and cmd_PROGRAM, which sets CMD, and STATUS when the
# command's exit status is not 0) on two sides, each in its own layout and with its
# own VARIANT ("" unless the case gives one).
declare -a NAMES=()
declare -A KIND=() PROG=() LAYOUT_A=() LAYOUT_B=() VARIANT_A=() VARIANT_B=() EXPECT=()

# equivalent NAME PROGRAM LAYOUT_A LAYOUT_B [VARIANT_A VARIANT_B]
equivalent() {
  local name=$1
  [[ -z ${KIND[$name]:-} ]] || die "case $name defined twice"
  [[ $3 != "$4" ]] || die "case $name: the two sides must vary the layout"
  NAMES+=("$name")
  KIND[$name]=equivalent PROG[$name]=$2 LAYOUT_A[$name]=$3 LAYOUT_B[$name]=$4
  VARIANT_A[$name]=${5:-} VARIANT_B[$name]=${6:-}
}

# mutant NAME PROGRAM LAYOUT_A LAYOUT_B VARIANT_B PLACE: side b runs VARIANT_B; the
# report must match the extended regex PLACE (where the one changed effect is).
mutant() {
  local name=$1
  [[ -z ${KIND[$name]:-} ]] || die "case $name defined twice"
  NAMES+=("$name")
  KIND[$name]=mutant PROG[$name]=$2 LAYOUT_A[$name]=$3 LAYOUT_B[$name]=$4
  VARIANT_A[$name]="" VARIANT_B[$name]=$5 EXPECT[$name]=$6
}

# put FILE: writes stdin to FILE (relative to the work dir), making its parent dirs.
put() {
  mkdir -p "$(dirname "$1")"
  cat >"$1"
}

# cc_once SRC OUT [FLAGS...]: compiles a helper program in setup (untraced), again
# only when the source is newer (a `fixed` work dir keeps the last run's binary).
cc_once() {
  local src=$1 out=$2
  shift 2
  mkdir -p "$(dirname "$out")"
  if [[ ! -x $out || $src -nt $out ]]; then gcc -O1 -o "$out" "$src" "$@"; fi
}

for f in "$HERE"/cases/*.sh; do
  # shellcheck source=/dev/null  # the case files only call equivalent/mutant and define functions
  source "$f"
done

# ---------------------------------------------------------------------------------
# Layouts: BASE[+MODIFIER...]. prepare_layout sets W (the work dir, absolute),
# RUN_DIR (the command's cwd) and D (how the command names the work dir), exports
# HOME/TMPDIR when the layout changes them, and appends what it made to $CLEAN_LIST.
remember() { printf '%s\n' "$1" >>"$CLEAN_LIST"; }

# pytest's tmp_path: $TMPDIR/pytest-of-USER/pytest-N/test_NAME0, N one more than the
# highest existing (mkdir retried, as pytest does, when a concurrent run took it).
pytest_dir() {
  local root n=0 d
  root=${TMPDIR:-/tmp}/pytest-of-${USER:-$(id -un)}
  mkdir -p "$root"
  chmod 700 "$root"
  for d in "$root"/pytest-[0-9]*; do
    [[ -d $d ]] || continue
    d=${d##*/pytest-}
    [[ $d =~ ^[0-9]+$ ]] && ((d >= n)) && n=$((d + 1))
  done
  until mkdir "$root/pytest-$n" 2>/dev/null; do n=$((n + 1)); done
  remember "$root/pytest-$n"
  d="test_$1"
  d=${d:0:30}
  mkdir "$root/pytest-$n/${d}0"
  echo "$root/pytest-$n/${d}0"
}

# shellcheck disable=SC2034  # D is for the case files
prepare_layout() {
  local name=$1 layout=$2 base mods
  base=${layout%%+*}
  mods=${layout#"$base"}
  case $base in
    mktemp) W=$(mktemp -d) ;;
    mktemp-named) W=$(mktemp -d /tmp/work-XXXXXX) ;;
    python) W=$("$PY" -c 'import tempfile;print(tempfile.mkdtemp(prefix="tmp."))') ;;
    pytest) W=$(pytest_dir "$name") ;;
    tmpdir)
      TMPDIR=$(mktemp -d /tmp/ci-job-XXXX)
      export TMPDIR
      remember "$TMPDIR"
      W=$(mktemp -d)
      ;;
    vartmp) W=$(mktemp -d -p /var/tmp) ;;
    fixed) W=$FIXED_ROOT/$name ;;
    build)
      mkdir -p "$BUILD_ROOT"
      W=$(mktemp -d "$BUILD_ROOT/$name-XXXXXX")
      ;;
    homedir) W=$(mktemp -d "$HOME/golden-fidelity-XXXXXX") ;;
    spaces) W=$(mktemp -d "/tmp/my work dir.XXXXXX") ;;
    unicode) W=$(mktemp -d "/tmp/données-✓-ünï.XXXXXX") ;;
    inhome) # W inside a fresh HOME (a workspace in ~ of a program that writes to ~)
      HOME=$(mktemp -d /tmp/home-XXXXXX)
      export HOME
      remember "$HOME"
      W=$(mktemp -d "$HOME/work-XXXXXX")
      ;;
    *) die "unknown layout $layout (see: fidelity.sh layouts)" ;;
  esac
  if [[ $base == fixed ]]; then mkdir -p "$W"; elif [[ $base != pytest ]]; then remember "$W"; fi
  RUN_DIR=$W D=$W
  while [[ -n $mods ]]; do
    local mod=${mods%%+*}
    mods=${mods#"$mod"}
    mods=${mods#+}
    case $mod in
      "") ;;
      out) # run from another (empty) dir, naming the work dir by its absolute path
        RUN_DIR=$(mktemp -d /tmp/elsewhere-XXXXXX)
        remember "$RUN_DIR"
        ;;
      rel) D=. ;;        # run from the work dir, naming it relatively
      root) RUN_DIR=/ ;; # run from /, naming the work dir by its absolute path
      home)
        HOME=$(mktemp -d /tmp/home-XXXXXX)
        export HOME
        remember "$HOME"
        ;;
      rerun) ;; # enter_side runs the command once before
      *) die "unknown layout modifier +$mod in $layout" ;;
    esac
  done
}

# ---------------------------------------------------------------------------------
# Running one side.
lookup() {
  [[ -n ${KIND[$1]:-} ]] || die "no case named $1 (see: fidelity.sh list)"
}

side_variant() {
  case $2 in
    a) VARIANT=${VARIANT_A[$1]} ;;
    b) VARIANT=${VARIANT_B[$1]} ;;
    *) die "side must be a or b, not $2" ;;
  esac
  export FIDELITY_VARIANT=$VARIANT
}

# enter_side NAME SIDE LAYOUT: prepares the layout, runs setup and, in a `fixed` work
# dir that no run has used yet or in a `+rerun` layout, the command itself once
# (untraced) and setup again, so that the run that follows always sees the outputs
# of an earlier one. Leaves CMD set and the shell in RUN_DIR.
enter_side() {
  local name=$1 side=$2 layout=$3 prog=${PROG[$1]}
  side_variant "$name" "$side"
  prepare_layout "$name" "$layout"
  run_setup "$prog"
  cd "$RUN_DIR"
  STATUS=0
  "cmd_$prog"
  if [[ $layout == *+rerun* || ($layout == fixed* && ! -e $FIXED_ROOT/.$name.ran) ]]; then
    "${CMD[@]}" </dev/null >/dev/null 2>&1 || true
    if [[ $layout == fixed* ]]; then touch "$FIXED_ROOT/.$name.ran"; fi
    run_setup "$prog"
  fi
}

# Not `(cd "$W" && setup)`: in an && list, set -e would not stop a failing setup.
run_setup() {
  if declare -F "setup_$1" >/dev/null; then
    (
      cd "$W"
      "setup_$1"
    )
  fi
}

# pair and check start from a clean `fixed` dir (no outputs of an older version of the
# case) and remove it at the end.
fresh_fixed_dir() {
  rm -rf -- "${FIXED_ROOT:?}/$1" "$FIXED_ROOT/.$1.ran"
  remember "$FIXED_ROOT/$1"
  remember "$FIXED_ROOT/.$1.ran"
}

clean_up() {
  [[ -z ${GOLDEN_KEEP_TEMP:-} && -f ${CLEAN_LIST:-} ]] || return 0
  local d
  while IFS= read -r d; do rm -rf -- "$d"; done <"$CLEAN_LIST"
  rm -f -- "$CLEAN_LIST"
}

need_golden() {
  [[ -n ${GOLDEN:-} ]] || die "set GOLDEN to the golden binary"
  [[ -x $GOLDEN ]] || die "GOLDEN=$GOLDEN is not executable"
  [[ $GOLDEN == /* ]] || GOLDEN=$PWD/$GOLDEN # captures run from other dirs
}

# capture NAME SIDE LAYOUT OUT: in a subshell, so that the layout's HOME/TMPDIR and
# cwd stay there.
capture_side() (
  local name=$1 side=$2 layout=$3 out=$4 log status=0
  [[ $out == /* ]] || out=$PWD/$out
  log=$(mktemp)
  remember "$log"
  enter_side "$name" "$side" "$layout"
  timeout -s KILL "${GOLDEN_FIDELITY_TIMEOUT:-300}" \
    "$GOLDEN" capture -o "$out" -- "${CMD[@]}" </dev/null >/dev/null 2>"$log" || status=$?
  if [[ ! -f $out ]]; then
    echo "fidelity.sh: capture of $name side $side ($layout) failed (exit $status):" >&2
    cat "$log" >&2
    return 1
  fi
  # golden exits with the program's status: another one means a tool is missing or
  # broken, and both sides failing alike must not pass for equivalence.
  if ((status != STATUS)); then
    echo "fidelity.sh: $name side $side ($layout) exited $status, not $STATUS: ${CMD[*]}" >&2
    cat "$log" >&2
    return 1
  fi
)

cmd_capture() {
  (($# == 4)) || die "usage: fidelity.sh capture NAME SIDE LAYOUT OUT.json"
  lookup "$1"
  need_golden
  CLEAN_LIST=$(mktemp)
  trap clean_up EXIT
  capture_side "$@"
}

cmd_pair() {
  (($# == 1)) || die "usage: fidelity.sh pair NAME"
  local name=$1 dir status=0 ok=no
  lookup "$name"
  need_golden
  CLEAN_LIST=$(mktemp)
  trap clean_up EXIT
  dir=$(mktemp -d)
  remember "$dir"
  fresh_fixed_dir "$name"
  capture_side "$name" a "${LAYOUT_A[$name]}" "$dir/a.json"
  capture_side "$name" b "${LAYOUT_B[$name]}" "$dir/b.json"
  "$GOLDEN" compare --color=never "$dir/a.json" "$dir/b.json" >"$dir/report.txt" 2>&1 || status=$?
  if [[ -n ${GOLDEN_KEEP_TEMP:-} ]]; then echo "fidelity.sh: traces and report kept in $dir" >&2; fi
  if [[ ${KIND[$name]} == equivalent ]]; then
    ((status == 0)) && ok=yes
  elif ((status == 1)) && grep -Eq -- "${EXPECT[$name]}" "$dir/report.txt"; then
    ok=yes
  fi
  if [[ $ok == no ]]; then
    local want="exit 0"
    [[ ${KIND[$name]} == mutant ]] && want="exit 1 and a report matching /${EXPECT[$name]}/"
    echo "$name (${KIND[$name]}, ${LAYOUT_A[$name]} vs ${LAYOUT_B[$name]}): golden compare exited $status, wanted $want"
    cat "$dir/report.txt"
    return 1
  fi
}

# ---------------------------------------------------------------------------------
# check: the corpus's own test, without golden. Each side runs untraced under strace;
# its snapshot is the exit status, stdout, stderr, every file left in the work dir
# (and in a fresh HOME, the work dir left out) with type, mode and content, and the
# effects strace sees (programs started below the root, connects, signals, files read
# in the work dir); the run's directories are replaced by placeholders first. An
# equivalent case needs the same snapshot on both sides but for the reads, and side a
# must give it twice; a mutant needs some difference.
snapshot_side() (
  local name=$1 side=$2 layout=$3 snap=$4 tmp status=0 root
  tmp=$(mktemp -d)
  remember "$tmp"
  enter_side "$name" "$side" "$layout"
  strace -f -qq -o "$tmp/strace" -e trace=execve,connect,kill,tgkill,openat \
    "${CMD[@]}" </dev/null >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
  if ((status != STATUS)); then
    echo "$name side $side ($layout) exited $status, not $STATUS: ${CMD[*]}" >&2
    cat "$tmp/stderr" >&2
    return 1
  fi
  local roots=("$W") subst=() line skip
  if [[ $layout == *+home* || $layout == inhome* ]]; then roots+=("$HOME"); fi
  # The run's own directories, longest first (W may be inside TMPDIR or HOME), one a
  # line as LENGTH<tab>DIR<tab>LABEL (a dir name may have spaces).
  {
    printf '%s\t%s\n' "$W" '<W>'
    if [[ $RUN_DIR != "$W" && $RUN_DIR != / ]]; then printf '%s\t%s\n' "$RUN_DIR" '<CWD>'; fi
    printf '%s\t%s\n' "$HOME" '<HOME>'
    if [[ $layout == tmpdir* ]]; then printf '%s\t%s\n' "$TMPDIR" '<TMPDIR>'; fi
  } | awk -F '\t' '{ print length($1) "\t" $0 }' | sort -rn >"$tmp/dirs"
  while IFS=$'\t' read -r _ dir label; do subst+=(-e "s|\\Q$dir\\E|$label|g;"); done <"$tmp/dirs"
  {
    echo "exit $status"
    echo "--- stdout"
    perl -p "${subst[@]}" "$tmp/stdout"
    echo "--- stderr"
    perl -p "${subst[@]}" "$tmp/stderr"
    echo "--- files"
    for root in "${roots[@]}"; do
      skip=() # W inside HOME (inhome) is listed once, as W
      if [[ $root != "$W" && $W == "$root"/* ]]; then skip=(-path "./${W#"$root"/}" -prune -o); fi
      (cd "$root" && find . -mindepth 1 "${skip[@]}" -print | LC_ALL=C sort) | while IFS= read -r line; do
        local f=$root/${line#./} label
        label=$(echo "$f" | perl -p "${subst[@]}")
        if [[ -L $f ]]; then
          echo "$label link $(readlink "$f" | perl -p "${subst[@]}")"
        elif [[ -d $f ]]; then
          echo "$label dir $(stat -c %a "$f")"
        else
          echo "$label file $(stat -c %a "$f") $(perl -0777 -p "${subst[@]}" "$f" | sha256sum | cut -c1-16)"
        fi
      done
    done
    # The root's own exec is the implementation, not an effect (as for golden).
    echo "--- effects"
    perl -ne '
      my ($pid) = /^(\d+) /;  # strace -f splits a call that another process interrupts
      $exec{$pid} = $1 if /execve\("[^"]*\/([^"\/]+)"/;
      print "exec $exec{$pid}\n" if /execve(\(| resumed>).*= 0$/ && $root++;
      print "connect $1\n" if /connect\(.*sin_addr=inet_addr\("([^"]+)"\)/;
      print "signal $1\n" if /kill\(.*(SIG[A-Z0-9]+)\)/;' "$tmp/strace" | LC_ALL=C sort
    # Reads of files in the work dir: they include the random names of a run's own temp
    # files, so only a mutant's check looks at them.
    echo "--- reads"
    perl -ne 'print "read $1\n" if /openat\([^"]*"([^"]+)", O_RDONLY[^)]*\) = \d/' "$tmp/strace" |
      perl -p "${subst[@]}" | grep -v '^read /' | LC_ALL=C sort || true
  } >"$snap"
)

cmd_check() {
  (($# == 1)) || die "usage: fidelity.sh check NAME"
  local name=$1 dir
  lookup "$name"
  CLEAN_LIST=$(mktemp)
  trap clean_up EXIT
  dir=$(mktemp -d)
  remember "$dir"
  fresh_fixed_dir "$name"
  snapshot_side "$name" a "${LAYOUT_A[$name]}" "$dir/a1"
  snapshot_side "$name" a "${LAYOUT_A[$name]}" "$dir/a2"
  snapshot_side "$name" b "${LAYOUT_B[$name]}" "$dir/b"
  local f
  for f in a1 a2 b; do sed '/^--- reads/,$d' "$dir/$f" >"$dir/$f.out"; done
  if ! diff -u "$dir/a1.out" "$dir/a2.out" >"$dir/diff"; then
    echo "$name: side a is not deterministic (two untraced runs differ):"
    cat "$dir/diff"
    return 1
  fi
  if [[ ${KIND[$name]} == equivalent ]]; then
    if ! diff -u "$dir/a1.out" "$dir/b.out" >"$dir/diff"; then
      echo "$name: the equivalent sides' outputs differ:"
      cat "$dir/diff"
      return 1
    fi
  elif diff -q "$dir/a1" "$dir/b" >/dev/null; then
    echo "$name: the mutant changes nothing visible untraced:"
    cat "$dir/a1"
    return 1
  elif [[ -n ${FIDELITY_SHOW:-} ]]; then
    diff -u "$dir/a1" "$dir/b" || true
  fi
}

cmd_list() {
  local name
  for name in "${NAMES[@]}"; do echo "$name ${KIND[$name]}"; done
}

cmd_show() {
  (($# == 1)) || die "usage: fidelity.sh show NAME"
  lookup "$1"
  local name=$1
  echo "$name ${KIND[$name]} ${PROG[$name]} ${LAYOUT_A[$name]} ${LAYOUT_B[$name]} a=${VARIANT_A[$name]} b=${VARIANT_B[$name]}"
}

cmd_layouts() {
  printf '%s\n' "${LAYOUT_BASES[@]}"
  printf 'BASE%s\n' "${LAYOUT_MODIFIERS[@]}"
}

main() {
  (($# >= 1)) || die "usage: fidelity.sh list | capture NAME SIDE LAYOUT OUT.json | pair NAME | check NAME | show NAME | layouts"
  local sub=$1
  shift
  case $sub in
    list) cmd_list ;;
    layouts) cmd_layouts ;;
    capture) cmd_capture "$@" ;;
    pair) cmd_pair "$@" ;;
    check) cmd_check "$@" ;;
    show) cmd_show "$@" ;;
    *) die "unknown command $sub" ;;
  esac
}

main "$@"
