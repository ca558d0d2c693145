#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/seed.sh: the seed shape's row of `make bench` alone (issue 19), and
# the same row for an older build, so that a change is measured against its
# start on one corpus in one session. The seed-shape documents of a
# bench/gen corpus (SEED_N documents, default 2000, seed 1: the `.txt` files
# holding `<table`) are read by bench/floor-html (the floor), by this tree's
# pg-extract and, with SEED_REF=DIR (a built tree, e.g. from git archive),
# by DIR/bin/pg-extract. Timing is run.sh's: a warm-up round, then
# SEED_RUNS (default 7, at least 5) rounds, each one hyperfine invocation
# running every command once in the same order (so a change of load on a
# shared machine moves the floor and pg-extract alike); the figure is the
# median. With SEED_CALLGRIND=1 it also counts instructions (valgrind
# --tool=callgrind, one process each) over the first 100 of those
# documents: the stable figure. Not a test; run once.
#
# Usage: bench/seed.sh          (make all tools first)
# Environment: SEED_N, SEED_RUNS, SEED_REF, SEED_CALLGRIND, BUILD (.),
# SEED_OUT (bench/out/seed).
set -eu
N=${SEED_N:-2000}
RUNS=${SEED_RUNS:-7}
BUILD=${BUILD:-.}
OUT=${SEED_OUT:-bench/out/seed}
REF=${SEED_REF:-}
BATCH=500
[ "$RUNS" -ge 5 ] || { echo "seed.sh: SEED_RUNS must be >= 5" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "seed.sh: needs hyperfine" >&2; exit 2; }
for p in "$BUILD/bench/gen" "$BUILD/bench/floor-html" "$BUILD/bin/pg-extract" ${REF:+"$REF/bin/pg-extract"}; do
	[ -x "$p" ] || { echo "seed.sh: $p missing (make all tools)" >&2; exit 2; }
done
export LC_ALL=C
mkdir -p "$OUT"
C=$OUT/corpus
stamp="n=$N gen=$(cksum <"$BUILD/bench/gen" | cut -d' ' -f1)"
if [ ! -f "$C/.stamp" ] || [ "$(cat "$C/.stamp")" != "$stamp" ]; then
	rm -rf "$C"
	mkdir -p "$C"
	"$BUILD/bench/gen" --random $((N / 2)) --seed 1 --out "$C" >/dev/null
	echo "$stamp" >"$C/.stamp"
fi
find "$C" -name '*.txt' | sort | xargs grep -l '<table' >"$OUT/seed.lst"
ndocs=$(wc -l <"$OUT/seed.lst")

set -- -n floor-seed "xargs -n $BATCH $BUILD/bench/floor-html <$OUT/seed.lst >/dev/null" \
	-n extract-seed "xargs -n $BATCH $BUILD/bin/pg-extract -q -H <$OUT/seed.lst >/dev/null"
[ -n "$REF" ] && set -- "$@" -n extract-seed-ref "xargs -n $BATCH $REF/bin/pg-extract -q -H <$OUT/seed.lst >/dev/null"
: >"$OUT/rounds.csv"
r=0
while [ "$r" -le "$RUNS" ]; do
	hyperfine --style basic --runs 1 -i --export-csv "$OUT/round.csv" "$@" >>"$OUT/hyperfine.log" 2>&1
	[ "$r" -eq 0 ] || mawk -F, 'NR > 1 { gsub(/"/, ""); print $1 "," $2 }' "$OUT/round.csv" >>"$OUT/rounds.csv"
	r=$((r + 1))
done
echo "seed shape: $ndocs documents of gen --random $((N / 2)) --seed 1, $RUNS rounds; machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
sort -t, -k1,1 -k2,2g "$OUT/rounds.csv" | mawk -F, '
	{ v[$1, ++n[$1]] = $2; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
	END {
		for (i = 1; i <= k; i++) {
			c = order[i]; m = n[c]
			med[c] = m % 2 ? v[c, (m + 1) / 2] : (v[c, m / 2] + v[c, m / 2 + 1]) / 2
		}
		printf "%-18s %9s %8s\n", "command", "median_s", "ratio"
		for (i = 1; i <= k; i++) {
			c = order[i]
			printf "%-18s %9.3f %8.2f\n", c, med[c], med[c] / med["floor-seed"]
		}
	}'
if [ "${SEED_CALLGRIND:-0}" = 1 ]; then
	head -n 100 "$OUT/seed.lst" >"$OUT/seed100.lst"
	count() { # count NAME PROGRAM [ARG]: callgrind's total over the 100 documents
		# shellcheck disable=SC2046
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" $(cat "$OUT/seed100.lst") 2>&1 >/dev/null |
			mawk '/Collected/ { print $NF }'
	}
	f=$(count "$BUILD/bench/floor-html")
	x=$(count "$BUILD/bin/pg-extract" -q)
	echo "instructions over the first 100: floor-html $f, pg-extract $x ($(mawk -v a="$x" -v b="$f" 'BEGIN { printf "%.2f", a / b }')x)"
	if [ -n "$REF" ]; then
		o=$(count "$REF/bin/pg-extract" -q)
		echo "  ref pg-extract $o ($(mawk -v a="$o" -v b="$f" 'BEGIN { printf "%.2f", a / b }')x)"
	fi
fi
