# Hostile HTML, round two (issue 18; sourced by tests/run.sh). Pages that
# gumbo 0.10 took minutes on, because the old nesting pre-scan read their
# tags otherwise than the HTML5 tokenizer: each must end within a generous
# timeout (plain: well under a second each, docs/limits.md) with its message.
# The large inputs come from fixtures/hostile/gen.sh. Bounds: TMO seconds
# (2 plain, where the old reading took 4 s to minutes; more under the
# sanitizers and valgrind) and, plain only, the peak memory in MB measured
# by GNU time (the sanitizers' shadow memory would swamp it).
HH=$OUT/hostile-html
fixtures/hostile/gen.sh "$HH" >/dev/null
TMO=2 PLAIN=1
case $BUILD in *asan*) TMO=60 PLAIN= ;; esac
[ -n "$VG" ] && TMO=600 PLAIN=
# peak_mb MB CMD: a command line for ok: CMD's peak resident memory (GNU
# time) is under MB
peak_mb() {
	echo "/usr/bin/time -f %M -o $OUT/peak.txt $2 >/dev/null 2>&1; kb=\$(tail -n 1 $OUT/peak.txt); echo peak \$kb KB; test \$kb -lt $(($1 * 1024))"
}
HDR=$(printf 'doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc')
DEEP='warning: HTML elements nested deeper than 1000: rest of the text not read'
COSTLY='warning: HTML too costly to parse (tags times their nesting over 10000000): rest of the text not read'
NOFORM='no 绩效目标表 found'
# name, then the expected warning ('' for none)
for c in "selfclose:$DEEP" "emptycomment:$DEEP" "quoteattr:$DEEP" "svgstyle:" "strayend:" \
	"strayp:$COSTLY" "deepbr:$COSTLY" "reconstruct:" "siblings:" "longnames:"; do
	n=${c%%:*} w=${c#*:}
	f=$HH/$n.html
	if [ -n "$w" ]; then want="pg-extract: $f:1: $w
pg-extract: $f: $NOFORM"; else want="pg-extract: $f: $NOFORM"; fi
	tc "hostile HTML $n: ends in time, with its message" 2 "$HDR" "$want" "timeout $TMO pg-extract $f"
done
# 999,000 nested elements with long names (22 MB): 288 MB before, now the
# tags are dropped before gumbo sees them
[ -n "$PLAIN" ] && ok "999,000 nested long-named elements: under 100 MB" \
	"$(peak_mb 100 "$BUILD/bin/pg-extract $HH/longnames.html")"
