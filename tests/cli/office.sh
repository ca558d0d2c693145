# office: XLSX, XLS and DOCX read natively (issue 14). The renderings in
# fixtures/office were made from the project's HTML fixture forms by
# fixtures/office/make.sh (LibreOffice); each must give the same facts as its
# HTML source, all columns but src, a plain number's display folded
# (tests/office-canon.awk). Kinds are decided by content: a file's name does
# not matter, and kinds not read are named with their conversion command.
O=fixtures/office
HDR=$(printf 'doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc')

# nfc FILE: FILE's normalized facts, canonical for the comparison
nfc() {
	printf "pg-extract -q %s | pg-normalize | awk -f tests/office-canon.awk" "$1"
}
same() {
	ok "$1" "($2) >\"\$OUT/of.1\" && ($3) >\"\$OUT/of.2\" && test -s \"\$OUT/of.1\" && diff -u \"\$OUT/of.1\" \"\$OUT/of.2\""
}

# --- metamorphic: every office rendering = its HTML source
n=0
for x in $O/*.xlsx; do
	name=$(basename "$x" .xlsx)
	src=$(ls fixtures/shapes/$name.html fixtures/project/$name.html 2>/dev/null | head -n 1)
	[ -n "$src" ] || src=$(find fixtures/families -name "$name.html" 2>/dev/null | head -n 1)
	[ -n "$src" ] || continue
	for k in xlsx xls docx; do
		same "$name.$k = $src" "$(nfc $O/$name.$k)" "$(nfc $src)"
		n=$((n + 1))
	done
done
ok "metamorphic: at least 18 renderings compared" "test $n -ge 18"

# --- src in the office readers' own terms
tc "xlsx src: sheet and cell" 0 '*' '' \
	"pg-extract $O/seed-c.xlsx | awk -F'\\t' '\$6==\"title\" || \$6==\"财政供养人员数\" {print \$12}' | tr '\\n' ' ' | grep -qx 'Sheet1!A1 Sheet1!D3 '"
tc "docx src: table, row, column" 0 '*' '' \
	"pg-extract $O/seed-c.docx | awk -F'\\t' '\$6==\"财政供养人员数\" {print \$12}' | grep -qx 'T1:R3C4'"
tc "xls src: sheet and cell" 0 '*' '' \
	"pg-extract $O/two-projects-2024.xls | awk -F'\\t' '\$6==\"项目名称\" {print \$12}' | head -n 1 | grep -qx 'Sheet1!B[0-9]*'"
