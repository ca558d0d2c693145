# SPDX-License-Identifier: MIT
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
# KNOWN: renderings that do not give their source's facts, each asserted to
# still differ (so that a fix shows), with the reason:
# - F-town-2022.xlsx, .xls: the source's indicator value `=8个` starts with
#   `=`; LibreOffice's HTML import made it a formula, and the workbook holds
#   that formula with its cached value, the error #NAME?. A reader gives a
#   formula cell's cached value (the number rules), so the text is not in
#   the file to read. (The .docx keeps the text and is compared.)
KNOWN=" F-town-2022.xlsx F-town-2022.xls "
n=0
for x in $O/*.xlsx; do
	name=$(basename "$x" .xlsx)
	src=$(ls fixtures/shapes/$name.html fixtures/project/$name.html 2>/dev/null | head -n 1)
	[ -n "$src" ] || src=$(find fixtures/forms fixtures/families -name "$name.html" 2>/dev/null | head -n 1)
	[ -n "$src" ] || continue
	for k in xlsx xls docx; do
		case $KNOWN in *" $name.$k "*)
			ok "$name.$k = $src (known failure, still differs)" \
				"($(nfc $O/$name.$k)) >\"\$OUT/of.1\" && ($(nfc $src)) >\"\$OUT/of.2\" && ! cmp -s \"\$OUT/of.1\" \"\$OUT/of.2\""
			continue ;;
		esac
		same "$name.$k = $src" "$(nfc $O/$name.$k)" "$(nfc $src)"
		n=$((n + 1))
	done
done
ok "metamorphic: at least 18 renderings compared" "test $n -ge 18"
# every family the project reads is in the set (fixtures/office/make.sh)
for f in fixtures/families/*.html; do
	ok "office set holds $(basename "$f" .html) as xlsx, xls, docx" \
		"test -s $O/$(basename "$f" .html).xlsx && test -s $O/$(basename "$f" .html).xls && test -s $O/$(basename "$f" .html).docx"
done

# --- src in the office readers' own terms
tc "xlsx src: sheet and cell" 0 '*' '' \
	"pg-extract $O/seed-c.xlsx | awk -F'\\t' '\$6==\"title\" || \$6==\"财政供养人员数\" {print \$12}' | tr '\\n' ' ' | grep -qx 'Sheet1!A1 Sheet1!D3 '"
tc "docx src: table, row, column" 0 '*' '' \
	"pg-extract $O/seed-c.docx | awk -F'\\t' '\$6==\"财政供养人员数\" {print \$12}' | grep -qx 'T1:R3C4'"
tc "xls src: sheet and cell" 0 '*' '' \
	"pg-extract $O/two-projects-2024.xls | awk -F'\\t' '\$6==\"项目名称\" {print \$12}' | head -n 1 | grep -qx 'Sheet1!B[0-9]*'"

# --- kinds decided by content, not by name
K=$OUT/office
mkdir -p "$K"
cp $O/seed-c.xlsx "$K/xlsx-named.txt"
cp $O/seed-c.docx "$K/docx-named.html"
cp $O/seed-c.xls "$K/xls-named.csv"
cp fixtures/shapes/seed-c.html "$K/html-named.xlsx"
for f in xlsx-named.txt docx-named.html xls-named.csv html-named.xlsx; do
	same "$f: read by its content" "pg-extract -q $K/$f | cut -f2-11" "pg-extract -q fixtures/shapes/seed-c.html | cut -f2-11"
done
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n<<>>\nendobj\n' >"$K/form.pdf"
tc "PDF: read as a PDF by its content (this one is cut short)" 2 "$HDR" \
	"~^pg-extract: $K/form.pdf: damaged PDF, cannot be read" \
	"pg-extract $K/form.pdf"
tc "legacy .doc: named, with its conversion" 2 "$HDR" \
	"pg-extract: $O/seed-c.doc: a legacy Word document (.doc), not read: convert it first: soffice --headless --convert-to docx $O/seed-c.doc" \
	"pg-extract $O/seed-c.doc"
tc "legacy .doc under another name: the same" 2 "$HDR" \
	"~a legacy Word document \\(\\.doc\\), not read: convert it first: soffice --headless --convert-to docx '$K/a form.xls'" \
	"cp $O/seed-c.doc '$K/a form.xls' && pg-extract '$K/a form.xls'"
tc "Excel 5.0/95 workbook (an OLE2 Book stream, no Workbook): named" 2 "$HDR" \
	"pg-extract: fixtures/office/hostile/biff5-book.xls: an Excel 5.0/95 workbook (.xls, BIFF5), not read: convert it first: soffice --headless --convert-to xlsx fixtures/office/hostile/biff5-book.xls" \
	"pg-extract fixtures/office/hostile/biff5-book.xls"
tc "OpenDocument text: named" 2 "$HDR" \
	"pg-extract: $O/seed-c.odt: an OpenDocument text (.odt), not read: convert it first: soffice --headless --convert-to docx $O/seed-c.odt" \
	"pg-extract $O/seed-c.odt"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$K/scan.png"
tc "image: named" 2 "$HDR" "~^pg-extract: $K/scan.png: a PNG image, not read: convert it first: an OCR program" \
	"pg-extract $K/scan.png"
printf '{\\rtf1\\ansi 2024年项目支出绩效目标表}' >"$K/form.rtf"
tc "RTF: named" 2 "$HDR" "~^pg-extract: $K/form.rtf: an RTF document, not read: convert it first: soffice" \
	"pg-extract $K/form.rtf"
tc "standard input: kind by content too" 0 '*' '' \
	"pg-extract - <$O/seed-c.xlsx | grep -q 'Sheet1!A1'"
tc "a ZIP archive that is not an office document" 2 "$HDR" \
	"~^pg-extract: $K/other.zip: a ZIP archive that is no XLSX or DOCX, not read" \
	"$BUILD/bench/officegen pack $K/other.zip fixtures/office/hand/notoffice && pg-extract $K/other.zip"

# --- hostile containers: a clear message or a bounded result
"$BUILD"/bench/officegen bomb "$K/bomb.xlsx" 100
tc "zip bomb (100 MiB of blanks in 100 KB)" 2 "$HDR" \
	"pg-extract: $K/bomb.xlsx: XLSX: sheet Sheet1: member xl/worksheets/sheet1.xml inflates more than 200 times its size: a zip bomb?" \
	"pg-extract $K/bomb.xlsx"
head -c 3000 $O/seed-c.xlsx >"$K/trunc.xlsx"
tc "truncated zip" 2 "$HDR" "pg-extract: $K/trunc.xlsx: a ZIP archive that cannot be read (Not a zip archive), not read" \
	"pg-extract $K/trunc.xlsx"
"$BUILD"/bench/officegen members "$K/members.zip" 100000
tc "zip with 100,000 members" 2 "$HDR" \
	"pg-extract: $K/members.zip: a ZIP archive that cannot be read (more than 10000 members in the archive), not read" \
	"pg-extract $K/members.zip"
"$BUILD"/bench/officegen deep "$K/deep.xlsx" 10000
tc "XLSX whose XML nests 10,000 deep" 2 "$HDR" \
	"pg-extract: $K/deep.xlsx: XLSX: sheet Sheet1: xl/worksheets/sheet1.xml: XML elements nested deeper than 256" \
	"pg-extract $K/deep.xlsx"
"$BUILD"/bench/officegen badxml "$K/bad.xlsx"
tc "XLSX whose XML is not well-formed" 2 "$HDR" \
	"pg-extract: $K/bad.xlsx: XLSX: sheet Sheet1: xl/worksheets/sheet1.xml: XML not well-formed at line 2: mismatched tag" \
	"pg-extract $K/bad.xlsx"
"$BUILD"/bench/officegen bigcell "$K/big.docx" 50
tc "DOCX with a 50 MB cell: cut at 1 MiB, with a warning" 0 '*' \
	"~^pg-extract: $K/big.docx: warning: table 1 row 1: a cell longer than 1048576 bytes: cut" \
	"pg-extract $K/big.docx"
ok "DOCX with a 50 MB cell: the cell is a fact of at most 1 MiB" \
	"pg-extract -q $K/big.docx | awk -F'\\t' '\$6==\"项目名称\" {n=length(\$8)} END {exit !(n > 1000000 && n <= 1048576)}'"
# peak memory, in the plain build only (sanitizers and valgrind reserve more)
case "$BUILD$VG" in
*asan* | *valgrind*) ;;
*)
	for f in bomb.xlsx members.zip deep.xlsx big.docx; do
		ok "$f: peak memory under 256 MB" \
			"/usr/bin/time -f %M -o $K/$f.mem pg-extract $K/$f >/dev/null 2>&1; test \$(tail -n 1 $K/$f.mem) -lt 262144"
	done
	;;
esac

# --- hand-made documents (XML written by hand under fixtures/office/hand,
# packed here), each with a golden file checked line by line against it:
# book3.xlsx: three sheets (a form; a hidden sheet with a form starting at
# B3; notes) with shared, inline and rich-text strings, a phonetic run, a
# line break, merges, a hidden row, a formula, float noise, percent, date,
# #,##0.00, boolean and error cells. split.docx: a form split over two
# tables, gridSpan, vMerge, a line break and two paragraphs in a cell, a
# tracked deletion and insertion.
"$BUILD"/bench/officegen pack "$K/book3.xlsx" fixtures/office/hand/book3
"$BUILD"/bench/officegen pack "$K/split.docx" fixtures/office/hand/split
tc "book3.xlsx: facts (golden)" 0 @fixtures/office/book3.facts.tsv \
	"pg-extract: $K/book3.xlsx: warning: sheet 说明 holds no 绩效目标表: not read" "pg-extract $K/book3.xlsx"
tc "split.docx: facts (golden)" 0 @fixtures/office/split.facts.tsv '' "pg-extract $K/split.docx"
# book3.xls: LibreOffice's Excel 97 export of book3.xlsx (fixtures/office/make.sh):
# BIFF8 merged cells, percent (built-in and custom formats), a date, float
# noise, #,##0.00, a formula, a boolean and an error, a hidden sheet. It
# must give book3.xlsx's reviewed golden line for line, src included. (No
# warning: LibreOffice left the notes sheet 说明, inline strings only in the
# XLSX, empty in the XLS: its records hold no cell.)
tc "book3.xls: the golden of book3.xlsx" 0 @fixtures/office/book3.facts.tsv '' "pg-extract $O/book3.xls"

# --- fuzzer finds
tc "fuzz: an OLE2 file whose FAT leads its directory away from the Workbook entry (libfreexl 1.0.6 read past a stack buffer on it)" 2 "$HDR" \
	"pg-extract: fixtures/office/hostile/xls-freexl-iconv.bin: XLS: no Workbook stream in the compound file" \
	"pg-extract fixtures/office/hostile/xls-freexl-iconv.bin"
tc "fuzz: an OLE2 file without a Workbook stream" 2 "$HDR" \
	"~^pg-extract: fixtures/office/hostile/ole2-no-workbook.bin: an OLE2 compound file \\(legacy Office\\) of unknown kind, not read" \
	"pg-extract fixtures/office/hostile/ole2-no-workbook.bin"
# found fuzzing our own XLS reader: overlapping merged ranges that made a row
# 20,000 columns wide, then thousands of narrow rows (the span bookkeeping
# scanned the wide row's width on each: 3 s and 264 MB under ASan, past the
# fuzzer's bounds; sheet.c now clamps merges, grid.c keeps where rowspans
# are pending). Kept as crash regressions: each is read.
for f in xls-wide-row xls-overlapping-merges xls-far-blank xls-short-mergecells xls-tall-merges; do
	ok "fuzz: $f.bin is read" \
		"pg-extract -q fixtures/office/hostile/$f.bin >/dev/null 2>&1; test \$? -le 1"
done
