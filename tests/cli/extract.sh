# SPDX-License-Identifier: MIT
# pg-extract: CLI cases (sourced by tests/run.sh).
SEED=fixtures/seed/000_d5b089058c1ce7ac.txt

tc "help to stdout" 0 '~^Usage: pg-extract' '' 'pg-extract --help'
tc "version" 0 '~^pg-extract \(pg-tools\) [0-9.]+$' '' 'pg-extract --version'
tc "bad option" 2 '' "pg-extract: unrecognized option '--bogus'
Try 'pg-extract --help' for more information." 'pg-extract --bogus'
tc "bad year" 2 '' '~--year wants four digits' 'pg-extract --year 24 x'

# The seed in its own shape: every cell accounted for, copies agree.
tc "seed --strict exits 0, no warnings" 0 '*' '' "pg-extract --strict $SEED"
ok "seed: no extra rows" "pg-extract $SEED | awk -F'\t' 'NR>1 && \$5==\"extra\"{bad=1} END{exit bad}'"
ok "seed: 52 facts, as many as the expected file" "test \$(pg-extract -H $SEED | wc -l) -eq \$(tail -n +2 fixtures/spec/seed.facts.tsv | wc -l)"
ok "seed: doc id from the file name" "pg-extract -H $SEED | cut -f1 | sort -u | grep -qx 000_d5b089058c1ce7ac"
tc "stdin is doc -" 0 '-' '' "pg-extract -H < $SEED | cut -f1 | sort -u"
tc "stdin with --doc" 0 'mydoc' '' "pg-extract -H --doc mydoc - < $SEED | cut -f1 | sort -u"
tc "src locates cells" 0 'L9C2:R2C2' '' "pg-extract $SEED | awk -F'\t' '\$6==\"部门预算支出|基本支出\"{print \$12}'"

# Errors: the other files are still processed.
tc "missing file" 2 '~基本支出' 'pg-extract: nonexist.txt: No such file or directory' \
	"pg-extract nonexist.txt $SEED"
tc "no form" 2 "$(printf 'doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc')" \
	'pg-extract: fixtures/hostile/notform.txt: no 绩效目标表 found' 'pg-extract fixtures/hostile/notform.txt'
tc "-H drops the header" 2 '' '*' 'pg-extract -H fixtures/hostile/notform.txt'
tc "no form among forms: the others are read" 2 '~人代会会议' 'pg-extract: fixtures/hostile/notform.txt: no 绩效目标表 found' \
	"pg-extract fixtures/hostile/notform.txt $SEED"

# A real disagreement between a flat copy and its HTML table is a warning
# naming both lines; --strict exits 1. The facts come from the HTML.
tc "flat copy disagrees: warning with both lines" 0 '*' \
	'pg-extract: -:20: warning: flat copy disagrees with HTML table row 3 (line 17): [任务2:常委会活动、视察	完成常委会领导及委员外出调研,参加活动,视察工作	17.6	常委会活动、视察正常进行] vs [任务2:常委会活动、视察	完成常委会领导及委员外出调研,参加活动,视察工作	17.5	常委会活动、视察正常进行]' \
	"sed '20s/17.5/17.6/' $SEED | pg-extract > /dev/null"
tc "flat copy disagrees: --strict exits 1" 1 '*' '~1 copy disagreeing with the HTML' \
	"sed '20s/17.5/17.6/' $SEED | pg-extract --strict > /dev/null"
tc "flat copy disagrees: the HTML's value is kept" 0 '17.5' '*' \
	"sed '20s/17.5/17.6/' $SEED | pg-extract -q | awk -F'\t' '\$6==\"常委会活动、视察\" && \$7==\"amount\"{print \$8}'"
tc "inline copy disagrees: warning" 0 '*' 'pg-extract: -:9: warning: inline copy disagrees with the HTML table in cell 2' \
	"sed '9s/\t1144.94\t/\t1144.95\t/' $SEED | pg-extract > /dev/null"

# The seed shape with `<Table ...>` tags: the cells are still read as tables
# (the input test and the cell test were two checks that disagreed on case).
ok "seed shape with <Table> tags gives the same facts" \
	"sed 's/<table/<Table/g' $SEED | pg-extract -H | cut -f2-11 > \$OUT/tc.got && pg-extract -H $SEED | cut -f2-11 | cmp - \$OUT/tc.got"
