#!/bin/sh
# SPDX-License-Identifier: MIT
# csv-roundtrip.sh: LibreOffice's reading of --format csv, as committed
# fixtures. Each case's CSV output is opened in LibreOffice Calc (every
# column as text, UTF-8, as a user would import it), saved as XLSX, and the
# XLSX saved back as CSV into fixtures/csv/NAME.lo.csv; tests/cli/csv.sh
# compares each with the program's TSV output, value by value. LibreOffice
# is a fixture tool only: run this by hand (from the top directory, after
# `make`) when the cases or the CSV writer change, and commit the result.
set -eu
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "csv-roundtrip.sh: soffice (LibreOffice) is needed" >&2; exit 2; }
export PATH="$PWD/bin:$PATH" LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lo() { soffice -env:UserInstallation="file://$tmp/profile" --headless "$@" >/dev/null 2>&1; }
# Import: comma, double quote, UTF-8 (76), from line 1, columns 1..20 as
# text (format 2), so that no value becomes a number or a date.
cols=$(seq -s/ 1 20 | sed 's#\([0-9][0-9]*\)#\1/2#g')
# Export: comma, double quote, UTF-8, values as stored (not as shown).
out='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false'

. tools/csv-cases.sh
for name in $CSV_CASES; do
	mkdir -p "$tmp/$name"
	csv_case "$name" csv >"$tmp/$name/$name.csv" || [ $? = 1 ]
	lo --infilter="CSV:44,34,76,1,$cols" --convert-to xlsx --outdir "$tmp/$name/x" "$tmp/$name/$name.csv"
	lo --convert-to "$out" --outdir "$tmp/$name/back" "$tmp/$name/x/$name.xlsx"
	cp "$tmp/$name/back/$name.csv" "fixtures/csv/$name.lo.csv"
	echo "fixtures/csv/$name.lo.csv"
done
