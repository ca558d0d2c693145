# office-canon.awk: a normalized fact stream, for comparing an office
# rendering of a form with its HTML source (tests/cli/office.sh): the header
# and src dropped, and a value that is a plain number written with grouping
# commas or trailing fractional zeros (`1,100.00`) folded to the number
# (`1100`): a spreadsheet cell holds the number, its display is not read
# (docs/readers.md, section 3). Every other column is kept as it is.
BEGIN { FS = OFS = "\t" }
NR > 1 {
	v = $8
	if (v ~ /^-?[0-9][0-9,]*(\.[0-9]+)?$/) {
		gsub(/,/, "", v)
		if (v ~ /\./) {
			sub(/0+$/, "", v)
			sub(/\.$/, "", v)
		}
		$8 = v
	}
	NF = 11
	print
}
