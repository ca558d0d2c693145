# SPDX-License-Identifier: MIT
# The whole pipeline on the seed: what ../shared/spec says it must produce.
SEED=fixtures/seed/000_d5b089058c1ce7ac.txt
SPEC=fixtures/spec

ok "seed: extract | normalize equals seed.facts.tsv (all columns but src)" \
	"pg-extract $SEED | pg-normalize | cut -f1-11 > \$OUT/seed.got && cut -f1-11 $SPEC/seed.facts.tsv | diff - \$OUT/seed.got"
ok "seed: the src column is filled on every fact" \
	"pg-extract -H $SEED | pg-normalize | awk -F'\t' 'NR>1 && \$12==\"\"{bad=1} END{exit bad}'"
ok "seed: extract | normalize | sum equals seed.sum.tsv (all columns but detail)" \
	"pg-extract $SEED | pg-normalize | pg-sum | cut -f1-9 > \$OUT/sum.got && cut -f1-9 $SPEC/seed.sum.tsv | diff - \$OUT/sum.got"
tc "seed: pg-sum exits 0" 0 '*' '' "pg-extract $SEED | pg-normalize | pg-sum"
ok "seed: normalize twice equals once" \
	"pg-extract $SEED | pg-normalize > \$OUT/n1 && pg-normalize \$OUT/n1 | cmp - \$OUT/n1"
ok "seed: diff of the seed with itself is empty" \
	"pg-extract $SEED | pg-normalize > \$OUT/n2 && pg-diff \$OUT/n2 \$OUT/n2 > \$OUT/d && test \$(wc -l < \$OUT/d) -eq 1"
ok "seed: GB18030 and UTF-16 renderings give the same facts" \
	"iconv -f utf-8 -t gb18030 $SEED > \$OUT/gb.txt && { printf '\377\376'; iconv -f utf-8 -t utf-16le $SEED; } > \$OUT/u16.txt && pg-extract -H $SEED | cut -f2-11 > \$OUT/u8 && pg-extract -H \$OUT/gb.txt | cut -f2-11 | cmp - \$OUT/u8 && pg-extract -H \$OUT/u16.txt | cut -f2-11 | cmp - \$OUT/u8"
ok "project page: extract | normalize | sum runs funds=parts" \
	"pg-extract fixtures/project/three-projects.html | pg-normalize | pg-sum > \$OUT/ps; test \$? -eq 1 && grep -q 'funds=parts' \$OUT/ps"
