#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/office.sh: the XLSX reader against xlsx2csv and its floor.
#
# Generates BENCH_XLSX_N workbooks (bench/officegen bench: one sheet of
# BENCH_XLSX_ROWS rows x 8 cells -- shared strings, numbers with float
# noise, percents), then times with hyperfine (BENCH_RUNS rounds, default 5):
#   read   bench/floor-xlsx read: the XLSX reader, every sheet into grids
#   floor  bench/floor-xlsx floor: only inflate and tokenise the sheet XML
#   x2c    xlsx2csv (Debian's package: what a user would run today), each file
#   pg-extract on the same files (reader + form search; no form: exit 2)
# and prints the medians and the ratios read/floor and x2c/read. Not a test.
# Usage: bench/office.sh   (make tools all first; `make bench` does it)
set -eu
BUILD=${BUILD:-.}
N=${BENCH_XLSX_N:-10}
ROWS=${BENCH_XLSX_ROWS:-20000}
RUNS=${BENCH_RUNS:-5}
OUT=${BENCH_OUT:-bench/out}/xlsx
T=$BUILD/bench
for t in hyperfine xlsx2csv; do
	command -v "$t" >/dev/null || { echo "office.sh: needs $t" >&2; exit 2; }
done
mkdir -p "$OUT"
i=1
while [ $i -le "$N" ]; do
	[ -f "$OUT/w$i.xlsx" ] || "$T/officegen" bench "$OUT/w$i.xlsx" "$ROWS"
	i=$((i + 1))
done
files=$(ls "$OUT"/w*.xlsx | tr "\n" " ")
bytes=$(cat $files | wc -c)
echo "corpus: $N workbooks x $ROWS rows x 8 cells, $bytes bytes zipped" >&2
x2c="for f in $files; do xlsx2csv \$f >/dev/null; done"
hyperfine -N --runs "$RUNS" --warmup 1 --export-json "$OUT/h.json" \
	-n read "$T/floor-xlsx read $files" \
	-n floor "$T/floor-xlsx floor $files" \
	-n pg-extract "sh -c '$BUILD/bin/pg-extract -q $files >/dev/null; true'" \
	-n x2c "sh -c '$x2c'" >&2
med() {
	tr ',' '\n' <"$OUT/h.json" | awk -v n="$1" '
		/"command":/ { c = $0; sub(/.*: *"/, "", c); sub(/".*/, "", c) }
		/"median":/ && c == n { m = $0; sub(/.*: */, "", m); print m; exit }'
}
r=$(med read) f=$(med floor) p=$(med pg-extract) x=$(med x2c)
awk -v r="$r" -v f="$f" -v p="$p" -v x="$x" 'BEGIN {
	printf "median s: read %.3f  floor %.3f  pg-extract %.3f  xlsx2csv %.3f\n", r, f, p, x
	printf "read/floor %.2f   pg-extract/floor %.2f   xlsx2csv/read %.1f\n", r / f, p / f, x / r
}'
