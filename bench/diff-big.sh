#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/diff-big.sh: pg-diff without --sorted against --sorted on inputs
# larger than its memory budget (issue 19). Not part of the test suite:
# too slow (minutes at 10 million facts a side).
#
#   bench/diff-big.sh [FACTS] [DIR]     (defaults: 10000000, bench/out)
#
# Makes the pair of bench/gen-diff.sh (already sorted), the same records in
# the order pg-extract writes (departments in a random order, each one's
# records together: *.ext.tsv) and fully shuffled (*.shuf.tsv), then runs
# once each, under nice, with GNU time (elapsed, user, system, peak RSS):
# --sorted on the sorted pair, and the default mode on the sorted, the
# extract-ordered and the shuffled pairs; each output must be the bytes of
# --sorted's (the script fails otherwise).
set -eu
N=${1:-10000000}
DIR=${2:-bench/out}
P=${PG_DIFF:-bin/pg-diff}
[ -s "$DIR/old.tsv" ] || sh bench/gen-diff.sh "$N" "$DIR"
for f in old new; do
	[ -s "$DIR/$f.shuf.tsv" ] || { head -n1 "$DIR/$f.tsv"; tail -n +2 "$DIR/$f.tsv" |
		shuf --random-source="$DIR/$f.tsv"; } >"$DIR/$f.shuf.tsv"
	[ -s "$DIR/$f.ext.tsv" ] || { head -n1 "$DIR/$f.tsv"; tail -n +2 "$DIR/$f.tsv" |
		awk -F'\t' 'BEGIN { srand(7) } { if (!($3 in r)) r[$3] = int(rand() * 1e9); print r[$3] "\t" $0 }' |
		LC_ALL=C sort -s -t "$(printf '\t')" -k1,1n | cut -f2-; } >"$DIR/$f.ext.tsv"
done
run() { # run NAME ARGS...: time one pg-diff, compare its output with --sorted's
	name=$1
	shift
	rc=0
	nice /usr/bin/time -f "$name: %e s elapsed, %U s user, %S s system, %M KB peak RSS" \
		"$P" "$@" >"$DIR/diff.out" || rc=$?
	[ "$rc" -le 1 ] || { echo "$name: exit $rc" >&2; exit 1; }
	if [ -s "$DIR/diff.sorted" ]; then
		cmp -s "$DIR/diff.out" "$DIR/diff.sorted" || { echo "$name: output differs" >&2; exit 1; }
	else
		mv "$DIR/diff.out" "$DIR/diff.sorted"
	fi
}
rm -f "$DIR/diff.sorted"
run "--sorted, sorted input" --sorted "$DIR/old.tsv" "$DIR/new.tsv"
run "default, sorted input" "$DIR/old.tsv" "$DIR/new.tsv"
run "default, extract-ordered input" "$DIR/old.ext.tsv" "$DIR/new.ext.tsv"
run "default, shuffled input" "$DIR/old.shuf.tsv" "$DIR/new.shuf.tsv"
echo "outputs identical to --sorted's"
