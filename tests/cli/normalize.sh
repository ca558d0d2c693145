# SPDX-License-Identifier: MIT
# CLI cases for pg-normalize (sourced by tests/run.sh).
N=fixtures/normalize
SEED=fixtures/spec/seed.facts.tsv
cut -f1-11 $SEED >"$OUT/seed.facts.f11"
pg-normalize $N/seed.raw.tsv >"$OUT/seed.norm1" 2>/dev/null

tc "seed: raw stream normalises to the spec's facts (cols 1-11)" 0 "@$OUT/seed.facts.f11" '' \
	"pg-normalize $N/seed.raw.tsv | cut -f1-11"
tc "seed: twice is once" 0 "@$OUT/seed.norm1" '' \
	"pg-normalize $N/seed.raw.tsv | pg-normalize"
tc "seed: the spec's facts are a fixed point" 0 "@$SEED" '' "pg-normalize $SEED"
tc "seed: stdin as -" 0 "@$OUT/seed.norm1" '' "pg-normalize - <$N/seed.raw.tsv"
tc "seed: no operand reads stdin" 0 "@$OUT/seed.norm1" '' "cat $N/seed.raw.tsv | pg-normalize"
tc "concatenated streams: repeated header skipped, one header out" 0 '*' '' \
	"cat $N/seed.raw.tsv $N/seed.raw.tsv | pg-normalize | grep -c '^doc	year' | grep -qx 1"
tc "two files: one header, both files' records" 0 '105' '' \
	"pg-normalize $N/seed.raw.tsv $N/seed.raw.tsv | wc -l"

tc "mixed: width, spaces, keys, money, dates, escapes, kept ops" 0 "@$N/mixed.out.tsv" '' \
	"pg-normalize $N/mixed.tsv"
tc "mixed: twice is once" 0 "@$N/mixed.out.tsv" '' "pg-normalize $N/mixed.tsv | pg-normalize"
# `250万` in a money field is 万元 (FORMAT.md 4, project reading); in an
# indicator's value `万` stays what it says (2万 people are not money)
tc "money written with 万: unit 万元 in money fields only" 0 "@$N/money-wan.out.tsv" '' \
	"pg-normalize $N/money-wan.tsv"
tc "money written with 万: twice is once" 0 "@$N/money-wan.out.tsv" '' \
	"pg-normalize $N/money-wan.tsv | pg-normalize"

H=$(head -n 1 $SEED)
tc "9 fields: message with line, exit 2, records before kept" 2 "$H
d	2024	A		info	k	value	1	=	1		" \
	'pg-normalize: fixtures/normalize/bad9.tsv:3: expected 12 fields, found 9' \
	"pg-normalize $N/bad9.tsv"
tc "9 fields on stdin is named -" 2 '*' 'pg-normalize: -:3: expected 12 fields, found 9' \
	"pg-normalize <$N/bad9.tsv"
tc "missing file: message, other files still processed" 2 "@$OUT/seed.norm1" \
	'pg-normalize: no/such.tsv: No such file or directory' \
	"pg-normalize no/such.tsv $N/seed.raw.tsv"
tc "error in first file, second still processed" 2 '~镇级人大专项经费' '*' \
	"pg-normalize $N/bad9.tsv $N/seed.raw.tsv"
tc "no header" 2 "$H" \
	'~^pg-normalize: fixtures/normalize/noheader.tsv:1: first line is not the header' \
	"pg-normalize $N/noheader.tsv"
tc "empty input" 2 "$H" 'pg-normalize: -: empty input: no header line' \
	"pg-normalize </dev/null"
tc "unterminated escape" 2 "$H" \
	'pg-normalize: fixtures/normalize/badescape.tsv:2: field 8: bad or unterminated backslash escape' \
	"pg-normalize $N/badescape.tsv"
tc "number out of range: reported, record kept without quantity, rest goes on" 2 "$H
d	2024	A		indicator	k	value	≥1234567890123456789012345678901234567万元				
d	2024	A		budget	k	amount	0.000000000000000001				
d	2024	A		info	k	value	12	=	12		" \
	'pg-normalize: fixtures/normalize/range.tsv:2: number out of range
pg-normalize: fixtures/normalize/range.tsv:3: number out of range' \
	"pg-normalize $N/range.tsv"
tc "36 digits fit" 0 '~	=	123456789012345678901234567890123456		$' '' \
	"printf '%s\nd\t\t\t\tinfo\tk\tvalue\t123456789012345678901234567890123456\t\t\t\t\n' '$H' | pg-normalize"

tc "-h" 0 '~^Usage: pg-normalize' '' "pg-normalize -h"
tc "--help" 0 '~^Usage: pg-normalize' '' "pg-normalize --help"
tc "--version" 0 '~^pg-normalize \(pg-tools\) [0-9]' '' "pg-normalize --version"
tc "unknown option" 2 '' "pg-normalize: unrecognized option '--bogus'
Try 'pg-normalize --help' for more information." "pg-normalize --bogus"
tc "write error" 2 '' '~^pg-normalize: write error' "pg-normalize $N/seed.raw.tsv >/dev/full"

# FORMAT.md section 2c's quantity fields (section 4's list): budget columns
# beside amount, indicator results/scores/weights, the total score; 执行率 and
# 占比 are percents; 等级, 偏差原因 and band are not quantities (golden checked
# line by line against fixtures/normalize/fields2c.tsv)
tc "2c fields: quantities parsed" 0 "@$N/fields2c.out.tsv" '' "pg-normalize $N/fields2c.tsv"
tc "2c fields: twice is once" 0 "@$N/fields2c.out.tsv" '' \
	"pg-normalize $N/fields2c.tsv | pg-normalize"
# The white space FORMAT.md section 3 was extended with (U+2028, U+2029,
# U+0085, U+1680, U+180E, U+2060) goes, in dept, each key part and value.
H='doc	year	dept	project	section	key	field	value	op	num	unit	src'
tc "U+2028, U+0085 and the other added white space go" 0 "$H
d	2024	甲部门		indicator	产出指标|数量指标|培训人数	value	≥400人次	>=	400	人次	" '' \
	"printf '%b\n' '$H' 'd	2024	甲\342\200\250部门\302\205		indicator	产出指标\342\200\251|数量指标|培训 \341\232\200 人数	value	\342\201\240≥ 400\341\240\216人次				' | pg-normalize"
