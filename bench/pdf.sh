#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/pdf.sh: pg-extract on PDFs against its floor, `pdftotext -layout`
# over the same files (getting the text out at all, columns scrambled).
# The PDFs are the fixtures' forms (fixtures/pdf, the encrypted one left
# out) and a generated 200-page file of ruled tables and text (bench/pdfgen).
# Each program runs once per file, as a user's loop would; hyperfine takes
# the median of BENCH_RUNS (5) rounds. Prints pages per second of both and
# the ratio, and pg-extract's peak RSS on the largest file. Not a test.
#
# Usage: bench/pdf.sh  (make all tools first; `make bench` runs it)
set -eu
BUILD=${BUILD:-.}
RUNS=${BENCH_RUNS:-5}
OUT=${BENCH_OUT:-bench/out}
for t in hyperfine pdftotext pdfinfo /usr/bin/time; do
	command -v "$t" >/dev/null || { echo "pdf.sh: needs $t" >&2; exit 2; }
done
mkdir -p "$OUT"
"$BUILD/bench/pdfgen" --pages 200 --words 60 >"$OUT/pages200.pdf"
FILES=$(echo $(ls fixtures/pdf/*.pdf | grep -v encrypted) "$OUT/pages200.pdf")
pages=0
for f in $FILES; do
	pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')))
done
n=$(echo $FILES | wc -w)
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/pdf.json" \
	-n pg-extract "sh -c 'for f in $FILES; do $BUILD/bin/pg-extract -q \$f >/dev/null 2>&1; done; true'" \
	-n 'pdftotext -layout' "sh -c 'for f in $FILES; do pdftotext -layout \$f /dev/null; done'" >/dev/null
med() { # med NAME: median seconds of that command in the JSON
	awk -v name="$1" '
		/"command":/ { c = $0; sub(/.*"command": *"/, "", c); sub(/".*/, "", c) }
		/"median":/ && c == name { m = $0; sub(/.*"median": */, "", m); sub(/,.*/, "", m); print m }
	' "$OUT/pdf.json"
}
a=$(med pg-extract)
b=$(med 'pdftotext -layout')
rss=$(/usr/bin/time -f %M "$BUILD/bin/pg-extract" -q "$OUT/pages200.pdf" 2>&1 >/dev/null | tail -n 1)
awk -v a="$a" -v b="$b" -v p="$pages" -v n="$n" -v rss="$rss" 'BEGIN {
	printf "PDF: %d files, %d pages\n", n, p
	printf "  pg-extract          %6.3f s  %7.1f pages/s  peak %d MB (200 pages)\n", a, p / a, rss / 1024
	printf "  pdftotext -layout   %6.3f s  %7.1f pages/s\n", b, p / b
	printf "  ratio (time): pg-extract takes %.2f times pdftotext -layout\n", a / b
}'
