# SPDX-License-Identifier: MIT
# pg-extract --files-from LIST (sourced by tests/run.sh): the documents named
# in a list, one a line or NUL-separated (-0), give the same stream as the
# same names given as operands, in list order; bad names are reported with
# the list's name and line, and the other names are still read.
have_prog pg-extract || return 0
FF=$OUT/filesfrom
rm -rf "$FF"
mkdir -p "$FF"
SEED=fixtures/seed/000_d5b089058c1ce7ac.txt
cp "$SEED" "$FF/with space.txt"
cp fixtures/project/three-projects.html "$FF/$(printf 'new\nline.html')"
cp fixtures/years/2025/rd.txt "$FF/plain.txt"
# the expected stream: the same files as operands, in list order
(cd "$FF" && pg-extract -q "with space.txt" "$(printf 'new\nline.html')" plain.txt) >"$FF/want.tsv"
printf 'with space.txt\0new\nline.html\0plain.txt\0' >"$FF/list0"
printf 'with space.txt\nplain.txt' >"$FF/list-nolf" # the last name has no LF

tc "-0: names with a space and a newline, same stream as operands" 0 "@$FF/want.tsv" '' \
	"cd $FF && pg-extract -q --files-from list0 -0"
tc "-0 from standard input" 0 "@$FF/want.tsv" '' \
	"cd $FF && pg-extract -q --files-from - -0 <list0"
tc "the newline in a name: its doc id is escaped in the stream" 0 'new\nline
new\nline#2
new\nline#3' '' \
	"cd $FF && pg-extract -q --files-from list0 -0 | cut -f1 | grep -F 'line' | sort -u"
tc "one name a line, the last without LF" 0 \
	"@$FF/want-nolf.tsv" '' \
	"cd $FF && pg-extract -q 'with space.txt' plain.txt >want-nolf.tsv && pg-extract -q --files-from list-nolf"
tc "list order is output order" 0 'plain
with space' '' \
	"cd $FF && printf 'plain.txt\nwith space.txt\n' | pg-extract -q --files-from - | cut -f1 | uniq | tail -n +2"
tc "-H and -d apply to every listed document" 0 'x' '' \
	"cd $FF && printf 'plain.txt\nwith space.txt\n' | pg-extract -qH -d x --files-from - | cut -f1 | sort -u"
tc "an empty name: error with the list's line, the rest still read" 2 '1' \
	'pg-extract: -:2: empty file name' \
	"cd $FF && printf 'plain.txt\n\nplain.txt\n' | pg-extract -q --files-from - >o; st=\$?; cut -f1 o | uniq | grep -c '^plain\$'; exit \$st"
tc "a missing file in the list: its error, the others read" 2 '2' \
	'pg-extract: nope.txt: No such file or directory' \
	"cd $FF && printf 'nope.txt\nplain.txt\n' | pg-extract -q --files-from - >o; st=\$?; cut -f1 o | sort -u | wc -l; exit \$st"
tc "'-' in a list read from standard input" 2 "doc$(printf '\t')year" \
	"pg-extract: -:1: '-' (standard input) in a list read from standard input" \
	"printf -- '-\n' | pg-extract -q --files-from - >$FF/o; st=\$?; cut -f1-2 $FF/o; exit \$st"
tc "'-' in a list file is standard input" 0 '000_d5b089058c1ce7ac' '' \
	"printf -- '-\n' >$FF/dash && pg-extract -q -d 000_d5b089058c1ce7ac --files-from $FF/dash <$SEED | cut -f1 | tail -n 1"
tc "a name longer than 4096 bytes: error, memory bounded, next name read" 2 '1' \
	"pg-extract: -:1: file name longer than 4096 bytes" \
	"cd $FF && { head -c 100000 /dev/zero | tr '\\\\0' a; printf '\nplain.txt\n'; } | pg-extract -q -H --files-from - >o; st=\$?; cut -f1 o | sort -u | wc -l; exit \$st"
tc "a list that cannot be opened" 2 "doc$(printf '\t')year" \
	"pg-extract: $FF/none: No such file or directory" \
	"pg-extract -q --files-from $FF/none >$FF/o; st=\$?; cut -f1-2 $FF/o; exit \$st"
tc "an empty list: the header only" 0 "@$FF/hdr" '' \
	"pg-extract -q plain.txt 2>/dev/null | head -n 1 >$FF/hdr; pg-extract --files-from /dev/null"
tc "--files-from with FILE operands: usage error" 2 '' \
	'~--files-from and FILE operands cannot be mixed' "pg-extract --files-from - $SEED </dev/null"
tc "-0 without --files-from: usage error" 2 '' '~needs --files-from' "pg-extract -0 $SEED"
