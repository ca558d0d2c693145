# SPDX-License-Identifier: MIT
# Shapes decided from the whole text (sourced by tests/run.sh): one cell must
# not decide how a whole file is read (issue 18), and forms whose grid was
# lost are rebuilt from their words (issue 13 part 3, docs/regrid.md).
SEED=fixtures/seed/000_d5b089058c1ce7ac.txt
P=fixtures/project/three-projects

# A CSV whose note cell mentions `<table`: still a CSV, the note a fact.
tc "csv with a <table note: read as CSV" 0 '' '' \
	"pg-extract $P.csv | cut -f2-11 >\$OUT/nt.want; pg-extract fixtures/hostile/csv-note-table.csv 2>\$OUT/nt.err | cut -f2-11 | diff \$OUT/nt.want - | grep -v '^[0-9]' >\$OUT/nt.diff; test \"\$(cat \$OUT/nt.diff)\" = \"> 2025	廉江市交通运输局	农村公路养护工程	extra	产出指标(50分)	c6	见附表<table>说明			\" && test ! -s \$OUT/nt.err"
# The seed saved as CSV by a spreadsheet (the HTML cells quoted, their
# quotes doubled): the seed's facts, budget included.
tc "seed saved as CSV: the seed's facts" 0 '' '' \
	"pg-extract $SEED | cut -f2-11 >\$OUT/sa.want; pg-extract fixtures/hostile/seed-as.csv | cut -f2-11 | diff \$OUT/sa.want -"
tc "seed saved as CSV: its budget facts" 0 '8' '' \
	"pg-extract fixtures/hostile/seed-as.csv | awk -F'\t' '\$5==\"budget\"' | wc -l"

# A block label with a short sub-label and its money unit is a label, not
# glued cells (docs/regrid.md section 4: `项目资金申请(万元)`, real 09's
# layout): as one cell per line its 项目资金 rows are read, no warning; a
# longer sub-label (more than REGRID_UNIT_GAP characters) or one with digits
# is still glued
tc "one cell per line: 项目资金申请(万元) is a sub-label, its rows read" 0 '项目资金|县级资金	amount	60' '' \
	"\$BUILD/bench/flatten lines <fixtures/text/rows-project-2024.txt >\$OUT/su.txt && pg-extract \$OUT/su.txt | awk -F'\t' '\$6==\"项目资金|县级资金\" && \$7==\"amount\"{print \$6 \"\t\" \$7 \"\t\" \$8}'"
tc "one cell per line: a label, more than 4 characters, a unit: glued" 0 '' \
	'~warning: glued cells not split \(their text goes to extra\): 项目资金申请总额合计\(万元\)' \
	"\$BUILD/bench/flatten lines <fixtures/text/rows-project-2024.txt | sed 's/^项目资金申请(万元)\$/项目资金申请总额合计(万元)/' | pg-extract - >/dev/null"
tc "one cell per line: a label, digits, a unit: glued" 0 '' \
	'~warning: glued cells not split \(their text goes to extra\): 项目资金申请2024\(万元\)' \
	"\$BUILD/bench/flatten lines <fixtures/text/rows-project-2024.txt | sed 's/^项目资金申请(万元)\$/项目资金申请2024(万元)/' | pg-extract - >/dev/null"

# Acceptance 3, the metamorphic test: every fixture form, re-rendered from its
# grid as one cell per line, as `|`-flattened rows, as browser-copy text, as
# space-aligned text and as framed lines (bench/flatten), gives the same facts as the grid,
# all columns but src. The grid: the form's HTML rendering, which every form
# of the first folders has (the seed's is fixtures/shapes/seed-c.html; the
# office and PDF fixtures are rendered from these); for the forms that have
# none, the grid they are read into: a CSV (D-multi-town), a workbook of our
# own (book3.xls), browser-copy variants (fixtures/variants), and the forms
# written in lost-grid shapes (fixtures/forms/*.txt, fixtures/text). The
# list of forms and why some are left out: docs/regrid.md section 7.
# The fifth rendering, framed lines that are not rows (bench/flatten frames,
# docs/regrid.md section 1e), is read by its own rules.
# KNOWN: renderings that do not yet give the grid's facts (docs/regrid.md
# "Known failures"): they are not compared, only checked for lost cells, and
# listed so that a fix shows. KNOWN_LOST: those of them that also lose cells
# (framed lines of forms without an indicator table, or whose tables the
# stream does not rebuild): not checked for lost cells either.
KNOWN=" "
KNOWN_LOST=" "
for f in fixtures/shapes/*.html fixtures/project/*.html fixtures/forms/*.html fixtures/years/*/*.html fixtures/families/*.html fixtures/families/*/*.html \
	fixtures/families/*.csv fixtures/office/book3.xls fixtures/variants/*.tsv fixtures/forms/*.txt fixtures/text/*.html fixtures/text/*.txt; do
	[ -f "$f" ] || continue
	# a form glued onto one line (docs/regrid.md 1g) is left out: which of
	# its cells are several run together is known only from the glued
	# text (a row with fewer values than its header's columns); its grid
	# re-rendered shows them as cells of their own, read as such
	case $f in fixtures/text/glued-*) continue ;; esac
	# a text written from a grid of its own (NAME.html next to it: the
	# words shape, one line of words whose empty cells left no trace) is
	# that grid's rendering: it gives the grid's facts, and the grid is
	# re-rendered in its turn. Its own grid, rebuilt by count, is not
	# re-rendered: which row a cell belongs to is read at the block stage
	# from the row ends the text does not show (docs/regrid.md 4b), and a
	# re-rendering would show them (docs/regrid.md section 7)
	case $f in *.txt)
		if [ -f "${f%.txt}.html" ]; then
			ok "rendering of its grid ${f%.txt}.html: same facts: $f" \
				"pg-extract ${f%.txt}.html 2>/dev/null | cut -f2-11 >\$OUT/mg.want; pg-extract $f 2>/dev/null | cut -f2-11 | diff \$OUT/mg.want -"
			continue
		fi ;;
	esac
	b=$(basename "$f")
	for m in lines pipes copy spaced frames; do
		case $KNOWN in
		*" $f:$m "*)
			# a known failure stays one: when it is fixed, this says so
			ok "re-rendered as $m (known failure, still failing): $f" \
				"pg-extract $f 2>/dev/null | cut -f2-11 >\$OUT/mm.$b.want; \$BUILD/bench/flatten $m <$f >\$OUT/mm.$b.$m && pg-extract \$OUT/mm.$b.$m 2>/dev/null | cut -f2-11 | diff \$OUT/mm.$b.want - >/dev/null; test \$? = 1" ;;
		*)
			ok "re-rendered as $m: $f" \
				"pg-extract $f 2>/dev/null | cut -f2-11 >\$OUT/mm.$b.want; \$BUILD/bench/flatten $m <$f >\$OUT/mm.$b.$m && pg-extract \$OUT/mm.$b.$m 2>/dev/null | cut -f2-11 | diff \$OUT/mm.$b.want -" ;;
		esac
		case $KNOWN_LOST in *" $f:$m "*) continue ;; esac
		ok "re-rendered as $m, nothing lost: $f" \
			"\$BUILD/bench/flatten $m <$f >\$OUT/mc.$b.$m && pg-extract \$OUT/mc.$b.$m >\$OUT/mc.$b.$m.tsv 2>/dev/null; \$BUILD/bench/cells \$OUT/mc.$b.$m \$OUT/mc.$b.$m.tsv"
	done
done

# Acceptance 2: the real excerpts (fixtures/real, copied unchanged from
# ../shared/real). NAME.facts.tsv holds the facts (extra excepted) checked
# one by one against the text; NAME.wrong.tsv, when present, the facts the
# tool still gets wrong (docs/real.md), kept apart so that no golden holds a
# wrong fact. The output's facts must be exactly the two together.
for f in fixtures/real/*.txt; do
	b=${f%.txt}
	w=/dev/null
	[ -f "$b.wrong.tsv" ] && w=$b.wrong.tsv
	ok "real: $f" \
		"pg-extract $f 2>/dev/null | awk -F'\t' 'NR>1 && \$5!=\"extra\"' | cut -f2-11 | sort >\$OUT/real.got; sort $b.facts.tsv $w | diff - \$OUT/real.got"
	# every cell a fact or in extra (bench/cells); a text where no form is
	# found says so and fails (its golden is empty)
	# (NAME.lost.tsv, when present: cells a reader is known to lose, the
	# exact output of bench/cells, so that a fix shows; docs/real.md)
	if "$BUILD/bin/pg-extract" "$f" >/dev/null 2>&1 && [ -f "$b.lost.tsv" ]; then
		ok "real, only the known lost cells lost: $f" "pg-extract $f >\$OUT/real.all 2>/dev/null; \$BUILD/bench/cells $f \$OUT/real.all >\$OUT/real.lost; diff $b.lost.tsv \$OUT/real.lost"
	elif "$BUILD/bin/pg-extract" "$f" >/dev/null 2>&1; then
		ok "real, nothing lost: $f" "pg-extract $f >\$OUT/real.all 2>/dev/null; \$BUILD/bench/cells $f \$OUT/real.all"
	else
		tc "real, no form found: $f" 2 '*' "~no 绩效目标表 found" "pg-extract $f"
	fi
done
for f in fixtures/hostile/csv-note-table.csv fixtures/hostile/seed-as.csv; do
	ok "nothing lost: $f" "pg-extract $f >\$OUT/h.all 2>/dev/null; \$BUILD/bench/cells $f \$OUT/h.all"
done

# Limits (docs/limits.md): a text of one cell per line is read into at most
# REGRID_MAX_TOKENS cells and row ends, in bounded time and memory; a row of
# more than GRID_MAX_COLS cells keeps the first ones; both with a warning.
{ printf '2025年部门整体支出绩效目标表\n绩效指标\n一级指标\n'; yes '' | head -n 2100000; } >"$OUT/rg.big.txt"
RG_ULIMIT='ulimit -v 400000;' # 400 MB of address space (peak RSS 86 MB); not under ASan
case $BUILD in *asan*) RG_ULIMIT='' ;; esac
tc "regrid: more than 2000000 cells: rest ignored, with a warning" 0 '*' \
	'~big.txt:2000001: warning: more than 2000000 cells and row ends: rest of the text ignored' \
	"$RG_ULIMIT timeout 20 pg-extract $OUT/rg.big.txt"
{ printf '2025年部门整体支出绩效目标表\n部门名称\n某局\n基本信息\n'; seq 1 25000 | sed 's/^/x/'; printf '绩效指标\n一级指标\n'; } >"$OUT/rg.wide.txt"
tc "regrid: a row of more than 20000 cells: rest ignored, with a warning" 0 '*' \
	'~warning: more than 20000 cells in one row: rest ignored' "timeout 20 pg-extract $OUT/rg.wide.txt"
