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
