# pdf: forms read from PDFs (lib/pdf.c). The PDFs in fixtures/pdf are
# LibreOffice exports of the project's own HTML forms (fixtures/pdf/make.sh
# says how each was made hard: narrow columns, three pages, landscape, two
# and three forms in one file, no ruling lines).
#
# Metamorphic: each PDF gives its source's facts, every column but src (keys
# compared without blanks, as FORMAT.md 2c writes them: a line break inside
# a label that fills its line cannot be told from a wrap in a PDF). src is
# the page and the place in the joined table (`P2:R5C3`). The ruled hard
# ones also equal the reviewed fact files their sources were made from.
P=fixtures/pdf
SH=fixtures/shapes
# facts FILE: raw facts as doc x, columns 1-11, keys without blanks
facts() {
	printf "pg-extract --doc x %s | cut -f1-11 | awk -F'\\\\t' -v OFS='\\\\t' '{ gsub(/ /, \"\", \$6); print }'" "$1"
}
same() {
	ok "$1" "($2) >\"\$OUT/pdf.1\" && ($3) >\"\$OUT/pdf.2\" && test \$(wc -l <\"\$OUT/pdf.1\") -gt 20 && diff -u \"\$OUT/pdf.1\" \"\$OUT/pdf.2\""
}
for pair in seed:$SH/seed-c.html deptA:$SH/deptA-c.html deptB:$SH/deptB-c.html \
	two-projects:fixtures/project/two-projects-2024.html \
	three-projects:fixtures/project/three-projects.html multi:$SH/multi-c.html \
	narrow:$SH/seed-c.html big:$SH/deptB-c.html landscape:$SH/deptB-c.html; do
	pdf=$P/${pair%%:*}.pdf src=${pair#*:}
	same "pdf: ${pair%%:*}.pdf gives the facts of $src" "$(facts "$src")" "$(facts "$pdf")"
	ok "pdf: ${pair%%:*}.pdf: every src is a page and a table place" \
		"pg-extract $pdf | tail -n +2 | cut -f12 | grep -Ev '^P[0-9]+(:R[0-9]+C[0-9]+)?\$' | wc -l | grep -qx 0"
done
# the reviewed fact files (normalized, without doc and src)
nf() {
	printf "pg-extract %s | pg-normalize | tail -n +2 | cut -f2-11" "$1"
}
for f in seed narrow; do
	same "pdf: $f.pdf = the seed's spec facts" "$(nf $P/$f.pdf)" \
		"tail -n +2 fixtures/spec/seed.facts.tsv | cut -f2-11"
done
for f in deptB big landscape; do
	same "pdf: $f.pdf = deptB facts" "$(nf $P/$f.pdf)" \
		"pg-normalize $SH/deptB.facts.tsv | tail -n +2 | cut -f2-11"
done
# two forms, three pages: two documents, the second's first fact on page 2
tc "pdf: two forms in one PDF are two documents" 0 "x
x#2" "" "pg-extract --doc x $P/multi.pdf | tail -n +2 | cut -f1 | uniq"
tc "pdf: a table over two pages is one table (rows numbered on)" 0 \
	"P2:R29C8" "" "pg-extract $P/seed.pdf | grep -F '服务对象满意度指标' | cut -f12"
tc "pdf: three pages, a row cut by the page break joined" 0 \
	"“光荣之家”悬挂光荣牌" "" \
	"pg-extract $P/big.pdf | awk -F'\\t' '\$5 == \"task\" && \$7 == \"no\" && \$8 == 4 { print \$6 }'"
