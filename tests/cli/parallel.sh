# SPDX-License-Identifier: MIT
# Parallel equals sequential (sourced by tests/run.sh): pg-extract over many
# files with `xargs -P2 -n1` gives the same records as one sequential run
# (after sorting: the jobs finish in any order), and the concatenated outputs,
# header repeated once per job, are one valid stream for the next filter.

PAR=$OUT/par
rm -rf "$PAR"
mkdir -p "$PAR/in"
# 40 documents: the seed, the project page, the 2025 seed, and encodings.
i=0
while [ $i -lt 10 ]; do
	cp fixtures/seed/000_d5b089058c1ce7ac.txt "$PAR/in/seed-$i.txt"
	cp fixtures/project/three-projects.html "$PAR/in/proj-$i.html"
	cp fixtures/years/2025/rd.txt "$PAR/in/rd2025-$i.txt"
	iconv -f UTF-8 -t GB18030 fixtures/seed/000_d5b089058c1ce7ac.txt >"$PAR/in/gb-$i.txt"
	i=$((i + 1))
done
(cd "$PAR/in" && ls) | LC_ALL=C sort >"$PAR/list"
NPAR=$(wc -l <"$PAR/list")
HDR=$(head -n 1 fixtures/spec/seed.facts.tsv)
# Without the header lines, sorted.
body() { grep -vx "$HDR" "$@" | LC_ALL=C sort; }

(cd "$PAR/in" && pg-extract -q $(cat ../list)) >"$PAR/seq.tsv" 2>"$PAR/seq.err"
(cd "$PAR/in" && xargs -P2 -n1 pg-extract -q <../list) >"$PAR/par.tsv" 2>"$PAR/par.err"
(cd "$PAR/in" && xargs -P2 -n7 pg-extract -q <../list) >"$PAR/par7.tsv" 2>"$PAR/par7.err"

# 60 documents: the project page holds three forms (proj-N, proj-N#2, proj-N#3).
tc "40 inputs, sequential run: quiet, one header, records of all 60 documents" 0 60 '' \
	"test ! -s $PAR/seq.err && test \$(grep -cx '$HDR' $PAR/seq.tsv) = 1 && cut -f1 $PAR/seq.tsv | tail -n +2 | sort -u | wc -l"
tc "xargs -P2 -n1: quiet, one header per job" 0 "$NPAR" '' \
	"test ! -s $PAR/par.err && grep -cx '$HDR' $PAR/par.tsv"
body "$PAR/seq.tsv" >"$PAR/seq.sorted"
body "$PAR/par.tsv" >"$PAR/par.sorted"
body "$PAR/par7.tsv" >"$PAR/par7.sorted"
tc "xargs -P2 -n1: the same records as sequential, after sorting" 0 "@$PAR/seq.sorted" '' \
	"test -s $PAR/seq.sorted && cat $PAR/par.sorted"
tc "xargs -P2 -n7: the same records as sequential, after sorting" 0 "@$PAR/seq.sorted" '' "cat $PAR/par7.sorted"
tc "xargs -P2, one output file per job, concatenated in list order: byte-identical" 0 "@$PAR/seq.tsv" '' \
	"cd $PAR/in && xargs -P2 -n1 sh -c 'pg-extract -qH \"\$1\" >\"\$1.tsv\"' sh <../list && head -n 1 ../seq.tsv && sed 's/\$/.tsv/' ../list | xargs cat"

if have_prog pg-normalize; then
	pg-normalize "$PAR/seq.tsv" >"$PAR/seq.norm" 2>&1
	body "$PAR/seq.norm" >"$PAR/seq.norm.sorted"
	tc "concatenated parallel outputs are valid pg-normalize input, one header out" 0 '1' '' \
		"pg-normalize $PAR/par.tsv >$PAR/par.norm && grep -cx '$HDR' $PAR/par.norm"
	body "$PAR/par.norm" >"$PAR/par.norm.sorted"
	tc "normalized: the same records as the sequential run, after sorting" 0 "@$PAR/seq.norm.sorted" '' \
		"test -s $PAR/seq.norm.sorted && cat $PAR/par.norm.sorted"
	if have_prog pg-sum; then
		pg-sum "$PAR/seq.norm" | LC_ALL=C sort >"$PAR/seq.sum.sorted"
		pg-sum --totals --all-units "$PAR/seq.norm" >"$PAR/seq.totals"
		tc "pg-sum: the same rows from the parallel stream, after sorting" 0 "@$PAR/seq.sum.sorted" '' \
			"pg-sum $PAR/par.norm | LC_ALL=C sort"
		tc "pg-sum --totals: byte-identical from the parallel stream" 0 "@$PAR/seq.totals" '' \
			"pg-sum --totals --all-units $PAR/par.norm"
	fi
fi
