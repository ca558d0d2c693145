# SPDX-License-Identifier: MIT
# pg-diff over its memory budget (sourced by tests/run.sh): -S (--buffer-size)
# lowered so that the inputs are sorted in several runs in temporary files
# and merged; the output must be the bytes of --sorted on sorted copies and
# of the in-memory default, errors included; the temporary files go to
# $TMPDIR and are gone afterwards.
have_prog pg-diff || return 0
DS=$OUT/diffsort
rm -rf "$DS"
mkdir -p "$DS/tmp"
F=fixtures/diff
SORT_KEYS='-k3,3 -k4,4 -k5,5 -k6,6 -k7,7'
# gen VARIANT: 2400 records in 240 groups in a scattered order; escapes
# (\t, \\) and Chinese text in the columns that sort; in variant 2 some
# amounts change, some task keys are renamed, some records are gone
gen() {
	awk -v v="$1" 'BEGIN {
		print "doc	year	dept	project	section	key	field	value	op	num	unit	src"
		split("task indicator budget", sec, " ")
		for (i = 0; i < 2400; i++) {
			j = (i * 1597) % 2400; g = j % 240
			d = (g % 4 ? "局" : "D\\t") g; p = (g % 3) ? "" : "项目\\\\" (g % 7)
			s = sec[1 + g % 3]
			k = "键" (int(j / 240) % 5) (j % 4 ? "" : "\\tx")
			if (s == "task" && v == 2 && j % 13 == 0) k = k "新"
			f = "f" (int(j / 1200))
			n = (j * 13) % 97
			if (v == 2 && j % 7 == 0) n = n + 1.5
			if (v == 2 && j % 19 == 0) continue
			print "d	2024	" d "	" p "	" s "	" k "	" f "	" n "万元	=	" n "	万元	L" i
		}
	}'
}
gen 1 >"$DS/a.tsv"
gen 2 >"$DS/b.tsv"
for f in a b; do
	{ head -n1 "$DS/$f.tsv"; tail -n +2 "$DS/$f.tsv" | LC_ALL=C sort -t "	" $SORT_KEYS; } >"$DS/s$f.tsv"
done

# about 28 runs per input at 32K (counted with strace: 57 temporary files for
# both inputs), 2,400 at
# -S 1 (one record a run: the oldest 64 runs are merged as more come)
for S in 32K 1; do
	for opt in "" "--all" "--format markdown" "-f f1 --min-pct 5"; do
		ok "-S $S $opt = --sorted = in memory" \
			"cd $DS && TMPDIR=$DS/tmp pg-diff -S $S $opt a.tsv b.tsv >x.spill; test \$? = 1 &&
			pg-diff $opt a.tsv b.tsv >x.mem; test \$? = 1 &&
			pg-diff --sorted $opt sa.tsv sb.tsv >x.sorted; test \$? = 1 &&
			cmp x.mem x.spill && sed 1d x.sorted >x.s2 && sed 1d x.spill | cmp - x.s2 &&
			test \$(wc -l <x.spill) -gt 100 && test -z \"\$(ls -A tmp)\""
	done
done
ok "runs of both inputs, the fixtures, both directions" \
	"for p in '2024 2025' 'p3-old p3-new' 'p3-new p3-old'; do set -- \$p;
	pg-diff -S 1 $F/\$1.facts.tsv $F/\$2.facts.tsv >$DS/f.spill; pg-diff $F/\$1.facts.tsv $F/\$2.facts.tsv | cmp - $DS/f.spill || exit 1; done"
tc "only OLD over the budget, standard input" 1 "@$F/p2.diff.tsv" '' \
	"pg-diff -S 1 - $F/p2-2024.facts.tsv <$F/p2-2023.facts.tsv"
tc "equal inputs over the budget: header only, status 0" 0 \
	'change	dept	project	section	key	field	old	new	delta	pct' '' "pg-diff -S 4K $DS/a.tsv $DS/a.tsv"

# TMPDIR is where the runs go: a missing one is an error, stdout empty; under
# the budget no temporary file is made
tc "TMPDIR that does not exist" 2 '' \
	'pg-diff: cannot create a temporary file in /nonexistent-pg: No such file or directory' \
	"TMPDIR=/nonexistent-pg pg-diff -S 32K $DS/a.tsv $DS/b.tsv"
tc "under the budget, TMPDIR is not used" 1 '*' '' \
	"TMPDIR=/nonexistent-pg pg-diff $DS/a.tsv $DS/b.tsv"

# errors: the same messages as in memory, stdout empty, temporary files gone
printf '%s\n' "$(head -n1 $F/2024.facts.tsv)" \
	"d	2024	A	p	s	k	f	v				" "d	2024	B	p	s	k	f	v				" \
	"d	2024	B	p	s	k	f	w				" "d	2024	A	p	s	k	f	w				" >"$DS/dup2.tsv"
tc "duplicates in two runs: the one whose second line comes first" 2 '' \
	"pg-diff: $DS/dup2.tsv:4: duplicate record (first at line 3)" \
	"TMPDIR=$DS/tmp pg-diff -S 1 $DS/dup2.tsv $F/2024.facts.tsv; st=\$?; test -z \"\$(ls -A $DS/tmp)\" || st=9; exit \$st"
{ cat "$DS/a.tsv"; sed -n '2000p;30p' "$DS/a.tsv"; } >"$DS/adup.tsv"
tc "duplicates in OLD and NEW, met late in the merge: both, in input order" 2 '' \
	"pg-diff: $DS/adup.tsv:2402: duplicate record (first at line 30)
pg-diff: $DS/adup.tsv:2402: duplicate record (first at line 30)" \
	"pg-diff -S 32K $DS/adup.tsv $DS/adup.tsv"
ok "... and the in-memory mode says the same" \
	"pg-diff -S 32K $DS/adup.tsv $DS/adup.tsv 2>$DS/e1; pg-diff $DS/adup.tsv $DS/adup.tsv 2>$DS/e2; cmp $DS/e1 $DS/e2"
printf '%s\n%s\n' "$(head -n1 $F/2024.facts.tsv)" "a	b	c" >"$DS/short.tsv"
tc "a duplicate in a spilled OLD, a bad NEW: both reported" 2 '' \
	"pg-diff: $DS/adup.tsv:2402: duplicate record (first at line 30)
pg-diff: $DS/short.tsv:2: expected 12 fields, found 3" "pg-diff -S 32K $DS/adup.tsv $DS/short.tsv"
ok "the rename limit over the budget: the same error as in memory" \
	"awk 'BEGIN{print \"doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc\";
	for(i=0;i<1025;i++) printf \"o\t\tD\t\ttask\told%05d\tno\t1\t=\t1\t\t\n\", i}' >$DS/lo.tsv &&
	awk 'BEGIN{print \"doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc\";
	for(i=0;i<1024;i++) printf \"n\t\tD\t\ttask\tnew%05d\tno\t1\t=\t1\t\t\n\", i}' >$DS/ln.tsv &&
	{ pg-diff -S 16K $DS/lo.tsv $DS/ln.tsv >$DS/l.out 2>$DS/l.err; test \$? = 2; } && test ! -s $DS/l.out &&
	grep -q 'ln.tsv:2: too many unmatched keys' $DS/l.err"

# the option
for bad in 0 -1 1X 1KB '' K 99999999999999999999; do
	tc "--buffer-size '$bad'" 2 '' \
		"pg-diff: invalid --buffer-size '$bad': want bytes >= 1, suffix K, M or G" \
		"pg-diff --buffer-size '$bad' $F/2024.facts.tsv $F/2025.facts.tsv"
done
tc "--buffer-size 1G: in memory" 1 "@$F/2024-2025.diff.tsv" '' \
	"pg-diff --buffer-size 1G $F/2024.facts.tsv $F/2025.facts.tsv"
