# SPDX-License-Identifier: MIT
# pg-diff CLI cases. Sourced by tests/run.sh (tc/ok from tests/lib.sh).
F=fixtures/diff
HDR='change	dept	project	section	key	field	old	new	delta	pct'
SORT_KEYS='-k3,3 -k4,4 -k5,5 -k6,6 -k7,7'
# sorted copies of the fixtures, for --sorted
for f in "$F"/*.facts.tsv; do
	{ head -n1 "$f"; tail -n +2 "$f" | LC_ALL=C sort -t "	" $SORT_KEYS; } >"$OUT/sorted-$(basename "$f")"
done
S="$OUT/sorted-"

# goldens (checked by reading them against the inputs)
tc "seed 2024 vs 2025" 1 @$F/2024-2025.diff.tsv "" "pg-diff $F/2024.facts.tsv $F/2025.facts.tsv"
tc "pair 2" 1 @$F/p2.diff.tsv "" "pg-diff $F/p2-2023.facts.tsv $F/p2-2024.facts.tsv"
tc "pair 3: renames, escapes" 1 @$F/p3.diff.tsv "" "pg-diff $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
tc "--all" 1 @$F/p3.all.diff.tsv "" "pg-diff --all $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
tc "-a" 1 @$F/p3.all.diff.tsv "" "pg-diff -a $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
tc "markdown report" 1 @$F/2024-2025.diff.md "" \
	"cd $F && pg-diff --format markdown 2024.facts.tsv 2025.facts.tsv"
# a year pair of multi-project forms where one project disappears and
# another appears, and a department of each kind (issue 16): the tsv keeps
# one row a field (FORMAT.md section 6), the report gives each such form or
# department one line with its total; goldens checked against mp-2023/2024
tc "projects and departments that come and go: tsv field by field" 1 @$F/mp.diff.tsv "" \
	"pg-diff $F/mp-2023.facts.tsv $F/mp-2024.facts.tsv"
tc "projects and departments that come and go: one line each in the report" 1 @$F/mp.diff.md "" \
	"cd $F && pg-diff --format markdown mp-2023.facts.tsv mp-2024.facts.tsv"
tc "report: a whole project removed, with its total" 1 \
	'~^- \*\*removed\*\* 项目：校舍维修 — total 45 万元 \(项目资金\\\|预算数\), 10 facts$' "" \
	"pg-diff --format markdown $F/mp-2023.facts.tsv $F/mp-2024.facts.tsv"
ok "report: sections in form order (基本信息 before 预算整体情况 ... 绩效指标)" \
	"pg-diff --format markdown $F/2024.facts.tsv $F/2025.facts.tsv | grep '^#### ' | head -n 5 | tr '\\n' ' ' |
	grep -qx '#### 基本信息 #### 预算整体情况 #### 总体绩效目标 #### 年度重点工作任务 #### 绩效指标 '"
ok "report: a whole department is one line, no table" \
	"pg-diff --format markdown $F/mp-2023.facts.tsv $F/mp-2024.facts.tsv | tail -n 4 | tr '\\n' '~' |
	grep -qx '## 某区文化旅游局~~- \\*\\*added\\*\\* the whole department, 2 forms — total 55.5 万元 (Σ of 2 project forms), 16 facts~~'"
tc "--format tsv is the default" 1 @$F/p2.diff.tsv "" \
	"pg-diff --format tsv $F/p2-2023.facts.tsv $F/p2-2024.facts.tsv"

# a stream against itself: header only, status 0
for f in 2024 2025 p2-2023 p3-new; do
	tc "$f vs itself" 0 "$HDR" "" "pg-diff $F/$f.facts.tsv $F/$f.facts.tsv"
	tc "$f vs itself, --sorted" 0 "$HDR" "" "pg-diff --sorted $S$f.facts.tsv $S$f.facts.tsv"
done
tc "markdown, no differences" 0 "# Changes from a (2024) to a (2024)

No differences." "" "cd $F && cp 2024.facts.tsv $OUT/a && cd $OUT && pg-diff --format markdown a a"
tc "--all on equal inputs: same rows, status 0" 0 '~^same	' "" \
	"pg-diff --all $F/2024.facts.tsv $F/2024.facts.tsv"
tc "standard input as OLD" 1 @$F/p2.diff.tsv "" \
	"pg-diff - $F/p2-2024.facts.tsv <$F/p2-2023.facts.tsv"
tc "standard input as NEW" 1 @$F/p2.diff.tsv "" \
	"pg-diff $F/p2-2023.facts.tsv - <$F/p2-2024.facts.tsv"

# --sorted gives the same bytes as the default mode, on every pair
for p in "2024 2025" "p2-2023 p2-2024" "p3-old p3-new" "2025 2024" "p3-new p3-old" "mp-2023 mp-2024" "mp-2024 mp-2023"; do
	set -- $p
	for opt in "" "--all" "--format markdown" "-f amount --min-pct 5"; do
		ok "--sorted = default: $1 $2 $opt" \
			"cd $OUT && pg-diff $opt $TOP/$F/$1.facts.tsv $TOP/$F/$2.facts.tsv >sd.a; \
			pg-diff --sorted $opt sorted-$1.facts.tsv sorted-$2.facts.tsv >sd.b; \
			sed -i 1d sd.a sd.b; cmp sd.a sd.b"
	done
done
# the default mode does not care about input order
ok "shuffled input, same output" \
	"{ head -n1 $F/2025.facts.tsv; tail -n +2 $F/2025.facts.tsv | tac; } >$OUT/rev.tsv &&
	pg-diff $F/2024.facts.tsv $OUT/rev.tsv | cmp - $F/2024-2025.diff.tsv"

# many groups, their records interleaved (none in a run), keys with escapes:
# the default mode's group table grows and its sort agrees with sort(1)
gen_many() { # gen_many VARIANT: 3000 records in 900 groups, in a scattered order
	awk -v v="$1" 'BEGIN {
		print "doc	year	dept	project	section	key	field	value	op	num	unit	src"
		split("task indicator budget info", sec, " ")
		for (i = 0; i < 3000; i++) {
			j = (i * 7919) % 3000; g = j % 900
			d = "D" (g % 300) (g % 3 ? "\\t" : ""); p = (g % 2) ? "" : "P\\\\" (g % 5)
			s = sec[1 + int(g / 300)]
			k = "k" (int(j / 900) % 4) (j % 3 ? "" : "\\tx")
			if (s == "task" && v == 2 && j % 11 == 0) k = k "y"
			f = "f" (j % 2); n = (j * 13) % 97
			if (v == 2 && j % 5 == 0) n = n + 1
			if (v == 2 && j % 17 == 0) continue
			print "d	2024	" d "	" p "	" s "	" k "	" f "	" n "万元	=	" n "	万元	"
		}
	}'
}
gen_many 1 >"$OUT/many1.tsv"
gen_many 2 >"$OUT/many2.tsv"
for f in many1 many2; do
	{ head -n1 "$OUT/$f.tsv"; tail -n +2 "$OUT/$f.tsv" | LC_ALL=C sort -t "	" $SORT_KEYS; } >"$OUT/sorted-$f.tsv"
done
for opt in "" "--all" "--format markdown"; do
	ok "--sorted = default: 900 interleaved groups $opt" \
		"cd $OUT && pg-diff $opt many1.tsv many2.tsv >m.a; test \$? = 1 &&
		pg-diff --sorted $opt sorted-many1.tsv sorted-many2.tsv >m.b; sed -i 1d m.a m.b; cmp m.a m.b &&
		test \$(wc -l <m.a) -gt 500"
done
# of two duplicates in different groups, the one whose second line comes first
printf '%s\n' "$(head -n1 $F/2024.facts.tsv)" \
	"d	2024	A	p	s	k	f	v				" "d	2024	B	p	s	k	f	v				" \
	"d	2024	B	p	s	k	f	w				" "d	2024	A	p	s	k	f	w				" >"$OUT/dup2.tsv"
tc "duplicates in two groups: the first one met" 2 "" \
	"pg-diff: $OUT/dup2.tsv:4: duplicate record (first at line 3)" "pg-diff $OUT/dup2.tsv $F/2024.facts.tsv"

# unsorted, duplicates, bad input: status 2
tc "--sorted on unsorted input" 2 "$HDR" \
	"pg-diff: $F/2024.facts.tsv:3: input not sorted (use sort: { head -n1 $F/2024.facts.tsv; tail -n +2 $F/2024.facts.tsv | LC_ALL=C sort -t \"\$(printf '\\t')\" -k3,3 -k4,4 -k5,5 -k6,6 -k7,7; })" \
	"pg-diff --sorted $F/2024.facts.tsv ${S}2025.facts.tsv"
tc "--sorted on unsorted stdin" 2 '*' \
	'~^pg-diff: -:3: input not sorted \(use sort: \{ head -n1 FILE; tail -n \+2 FILE \| LC_ALL=C sort' \
	"pg-diff --sorted ${S}2024.facts.tsv - <$F/2025.facts.tsv"
ok "the suggested sort command sorts" \
	"cd $OUT && cp $TOP/$F/2025.facts.tsv u.tsv && pg-diff --sorted u.tsv u.tsv 2>u.err;
	cmd=\$(sed -n 's/.*(use sort: \\(.*\\))\$/\\1/p' u.err) && eval \"\$cmd\" >u.sorted &&
	pg-diff --sorted u.sorted u.sorted >/dev/null"
printf '%s\n' "$(head -n1 $F/2024.facts.tsv)" >"$OUT/dup.tsv"
sed -n '2,6p' $F/2024.facts.tsv >>"$OUT/dup.tsv"
sed -n '3p' $F/2024.facts.tsv >>"$OUT/dup.tsv"
tc "duplicate record" 2 "" "pg-diff: $OUT/dup.tsv:7: duplicate record (first at line 3)" \
	"pg-diff $OUT/dup.tsv $F/2024.facts.tsv"
tc "duplicate record in NEW, both named" 2 "" \
	"pg-diff: $OUT/dup.tsv:7: duplicate record (first at line 3)
pg-diff: $OUT/dup.tsv:7: duplicate record (first at line 3)" "pg-diff $OUT/dup.tsv $OUT/dup.tsv"
{ head -n1 "$OUT/dup.tsv"; tail -n +2 "$OUT/dup.tsv" | LC_ALL=C sort -t "	" $SORT_KEYS; } >"$OUT/dups.tsv"
tc "duplicate record, --sorted" 2 '*' "~^pg-diff: $OUT/dups.tsv:[0-9]+: duplicate record \\(first at line [0-9]+\\)\$" \
	"pg-diff --sorted ${S}2024.facts.tsv $OUT/dups.tsv"
printf '%s\n%s\n' "$(head -n1 $F/2024.facts.tsv)" "a	b	c" >"$OUT/short.tsv"
tc "wrong field count" 2 "" "pg-diff: $OUT/short.tsv:2: expected 12 fields, found 3" \
	"pg-diff $F/2024.facts.tsv $OUT/short.tsv"
tc "missing file" 2 "" "pg-diff: $OUT/nonexistent: No such file or directory" \
	"pg-diff $F/2024.facts.tsv $OUT/nonexistent"
tc "empty input" 2 "" "pg-diff: $OUT/empty: empty input: no header line" \
	": >$OUT/empty; pg-diff $OUT/empty $F/2024.facts.tsv"

# filters
tc "-f amount" 1 "$HDR
changed	Test Dept		budget	G|aA	amount	1	1.5	0.5	50
removed	Test Dept		budget	G|abcd1	amount	5			
added	Test Dept		budget	G|abcd2	amount		5		
changed	Test Dept		budget	G|x\\\\y	amount	4	4.04	0.04	1
renamed	Test Dept		task	abcxy		abcde	abcxy		
renamed	Test Dept		task	bridges		bridge	bridges		
changed	Test Dept		task	bridges	amount	10	11	1	10
added	Test Dept		task	fridge	amount		12		
renamed	Test Dept		task	kiosk B		kiosk A	kiosk B		
changed	Test Dept		task	kiosk B	amount	30	32	2	6.67
added	Test Dept		task	kiosk C	amount		31		" "" "pg-diff -f amount $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
tc "--fields no,value" 1 "$HDR
removed	Test Dept		indicator	L1|L2|road length	value	>=5km			
changed	Test Dept		indicator	L1|L2|speed	value	>=5	<=5	0	0
added	Test Dept		indicator	L1|L3|road width	value		>=5km		
renamed	Test Dept		task	bridges		bridge	bridges		" "" \
	"pg-diff --fields no,value $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
tc "-f twice adds up" 1 '~removed	Test Dept		indicator' "" \
	"pg-diff -f no -f value $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
tc "-f no difference: status 0" 0 "$HDR" "" \
	"pg-diff -f content $F/p2-2023.facts.tsv $F/p2-2024.facts.tsv"
tc "--min-pct 5" 1 "$HDR
changed	廉江市教育局		budget	收入来源|其他资金	amount	0	10	10	
changed	廉江市教育局		goal	1	text	保障学校正常运转|提升办学条件	保障学校正常运转|改善办学条件		
changed	廉江市教育局		indicator	产出指标|质量指标|资助覆盖率	value	≥90%	≥95%	5	5.56
changed	廉江市教育局		indicator	效益指标|社会效益指标|教育公平	value	有效提升	明显提升		
changed	廉江市教育局		info	下属二级单位数	value	3	3个		
changed	廉江市教育局	学生资助项目	budget	项目资金|年度资金总额	amount	200	180	-20	-10
changed	廉江市教育局	学生资助项目	budget	项目资金|财政拨款	amount	200	180	-20	-10
removed	廉江市档案馆		budget	部门预算支出|基本支出	amount	85.6			
removed	廉江市档案馆		meta	title	text	2023年市级部门整体预算绩效目标表			
removed	廉江市档案馆		task	档案数字化	amount	20			" "" \
	"pg-diff --min-pct 5 $F/p2-2023.facts.tsv $F/p2-2024.facts.tsv"
ok "--min-pct 5.56 keeps 5.56 and -10, hides 1" \
	"pg-diff --min-pct 5.56 $F/p2-2023.facts.tsv $F/p2-2024.facts.tsv >$OUT/mp.out; test \$? = 1 &&
	grep -v '	1	1\$' $F/p2.diff.tsv | cmp - $OUT/mp.out && grep -q '	5.56\$' $OUT/mp.out"
ok "--min-pct 5.57 hides 5.56 too" \
	"pg-diff --min-pct 5.57 $F/p2-2023.facts.tsv $F/p2-2024.facts.tsv >$OUT/mp.out; test \$? = 1 &&
	grep -v '	1	1\$' $F/p2.diff.tsv | grep -v '	5.56\$' | cmp - $OUT/mp.out"
sed 's/477\.01/477.02/g' $F/2024.facts.tsv >$OUT/small.tsv
tc "a tiny change: pct rounds to 0" 1 "$HDR
changed	廉江市人民代表大会常务委员会办公室		budget	部门预算支出|基本支出	amount	477.01	477.02	0.01	0" "" \
	"pg-diff $F/2024.facts.tsv $OUT/small.tsv"
tc "--min-pct hides every difference: header only, status 0" 0 "$HDR" "" \
	"pg-diff --min-pct 0.01 $F/2024.facts.tsv $OUT/small.tsv"
tc "--min-pct 0 hides nothing" 1 "~0\.01	0\$" "" \
	"pg-diff --min-pct 0 $F/2024.facts.tsv $OUT/small.tsv"
tc "--min-pct: only changed rows with a pct hide" 1 "$HDR
removed	Test Dept		budget	G|abcd1	amount	5			
added	Test Dept		budget	G|abcd2	amount		5		
renamed	Test Dept		task	abcxy		abcde	abcxy		
renamed	Test Dept		task	bridges		bridge	bridges		
added	Test Dept		task	fridge	amount		12		
renamed	Test Dept		task	kiosk B		kiosk A	kiosk B		
added	Test Dept		task	kiosk C	amount		31		" "" "pg-diff --min-pct 60 -f amount $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
# --similarity: abcde/abcxy have Dice exactly 0.5
tc "--similarity 0.51" 0 "removed	Test Dept		task	abcde	amount	20			
added	Test Dept		task	abcxy	amount		20		" "" \
	"pg-diff --similarity 0.51 -f amount $F/p3-old.facts.tsv $F/p3-new.facts.tsv | grep '	task	abc'"
tc "--similarity 0.5 pairs at exactly 0.5" 0 "renamed	Test Dept		task	abcxy		abcde	abcxy		" "" \
	"pg-diff --similarity 0.5 $F/p3-old.facts.tsv $F/p3-new.facts.tsv | grep '	task	abc'"
tc "--similarity 1: no renames" 1 '*' "" \
	"pg-diff --similarity 1 $F/p3-old.facts.tsv $F/p3-new.facts.tsv | grep -q renamed && exit 9; exit 1"
tc "--similarity 0.85: bridge pairs, kiosk does not" 1 "renamed	Test Dept		task	bridges		bridge	bridges		" "" \
	"pg-diff --similarity 0.85 $F/p3-old.facts.tsv $F/p3-new.facts.tsv | grep renamed; exit 1"
# with the threshold 0 even Dice 0 pairs: zzz goes to the first new key left
tc "--similarity 0 pairs everything left" 1 "renamed	Test Dept		task	abcxy		abcde	abcxy		
renamed	Test Dept		task	bridges		bridge	bridges		
renamed	Test Dept		task	fridge		zzz	fridge		
renamed	Test Dept		task	kiosk B		kiosk A	kiosk B		" "" \
	"sed 's/	same[^	]*	/	zzz	/' $F/p3-old.facts.tsv >$OUT/sim0.tsv;
	pg-diff --similarity 0 $OUT/sim0.tsv $F/p3-new.facts.tsv | grep renamed; exit 1"
tc "--similarity above 1" 2 "" "pg-diff: invalid --similarity value '1.5': want 0..1" \
	"pg-diff --similarity 1.5 $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
tc "--similarity not a number" 2 "" "pg-diff: invalid --similarity value 'x': want a number >= 0" \
	"pg-diff --similarity x $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
tc "--min-pct negative" 2 "" "pg-diff: invalid --min-pct value '-1': want a number >= 0" \
	"pg-diff --min-pct -1 $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
tc "bad --format" 2 "" "pg-diff: invalid --format 'pdf': want tsv, csv, markdown or html
Try 'pg-diff --help' for more information." \
	"pg-diff --format pdf $F/p3-old.facts.tsv $F/p3-new.facts.tsv"
tc "empty --fields element" 2 "" "pg-diff: invalid --fields 'a,,b': empty field name" \
	"pg-diff -f a,,b $F/p3-old.facts.tsv $F/p3-new.facts.tsv"

# the rename pairing limit: 1025 x 1024 unmatched keys in one group
ok "rename limit" \
	"awk 'BEGIN{print \"doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc\";
	for(i=0;i<1025;i++) printf \"o\t\tD\t\ttask\told%05d\tno\t1\t=\t1\t\t\n\", i}' >$OUT/lim-o.tsv &&
	awk 'BEGIN{print \"doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc\";
	for(i=0;i<1024;i++) printf \"n\t\tD\t\ttask\tnew%05d\tno\t1\t=\t1\t\t\n\", i}' >$OUT/lim-n.tsv &&
	{ pg-diff $OUT/lim-o.tsv $OUT/lim-n.tsv >/dev/null 2>$OUT/lim.err; test \$? = 2; } &&
	grep -q 'lim-n.tsv:2: too many unmatched keys to pair renames in one group: 1025 old x 1024 new > 1048576 pairs' $OUT/lim.err &&
	head -n 1025 $OUT/lim-o.tsv >$OUT/lim-o2.tsv &&
	pg-diff $OUT/lim-o2.tsv $OUT/lim-n.tsv | grep -c '^renamed' | grep -qx 1024"

# the whole pairing's work is bounded, not only the number of pairs (issue
# 18): 1000 unmatched task keys of about 3000 bytes a side (1e6 pairs, under
# the pair cap) are refused at once in both modes, where they ran for
# minutes; 300 a side of about 1000 bytes (under the work bound) still pair
longkeys() { # N LEN TAG: a normalised stream of N task keys of LEN characters
	awk -v n="$1" -v len="$2" -v tag="$3" 'BEGIN {
		print "doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc"
		split("任 务 经 费 保 障 运 行 维 护 建 设 管 理", w, " "); srand(7)
		for (i = 0; i < n; i++) { k = tag i; for (j = 0; j < len; j++) k = k w[1 + int(rand() * 14)]
			printf "d\t2024\tD\t\ttask\t%s\tcontent\tx\t\t\t\t\n", k } }'
}
longkeys 1000 1000 甲 >"$OUT/long-o.tsv"
longkeys 1000 1000 乙 >"$OUT/long-n.tsv"
tc "rename work bound: refused at once" 2 '*' \
	"~long-n.tsv:2: too much work to pair renames in one group: 1000 old x 1000 new keys of [0-9]+ and [0-9]+ bytes > 268435456 steps" \
	"timeout 20 pg-diff \"\$OUT/long-o.tsv\" \"\$OUT/long-n.tsv\""
tc "rename work bound: --sorted too" 2 '*' '~too much work to pair renames in one group' \
	"for f in o n; do { head -n1 \"\$OUT/long-\$f.tsv\"; tail -n +2 \"\$OUT/long-\$f.tsv\" | LC_ALL=C sort -t '	' -k3,3 -k4,4 -k5,5 -k6,6 -k7,7; } >\"\$OUT/long-\$f.s\"; done; timeout 20 pg-diff --sorted \"\$OUT/long-o.s\" \"\$OUT/long-n.s\""
longkeys 300 300 甲 >"$OUT/l3o"
longkeys 300 300 乙 >"$OUT/l3n"
tc "rename work bound: under it, pairing runs" 1 '*' '' "timeout 60 pg-diff \"\$OUT/l3o\" \"\$OUT/l3n\""

# the markdown report renders as tables (cmark-gfm is a test dependency:
# `make test` installs it; without it these cases fail, they do not skip)
ok "cmark-gfm is installed (make deps)" "command -v cmark-gfm"
if command -v cmark-gfm >/dev/null 2>&1; then
	ok "markdown renders: one <tr> per table line" \
		"cmark-gfm -e table $F/2024-2025.diff.md >$OUT/md.html &&
		test \$(grep -c '^| ' $F/2024-2025.diff.md) = \$(grep -c '<tr>' $OUT/md.html) &&
		test \$(grep -c '<td' $OUT/md.html) = \$(( (\$(grep -c '^| ' $F/2024-2025.diff.md) - \$(grep -c '^| change |' $F/2024-2025.diff.md)) * 7 )) &&
		grep -q '<td>产出指标|数量指标|常委会活动、视察 → 产出指标|数量指标|常委会活动、视察调研</td>' $OUT/md.html"
	ok "markdown cells with | and \\ render" \
		"pg-diff --format markdown $F/p3-old.facts.tsv $F/p3-new.facts.tsv | cmark-gfm -e table | grep -q '<td>G|x\\\\y</td>'"
fi

# usage
tc "--help" 0 '~^Usage: pg-diff \[OPTION\]\.\.\. OLD NEW' "" "pg-diff --help"
tc "-h" 0 '~--similarity X' "" "pg-diff -h"
tc "--version" 0 "pg-diff (pg-tools) 0.1.0" "" "pg-diff --version"
tc "unknown option" 2 "" "pg-diff: unrecognized option '--bogus'
Try 'pg-diff --help' for more information." "pg-diff --bogus a b"
tc "one operand: says what is missing" 2 "" "pg-diff: missing operand after '$F/2024.facts.tsv': pg-diff compares two fact streams, OLD NEW
Try 'pg-diff --help' for more information." "pg-diff $F/2024.facts.tsv"
tc "three operands: names the extra one" 2 "" "pg-diff: extra operand 'c': pg-diff compares two fact streams, OLD NEW
Try 'pg-diff --help' for more information." "pg-diff a b c"
tc "both standard input" 2 "" "pg-diff: OLD and NEW cannot both be standard input" "pg-diff - -"

# input that was not normalised is refused, as pg-sum does (issue 16): a raw
# stream would give a page of spacing changes and exit 1
tc "not normalised: refused" 2 '*' \
	'pg-diff: fixtures/normalize/seed.raw.tsv:3: num is empty but value holds a number: run pg-normalize first' \
	'pg-diff fixtures/normalize/seed.raw.tsv fixtures/spec/seed.facts.tsv'
# (sorted first, so that the order check does not speak before the content's)
tc "not normalised: refused with --sorted" 2 '*' \
	'~^pg-diff: -:[0-9]*: num is empty but value holds a number: run pg-normalize first' \
	"{ head -n1 fixtures/normalize/seed.raw.tsv; tail -n +2 fixtures/normalize/seed.raw.tsv | LC_ALL=C sort -t \"\$(printf '\\t')\" -k3,3 -k4,4 -k5,5 -k6,6 -k7,7; } | pg-diff --sorted - fixtures/spec/seed.facts.tsv"

# deadlines that move with the form's year, and the title's year, are the
# same (issue 16); --absolute-dates shows them
tc "relative dates: --absolute-dates shows the moved deadline and title" 1 \
	'~changed	廉江市教育局		indicator	产出指标\|时效指标\|资金发放及时性	value	2023年12月底前	2024年12月底前' '' \
	"pg-diff --absolute-dates $F/p2-2023.facts.tsv $F/p2-2024.facts.tsv"
tc "relative dates: --absolute-dates, the title" 1 '~meta	title	text	2023年市级部门整体预算绩效目标表	2024年' '' \
	"pg-diff --absolute-dates $F/p2-2023.facts.tsv $F/p2-2024.facts.tsv"
tc "relative dates: same by default (--all shows them same)" 1 \
	'~same	廉江市教育局		indicator	产出指标\|时效指标\|资金发放及时性	value	2023年12月底前	2024年12月底前' '' \
	"pg-diff --all $F/p2-2023.facts.tsv $F/p2-2024.facts.tsv"

# a year pair whose second year renames a level 2 (质量指标 -> 社会效益指标,
# same level 1 and level 3), drops a score band and a core mark, and moves
# its deadline and title by a year: only the real changes, the renames
# paired (issue 16); golden checked against l2-2024/l2-2025
tc "level-2 renames, bands, marks, moved deadlines" 1 "@$F/l2.diff.tsv" '' \
	"pg-diff $F/l2-2024.facts.tsv $F/l2-2025.facts.tsv"
tc "level-2 renames: the same with --sorted" 1 "@$F/l2.diff.tsv" '' \
	"for y in 2024 2025; do { head -n1 $F/l2-\$y.facts.tsv; tail -n +2 $F/l2-\$y.facts.tsv | LC_ALL=C sort -t '	' -k3,3 -k4,4 -k5,5 -k6,6 -k7,7; } >\"\$OUT/l2-\$y.s\"; done; pg-diff --sorted \"\$OUT/l2-2024.s\" \"\$OUT/l2-2025.s\""
tc "bands and marks: compared when -f names them" 1 '~removed	某市文化广电旅游局		indicator	产出指标	band	50分' '' \
	"pg-diff -f band,mark $F/l2-2024.facts.tsv $F/l2-2025.facts.tsv"

# --format html: one self-contained page whose tables hold the tsv's rows
# and whose inline SVG charts the largest money changes (tests/cli/diff-html.py
# parses it with python3's html.parser)
for pair in 2024:2025 p2-2023:p2-2024 p3-old:p3-new l2-2024:l2-2025 mp-2023:mp-2024 mp-2024:mp-2023; do
	o=${pair%%:*} n=${pair#*:}
	ok "html report: $o -> $n: tables and SVG" \
		"pg-diff --format html $F/$o.facts.tsv $F/$n.facts.tsv >$OUT/h.html; test \$? = 1 &&
		 pg-diff $F/$o.facts.tsv $F/$n.facts.tsv >$OUT/h.tsv;
		 /usr/bin/python3 tests/cli/diff-html.py $OUT/h.html $OUT/h.tsv"
done
tc "html report: the two years named" 1 '~<h1>2024年 → 2025年：绩效目标的变化</h1>' '' \
	"pg-diff --format html $F/2024.facts.tsv $F/2025.facts.tsv"
tc "html report: no differences" 0 '~No differences\.' '' \
	"pg-diff --format html $F/2024.facts.tsv $F/2024.facts.tsv"
tc "html report: markup in values is escaped" 1 '~&lt;b&gt;x&amp;y' '' \
	"{ head -n1 $F/p3-old.facts.tsv; printf 'd\t2024\tTest Dept\t\tgoal\t1\ttext\t<b>x&y\t\t\t\t\n'; } >$OUT/hx.tsv; pg-diff --format html $F/p3-old.facts.tsv $OUT/hx.tsv"
