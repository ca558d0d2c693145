#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/run.sh: the pipeline against its floors on a generated corpus.
#
# Generates BENCH_N documents with bench/gen (BENCH_N/2 departments, both
# years, every shape, seed BENCH_SEED) into bench/out/corpus (kept while N and
# the seed are unchanged), builds the fact streams the filters read, then runs
# every command and its floor in interleaved rounds (a warm-up round, then
# BENCH_RUNS (default 7, at least 5) timed rounds, each one hyperfine run of every command) and
# prints per command the median wall time, MB/s, documents/s, peak RSS
# (/usr/bin/time -f %M, one more run) and its ratio to its floor, with the
# issue's target. It checks that xargs -P2 gives the same facts as
# one process, and that pg-diff --sorted agrees with pg-diff. Not a test: no
# figure makes it fail; `make check` holds the correctness.
#
# Usage: bench/run.sh            (make tools all first; `make bench` does it)
# Environment: BENCH_N (10000), BENCH_SEED (1), BENCH_RUNS (7), BENCH_BATCH
# (files per process, 500), BENCH_LIST_N (names for the one-process RSS
# figure, 100000), BUILD (.), BENCH_OUT (bench/out).
set -eu

N=${BENCH_N:-10000}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-7}
BATCH=${BENCH_BATCH:-500}
LISTN=${BENCH_LIST_N:-100000}
BUILD=${BUILD:-.}
OUT=${BENCH_OUT:-bench/out}
B=$BUILD/bin
T=$BUILD/bench

[ "$RUNS" -ge 5 ] || { echo "run.sh: BENCH_RUNS must be >= 5" >&2; exit 2; }
for t in hyperfine mawk /usr/bin/time; do
	command -v "$t" >/dev/null || { echo "run.sh: needs $t" >&2; exit 2; }
done
for p in $T/gen $T/floor-html $T/floor-dsv $B/pg-extract $B/pg-normalize $B/pg-sum $B/pg-diff; do
	[ -x "$p" ] || { echo "run.sh: $p missing (make all tools)" >&2; exit 2; }
done
export LC_ALL=C
TAB=$(printf '\t')
mkdir -p "$OUT"

# ---------------------------------------------------------------- corpus
C=$OUT/corpus
stamp="n=$N seed=$SEED gen=$(cksum <$T/gen | cut -d' ' -f1)"
if [ ! -f "$C/.stamp" ] || [ "$(cat "$C/.stamp")" != "$stamp" ]; then
	echo "generating $N documents (seed $SEED) in $C" >&2
	rm -rf "$C"
	mkdir -p "$C"
	$T/gen --random $((N / 2)) --seed "$SEED" --out "$C"
	echo "$stamp" >"$C/.stamp"
fi
# Documents: every file but the expected facts. HTML-bearing: pages (c) and
# seed-shape text holding <table> cells (a).
find "$C" -type f ! -name '*.facts.tsv' ! -name '.stamp' | sort >"$OUT/all.lst"
{
	grep '\.html$' "$OUT/all.lst" || :
	grep '\.txt$' "$OUT/all.lst" | xargs -r grep -l '<table' || :
} | sort >"$OUT/html.lst"
# The shapes, each timed on its own against its floor. One line a shape:
# NAME, the floor's command (given the shape's files), the target ratio of
# pg-extract's time to the floor's ("-": none set), what it is. Its files are
# $OUT/shape-NAME.lst (below). A new input format adds a line here and its
# list below.
SHAPES="seed|$T/floor-html|1.25|seed shape: TAB text, HTML tables in cells (gen a)
page|$T/floor-html|1.25|web page: Excel's save as web page (gen c)
delim|$T/floor-dsv|-|TSV/CSV exports, any encoding (gen d-tsv, d-csv)
flat|$T/floor-dsv|-|seed shape without HTML cells (gen b)"
grep '\.txt$' "$OUT/all.lst" | xargs -r grep -l '<table' | sort >"$OUT/shape-seed.lst" || :
grep '\.html$' "$OUT/all.lst" >"$OUT/shape-page.lst" || :
grep -E '\.(tsv|csv)$' "$OUT/all.lst" >"$OUT/shape-delim.lst" || :
grep '\.txt$' "$OUT/all.lst" | xargs -r grep -L '<table' | sort >"$OUT/shape-flat.lst" || :
head -n 1000 "$OUT/all.lst" >"$OUT/1k.lst"
ndocs=$(wc -l <"$OUT/all.lst")
nhtml=$(wc -l <"$OUT/html.lst")
n1k=$(wc -l <"$OUT/1k.lst")
bytes() { xargs cat <"$1" | wc -c; }
all_b=$(bytes "$OUT/all.lst")
html_b=$(bytes "$OUT/html.lst")

# ---------------------------------------------------------------- streams
# facts.tsv: pg-extract over the corpus (one header); norm.tsv: normalised;
# y2024/y2025: norm.tsv split by year; s2024/s2025: the same sorted as
# pg-diff --sorted wants.
hdr=$($B/pg-extract -q "$(head -n 1 "$OUT/all.lst")" | head -n 1)
{
	echo "$hdr"
	xargs -n "$BATCH" $B/pg-extract -q -H <"$OUT/all.lst"
} >"$OUT/facts.tsv"
$B/pg-normalize "$OUT/facts.tsv" >"$OUT/norm.tsv"
mawk -F'\t' -v o="$OUT" 'NR == 1 { print > (o "/y2024.tsv"); print > (o "/y2025.tsv"); next }
	{ print > (o "/y" $2 ".tsv") }' "$OUT/norm.tsv"
for y in 2024 2025; do
	{
		head -n 1 "$OUT/y$y.tsv"
		tail -n +2 "$OUT/y$y.tsv" | sort -t "$TAB" -k3,3 -k4,4 -k5,5 -k6,6 -k7,7
	} >"$OUT/s$y.tsv"
done
# 1,000 documents' streams, for the constant-RSS figures
xargs -n "$BATCH" $B/pg-extract -q <"$OUT/1k.lst" | mawk 'NR == 1 || !/^doc\t/' >"$OUT/facts1k.tsv"
half=$(($(wc -l <"$OUT/facts1k.tsv") / 2))
head -n "$half" "$OUT/s2024.tsv" >"$OUT/s2024-1k.tsv"
head -n "$half" "$OUT/s2025.tsv" >"$OUT/s2025-1k.tsv"
facts_b=$(wc -c <"$OUT/facts.tsv")
norm_b=$(wc -c <"$OUT/norm.tsv")
pair_b=$(cat "$OUT/y2024.tsv" "$OUT/y2025.tsv" | wc -c)

# ---------------------------------------------------------------- checks
$B/pg-sum "$OUT/norm.tsv" >"$OUT/sum.out" || [ $? -eq 1 ]
$B/pg-diff "$OUT/y2024.tsv" "$OUT/y2025.tsv" >"$OUT/diff.out" || [ $? -eq 1 ]
$B/pg-diff --sorted "$OUT/s2024.tsv" "$OUT/s2025.tsv" >"$OUT/diff-sorted.out" || [ $? -eq 1 ]
cmp -s "$OUT/diff.out" "$OUT/diff-sorted.out" ||
	{ echo "run.sh: pg-diff --sorted differs from pg-diff" >&2; exit 1; }

# ---------------------------------------------------------------- timing
# The two xargs runs write one file per process (stdout shared by two
# processes would interleave); compared after sorting below.
P=$OUT/par
xp() { # xp JOBS: pg-extract over the corpus, JOBS processes at a time
	echo "rm -rf $P/$1 && mkdir -p $P/$1 && xargs -P$1 -n $BATCH sh -c 'exec \"\$0\" -q -H \"\$@\" >$P/$1/\$\$.tsv' $B/pg-extract <$OUT/all.lst"
}
MAWK="mawk -F'\\t' '{n+=NF} END {print n}'"
# Rounds: every command once per round, in the same order, one warm-up round
# and RUNS timed ones. A command and its floor run seconds apart in every
# round, so a change of load on a shared machine moves both (one hyperfine
# session of RUNS runs per command would put minutes between them).
: >"$OUT/hyperfine.csv"
: >"$OUT/hyperfine.log"
# per shape: its floor, then pg-extract on the same files (meta.tsv: name,
# input bytes, documents, floor, target, for the table)
: >"$OUT/meta.tsv"
shape_args() { # the hyperfine arguments of every shape's two commands
	printf '%s\n' "$SHAPES" | while IFS='|' read -r name floor target what; do
		l=$OUT/shape-$name.lst
		[ -s "$l" ] || continue
		printf '%s\n' -n "floor-$name" "xargs -n $BATCH $floor <$l >/dev/null"
		[ "$name" = seed ] && printf '%s\n' -n floor-seed-pool "xargs -n $BATCH $floor --pool <$l >/dev/null"
		printf '%s\n' -n "extract-$name" "xargs -n $BATCH $B/pg-extract -q -H <$l >/dev/null"
	done
}
printf '%s\n' "$SHAPES" | while IFS='|' read -r name floor target what; do
	l=$OUT/shape-$name.lst
	[ -s "$l" ] || continue
	b=$(bytes "$l")
	d=$(wc -l <"$l")
	printf 'floor-%s\t%s\t%s\t\t\n' "$name" "$b" "$d" >>"$OUT/meta.tsv"
	[ "$name" = seed ] && printf 'floor-seed-pool\t%s\t%s\t\t\n' "$b" "$d" >>"$OUT/meta.tsv"
	printf 'extract-%s\t%s\t%s\tfloor-%s\t%s\n' "$name" "$b" "$d" "$name" "$target" >>"$OUT/meta.tsv"
done
r=0
while [ "$r" -le "$RUNS" ]; do
	# shellcheck disable=SC2046
	IFS='
'
	set -- $(shape_args)
	unset IFS
	hyperfine --style basic --runs 1 -i --export-csv "$OUT/round.csv" \
		-n cat "xargs -n $BATCH cat <$OUT/all.lst >/dev/null" \
		"$@" \
		-n extract "$(xp 1)" \
		-n extract-P2 "$(xp 2)" \
		-n floor-text-raw "$MAWK $OUT/facts.tsv >/dev/null" \
		-n normalize "$B/pg-normalize $OUT/facts.tsv >/dev/null" \
		-n floor-text "$MAWK $OUT/norm.tsv >/dev/null" \
		-n sum "$B/pg-sum $OUT/norm.tsv >/dev/null" \
		-n floor-text-2 "$MAWK $OUT/y2024.tsv $OUT/y2025.tsv >/dev/null" \
		-n diff "$B/pg-diff $OUT/y2024.tsv $OUT/y2025.tsv >/dev/null" \
		-n diff-sorted "$B/pg-diff --sorted $OUT/s2024.tsv $OUT/s2025.tsv >/dev/null" \
		>>"$OUT/hyperfine.log" 2>&1 || { cat "$OUT/hyperfine.log" >&2; exit 1; }
	# round 0 is the warm-up
	[ "$r" -eq 0 ] || mawk -F, -v r="$r" 'NR > 1 { gsub(/"/, ""); print r "," $1 "," $2 }' \
		"$OUT/round.csv" >>"$OUT/hyperfine.csv"
	r=$((r + 1))
done

for j in 1 2; do cat $P/$j/*.tsv | sort >"$OUT/par$j.sorted"; done
tail -n +2 "$OUT/facts.tsv" | sort >"$OUT/facts.sorted"
cmp -s "$OUT/par1.sorted" "$OUT/par2.sorted" && cmp -s "$OUT/par1.sorted" "$OUT/facts.sorted" ||
	{ echo "run.sh: xargs -P2 output differs from one process" >&2; exit 1; }

# ---------------------------------------------------------------- peak RSS
rss() { # rss NAME COMMAND: peak RSS in KB of one run (largest process)
	/usr/bin/time -f %M -o "$OUT/rss.tmp" sh -c "$2" >/dev/null 2>&1 || :
	printf '%s\t%s\n' "$1" "$(tail -n 1 "$OUT/rss.tmp")" >>"$OUT/rss.tsv"
}
: >"$OUT/rss.tsv"
rss cat "xargs -n $BATCH cat <$OUT/all.lst"
printf '%s\n' "$SHAPES" | while IFS='|' read -r name floor target what; do
	l=$OUT/shape-$name.lst
	[ -s "$l" ] || continue
	rss "floor-$name" "xargs -n $BATCH $floor <$l"
	[ "$name" = seed ] && rss floor-seed-pool "xargs -n $BATCH $floor --pool <$l"
	rss "extract-$name" "xargs -n $BATCH $B/pg-extract -q -H <$l"
done
rss extract "xargs -n $BATCH $B/pg-extract -q -H <$OUT/all.lst"
rss extract-P2 "xargs -P2 -n $BATCH $B/pg-extract -q -H <$OUT/all.lst"
rss floor-text-raw "$MAWK $OUT/facts.tsv"
rss normalize "$B/pg-normalize $OUT/facts.tsv"
rss floor-text "$MAWK $OUT/norm.tsv"
rss sum "$B/pg-sum $OUT/norm.tsv"
rss floor-text-2 "$MAWK $OUT/y2024.tsv $OUT/y2025.tsv"
rss diff "$B/pg-diff $OUT/y2024.tsv $OUT/y2025.tsv"
rss diff-sorted "$B/pg-diff --sorted $OUT/s2024.tsv $OUT/s2025.tsv"
# one process over all the documents at once (--files-from: one process
# whatever the count; xargs would split a long list into several), and over
# BENCH_LIST_N names (100,000: the corpus's list repeated)
rss extract-1proc-1k "$B/pg-extract -q --files-from $OUT/1k.lst"
rss extract-1proc-all "$B/pg-extract -q --files-from $OUT/all.lst"
: >"$OUT/big.lst"
while [ "$(wc -l <"$OUT/big.lst")" -lt "$LISTN" ]; do cat "$OUT/all.lst" >>"$OUT/big.lst"; done
head -n "$LISTN" "$OUT/big.lst" >"$OUT/big.tmp" && mv "$OUT/big.tmp" "$OUT/big.lst"
rss extract-1proc-big "$B/pg-extract -q --files-from $OUT/big.lst"
rss normalize-1k "$B/pg-normalize $OUT/facts1k.tsv"
rss diff-sorted-1k "$B/pg-diff --sorted $OUT/s2024-1k.tsv $OUT/s2025-1k.tsv"

# ---------------------------------------------------------------- table
nproc_=$(nproc)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo "pg-tools bench: $ndocs documents ($nhtml HTML-bearing), seed $SEED, $RUNS runs, $BATCH files per process"
echo "machine: $nproc_ CPUs, $cpu"
echo "shapes:"
printf '%s\n' "$SHAPES" | while IFS='|' read -r name floor target what; do
	printf '  %-6s %5d docs  %s; floor: %s\n' "$name" "$(wc -l <"$OUT/shape-$name.lst")" "$what" "$(basename "$floor")"
done
echo
mawk -F, -v rssf="$OUT/rss.tsv" -v metaf="$OUT/meta.tsv" -v listn="$LISTN" -v ndocs="$ndocs" -v nhtml="$nhtml" -v n1k="$n1k" \
	-v all_b="$all_b" -v html_b="$html_b" -v facts_b="$facts_b" -v norm_b="$norm_b" -v pair_b="$pair_b" '
BEGIN {
	while ((getline l < rssf) > 0) { split(l, a, "\t"); rss[a[1]] = a[2] }
	# name: input bytes, documents, floor, target ratio
	in_b["cat"] = all_b;          nd["cat"] = ndocs
	while ((getline l < metaf) > 0) {
		split(l, a, "\t"); in_b[a[1]] = a[2]; nd[a[1]] = a[3]
		if (a[4] != "") { fl[a[1]] = a[4]; tg[a[1]] = a[5] }
	}
	in_b["extract"] = all_b;      nd["extract"] = ndocs
	in_b["extract-P2"] = all_b;   nd["extract-P2"] = ndocs
	in_b["floor-text-raw"] = facts_b; nd["floor-text-raw"] = ndocs
	in_b["normalize"] = facts_b;  nd["normalize"] = ndocs; fl["normalize"] = "floor-text-raw"; tg["normalize"] = 2
	in_b["floor-text"] = norm_b;  nd["floor-text"] = ndocs
	in_b["sum"] = norm_b;         nd["sum"] = ndocs; fl["sum"] = "floor-text"; tg["sum"] = 1.5
	in_b["floor-text-2"] = pair_b; nd["floor-text-2"] = ndocs
	in_b["diff"] = pair_b;        nd["diff"] = ndocs; fl["diff"] = "floor-text-2"; tg["diff"] = 3
	in_b["diff-sorted"] = pair_b; nd["diff-sorted"] = ndocs; fl["diff-sorted"] = "floor-text-2"; tg["diff-sorted"] = 2
	printf "%-15s %9s %8s %9s %8s %7s  %-16s %s\n", "command", "median_s", "MB/s", "docs/s", "RSS_MB", "ratio", "vs", "target"
}
{
	# round,name,seconds
	name = $2; sec[name, ++cnt[name]] = $3
	if (cnt[name] == 1) order[++n] = name
}
END {
	for (i = 1; i <= n; i++) {
		k = order[i]; m = cnt[k]
		# median of the rounds (insertion sort: a handful of values)
		for (j = 1; j <= m; j++) v[j] = sec[k, j]
		for (j = 2; j <= m; j++) for (b = j; b > 1 && v[b - 1] > v[b]; b--) { x = v[b]; v[b] = v[b - 1]; v[b - 1] = x }
		med[k] = m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
	}
	for (i = 1; i <= n; i++) {
		k = order[i]; t = med[k]
		ratio = ""; vs = ""; tgt = ""
		if (k in fl) {
			r = t / med[fl[k]]; ratio = sprintf("%.2f", r); vs = fl[k]
			tgt = tg[k] == "-" ? "(none set)" : sprintf("<= %.2f %s", tg[k], r <= tg[k] ? "met" : "NOT met")
		}
		if (k == "extract-seed") {
			# information: the ratio to the floor with the allocator pg-extract uses
			xr = sprintf("extract-seed / floor-seed-pool: %.2f", t / med["floor-seed-pool"])
		}
		if (k == "extract-P2") {
			r = med["extract"] / t; ratio = sprintf("%.2f", r); vs = "extract/P2"
			tgt = sprintf(">= 1.80 %s", r >= 1.8 ? "met" : "NOT met")
		}
		printf "%-15s %9.3f %8.1f %9.0f %8.1f %7s  %-16s %s\n", k, t, in_b[k] / 1e6 / t, nd[k] / t, rss[k] / 1024, ratio, vs, tgt
	}
	printf "\n%s (gumbo with the pool allocator pg-extract uses; no target)\n", xr
	printf "\npeak RSS, one process (MB):\n"
	printf "  pg-extract --files-from  %d names %.1f   %d names %.1f   %d names %.1f  (target < 20, same)\n", n1k, rss["extract-1proc-1k"] / 1024, ndocs, rss["extract-1proc-all"] / 1024, listn, rss["extract-1proc-big"] / 1024
	printf "  pg-normalize %5d docs %6.1f    %5d docs %8.1f\n", n1k, rss["normalize-1k"] / 1024, ndocs, rss["normalize"] / 1024
	printf "  pg-diff --sorted %5d %6.1f    %5d docs %8.1f\n", n1k, rss["diff-sorted-1k"] / 1024, ndocs, rss["diff-sorted"] / 1024
}' "$OUT/hyperfine.csv"
