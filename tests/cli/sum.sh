# SPDX-License-Identifier: MIT
# pg-sum: checks (FORMAT.md section 5), options, errors, --totals.
# Sourced by tests/run.sh; fixtures in fixtures/sum/ (generated streams from
# fixtures/sum/gen.awk, independent totals from fixtures/sum/totals.awk).
S=fixtures/sum
TAB=$(printf '\t')
HDR="doc${TAB}year${TAB}dept${TAB}project${TAB}check${TAB}status${TAB}lhs${TAB}rhs${TAB}diff${TAB}detail"

tc "sum: --help" 0 '~^Usage: pg-sum' '' 'pg-sum --help'
tc "sum: -h" 0 '~^Usage: pg-sum' '' 'pg-sum -h'
tc "sum: --version" 0 '~^pg-sum \(pg-tools\) [0-9]' '' 'pg-sum --version'
tc "sum: unknown option" 2 '' "pg-sum: unrecognized option '--bogus'
Try 'pg-sum --help' for more information." 'pg-sum --bogus'
tc "sum: -g without operand" 2 '' "pg-sum: option requires an argument -- 'g'
Try 'pg-sum --help' for more information." 'pg-sum -g'
tc "sum: -g unknown column" 2 '' "~-g: unknown column 'yaer'" 'pg-sum -g yaer,dept'
tc "sum: -g empty column" 2 '' "~-g: unknown column ''" 'pg-sum -g year,'
tc "sum: -g repeated column" 2 '' "~column 'year' named twice" 'pg-sum -g year,year'
tc "sum: -q with --totals" 2 '' '~not to --totals' 'pg-sum --totals -q'
tc "sum: --strict with -g" 2 '' '~not to --totals' 'pg-sum -g year --strict'
tc "sum: missing file" 2 "$HDR" '~^pg-sum: nope\.tsv: ' 'pg-sum nope.tsv'
tc "sum: empty input" 2 "$HDR" '~^pg-sum: -: empty input' 'pg-sum </dev/null'
tc "sum: wrong field count" 2 "$HDR" '~^pg-sum: -:2: expected 12 fields, found 3$' \
	"{ head -n1 $S/ok.tsv; printf 'a\tb\tc\n'; } | pg-sum"

# the seed: every column but detail as fixtures/spec/seed.sum.tsv, exit 0
tc "sum: seed status" 0 '*' '' 'pg-sum fixtures/spec/seed.facts.tsv'
tc "sum: seed cols 1-9" 0 '' '' \
	'cut -f1-9 fixtures/spec/seed.sum.tsv >"$OUT/seed9" &&
	 pg-sum fixtures/spec/seed.facts.tsv | cut -f1-9 | diff - "$OUT/seed9"'
tc "sum: seed from stdin" 0 "@$S/seed.stdin.sum" '' 'pg-sum - <fixtures/spec/seed.facts.tsv'

# one fixture per check that fails or warns on its own (goldens read against the input)
tc "sum: all ok" 0 "@$S/ok.sum" '' "pg-sum $S/ok.tsv"
tc "sum: expense=income fails" 1 "@$S/expense-fail.sum" '' "pg-sum $S/expense-fail.tsv"
tc "sum: income=level fails" 1 "@$S/income-fail.sum" '' "pg-sum $S/income-fail.tsv"
tc "sum: devexp<=project fails" 1 "@$S/devexp-fail.sum" '' "pg-sum $S/devexp-fail.tsv"
tc "sum: tasks<=project fails" 1 "@$S/tasks-fail.sum" '' "pg-sum $S/tasks-fail.tsv"
tc "sum: cost=expense warns" 0 "@$S/cost-warn.sum" '' "pg-sum $S/cost-warn.tsv"
tc "sum: percent<=100 fails" 1 "@$S/percent-fail.sum" '' "pg-sum $S/percent-fail.tsv"
tc "sum: skips (empty, missing)" 0 "@$S/skip.sum" '' "pg-sum $S/skip.tsv"
tc "sum: project forms, funds=parts ok and fail" 1 "@$S/project.sum" '' "pg-sum $S/project.tsv"
tc "sum: project cost=expense warns" 0 "@$S/project-cost-warn.sum" '' "pg-sum $S/project-cost-warn.tsv"
tc "sum: project skips" 0 "@$S/project-skip.sum" '' "pg-sum $S/project-skip.tsv"
tc "sum: two documents" 1 "@$S/two-docs.sum" '' "pg-sum $S/two-docs.tsv"

# --strict, -q
tc "sum: --strict makes warn exit 1" 1 "@$S/cost-warn.sum" '' "pg-sum --strict $S/cost-warn.tsv"
tc "sum: --strict, nothing to warn" 0 "@$S/ok.sum" '' "pg-sum --strict $S/ok.tsv"
tc "sum: -q all ok" 0 "$HDR" '' "pg-sum -q $S/ok.tsv"
tc "sum: -q shows fail" 1 "$HDR
two-b	2025	另一部门		expense=income	fail	150.5	150	0.5	Σ budget 部门预算支出|* (2 facts) vs Σ budget 收入来源|* (2 facts); beyond ±0.005 (half the last place of 100.50)" '' "pg-sum -q $S/two-docs.tsv"
tc "sum: -q shows warn" 0 '~warn	120	150	-30' '' "pg-sum --quiet $S/cost-warn.tsv"
tc "sum: -q shows skip" 0 '~percent<=100	skip' '' "pg-sum -q $S/project-skip.tsv"
tc "sum: -q --strict rows" 1 '*' '' "pg-sum -q --strict $S/cost-warn.tsv | wc -l | grep -qx 2 && exit 1"

# several files and concatenated streams (repeated headers) give the same rows
tc "sum: two files = concatenation" 1 '' '' \
	"pg-sum $S/ok.tsv $S/two-docs.tsv >\"\$OUT/a\"; cat $S/ok.tsv $S/two-docs.tsv | pg-sum >\"\$OUT/b\"; st=\$?; cmp \"\$OUT/a\" \"\$OUT/b\" && exit \$st"

# errors: FILE:LINE, exit 2, other files still processed
tc "sum: not normalised" 2 "$HDR" \
	"pg-sum: $S/not-normalised.tsv:3: num is empty but value holds a number: run pg-normalize first" \
	"pg-sum $S/not-normalised.tsv"
tc "sum: pg-extract-like input (op, num empty)" 2 "$HDR" \
	'pg-sum: -:3: num is empty but value holds a number: run pg-normalize first' \
	"awk 'BEGIN { FS = OFS = \"\\t\" } NR > 1 { \$9 = \$10 = \"\" } 1' fixtures/spec/seed.facts.tsv | pg-sum"
tc "sum: not canonical num" 2 "$HDR" \
	"pg-sum: $S/not-canonical.tsv:3: num '1,621.95' is not a canonical decimal (run pg-normalize first)" \
	"pg-sum $S/not-canonical.tsv"
tc "sum: bad date num" 2 "$HDR" \
	"pg-sum: $S/bad-date.tsv:3: num '2024-13-01' is not an ISO date YYYY-MM-DD (unit is date)" \
	"pg-sum $S/bad-date.tsv"
tc "sum: error, other files still processed" 2 "@$S/ok.sum" \
	"pg-sum: $S/not-canonical.tsv:3: num '1,621.95' is not a canonical decimal (run pg-normalize first)" \
	"pg-sum $S/not-canonical.tsv $S/ok.tsv"
tc "sum: error beats fail" 2 '*' '*' "pg-sum $S/expense-fail.tsv $S/bad-date.tsv"

# overflow: never wrapped
N40=1234567890123456789012345678901234567890
N309=$(awk 'BEGIN { s = "1"; for (i = 1; i < 309; i++) s = s (i % 10); print s }')
for n in 40:$N40 309:$N309; do
	d=${n%%:*} v=${n#*:}
	{ head -n 2 "$S/ok.tsv"; printf 'ok\t2024\t测试部门\t\tbudget\t收入来源|其他资金\tamount\t%s\t=\t%s\t万元\t\n' "$v" "$v"; } >"$OUT/over$d.tsv"
	tc "sum: $d-digit amount" 2 "$HDR" \
		"~^pg-sum: $OUT/over$d.tsv:3: number out of range: num '[0-9]{40}(\\.\\.\\.)?' has more than 36 digits or 18 decimals\$" \
		"pg-sum \"$OUT/over$d.tsv\""
	tc "sum: --totals $d-digit amount" 2 '*' \
		"~^pg-sum: $OUT/over$d.tsv:3: number out of range" "pg-sum --totals \"$OUT/over$d.tsv\""
done
tc "sum: 19 decimals" 2 "$HDR" '~:2: number out of range: num .0\.0000000000000000001' \
	"{ head -n1 $S/ok.tsv; printf 'd\t\t\t\tbudget\t收入来源|x\tamount\tx\t=\t0.0000000000000000001\t万元\t\n'; } | pg-sum"
tc "sum: 36 digits is in range" 0 '~expense=income	ok	999999999999999999999999999999999999	' '' \
	"{ head -n1 $S/ok.tsv; for k in 部门预算支出 收入来源; do printf 'd\t\t\t\tbudget\t%s|x\tamount\tx\t=\t999999999999999999999999999999999999\t万元\t\n' \$k; done; } | pg-sum"
tc "sum: sum overflows" 2 "$HDR" \
	"pg-sum: $S/overflow-sum.tsv:3: number out of range: Σ budget 部门预算支出|* exceeds 36 digits" \
	"pg-sum $S/overflow-sum.tsv"
tc "sum: lhs - rhs overflows" 2 "$HDR" \
	"pg-sum: $S/overflow-diff.tsv:4: number out of range: expense=income: lhs - rhs exceeds 36 digits" \
	"pg-sum $S/overflow-diff.tsv"
# a group whose sum overflows across documents: the error, and no partial
# sum of any group (the header only), never a wrong number (issue 18)
tc "sum: --totals sum overflows" 2 "year	section	key	field	unit	docs	sum" \
	"pg-sum: $S/overflow-totals.tsv:4: number out of range: the group's sum exceeds 36 digits" \
	"pg-sum --totals $S/overflow-totals.tsv"
tc "sum: --totals, an error in one file: no sums at all" 2 "year	section	key	field	unit	docs	sum" '*' \
	"pg-sum --totals $S/ok.tsv $S/overflow-totals.tsv"

# --totals
tc "sum: --totals seed" 0 "@$S/seed.totals" '' 'pg-sum --totals fixtures/spec/seed.facts.tsv'
# -g adds columns: a department's budget, tasks and indicators are never
# added together, whatever -g says, and the unit is always a column (issue 16)
tc "sum: --all-units -g year,dept: header" 0 "year	dept	section	key	field	unit	docs	sum" '' \
	'pg-sum --all-units -g year,dept fixtures/spec/seed.facts.tsv | head -n1'
tc "sum: --all-units -g year,dept: each key its own total, with its unit" 0 '' '' \
	'pg-sum --all-units -g year,dept fixtures/spec/seed.facts.tsv >"$OUT/au" &&
	 test $(wc -l <"$OUT/au") = 28 &&
	 grep -qx "2024	廉江市人民代表大会常务委员会办公室	indicator	产出指标|数量指标|常委会活动、视察	value	批	1	4" "$OUT/au" &&
	 grep -qx "2024	廉江市人民代表大会常务委员会办公室	budget	部门预算支出|项目支出	amount	万元	1	1144.94" "$OUT/au" &&
	 ! grep -q "7580.67" "$OUT/au"'
tc "sum: -g dept,section,key over two docs" 0 "@$S/two-docs.totals" '' "pg-sum -g dept,section,key $S/two-docs.tsv"

# --totals over a generated stream of 10,000 documents, against an
# independent computation in integer cents (totals.awk)
awk -v n=10000 -f "$S/gen.awk" >"$OUT/gen10k.tsv"
want_totals() { # COLS(field numbers) HEADER
	printf '%s\n' "$2"
	keys=$(awk -v n="$(echo "$1" | tr ',' '\n' | wc -l)" 'BEGIN { for (i = 1; i <= n; i++) printf " -k%d,%d", i, i }')
	# shellcheck disable=SC2086
	awk -v cols="$1" -f "$S/totals.awk" "$OUT/gen10k.tsv" | LC_ALL=C sort -t "$TAB" $keys
}
want_totals 2,5,6,7,11 "year${TAB}section${TAB}key${TAB}field${TAB}unit${TAB}docs${TAB}sum" >"$OUT/gen10k.want"
want_totals 2,3,5,6,7,11 "year${TAB}dept${TAB}section${TAB}key${TAB}field${TAB}unit${TAB}docs${TAB}sum" >"$OUT/gen10k-yd.want"
want_totals 3,5,6,2,7,11 "dept${TAB}section${TAB}key${TAB}year${TAB}field${TAB}unit${TAB}docs${TAB}sum" >"$OUT/gen10k-dsk.want"
tc "sum: generated stream is what the test thinks" 0 '' '' \
	"test \$(wc -l <\"\$OUT/gen10k.tsv\") = 200001 && test \$(wc -l <\"\$OUT/gen10k.want\") = 21 && grep -q '	5000	' \"\$OUT/gen10k.want\""
tc "sum: --totals 10,000 docs" 0 "@$OUT/gen10k.want" '' "pg-sum --totals \"\$OUT/gen10k.tsv\""
tc "sum: -g year,dept 10,000 docs" 0 "@$OUT/gen10k-yd.want" '' "pg-sum -g year,dept \"\$OUT/gen10k.tsv\""
tc "sum: -g dept,section,key 10,000 docs" 0 "@$OUT/gen10k-dsk.want" '' "pg-sum -g dept,section,key <\"\$OUT/gen10k.tsv\""
tc "sum: --totals, two halves as two files" 0 "@$OUT/gen10k.want" '' \
	"head -n 100001 \"\$OUT/gen10k.tsv\" >\"\$OUT/h1\"; { head -n1 \"\$OUT/h1\"; tail -n +100002 \"\$OUT/gen10k.tsv\"; } >\"\$OUT/h2\"; pg-sum --totals \"\$OUT/h1\" \"\$OUT/h2\""
# the checks over it: every 7th document's income is 0.01 above its expense
tc "sum: checks 10,000 docs" 1 '' '' \
	"pg-sum -q \"\$OUT/gen10k.tsv\" >\"\$OUT/gen10k.q\"; st=\$?; test \$(grep -c '	expense=income	fail	' \"\$OUT/gen10k.q\") = 1428 && test \$(wc -l <\"\$OUT/gen10k.q\") = 11429 && exit \$st"

# a doc value that comes back later, not adjacent, is another document
tc "sum: non-contiguous doc checked twice" 1 '' '' \
	"{ cat $S/ok.tsv; tail -n +2 $S/two-docs.tsv; tail -n +2 $S/ok.tsv; } | pg-sum >\"\$OUT/nc\"; st=\$?; test \$(grep -c '^ok	' \"\$OUT/nc\") = 12 && test \$(wc -l <\"\$OUT/nc\") = 25 && exit \$st"
# -q keeps skip rows and the header: awk-friendly either way
tc "sum: -q seed" 0 "$HDR
000_d5b089058c1ce7ac	2024	廉江市人民代表大会常务委员会办公室		devexp<=project	skip				Σ budget 事业发展性支出|* (2 facts, 2 empty) vs budget 部门预算支出|项目支出 (1 fact)" '' \
	'pg-sum -q fixtures/spec/seed.facts.tsv'
# a budget amount in another unit is not counted, and said so
tc "sum: amount not in 万元" 0 '~income=level	skip				Σ budget 收入来源\|\* \(1 fact\) vs Σ budget 按预算级次划分\|\* \(1 fact, 1 not in 万元\)' '' \
	"{ head -n1 $S/ok.tsv; printf 'd\t\t\t\tbudget\t收入来源|a\tamount\t5\t=\t5\t万元\t\nd\t\t\t\tbudget\t按预算级次划分|b\tamount\t5%%\t=\t5\t%%\t\n'; } | pg-sum"

# rounding-aware equality (issue 16): amounts stated at 6 and 4 decimals
# against a total at 2, and a spreadsheet's float noise, agree within half a
# unit in the last place of the least precise figure, and detail says so;
# --exact makes them fail. Goldens checked line by line against rounding.tsv.
tc "sum: rounding: ok within the least precise figure" 0 "@$S/rounding.sum" '' "pg-sum $S/rounding.tsv"
tc "sum: rounding: --exact fails" 1 "@$S/rounding.exact.sum" '' "pg-sum --exact $S/rounding.tsv"
tc "sum: rounding: trailing zeros count (140.00: 0.01 is beyond 0.005)" 1 \
	'~income=level	fail	150	149\.99	0\.01	.*beyond ±0\.005 \(half the last place of 140\.00\)' '' \
	"pg-sum $S/income-fail.tsv"
tc "sum: rounding: a money unit scales the tolerance (15000元: 0.00005 万元)" 0 \
	'~expense=income	ok	1\.50004	1\.5	0\.00004	.*within ±0\.00005 \(half the last place of 15000元\)' '' \
	"{ head -n1 $S/ok.tsv; printf 'd\t\t\t\tbudget\t部门预算支出|a\tamount\t1.50004万元\t=\t1.50004\t万元\t\nd\t\t\t\tbudget\t收入来源|b\tamount\t15000元\t=\t1.5\t万元\t\n'; } | pg-sum"

# the families' checks (FORMAT.md 2c): passing and failing documents of each
tc "sum: family D: sources, lines, parts, year<=total" 1 "@$S/family-d.sum" '' "pg-sum $S/family-d.tsv"
tc "sum: family B: splits and 收入/支出构成 tables" 1 "@$S/family-b.sum" '' "pg-sum $S/family-b.tsv"
# byincome=byexpense: the two splits of one budget agree even when the form
# leaves 资金总额 blank (then the =total checks skip)
tc "sum: family B: the splits disagree, no total stated" 1 \
	"$(printf 'byincome=total\tskip\t\t\t\nbyexpense=total\tskip\t\t\t\nbyincome=byexpense\tfail\t100\t90\t10')" '' \
	"{ head -n1 $S/family-b.tsv; printf 'b\t2024\t甲\t\tbudget\t资金总额|资金总额\tamount\t\t\t\t\t\nb\t2024\t甲\t\tbudget\t按收入性质分|财政拨款\tamount\t100\t\t\t万元\t\nb\t2024\t甲\t\tbudget\t按支出性质分|基本支出\tamount\t90\t\t\t万元\t\n'; } | pg-normalize >\$OUT/bs.tsv; pg-sum \$OUT/bs.tsv >\$OUT/bs.sum; rc=\$?; awk -F'\t' '\$5 ~ /^by/' \$OUT/bs.sum | cut -f5-9; exit \$rc"
tc "sum: family F: weights, scores, targets met and missed" 1 "@$S/selfeval.sum" '' "pg-sum $S/selfeval.tsv"
tc "sum: family F: only the met targets exit 0" 0 '*' '' \
	"grep -e '^doc	' -e '	value	' -e '	实际完成值	' $S/selfeval.tsv | grep -v -e 验收时间 -e 培训合格率 -e 就业率 -e '^f-scores' | pg-sum"
tc "sum: weights=100 is a warning" 0 '~weights=100	warn	90	100	-10' '' \
	"grep -e '^doc	' -e '^f-targets.*	权重	' $S/selfeval.tsv | pg-sum"
tc "sum: weights=100 warns: --strict exits 1" 1 '*' '' \
	"grep -e '^doc	' -e '^f-targets.*	权重	' $S/selfeval.tsv | pg-sum --strict"

# --failed: one line per failing row, for people
tc "sum: --failed lists the failures with who and the figures" 1 \
	"某区水务局 / 农村饮水安全项目 (2024, d-fail): sources=total fail: 400 vs 380 万元, off by 20 万元 -- budget 资金来源|合计 amount vs Σ budget 资金来源|* amount (2 facts); beyond ±0.5 (half the last place of 130)
某区水务局 / 农村饮水安全项目 (2024, d-fail): lines=total fail: 100 vs 99.9 万元, off by 0.1 万元 -- budget 支出明细|合计 amount vs Σ budget 支出明细|* amount (2 facts); beyond ±0.05 (half the last place of 100.0)
某区水务局 / 农村饮水安全项目 (2024, d-fail): part<=total fail: 410 vs 400 万元, off by 10 万元 -- budget 项目资金|财政拨款 amount vs budget 项目资金|年度资金总额 amount; beyond ±0.5 (half the last place of 410)
某区水务局 / 农村饮水安全项目 (2024, d-fail): year<=total fail: 60 vs 50 万元, off by 10 万元 -- budget 支出明细|软件开发 本年度申请资金 vs budget 支出明细|软件开发 中期; beyond ±0.5 (half the last place of 60)
某区水务局 / 农村饮水安全项目 (2024, d-fail): year<=total fail: 400 vs 300 万元, off by 100 万元 -- budget 项目资金|年度资金总额 amount vs budget 项目资金|项目总预算 amount; beyond ±0.5 (half the last place of 400)" '' \
	"pg-sum --failed $S/family-d.tsv"
tc "sum: --failed, nothing failed: no output, exit 0" 0 '' '' "pg-sum --failed $S/ok.tsv"
tc "sum: --failed --strict lists warnings too" 1 '~^测试部门 \(2024, cost-warn\): cost=expense warn: 120 vs 150 万元, off by -30 万元 -- ' '' \
	"pg-sum --failed --strict $S/cost-warn.tsv"
tc "sum: --failed with --totals" 2 '' '~not to --totals' 'pg-sum --totals --failed'

# --totals -g dept over a year's folder: each key its own total, with its
# unit (1250.50 + 300 + 8 are the three project forms' 年度资金总额 in jt.html)
tc "sum: --totals -g dept on fixtures/years/2025" 0 '' '' \
	'pg-extract fixtures/years/2025/* | pg-normalize | pg-sum --totals -g dept >"$OUT/y25" &&
	 head -n1 "$OUT/y25" | grep -qx "dept	year	section	key	field	unit	docs	sum" &&
	 grep -qx "廉江市交通运输局	2025	budget	项目资金|年度资金总额	amount	万元	3	1558.5" "$OUT/y25" &&
	 grep -qx "廉江市人民代表大会常务委员会办公室	2025	budget	部门预算支出|基本支出	amount	万元	1	477.01" "$OUT/y25" &&
	 test $(cut -f1 "$OUT/y25" | sort -u | wc -l) = 3'
