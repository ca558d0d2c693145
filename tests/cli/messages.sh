# SPDX-License-Identifier: MIT
# Messages and streams (sourced by tests/run.sh): a message is always one
# line, whatever the file's name; a reader that stops early (| head) is
# not an error for any program.

# A fact stream of 300 departments (the seed's records under 300 names):
# about 2.5 MB, far more than a pipe and stdio buffer hold, so that every
# writer below meets the closed pipe.
BIG=$OUT/messages.big.tsv
awk -F'\t' -v OFS='\t' 'NR == 1 { print; next } FNR > 1 {
	for (i = 1; i <= 300; i++) { $3 = "部门" i; print } }' \
	fixtures/spec/seed.facts.tsv >"$BIG"

# `{ CMD; echo "st=$?" >&2; } | head -n1`: the writer's own status and
# stderr, whatever head does.
for p in $PG_PROGS; do
	have_prog $p || continue
	case $p in
	pg-extract) cmd="pg-extract $(for i in $(seq 60); do printf 'fixtures/seed/000_d5b089058c1ce7ac.txt '; done)" ;;
	pg-diff) cmd="pg-diff fixtures/spec/seed.facts.tsv $BIG" ;;
	pg-sum) cmd="pg-sum --totals -g dept,key $BIG" ;;
	*) cmd="$p $BIG" ;;
	esac
	tc "$p | head -n1: quiet, status kept" 0 '~.' 'st=0' \
		"{ $cmd; st=\$?; [ \$st = 1 ] && [ $p = pg-diff ] && st=0; echo \"st=\$st\" >&2; } | head -n1"
	tc "$p --format csv | head -n1: quiet" 0 '~.' 'st=0' \
		"{ ${cmd/$p/$p --format csv}; st=\$?; [ \$st = 1 ] && [ $p = pg-diff ] && st=0; echo \"st=\$st\" >&2; } | head -n1"
done
if have_prog pg-diff; then
	tc "pg-diff --format markdown | head -n1: quiet" 0 '~^# Changes from ' 'st=1' \
		"{ pg-diff --format markdown fixtures/spec/seed.facts.tsv $BIG; echo \"st=\$?\" >&2; } | head -n1"
	for f in fixtures/spec/seed.facts.tsv $BIG; do
		{ head -n1 $f; tail -n +2 $f | LC_ALL=C sort -t "$(printf '\t')" -k3,3 -k4,4 -k5,5 -k6,6 -k7,7; } >$OUT/messages.sorted.${f##*/}
	done
	tc "pg-diff --sorted | head -n1: quiet" 0 '~^change' 'st=1' \
		"{ pg-diff --sorted $OUT/messages.sorted.seed.facts.tsv $OUT/messages.sorted.messages.big.tsv; echo \"st=\$?\" >&2; } | head -n1"
fi
# The error a full disk gives is named (it was EIO before the errno of the
# failed write was kept).
for p in pg-normalize pg-sum; do
	have_prog $p || continue
	tc "$p to a full disk: the real error" 2 '' "$p: write error: No space left on device" \
		"test -w /dev/full || { echo '$p: write error: No space left on device' >&2; exit 2; }; $p $([ $p = pg-sum ] && echo --totals) $BIG >/dev/full"
done

# File names with control characters are quoted as C strings, so that a
# message stays one line.
NL_NAME=$(printf 'no\nsuch\tfile')
for p in $PG_PROGS; do
	have_prog $p || continue
	case $p in
	pg-diff) args="\"\$N\" fixtures/spec/seed.facts.tsv" ;;
	*) args="\"\$N\"" ;;
	esac
	tc "$p: a name with a newline and a TAB: one line" 2 '*' \
		"$p: \"no\\nsuch\\tfile\": No such file or directory" \
		"N='$NL_NAME'; $p $args"
done
if have_prog pg-normalize; then
	mkdir -p "$OUT/names"
	{ head -n1 fixtures/spec/seed.facts.tsv; echo x; } >"$OUT/names/bad"
	cp "$OUT/names/bad" "$OUT/names/$(printf 'a\033b"c\\d')"
	cp "$OUT/names/bad" "$OUT/names/"'x\"y'
	tc "pg-normalize: ESC, a quote and a backslash in a name: escaped" 2 '*' \
		"$(printf 'pg-normalize: "%s/a\\x1Bb\\"c\\\\d":2: expected 12 fields, found 1' "$OUT/names")" \
		"pg-normalize $OUT/names/a*"
	tc "pg-normalize: a quote and a backslash in a name without controls: as it is" 2 '*' \
		"pg-normalize: $OUT/names/x\\\"y:2: expected 12 fields, found 1" \
		"pg-normalize $OUT/names/x*"
fi

# Each program names an input of the wrong kind: another program's output,
# or a document where a fact stream is wanted (they said "no 绩效目标表
# found", "expected 12 fields, found 1" or "found 10" before).
S=fixtures/seed/000_d5b089058c1ce7ac.txt
F=fixtures/diff
K=$OUT/messages.kinds
mkdir -p "$K"
if have_prog pg-diff && have_prog pg-sum && have_prog pg-normalize; then
	pg-diff $F/2024.facts.tsv $F/2025.facts.tsv >"$K/changes.tsv"
	pg-diff --format markdown $F/2024.facts.tsv $F/2025.facts.tsv >"$K/changes.md"
	pg-sum $F/2025.facts.tsv >"$K/checks.tsv"
	pg-sum --totals -g dept,key $F/2025.facts.tsv >"$K/totals.tsv"
	pg-normalize --format csv $F/2025.facts.tsv >"$K/facts.csv"
	pg-sum --format csv $F/2025.facts.tsv >"$K/checks.csv"
fi
if have_prog pg-extract; then
	tc "pg-extract: a fact stream is named" 2 '~^doc' \
		"pg-extract: $F/2025.facts.tsv: this is a fact stream; pg-extract reads documents" \
		"pg-extract $F/2025.facts.tsv"
	tc "pg-extract: a fact stream on stdin is named" 2 '~^doc' \
		"pg-extract: -: this is a fact stream; pg-extract reads documents" \
		"pg-extract <$F/2025.facts.tsv"
	tc "pg-extract: the CSV form of a fact stream is named" 2 '~^doc' \
		"pg-extract: $K/facts.csv: this is a fact stream in CSV (--format csv); pg-extract reads documents" \
		"pg-extract $K/facts.csv"
	tc "pg-extract: pg-sum output is named" 2 '~^doc' \
		"pg-extract: $K/checks.tsv: this is pg-sum output (its checks); pg-extract reads documents" \
		"pg-extract $K/checks.tsv"
	tc "pg-extract: pg-sum --totals output is named" 2 '~^doc' \
		"pg-extract: $K/totals.tsv: this is pg-sum --totals output; pg-extract reads documents" \
		"pg-extract $K/totals.tsv"
	tc "pg-extract: pg-diff output is named" 2 '~^doc' \
		"pg-extract: $K/changes.tsv: this is pg-diff output (a table of changes); pg-extract reads documents" \
		"pg-extract $K/changes.tsv"
	tc "pg-extract: a pg-diff report is named" 2 '~^doc' \
		"pg-extract: $K/changes.md: this is a pg-diff report (--format markdown); pg-extract reads documents" \
		"pg-extract $K/changes.md"
	tc "pg-extract: the other files are still read" 2 '~廉江市' \
		"pg-extract: $F/2025.facts.tsv: this is a fact stream; pg-extract reads documents" \
		"pg-extract $F/2025.facts.tsv $S"
fi
for p in pg-normalize pg-sum pg-diff; do
	have_prog $p || continue
	case $p in pg-diff) a2=" $F/2025.facts.tsv" ;; *) a2="" ;; esac
	tc "$p: the seed document is named" 2 '*' \
		"$p: $S:1: this is a 绩效目标表 document, not a fact stream: run pg-extract on it first" \
		"$p $S$a2"
	tc "$p: an HTML page is named" 2 '*' \
		"$p: fixtures/project/three-projects.html:1: this is an HTML page, not a fact stream: run pg-extract on it first" \
		"$p fixtures/project/three-projects.html$a2"
	tc "$p: a UTF-16 export is named" 2 '*' \
		"$p: fixtures/project/three-projects-utf16.tsv:1: this is UTF-16 text (a document export), not a fact stream: run pg-extract on it first" \
		"$p fixtures/project/three-projects-utf16.tsv$a2"
	tc "$p: a GB18030 document is named" 2 '*' \
		"$p: fixtures/shapes/deptB-d-gb.csv:1: this is not UTF-8 text (a document in GB18030, or a binary file), not a fact stream: run pg-extract on it first" \
		"$p fixtures/shapes/deptB-d-gb.csv$a2"
	tc "$p: pg-diff output is named" 2 '*' \
		"$p: $K/changes.tsv:1: this is pg-diff output (a table of changes), not a fact stream" \
		"$p $K/changes.tsv$a2"
	tc "$p: a pg-diff report is named" 2 '*' \
		"$p: $K/changes.md:1: this is a pg-diff report (--format markdown), not a fact stream" \
		"$p $K/changes.md$a2"
	tc "$p: pg-sum output is named" 2 '*' \
		"$p: $K/checks.tsv:1: this is pg-sum output (its checks), not a fact stream" \
		"$p $K/checks.tsv$a2"
	tc "$p: pg-sum CSV output is named" 2 '*' \
		"$p: $K/checks.csv:1: this is pg-sum output (its checks) in CSV, not a fact stream" \
		"$p $K/checks.csv$a2"
	tc "$p: pg-sum --totals output is named" 2 '*' \
		"$p: $K/totals.tsv:1: this is pg-sum --totals output, not a fact stream" \
		"$p $K/totals.tsv$a2"
	tc "$p: the CSV form of a fact stream is named" 2 '*' \
		"$p: $K/facts.csv:1: this is a fact stream in CSV (--format csv); read the TSV form (without --format csv)" \
		"$p $K/facts.csv$a2"
done

# CRLF line ends and a UTF-8 byte-order mark (a spreadsheet's "save as
# text") are read as the plain stream: the same output, byte for byte.
sed 's/$/\r/' $F/2025.facts.tsv >"$K/crlf.tsv"
{ printf '\357\273\277'; cat $F/2025.facts.tsv; } >"$K/bom.tsv"
{ printf '\357\273\277'; sed 's/$/\r/' $F/2024.facts.tsv; printf '\357\273\277'; sed 's/$/\r/' $F/2025.facts.tsv; } >"$K/both.tsv"
for p in pg-normalize pg-sum; do
	have_prog $p || continue
	$p $F/2025.facts.tsv >"$K/$p.want" 2>&1
	tc "$p: CRLF line ends: the same output" 0 "@$K/$p.want" '' "$p $K/crlf.tsv"
	tc "$p: a byte-order mark: the same output" 0 "@$K/$p.want" '' "$p $K/bom.tsv"
	$p $F/2024.facts.tsv $F/2025.facts.tsv >"$K/$p.want2" 2>&1
	tc "$p: concatenated streams each with a BOM and CRLF: the same output" 0 "@$K/$p.want2" '' "$p $K/both.tsv"
done
if have_prog pg-diff; then
	sed 's/$/\r/' $F/2024.facts.tsv >"$K/crlf24.tsv"
	tc "pg-diff: CRLF and BOM inputs: the same changes" 1 "@$F/2024-2025.diff.tsv" '' \
		"pg-diff $K/crlf24.tsv $K/bom.tsv"
fi

# Operands and option values named in a usage error are quoted the same way.
if have_prog pg-diff; then
	tc "pg-diff: one operand with a newline: one line, then Try" 2 '' \
		"pg-diff: missing operand after '\"no\\nsuch\\tfile\"': pg-diff compares two fact streams, OLD NEW
Try 'pg-diff --help' for more information." "N='$NL_NAME'; pg-diff \"\$N\""
	tc "pg-diff --format with a newline: one line, then Try" 2 '' \
		"pg-diff: invalid --format '\"no\\nsuch\\tfile\"': want tsv, csv, markdown or html
Try 'pg-diff --help' for more information." "N='$NL_NAME'; pg-diff --format \"\$N\" a b"
fi
