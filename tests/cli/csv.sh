# SPDX-License-Identifier: MIT
# --format csv (sourced by tests/run.sh): every table a program writes, as
# CSV, reads back as the same values as its TSV form, unescaped, byte for
# byte: by a strict RFC 4180 reading (BOM, CRLF, quoting), by sqlite3's
# `.import --csv`, by pandas, and by LibreOffice (its CSV -> XLSX -> CSV
# round trip is committed: fixtures/csv/*.lo.csv, made by
# tools/csv-roundtrip.sh). The cases are tools/csv-cases.sh; the tricky
# one (fixtures/csv/tricky.raw.tsv) holds values that start with a quote,
# hold commas, backslashes, TABs, CR and LF, or are empty.

. tools/csv-cases.sh
C=$OUT/csv
mkdir -p "$C"
PY=/usr/bin/python3
have_py=0 have_pandas=0 have_sqlite=0
[ -x $PY ] && have_py=1
[ $have_py = 1 ] && $PY -c 'import pandas' 2>/dev/null && have_pandas=1
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
[ $have_py = 1 ] || echo "SKIP csv: /usr/bin/python3 is not installed (make deps installs it)"
[ $have_pandas = 1 ] || echo "SKIP csv: pandas is not installed (make deps installs python3-pandas)"
[ $have_sqlite = 1 ] || echo "SKIP csv: sqlite3 is not installed (make deps installs it)"

ready=1
for p in $PG_PROGS; do have_prog $p || ready=0; done
if [ $ready = 1 ]; then
	for c in $CSV_CASES; do
		csv_case $c tsv >"$C/$c.tsv" 2>"$C/$c.tsv.err"
		csv_case $c csv >"$C/$c.csv" 2>"$C/$c.csv.err"
		tc "$c: TSV and CSV runs say the same on stderr" 0 '' '' \
			"cmp $C/$c.tsv.err $C/$c.csv.err && test -s $C/$c.tsv"
		tc "$c: starts with the UTF-8 byte-order mark" 0 'efbbbf' '' \
			"head -c 3 $C/$c.csv | od -An -tx1 | tr -d ' '"
		[ $have_py = 1 ] || continue
		tc "$c: strict RFC 4180, every value as in the TSV" 0 "~^rfc4180: [0-9]+ rows, every value the same" '' \
			"$PY tests/csvcheck.py $C/$c.tsv rfc4180 $C/$c.csv"
		[ $have_pandas = 1 ] &&
			tc "$c: pandas.read_csv(dtype=str, keep_default_na=False): every value" 0 "~^pandas: [0-9]+ rows, every value the same" '' \
				"$PY tests/csvcheck.py $C/$c.tsv pandas $C/$c.csv"
		if [ $have_sqlite = 1 ]; then
			rm -f "$C/$c.db"
			tc "$c: sqlite3 .import --csv: every value" 0 "~^sqlite: [0-9]+ rows, every value the same" '' \
				"sqlite3 $C/$c.db '.import --csv $C/$c.csv t' && $PY tests/csvcheck.py $C/$c.tsv sqlite $C/$c.db t"
		fi
		cr=""
		[ $c = tricky ] && cr=--cr-as-lf
		tc "$c: LibreOffice's CSV -> XLSX -> CSV round trip: every value" 0 "~^csv: [0-9]+ rows, every value the same" '' \
			"$PY tests/csvcheck.py $cr $C/$c.tsv csv fixtures/csv/$c.lo.csv"
	done
	# the tricky values are really there (the checks above would pass on
	# a fixture that lost them)
	tc "tricky: values starting with a quote, with commas, backslashes, CR, LF, TAB, empty" 0 '' '' \
		"grep -q '^tricky,2024,\"\"\"引号\"\"部门\",,' $C/tricky.csv &&
		 grep -q ',\"培训,学习\",' $C/tricky.csv && grep -q 'C:\\\\data\\\\' $C/tricky.csv &&
		 grep -q '^tri	cky,' $C/tricky.csv && grep -q '部门\\\\n二' $C/tricky.csv &&
		 grep -q '\"L8C3\$' $C/tricky.csv && grep -q ',c2,\"\"\"\"\"\",,,,\"L8C2' $C/tricky.csv &&
		 grep -q ',budget,部门预算支出|项目支出,amount,,,,,L3C4' $C/tricky.csv"
	[ $have_sqlite = 1 ] && [ $have_py = 1 ] &&
		tc "sqlite3: the budget per department, exactly" 0 "廉江市人民代表大会常务委员会办公室|1621.95" '' \
			"rm -f $C/q.db; sqlite3 $C/q.db '.import --csv $C/seed.csv facts' \"SELECT dept, printf('%.2f', sum(CAST(num AS REAL))) FROM facts WHERE section = 'budget' AND key LIKE '部门预算支出|%' GROUP BY dept\""
fi
