# SPDX-License-Identifier: MIT
# Hostile HTML, round two (issue 18; sourced by tests/run.sh). Pages that
# gumbo 0.10 took minutes on, because the old nesting pre-scan read their
# tags otherwise than the HTML5 tokenizer: each must end within a generous
# timeout (plain: well under a second each, docs/limits.md) with its message.
# The large inputs come from fixtures/hostile/gen.sh. Bounds: CPU seconds
# (ulimit -t: 3 plain, where the old reading took 4 s to minutes and the
# slowest page now 1 s; CPU time, not wall time, so that a loaded machine
# does not fail the test; more under the sanitizers and valgrind), a wall
# timeout of 20 times that as a backstop, and, plain only, the peak memory in MB measured
# by GNU time (the sanitizers' shadow memory would swamp it).
HH=$OUT/hostile-html
fixtures/hostile/gen.sh "$HH" >/dev/null
TMO=3 PLAIN=1
case $BUILD in *asan*) TMO=60 PLAIN= ;; esac
[ -n "$VG" ] && TMO=600 PLAIN=
# peak_mb MB CMD: a command line for ok: CMD's peak resident memory (GNU
# time) is under MB
peak_mb() {
	echo "/usr/bin/time -f %M -o $OUT/peak.txt $2 >/dev/null 2>&1; kb=\$(tail -n 1 $OUT/peak.txt); echo peak \$kb KB; test \$kb -lt $(($1 * 1024))"
}
HDR=$(printf 'doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc')
DEEP='warning: HTML elements nested deeper than 1000: rest of the text not read'
COSTLY='warning: HTML too costly to parse (tags times their nesting over 10000000): rest of the text not read'
NOFORM='no 绩效目标表 found'
# name, then the expected warning ('' for none)
for c in "selfclose:$DEEP" "emptycomment:$DEEP" "quoteattr:$DEEP" "svgstyle:" "strayend:" \
	"strayp:$COSTLY" "deepbr:$COSTLY" "reconstruct:" "siblings:" "longnames:"; do
	n=${c%%:*} w=${c#*:}
	f=$HH/$n.html
	if [ -n "$w" ]; then want="pg-extract: $f:1: $w
pg-extract: $f: $NOFORM"; else want="pg-extract: $f: $NOFORM"; fi
	tc "hostile HTML $n: ends in time, with its message" 2 "$HDR" "$want" "ulimit -t $TMO; timeout $((TMO * 20)) pg-extract $f"
done
# 999,000 nested elements with long names (22 MB): 288 MB before, now the
# tags are dropped before gumbo sees them
[ -n "$PLAIN" ] && ok "999,000 nested long-named elements: under 100 MB" \
	"$(peak_mb 100 "$BUILD/bin/pg-extract $HH/longnames.html")"

# --- cells lost or misplaced without a word. PF: the project fixture's facts
# without the doc column, the reference each variant is compared with.
P=fixtures/project/three-projects.html
pg-extract -H $P | cut -f2- >"$HH/project.f"
# a table inside a cell of the form's table: the outer row stays whole (主管
# 部门 and 实施单位 as in the fixture), the inner cells become extra
printf '2025\t廉江市交通运输局\t农村公路养护工程\textra\t内表甲\tc2\t内表乙\t\t\t\tL9:R1C2\n' >"$HH/inner.want"
tc "a table inside a form's cell: the outer row stays, the inner cells are extra" 0 '' '' \
	"pg-extract -H fixtures/hostile/inner-table.html | cut -f2- | diff $HH/project.f - | sed -n 's/^> //p' | cmp - $HH/inner.want"
# tables nested deeper than 16: their text is in the output
tc "tables nested 18 deep: the text below the limit is a fact" 0 \
	"$(printf 'extra\t第15层\tc2\t第16层 第17层 第18层 深层文字')" \
	"pg-extract: fixtures/hostile/deep-tables.html:24: warning: tables nested deeper than 16: inner ones read as text" \
	"pg-extract -H fixtures/hostile/deep-tables.html | grep 深层文字 | cut -f5-8"
# a form inside <noscript> is read like any other
tc "a form inside <noscript>: read" 0 @"$HH/project.f" '' \
	"pg-extract -H fixtures/hostile/noscript.html | cut -f2-"
# a 1.1 MB attribute is markup: nothing is cut, the next cell is read
tc "a 1.1 MB attribute value: no cut, 实施单位 read" 0 @"$HH/project.f" '' \
	"pg-extract -H $HH/bigattr.html | cut -f2-"
# an HTML row of 20,001 cells warns as the delimited reader does
tc "an HTML row of 20,001 cells: the rest ignored, said" 0 '*' \
	"pg-extract: $HH/widerow.html:55: warning: more than 20000 cells in one row: rest ignored" \
	"pg-extract -H $HH/widerow.html"
# a flat copy row with one cell more than its HTML row: the cell is extra,
# not only quoted in the warning
S=fixtures/seed/000_d5b089058c1ce7ac.txt
tc "a flat copy with one cell more: that cell is extra" 0 \
	"$(printf 'flat-extra\t2024\t廉江市人民代表大会常务委员会办公室\t\textra\t另加一格\tc1\t另加一格\t\t\t\tL11C6')" \
	"~^pg-extract: fixtures/hostile/flat-extra.txt:11: warning: flat copy disagrees with HTML table row 2 \\(line 9\\)" \
	"pg-extract -H fixtures/hostile/flat-extra.txt | grep 另加"
tc "a flat copy with one cell more: every other fact as without it" 0 '' '' \
	"pg-extract -H fixtures/hostile/flat-extra.txt 2>/dev/null | grep -v 另加 | cut -f2- | cmp - \$(pg-extract -H $S | cut -f2- >$HH/seed.f; echo $HH/seed.f)"

# Nothing lost (bench/cells, as tests/cli/lost.sh) over every input above
# that holds a form: inner tables' cells, deep tables' text, the flat copy's
# extra cell, the form in <noscript> and the cells after a long attribute
# and a long row are each a fact, or part of one
for d in fixtures/hostile/*.html fixtures/hostile/flat-extra.txt "$HH/bigattr.html" "$HH/widerow.html"; do
	f=$OUT/lost.$(basename "$d").tsv
	ok "nothing lost: $d" "pg-extract $d >$f 2>/dev/null; $VG \$BUILD/bench/cells $d $f"
done
