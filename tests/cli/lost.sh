# SPDX-License-Identifier: MIT
# Nothing lost (sourced by tests/run.sh): for every fixture document, every
# non-empty cell the readers see is a fact's value or part of one, part of a
# key, a field name, or a vocabulary word (bench/cells.c says how it
# compares). The cells not accounted for are printed on failure.
for d in fixtures/seed/* fixtures/project/* fixtures/shapes/* fixtures/text/* fixtures/variants/* fixtures/hostile/fuzz/* fixtures/forms/* fixtures/families/* fixtures/office/*.xlsx fixtures/office/*.xls fixtures/office/*.docx; do
	[ -f "$d" ] || continue
	case $d in *.facts.tsv | *.raw.tsv | *.expect | *.md | *.sh) continue ;; esac
	f=$OUT/lost.$(basename "$d").tsv
	ok "nothing lost: $d" "pg-extract $d >$f 2>/dev/null; $VG \$BUILD/bench/cells $d $f"
done
