# SPDX-License-Identifier: MIT
# Hostile input (sourced by tests/run.sh): every case ends in a clear message
# naming the program, the file and the line where there is one, and an honest
# exit status; never a crash, a hang or silently short output. Large inputs
# are generated here into $OUT. Peak memory and time are measured outside the
# suite (docs/limits.md), not here.
SEED=fixtures/seed/000_d5b089058c1ce7ac.txt
PROJ=fixtures/project/three-projects.html
H=$OUT/hostile
mkdir -p "$H"
HDR=$(printf 'doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc')

# --- not a form at all
: >"$H/empty.txt"
tc "empty file" 2 "$HDR" "pg-extract: $H/empty.txt: empty input" "pg-extract $H/empty.txt"
tc "random binary" 2 "$HDR" 'pg-extract: fixtures/hostile/random.bin: cannot determine the text encoding' \
	'pg-extract fixtures/hostile/random.bin'
tc "Chinese text that is not a form" 2 "$HDR" 'pg-extract: fixtures/hostile/notform.txt: no 绩效目标表 found' \
	'pg-extract fixtures/hostile/notform.txt'
tc "a directory as the file" 2 "$HDR" 'pg-extract: fixtures: Is a directory' 'pg-extract fixtures'
if [ "$(id -u)" != 0 ]; then
	cp $SEED "$H/unreadable.txt" && chmod 000 "$H/unreadable.txt"
	tc "unreadable file" 2 "$HDR" "pg-extract: $H/unreadable.txt: Permission denied" "pg-extract $H/unreadable.txt"
fi

# --- fuzzer finds, run through the normal build (check-asan catches UB)
tc "fuzz: a document whose first form has no facts (qsort of NULL)" 0 '*' '*' \
	'pg-extract fixtures/hostile/fuzz/extract-no-facts.txt'

# --- output trouble
tc "output to /dev/full" 2 '' 'pg-extract: write error: No space left on device' "pg-extract $SEED >/dev/full"
# A reader that stops early: quiet, and the pipeline's status is fine
# (SIGPIPE is ignored, EPIPE ends the run with the status so far).
ok "output into a closed pipe" "bash -c 'set -o pipefail; pg-extract \$(for i in \$(seq 300); do printf \"%s \" $SEED; done) 2>$H/pipe.err | head -n 1 >/dev/null' && test ! -s $H/pipe.err"

# --- damaged text
# invalid UTF-8 bytes inside a UTF-8 document: replaced, counted, located
sed '9s/基本支出/基本\xff\xfe支出/' $SEED >"$H/badutf8.txt"
tc "invalid UTF-8 bytes: warning with the line" 0 '*' \
	"~^pg-extract: $H/badutf8.txt:9: warning: 2 invalid byte\\(s\\) replaced by U\\+FFFD \\(read as UTF-8\\), the first here" \
	"pg-extract $H/badutf8.txt"
ok "invalid UTF-8 bytes: the damaged cell is still a fact" "pg-extract $H/badutf8.txt 2>/dev/null | grep -q '基本��支出'"
# NUL bytes: dropped, counted, located; the facts are the seed's
sed '12s/^/\x00\x00/' $SEED >"$H/nul.txt"
tc "NUL bytes: warning with the line" 0 '*' "pg-extract: $H/nul.txt:12: warning: 2 NUL byte(s) dropped, the first here" \
	"pg-extract $H/nul.txt"
ok "NUL bytes: same facts as without them" "pg-extract -H --doc x $H/nul.txt 2>/dev/null | cut -f1-11 >$H/nul.f && pg-extract -H --doc x $SEED | cut -f1-11 | cmp - $H/nul.f"

# --- a form cut short
L=$(grep -n '^绩效指标' $SEED | cut -d: -f1)
head -n $((L - 1)) $SEED >"$H/cut-before.txt"
tc "form cut before its indicators: warns the section is missing" 0 '*' \
	"pg-extract: $H/cut-before.txt:3: warning: form has no 绩效指标 section" "pg-extract $H/cut-before.txt"
ok "form cut before its indicators: the rest is extracted" "test \$(pg-extract -H $H/cut-before.txt 2>/dev/null | cut -f5 | grep -c task) -eq 28"
{ head -n $((L - 1)) $SEED; sed -n "${L}p" $SEED | head -c 700; } >"$H/cut-inside.txt"
tc "form cut inside its indicator table: warns" 0 '*' \
	"pg-extract: $H/cut-inside.txt:$L: warning: table has no end tag: input cut short?" "pg-extract $H/cut-inside.txt"
ok "form cut inside its indicator table: the rows before the cut are facts" \
	"test \$(pg-extract -H $H/cut-inside.txt 2>/dev/null | cut -f5 | grep -c indicator) -ge 3"

# --- spans out of all proportion: clamped, with a warning; the form still reads
for v in 2147483647 99999999; do
	sed "s/<td>主管部门<\/td>/<td rowspan=\"$v\" colspan=\"$v\">主管部门<\/td>/" $PROJ >"$H/span$v.html"
	tc "rowspan/colspan $v: clamped with a warning" 0 '*' \
		"~^pg-extract: $H/span$v.html:[0-9]+: warning: span clamped \\(colspan <= 1000, rowspan <= 65534\\)" \
		"pg-extract $H/span$v.html"
	ok "rowspan/colspan $v: the three projects are still read" "test \$(pg-extract -H $H/span$v.html 2>/dev/null | cut -f4 | sort -u | grep -c .) -eq 3"
done

# --- nesting: 20,000 tables inside each other, and a million <span>s (gumbo
# recurses: without the depth cap before parsing this one overflows the stack)
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "<table><tr><td>"; print "x" }' >"$H/nest-td.html"
{ cat $PROJ; cat "$H/nest-td.html"; } >"$H/nest-after-form.html"
tc "20000 nested tables after a form: cut at the depth cap, warned" 0 '*' \
	"~pg-extract: $H/nest-after-form.html:[0-9]+: warning: HTML elements nested deeper than 1000: rest of the text not read" \
	"pg-extract $H/nest-after-form.html"
ok "20000 nested tables after a form: the form is read" "test \$(pg-extract -H $H/nest-after-form.html 2>/dev/null | cut -f4 | sort -u | grep -c .) -eq 3"
# --- too many tags: gumbo's tree is about 20 times the markup of a dense
# table, so a text is cut after HTML_MAX_TAGS (1,000,000) tags given to
# gumbo, warned; the form before the cut is read whole, and the same form
# after it is not. (Tags gumbo is not given, such as <i>, do not count.)
awk 'BEGIN { for (i = 0; i < 500001; i++) printf "<p></p>"; print "" }' >"$H/tags.part"
{ cat $PROJ "$H/tags.part" $PROJ; } >"$H/tags.html"
tc "a million tags after a form: cut at the tag cap, warned" 0 '*' \
	"~^pg-extract: $H/tags.html:[0-9]+: warning: more than 1000000 HTML tags: rest of the text not read\$" \
	"pg-extract $H/tags.html"
ok "a million tags after a form: the form before the cut is read, once" \
	"pg-extract -H $H/tags.html 2>/dev/null | cut -f2- >$H/tags.out && pg-extract -H $PROJ | cut -f2- | cmp - $H/tags.out"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "<table>"; print "x" }' >"$H/nest-table.html"
tc "20000 bare nested <table>s" 2 "$HDR" "~pg-extract: $H/nest-table.html: no 绩效目标表 found" "pg-extract $H/nest-table.html"
# a million nested <span>s: gumbo is not given them (hclean drops every tag
# the grid does not read), so nothing nests and nothing is cut
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "<span>"; print "x" }' >"$H/nest-span.html"
tc "a million nested <span>s" 2 "$HDR" \
	"pg-extract: $H/nest-span.html: no 绩效目标表 found" "pg-extract $H/nest-span.html"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "<div>"; print "x" }' >"$H/nest-div.html"
tc "a million nested <div>s" 2 "$HDR" \
	"pg-extract: $H/nest-div.html:1: warning: HTML elements nested deeper than 1000: rest of the text not read
pg-extract: $H/nest-div.html: no 绩效目标表 found" "pg-extract $H/nest-div.html"

# --- a 24 MB single cell: cut to 1 MiB with a warning naming the line
{ cat $SEED; printf '备注\t'; head -c 25165824 /dev/zero | tr '\0' 'x'; echo; } >"$H/bigcell.txt"
tc "24 MB cell in the seed shape: cut, warned with its line" 0 '*' \
	"~^pg-extract: $H/bigcell.txt:37: warning: field [0-9]+ longer than 1048576 bytes: cut" "pg-extract $H/bigcell.txt"
ok "24 MB cell: every message is short" "pg-extract $H/bigcell.txt 2>&1 >/dev/null | awk 'length > 1200 { exit 1 }'"
{ sed -n '1,/<td>主管部门<\/td>/p' $PROJ | sed '$d'; printf '<td>'; head -c 25165824 /dev/zero | tr '\0' 'y'; printf '</td>\n'; sed -n '/<td>主管部门<\/td>/,$p' $PROJ | sed 1d; } >"$H/bigcell.html"
tc "24 MB cell in an HTML page: cut, warned with its line" 0 '*' \
	"~^pg-extract: $H/bigcell.html:[0-9]+: warning: 1 text\\(s\\) longer than 1048576 bytes: cut" "pg-extract $H/bigcell.html"

# --- a broken fact stream, on the reading side. pg-sum is the reader on main
# now; pg-normalize and pg-diff (other branches) share lib/tsv.c and should
# add the same three cases to their own tests.
printf 'doc\tyear\n' >"$H/few.tsv"
tc "fact stream: too few fields" 2 '*' "pg-sum: $H/few.tsv:1: expected 12 fields, found 2" "pg-sum $H/few.tsv"
tail -n +2 fixtures/spec/seed.facts.tsv >"$H/nohdr.tsv"
tc "fact stream: no header" 2 '*' "~^pg-sum: $H/nohdr.tsv:1: first line is not the header" "pg-sum $H/nohdr.tsv"
{ head -n 2 fixtures/spec/seed.facts.tsv; printf 'a\t2024\td\t\tinfo\tk\tvalue\tbad\\\t\t\t\tL1\n'; } >"$H/esc.tsv"
tc "fact stream: unterminated escape" 2 '*' "pg-sum: $H/esc.tsv:3: field 8: bad or unterminated backslash escape" "pg-sum $H/esc.tsv"

# Broken fact streams for pg-diff and pg-normalize, named with file and line.
printf 'a\tb\tc\n' > "$OUT/h.noheader.tsv"
{ cat fixtures/spec/seed.facts.tsv; printf 'x\t\t\t\t\t\t\t\t\t\t\tabc\\\n'; } > "$OUT/h.esc.tsv"
{ cat fixtures/spec/seed.facts.tsv; printf 'a\tb\tc\td\te\tf\tg\th\ti\n'; } > "$OUT/h.short.tsv"
for p in pg-diff pg-normalize; do
	if [ $p = pg-diff ]; then args="fixtures/spec/seed.facts.tsv"; else args=""; fi
	tc "$p: no header" 2 '*' "$p: $OUT/h.noheader.tsv:1: expected 12 fields, found 3" "$p $OUT/h.noheader.tsv $args"
	tc "$p: unterminated escape" 2 '*' "$p: $OUT/h.esc.tsv:54: field 12: bad or unterminated backslash escape" "$p $OUT/h.esc.tsv $args"
	tc "$p: too few fields" 2 '*' "$p: $OUT/h.short.tsv:54: expected 12 fields, found 9" "$p $OUT/h.short.tsv $args"
done

# Many rows with repeated keys: numbering the repeats (#2, #3 ...) is linear
# (it was quadratic: 30,000 rows took minutes).
{ printf '2025年部门整体支出绩效目标表\n部门名称\t某某局\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n'
  i=1; while [ $i -le 30000 ]; do printf '\t产出指标\t数量指标\t指标%d\t≥%d个\n' $((i % 100)) $i; i=$((i + 1)); done
} > "$OUT/h.repeats.tsv"
tc "30,000 indicator rows, 100 names: every repeat numbered" 0 "$(printf '30000\n产出指标|数量指标|指标0#300')" '' \
	"pg-extract -q -H $OUT/h.repeats.tsv | awk -F'\t' '\$5==\"indicator\"{n++; k=\$6} END{print n; print k}'"

# A rowspan beside a wide cell leaves holes in every row below it; filling
# them is linear in the row's width (it rescanned the row for each hole).
{ printf '<table><tr><td colspan=999>a</td><td rowspan=65534>b</td></tr>'
  i=0; while [ $i -lt 3000 ]; do printf '<tr></tr>'; i=$((i + 1)); done; printf '</table>'
} > "$OUT/h.holes.html"
tc "holes under a rowspan: the cell cap, then no form" 2 '*' '~more than 2000000 cells in one table' \
	"pg-extract -H $OUT/h.holes.html"
