# Hostile input (sourced by tests/run.sh): every case ends in a clear message
# naming the program, the file and the line where there is one, and an honest
# exit status; never a crash, a hang or silently short output. Large inputs
# are generated here into $OUT. Peak memory and time are measured outside the
# suite (docs/limits.md), not here.
SEED=fixtures/seed/000_d5b089058c1ce7ac.txt
PROJ=fixtures/project/three-projects.html
H=$OUT/hostile
mkdir -p "$H"
HDR=$(printf 'doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc')

# --- not a form at all
: >"$H/empty.txt"
tc "empty file" 2 "$HDR" "pg-extract: $H/empty.txt: empty input" "pg-extract $H/empty.txt"
tc "random binary" 2 "$HDR" 'pg-extract: fixtures/hostile/random.bin: cannot determine the text encoding' \
	'pg-extract fixtures/hostile/random.bin'
tc "Chinese text that is not a form" 2 "$HDR" 'pg-extract: fixtures/hostile/notform.txt: no 绩效目标表 found' \
	'pg-extract fixtures/hostile/notform.txt'
tc "a directory as the file" 2 "$HDR" 'pg-extract: fixtures: Is a directory' 'pg-extract fixtures'
if [ "$(id -u)" != 0 ]; then
	cp $SEED "$H/unreadable.txt" && chmod 000 "$H/unreadable.txt"
	tc "unreadable file" 2 "$HDR" "pg-extract: $H/unreadable.txt: Permission denied" "pg-extract $H/unreadable.txt"
fi

# --- fuzzer finds, run through the normal build (check-asan catches UB)
tc "fuzz: a document whose first form has no facts (qsort of NULL)" 0 '*' '*' \
	'pg-extract fixtures/hostile/fuzz/extract-no-facts.txt'

# --- output trouble
tc "output to /dev/full" 2 '' 'pg-extract: write error: No space left on device' "pg-extract $SEED >/dev/full"
# A reader that stops early: quiet, and the pipeline's status is fine
# (SIGPIPE is ignored, EPIPE ends the run with the status so far).
ok "output into a closed pipe" "bash -c 'set -o pipefail; pg-extract \$(for i in \$(seq 300); do printf \"%s \" $SEED; done) 2>$H/pipe.err | head -n 1 >/dev/null' && test ! -s $H/pipe.err"

# --- damaged text
# invalid UTF-8 bytes inside a UTF-8 document: replaced, counted, located
sed '9s/基本支出/基本\xff\xfe支出/' $SEED >"$H/badutf8.txt"
tc "invalid UTF-8 bytes: warning with the line" 0 '*' \
	"~^pg-extract: $H/badutf8.txt:9: warning: 2 invalid byte\\(s\\) replaced by U\\+FFFD \\(read as UTF-8\\), the first here" \
	"pg-extract $H/badutf8.txt"
ok "invalid UTF-8 bytes: the damaged cell is still a fact" "pg-extract $H/badutf8.txt 2>/dev/null | grep -q '基本��支出'"
# NUL bytes: dropped, counted, located; the facts are the seed's
sed '12s/^/\x00\x00/' $SEED >"$H/nul.txt"
tc "NUL bytes: warning with the line" 0 '*' "pg-extract: $H/nul.txt:12: warning: 2 NUL byte(s) dropped, the first here" \
	"pg-extract $H/nul.txt"
ok "NUL bytes: same facts as without them" "pg-extract -H --doc x $H/nul.txt 2>/dev/null | cut -f1-11 >$H/nul.f && pg-extract -H --doc x $SEED | cut -f1-11 | cmp - $H/nul.f"

