# SPDX-License-Identifier: MIT
# Bash completion (sourced by tests/run.sh): completion/pg-tools.bash,
# loaded in a bash that has nothing else, completes each program's long
# options (exactly those of its --help), --format's words, -g's column
# names, and files by kind.

if command -v bash >/dev/null 2>&1; then
	CD=$OUT/comp
	rm -rf "$CD" && mkdir -p "$CD/dir" && touch "$CD/a.tsv" "$CD/b.html" "$CD/c.txt" "$CD/d.xlsx" "$CD/e.md" "$CD/f.TSV"
	# comp WORD...: the completions of the last word, sorted, on one line
	cat >"$OUT/comp.sh" <<'EOS'
. completion/pg-tools.bash
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
_pg_tools
[ ${#COMPREPLY[@]} = 0 ] || { printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; echo; }
EOS
	comp() { printf 'bash %s/comp.sh' "$OUT"; printf " '%s'" "$@"; }
	for p in $PG_PROGS; do
		have_prog $p || continue
		want=$($p --help | grep -oE -- '--[a-z][a-z-]*' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')
		tc "$p: -- completes the long options of --help" 0 "$want" '' "$(comp $p --)"
		tc "$p --format: tsv and csv" 0 "~^csv (html markdown |markdown )?tsv\$" '' "$(comp $p --format '')"
	done
	tc "pg-diff --format m: markdown" 0 'markdown' '' "$(comp pg-diff --format m)"
	tc "pg-sum -g year,de: the column after the comma" 0 'year,dept' '' "$(comp pg-sum -g year,de)"
	tc "pg-extract: documents and directories, not a .md" 0 \
		"$CD/a.tsv $CD/b.html $CD/c.txt $CD/d.xlsx $CD/dir/ $CD/f.TSV" '' "$(comp pg-extract "$CD/")"
	tc "pg-normalize: fact streams (.tsv) and directories" 0 "$CD/a.tsv $CD/dir/ $CD/f.TSV" '' \
		"$(comp pg-normalize "$CD/")"
	tc "pg-diff -a: options after an option" 0 '--all' '' "$(comp pg-diff -a --al)"
	tc "an unknown program: nothing" 0 '' '' "$(comp pg-other --)"
fi
