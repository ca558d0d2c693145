# SPDX-License-Identifier: MIT
# Template variations read by their words: a form without table headers
# (tasks and indicators in their default column order), goals marked `1.`,
# tasks numbered 任务一 / 任务十二、/ 任务二十三 (a space), `任务12项工作` (a
# name, not a number: its no is its position), an undefined 备注 row.
# The expected file was checked line by line against the document.
V=fixtures/variants
tc "no headers: facts as expected" 0 "@$V/no-headers.expect" '*' \
	"pg-extract -q $V/no-headers.tsv | pg-normalize | cut -f5-11"
tc "no headers: --strict exits 1 for 备注" 1 '*' '~1 cell\(s\) in section extra' \
	"pg-extract --strict $V/no-headers.tsv > /dev/null"

# A project form whose indicator header says 指标名称 / 全年指标值 / 度量单位:
# the value is the 指标值 with its unit (≥10 + 个).
tc "header synonyms: facts as expected" 0 "@$V/header-synonyms.expect" '*' \
	"pg-extract -q $V/header-synonyms.tsv | pg-normalize | cut -f4-11"

# A task table with a 序号 column: the header is found (序号 comes first),
# amounts in 元 become 万元, and 序号 is a task field of its own (it was
# dropped silently before: its header cell went nowhere).
tc "task 序号 column: facts as expected" 0 "@$V/task-seqno.expect" '*' \
	"pg-extract -q $V/task-seqno.tsv | pg-normalize | cut -f5-11"
tc "task 序号 column: nothing in extra" 0 '*' '*' "pg-extract --strict $V/task-seqno.tsv > /dev/null"

# A project form whose funds label states no unit: the `单位：元` line does
# (in a row with the 填报单位 line), and the amount comes out in 万元.
tc "unit line: funds in 元 become 万元" 0 "$(printf 'budget\t项目资金|年度资金总额\tamount\t150000\t=\t15\t万元')" '' \
	"pg-extract --strict -q $V/unit-line.tsv | pg-normalize | awk -F'\t' '\$5==\"budget\"' | cut -f5-11"
