#!/usr/bin/env bash
# Flakiness benchmark of `golden compare` (not a test): every equivalent case of the
# fidelity corpus (testdata/fidelity) is captured N times in fresh work dirs, the
# layout rotating (mktemp, mktemp -d /tmp/work-XXXXXX, Python's tempfile, pytest's
# tmp_path, a CI job's $TMPDIR, /var/tmp, a build tree, $HOME, a name with spaces, a
# non-ASCII name), and N times in one
# fixed dir (each run over the outputs of the one before). Each capture is compared
# with the first of its series; any divergence is a false one, since the program and
# its inputs are the same. Prints, per case, the comparisons, the false divergences
# and their rate, then the total and the elapsed time.
#
#   ci/bench_fidelity.sh [-n N] [-c REGEX] [-v] [-k]
#     -n N      captures per series (default 10, or $GOLDEN_BENCH_RUNS)
#     -c REGEX  only the cases whose name matches (grep -E)
#     -v        print the first divergence line of each false divergence
#     -k        keep the traces and reports (their dir is printed)
#   GOLDEN: the golden binary (default build/tools/golden/golden)
#
# The cases are fidelity.sh's: captures go through `fidelity.sh capture` and keep each
# case's side a (its program and variant) and its layout modifiers (+rel, +home,
# +out), since some outputs depend on them (a .pyc embeds its source path as given).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fidelity=$root/testdata/fidelity/fidelity.sh

runs=${GOLDEN_BENCH_RUNS:-10}
filter=.
verbose=no
keep=no
while getopts n:c:vk opt; do
  case $opt in
    n) runs=$OPTARG ;;
    c) filter=$OPTARG ;;
    v) verbose=yes ;;
    k) keep=yes ;;
    *)
      sed -n '/^#   ci/,/^#   GOLDEN/p' "$0" >&2
      exit 2
      ;;
  esac
done
if ! [[ $runs =~ ^[0-9]+$ ]] || ((runs < 2)); then
  echo "bench_fidelity: -n needs a number >= 2" >&2
  exit 2
fi
export GOLDEN=${GOLDEN:-$root/build/tools/golden/golden}
[[ -x $GOLDEN ]] || {
  echo "bench_fidelity: no golden binary at $GOLDEN (build it, or set GOLDEN)" >&2
  exit 2
}

work=$(mktemp -d)
if [[ $keep == no ]]; then trap 'rm -rf "$work"' EXIT; fi
# The `fixed` series' dir: one path for the whole series, away from a concurrent ctest.
export GOLDEN_FIDELITY_FIXED_ROOT=$work/fixed
fresh_bases=(mktemp mktemp-named python pytest tmpdir vartmp build homedir spaces unicode)

# compare_to_first FIRST TRACE NOTES: prints "ok", "divergent" or "error"; appends the
# first divergence line (with -v) or the error to NOTES.
compare_to_first() {
  local status=0 report=${2%.json}.report
  "$GOLDEN" compare --color=never "$1" "$2" >"$report" 2>&1 || status=$?
  case $status in
    0) echo ok ;;
    1)
      echo divergent
      if [[ $verbose == yes ]]; then
        echo "    ${2##*/}: $(grep -m1 -E '^\[[0-9]+\]' "$report" || head -n1 "$report")" >>"$3"
      fi
      ;;
    *)
      echo error
      echo "    ${2##*/}: golden compare exited $status: $(head -n1 "$report")" >>"$3"
      ;;
  esac
}

# series CASE LABEL LAYOUT...: one capture per layout; prints "COMPARISONS DIVERGENCES
# ERRORS"; what to say about them goes to $work/CASE/notes.
series() {
  local name=$1 label=$2 i=0 first="" trace verdict cmp=0 div=0 err=0 notes=$work/$1/notes
  shift 2
  for layout in "$@"; do
    trace=$work/$name/$label-$i.json
    if ! "$fidelity" capture "$name" a "$layout" "$trace" 2>"$work/$name/$label-$i.err"; then
      echo "    $label-$i ($layout): capture failed: $(head -n3 "$work/$name/$label-$i.err")" >>"$notes"
      err=$((err + 1))
    elif [[ -z $first ]]; then
      first=$trace
    else
      verdict=$(compare_to_first "$first" "$trace" "$notes")
      cmp=$((cmp + 1))
      [[ $verdict == divergent ]] && div=$((div + 1))
      [[ $verdict == error ]] && err=$((err + 1))
    fi
    i=$((i + 1))
  done
  echo "$cmp $div $err"
}

start=$SECONDS
printf '%-20s %12s %12s %6s %6s %7s\n' case fresh fixed cmp false rate
total_cmp=0 total_div=0 total_err=0 cases=0
while read -r name kind; do
  [[ $kind == equivalent ]] || continue
  grep -Eq -- "$filter" <<<"$name" || continue
  # show: NAME KIND PROGRAM LAYOUT_A LAYOUT_B a=.. b=..; the modifiers of side a's layout
  layout_a=$("$fidelity" show "$name" | awk '{ print $4 }')
  mods=${layout_a#"${layout_a%%+*}"}
  mkdir -p "$work/$name"
  touch "$work/$name/notes"
  fresh=() fixed=()
  for ((k = 0; k < runs; k++)); do
    fresh+=("${fresh_bases[k % ${#fresh_bases[@]}]}$mods")
    fixed+=("fixed$mods")
  done
  read -r c1 d1 e1 < <(series "$name" fresh "${fresh[@]}")
  read -r c2 d2 e2 < <(series "$name" fixed "${fixed[@]}")
  cmp=$((c1 + c2)) div=$((d1 + d2)) err=$((e1 + e2))
  printf '%-20s %12s %12s %6d %6d %6.1f%%%s\n' "$name" "$d1/$c1" "$d2/$c2" "$cmp" "$div" \
    "$(awk -v d="$div" -v c="$cmp" 'BEGIN { print c ? 100 * d / c : 0 }')" \
    "$([[ $err -gt 0 ]] && echo "  ($err errors)")"
  cat "$work/$name/notes"
  total_cmp=$((total_cmp + cmp)) total_div=$((total_div + div)) total_err=$((total_err + err))
  cases=$((cases + 1))
  rm -rf "${GOLDEN_FIDELITY_FIXED_ROOT:?}"
done < <("$fidelity" list)

elapsed=$((SECONDS - start))
printf '%-20s %12s %12s %6d %6d %6.1f%%\n' "total ($cases cases)" "" "" "$total_cmp" "$total_div" \
  "$(awk -v d="$total_div" -v c="$total_cmp" 'BEGIN { print c ? 100 * d / c : 0 }')"
echo "captures per series: $runs; errors: $total_err; elapsed: $((elapsed / 60)) min $((elapsed % 60)) s"
if [[ $keep == yes ]]; then echo "traces and reports kept in $work"; fi
