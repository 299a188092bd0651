# The reference CLI of the equivalence tests in shell (see greet.c).
name=$1
outdir=$2
printf 'greeted %s\n' "$name" > "$outdir/greeting.txt"
echo "note: wrote greeting.txt" >&2
echo "Hello, $name!"
