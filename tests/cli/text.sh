# SPDX-License-Identifier: MIT
# Text shapes the real excerpts come in (sourced by tests/run.sh; issue 13
# part 3, docs/regrid.md section 1b): forms of our own written in those
# shapes -- space-aligned columns (pdftotext -layout, a plain-text page),
# framed lines that are not rows (frames-selfeval-2023.txt: a self-evaluation
# form with a two-row indicator header, written by `bench/flatten frames`) --
# each with a golden checked line by line against its text. Their shapes'
# rules are unit-tested in tests/unit/test_spaced.c and test_regrid.c; the
# metamorphic test (regrid.sh) renders every fixture form space-aligned.
for d in fixtures/text/*.txt; do
	n=${d%.txt}
	tc "text shape: $(basename "$d"): facts as reviewed" 0 @$n.facts.tsv '*' "pg-extract $d"
	ok "text shape: $(basename "$d"): nothing lost" \
		"pg-extract $d >\$OUT/text.all 2>/dev/null; \$BUILD/bench/cells $d \$OUT/text.all"
done
# the shape is told from the text: a space-aligned form is read in columns
tc "space-aligned text: read in columns" 0 'L15C5' '' \
	"pg-extract fixtures/text/spaced-selfeval-2022.txt | awk -F'\t' '\$6==\"产出指标|数量指标|养护里程\" && \$7==\"value\"{print \$12}'"
# traditional characters (and pinyin readings after them) are folded for
# label matching and keys, values keep what was written (lib/hant.c)
tc "traditional characters: keys folded, values as written" 0 '满意度指标|服务对象满意度指标|沿线群众满意度	≥90%
项目名称	農(nóng)村公路養護工程' '' \
	"pg-extract fixtures/text/hant-project-2023.txt | awk -F'\t' '\$6~/沿线群众/ || \$6==\"项目名称\"{print \$6 \"\t\" \$8}' | sort"
