# SPDX-License-Identifier: MIT
# shapes: one form in every shape users receive gives the same facts.
# The renderings are made by bench/gen from fact streams:
# fixtures/shapes/regen.sh regenerates them (--check: they are current).
#
# For each rendering R of form F, the normalized facts without doc and src
# (cut -f2-11) equal those of F's shape-a rendering; for the seed they also
# equal fixtures/spec/seed.facts.tsv; GB18030 and UTF-16 renderings give the
# same raw facts as their UTF-8 twins; --strict exits 1 exactly on the
# renderings that carry a row the form does not define (names with -undef);
# a file with two forms gives doc ids X and X#2.
SH=fixtures/shapes

# nf FILE [DOC] [COLS]: the command printing FILE's normalized facts, without
# the header, only document DOC when given, columns COLS (default 2-11).
nf() {
	printf "pg-extract %s | pg-normalize | awk -F'\\\\t' 'NR>1 && (\"%s\"==\"\" || \$1==\"%s\")' | cut -f%s" \
		"$1" "${2:-}" "${2:-}" "${3:-2-11}"
}
# same NAME CMD1 CMD2: both commands print the same, non-empty, text.
same() {
	ok "$1" "($2) >\"\$OUT/sh.1\" && ($3) >\"\$OUT/sh.2\" && test -s \"\$OUT/sh.1\" && diff -u \"\$OUT/sh.1\" \"\$OUT/sh.2\""
}
raw() {
	printf "pg-extract %s | cut -f2-11" "$1"
}

# --- the seed: its own document, its facts, and every rendering
SEEDDOC=fixtures/seed/000_d5b089058c1ce7ac.txt
SEEDFACTS="tail -n +2 fixtures/spec/seed.facts.tsv | cut -f2-11"
same "seed-a = spec facts" "$(nf $SH/seed-a.txt)" "$SEEDFACTS"
same "seed document = spec facts" "$(nf $SEEDDOC)" "$SEEDFACTS"
for r in seed-b.txt seed-c.html seed-c-gb.html seed-d.tsv seed-d.csv seed-d-gb.csv; do
	same "$r = seed-a" "$(nf $SH/$r)" "$(nf $SH/seed-a.txt)"
	same "$r = spec facts" "$(nf $SH/$r)" "$SEEDFACTS"
done
same "seed-c-gb.html raw = seed-c.html" "$(raw $SH/seed-c-gb.html)" "$(raw $SH/seed-c.html)"
same "seed-d-gb.csv raw = seed-d.csv" "$(raw $SH/seed-d-gb.csv)" "$(raw $SH/seed-d.csv)"
same "seed-d.tsv (UTF-16) raw = seed-d.csv" "$(raw $SH/seed-d.tsv)" "$(raw $SH/seed-d.csv)"

# --- deptA: amounts in 元 and split indicator columns in every shape
for r in deptA-b.txt deptA-c.html deptA-c-gb.html deptA-d.tsv deptA-d.csv; do
	same "$r = deptA-a" "$(nf $SH/$r)" "$(nf $SH/deptA-a.txt)"
done
same "deptA-c-gb.html raw = deptA-c.html" "$(raw $SH/deptA-c-gb.html)" "$(raw $SH/deptA-c.html)"
# the facts are in 万元: every column but the raw value text agrees
same "deptA-a = deptA facts (but value)" "$(nf $SH/deptA-a.txt '' 2-7,9-11)" \
	"pg-normalize $SH/deptA.facts.tsv | tail -n +2 | cut -f2-7,9-11"

# --- deptB: full-width text, goal markers (1); some renderings with 备注
for r in deptB-b.txt deptB-c.html deptB-d.tsv deptB-d-gb.csv; do
	same "$r = deptB-a" "$(nf $SH/$r)" "$(nf $SH/deptB-a.txt)"
done
same "deptB-a = deptB facts" "$(nf $SH/deptB-a.txt)" \
	"pg-normalize $SH/deptB.facts.tsv | tail -n +2 | cut -f2-11"
for r in deptB-c-undef.html deptB-d-undef.csv; do
	same "$r = deptB-a-undef" "$(nf $SH/$r)" "$(nf $SH/deptB-a-undef.txt)"
done
same "deptB-a-undef = deptB-a plus 备注" "$(nf $SH/deptB-a-undef.txt) | grep -v '^2024	[^	]*		extra	'" \
	"$(nf $SH/deptB-a.txt)"
for r in deptB-a-undef.txt deptB-c-undef.html deptB-d-undef.csv; do
	tc "$r: 备注 in section extra" 0 "$(printf 'extra\t备注\tc2\t本表金额为预算数')" '*' \
		"pg-extract $SH/$r | awk -F'\\t' '\$5==\"extra\"' | cut -f5-8"
done
same "deptB-d.tsv (UTF-16) raw = deptB-d-gb.csv" "$(raw $SH/deptB-d.tsv)" "$(raw $SH/deptB-d-gb.csv)"

# --- --strict: exit 1 exactly where a row the form does not define is
for r in $SH/*-*.txt $SH/*-*.html $SH/*-*.tsv $SH/*-*.csv; do
	case $r in *.facts.tsv) continue ;; *-undef*) want=1 ;; *) want=0 ;; esac
	tc "--strict $(basename "$r") exits $want" $want '*' '*' "pg-extract --strict $r >/dev/null"
done

# --- two forms in one file
for m in multi-a.txt multi-c.html; do
	X=${m%.*}
	tc "$m: doc ids" 0 "$(printf '%s\n%s#2' "$X" "$X")" '' "pg-extract $SH/$m | tail -n +2 | cut -f1 | uniq"
	same "$m: 2nd form = deptB-a" "$(nf $SH/$m "$X#2")" "$(nf $SH/deptB-a.txt)"
	same "$m: 1st form = deptA-a (but value)" "$(nf $SH/$m "$X" 2-7,9-11)" "$(nf $SH/deptA-a.txt '' 2-7,9-11)"
done

# The committed renderings are what bench/gen makes from their fact streams.
tc "fixtures/shapes are current" 0 'fixtures/shapes: all renderings up to date' '' \
	"GEN=\$BUILD/bench/gen fixtures/shapes/regen.sh --check"

# src locates every value: a line, and a cell number or table coordinates.
for r in $SH/*-*.txt $SH/*-*.html $SH/*-*.tsv $SH/*-*.csv; do
	case $r in *.facts.tsv) continue ;; esac
	ok "src on every fact of $(basename "$r")" \
		"pg-extract -H $r | awk -F'\t' '\$12 !~ /^L[0-9]+(C[0-9]+)?(:?R[0-9]+C[0-9]+)?\$/ {print; bad=1} END{exit bad}'"
done

# A random corpus (bench/gen, fixed seed: every shape, encoding and variation
# at random, two years per department): each file's facts equal the answer
# key gen wrote beside it (normalized; the raw value text aside, since 元
# renderings state amounts in 元).
ok "random corpus: every document gives its answer key" \
	"rm -rf \$OUT/corpus && \$BUILD/bench/gen --random 40 --seed 7 --out \$OUT/corpus >/dev/null && cd \$OUT/corpus && bad=0 && for f in \$(ls | grep -v facts.tsv); do pg-extract -q \$f | pg-normalize | cut -f2-7,9-11 > got; pg-normalize \${f%.*}.facts.tsv | cut -f2-7,9-11 > want; cmp -s got want || { echo \"differs: \$f\"; bad=1; }; done; test \$bad = 0"
