# SPDX-License-Identifier: MIT
# Unix citizenship of every program (sourced by tests/run.sh): -h/--help to
# stdout with status 0, --version one line, a usage error is one line naming
# the problem and one "Try 'PROG --help'" line on stderr, status 2. A program whose source is not in the tree yet is skipped (with a
# SKIP line); once bin/pg-X.c exists its cases run and fail if it is missing.

for p in $PG_PROGS; do
	have_prog $p || continue
	tc "$p --help: usage on stdout, exit 0" 0 "~^[Uu]sage: $p " '' "$p --help"
	tc "$p -h is --help" 0 "@$OUT/$p.help" '' "$p --help >$OUT/$p.help; $p -h"
	tc "$p --help: the synopsis line is first" 0 "~^[Uu]sage: $p " '' "$p --help | head -n 1"
	tc "$p --version: one line" 0 "~^$p \\(pg-tools\\) [0-9][0-9.]*\$" '' \
		"$p --version | wc -l | grep -qx 1 && $p --version"
	tc "$p: unknown long option: the problem and Try, exit 2" 2 '' "$p: unrecognized option '--no-such-option'
Try '$p --help' for more information." "$p --no-such-option"
	tc "$p: unknown short option: the problem and Try, exit 2" 2 '' "$p: invalid option -- 'Z'
Try '$p --help' for more information." "$p -Z"
	tc "$p: bad --format: the problem and Try, exit 2" 2 '' "~^$p: invalid --format 'xml': want tsv" "$p --format xml"
	tc "$p --help to a closed pipe: quiet" 0 '' '' "$p --help | true"
	tc "$p --help to a full disk: write error, exit 2" 2 '' "~^$p: write error" \
		"test -w /dev/full || { echo '$p: write error: (no /dev/full)' >&2; exit 2; }; $p --help >/dev/full"
done

# Missing operands: only pg-diff has required ones (OLD NEW); the others read
# standard input when given no FILE.
if have_prog pg-diff; then
	tc "pg-diff: no operand: says so, exit 2" 2 '' "pg-diff: missing operands: pg-diff compares two fact streams, OLD NEW
Try 'pg-diff --help' for more information." 'pg-diff'
	tc "pg-diff: one operand: says which is missing, exit 2" 2 '' "~^pg-diff: missing operand after 'fixtures/spec/seed.facts.tsv'" \
		'pg-diff fixtures/spec/seed.facts.tsv'
	tc "pg-diff: three operands: names the extra one, exit 2" 2 '' "~^pg-diff: extra operand " \
		'pg-diff fixtures/spec/seed.facts.tsv fixtures/spec/seed.facts.tsv fixtures/spec/seed.facts.tsv'
fi
for p in pg-extract pg-normalize pg-sum; do
	have_prog $p || continue
	tc "$p: missing file: named on stderr, exit 2" 2 '*' "~^$p: no/such/file: No such file or directory" \
		"$p no/such/file"
done
# An option that wants an argument and has none.
have_prog pg-extract && tc "pg-extract -d without NAME: exit 2" 2 '' "~requires an argument -- 'd'" 'pg-extract -d'
have_prog pg-sum && tc "pg-sum -g without COLS: exit 2" 2 '' "~requires an argument -- 'g'" 'pg-sum -g'
have_prog pg-diff && tc "pg-diff -f without LIST: exit 2" 2 '' "~requires an argument -- 'f'" 'pg-diff -f'
