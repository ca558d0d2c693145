#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/gen-diff.sh: generate a pair of large sorted fact streams for
# measuring pg-diff --sorted (not part of the test suite: too slow).
#
#   bench/gen-diff.sh [FACTS] [DIR]     (defaults: 10000000, bench/out)
#
# writes DIR/old.tsv and DIR/new.tsv, FACTS facts each (rounded to 100 per
# department), already in the order --sorted wants (byte order of dept,
# project, section, key, field; all ASCII, zero-padded). new differs from
# old: every 7th amount changes, every 50th department renames a task, every
# 30th drops an indicator and adds another. Then, for example:
#
#   /usr/bin/time -v ./bin/pg-diff --sorted bench/out/old.tsv bench/out/new.tsv >/dev/null
set -eu
N=${1:-10000000}
DIR=${2:-bench/out}
mkdir -p "$DIR"
gen() {
	LC_ALL=C awk -v n="$N" -v side="$1" 'BEGIN {
	OFS = "\t"
	print "doc", "year", "dept", "project", "section", "key", "field", "value", "op", "num", "unit", "src"
	doc = side == "new" ? "d2025" : "d2024"; yr = side == "new" ? 2025 : 2024
	depts = int(n / 100)
	for (d = 0; d < depts; d++) {
		dept = sprintf("Dept%07d", d)
		# budget: 4 facts
		for (k = 0; k < 4; k++) {
			v = 100 + (d * 7 + k) % 900
			if (side == "new" && (d + k) % 7 == 0) v = v + 1.5
			print doc, yr, dept, "", "budget", "G|item" k, "amount", v, "=", v, "万元", ""
		}
		# indicator: 20 facts
		for (k = 0; k < 20; k++) {
			key = sprintf("L1|L2|ind%02d", k)
			if (side == "new" && d % 30 == 0 && k == 19) key = "L1|L2|zind19"
			print doc, yr, dept, "", "indicator", key, "value", ">=9" k "%", ">=", "9" k, "%", ""
		}
		# task: 19 tasks x 4 fields
		for (k = 0; k < 19; k++) {
			key = sprintf("task number %02d", k)
			if (side == "new" && d % 50 == 0 && k == 3) key = key "x"
			a = 10 + k
			if (side == "new" && (d + k) % 7 == 0) a = a + 2
			print doc, yr, dept, "", "task", key, "amount", a, "=", a, "万元", ""
			print doc, yr, dept, "", "task", key, "content", "content of task " k, "", "", "", ""
			print doc, yr, dept, "", "task", key, "no", k + 1, "=", k + 1, "", ""
			print doc, yr, dept, "", "task", key, "target", "target of task " k, "", "", "", ""
		}
	}
	}' >"$DIR/$1.tsv"
}
gen old
gen new
