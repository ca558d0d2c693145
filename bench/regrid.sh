#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/regrid.sh: text whose grid was lost (docs/regrid.md), on a generated
# corpus. Generates REGRID_N departments (both years, every shape) with
# bench/gen, takes their web-page renderings (shape c), re-renders each with
# bench/flatten as one cell per line, as `|` rows and as a browser copy, and
# reports per shape: the documents whose facts differ from their page's (all
# columns but src; the metamorphic test of tests/cli/regrid.sh at scale),
# then pg-extract's wall time and peak RSS over all of them in one process
# (/usr/bin/time), next to the pages'. Not a test: run once for the figures.
#
# Usage: bench/regrid.sh          (make all tools first)
# Environment: REGRID_N (500), REGRID_SEED (3), BUILD (.), BENCH_OUT (bench/out).
set -eu
N=${REGRID_N:-500}
SEED=${REGRID_SEED:-3}
BUILD=${BUILD:-.}
OUT=${BENCH_OUT:-bench/out}/regrid
B=$BUILD/bin
T=$BUILD/bench
for p in $T/gen $T/flatten $B/pg-extract /usr/bin/time; do
	[ -x "$p" ] || { echo "regrid.sh: $p missing (make all tools)" >&2; exit 2; }
done
export LC_ALL=C
rm -rf "$OUT"
mkdir -p "$OUT/gen" "$OUT/html" "$OUT/lines" "$OUT/pipes" "$OUT/copy"
$T/gen --random "$N" --seed "$SEED" --out "$OUT/gen" >/dev/null
for f in "$OUT"/gen/*.html; do
	b=$(basename "$f" .html)
	cp "$f" "$OUT/html/$b.html"
	for m in lines pipes copy; do
		$T/flatten $m <"$f" >"$OUT/$m/$b.txt"
	done
done
n=$(ls "$OUT/html" | wc -l)
echo "$n pages of $N departments (seed $SEED), each as lines, pipes and copy"
for m in lines pipes copy; do
	bad=0
	for f in "$OUT"/html/*.html; do
		b=$(basename "$f" .html)
		$B/pg-extract "$f" 2>/dev/null | cut -f2-11 >"$OUT/want"
		$B/pg-extract "$OUT/$m/$b.txt" 2>/dev/null | cut -f2-11 >"$OUT/got"
		cmp -s "$OUT/want" "$OUT/got" || bad=$((bad + 1))
	done
	echo "$m: $bad of $n documents with other facts than their page"
done
for m in html lines pipes copy; do
	bytes=$(cat "$OUT"/$m/* | wc -c)
	/usr/bin/time -f "%e %M" -o "$OUT/time" $B/pg-extract -q "$OUT"/$m/* >/dev/null 2>&1 || :
	read -r secs rss <"$OUT/time"
	echo "$m: $bytes bytes, ${secs} s, peak RSS ${rss} KB"
done
