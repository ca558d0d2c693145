# The README cannot rot (sourced by tests/run.sh). From each ```sh block of
# README.md (its recipes included), run from a scratch copy of the tree,
# every command that starts a line at the left margin and runs a pg-
# program, as `pg-...`, `bin/pg-...` or after a `|`, `;`, `&&`, `||` or
# `xargs [options]`, is run, and so is `make demo`; `make test` is not (it
# would recurse). A line starting with `cmp ` checks a recipe's result and
# must exit 0. Comments, indented lines and other setup lines are not run,
# so a runnable line must stand on its own; a line ending in `\`, `|`, `&&`
# or `||` continues on the next. ```sh-norun blocks are skipped.
#
# The lines of one file run in order, with sh, in one temporary directory
# that looks like the top directory (symlinks to everything but bin/; bin/
# holds the programs under test and their sources), so relative paths work
# and nothing is written into the tree. `mail` is a stub that files the
# message in the directory. A line fails when it exits with status 2 or more
# or writes to standard error (status 1 is a program's "found something").
# A line that names a program not in this tree yet is skipped, and so is the
# rest of its block (it may depend on the skipped line), with one SKIP line.

# readme_lines FILE: "LINENO<TAB>BLOCKNO<TAB>COMMAND" for the runnable lines
# of FILE (continuation lines joined with a \001 byte).
readme_lines() {
	awk '
	function flush() { if (cmd != "") print start "\t" block "\t" cmd; cmd = "" }
	/^```/ {
		if (infence) { flush(); infence = inblk = 0; next }
		infence = 1
		if ($0 ~ /^```sh[ \t]*$/) { inblk = 1; block++ }
		next
	}
	!inblk { next }
	{
		line = $0
		if (cmd != "") { cmd = cmd "\001" line }
		else {
			if (line !~ /^(make demo([ \t]|$)|[^ \t#])/ || line ~ /^make test/) next
			if (line !~ /^(make demo|cmp )/ &&
			    line !~ /(^|[|;&][ \t]*|xargs[^|;&]*[ \t\047"])(\.\/)?(bin\/)?pg-[a-z]+([ \t]|$)/) next
			start = NR; cmd = line
		}
		if (line ~ /(\\|\||&&)[ \t]*$/) next
		flush()
	}
	END { flush() }' "$1"
}

# The programs a command needs: the pg- names in it (make demo: those of the
# Makefile's demo-run recipe).
readme_needs() {
	case $1 in
	make\ demo*) sed -n '/^demo-run:/,/^$/p' Makefile ;;
	*) printf '%s\n' "$1" ;;
	esac | grep -oE '(^|[^A-Za-z0-9_.-])pg-(extract|normalize|sum|diff)([^A-Za-z0-9_.-]|$)' |
		grep -oE 'pg-[a-z]+' | sort -u
}

for md in README.md; do
	[ -f "$md" ] || continue
	tag=$(printf '%s' "$md" | tr -c 'A-Za-z0-9' _)
	dir=$OUT/readme.$tag
	scripts=$OUT/readme.$tag.lines
	rm -rf "$dir" "$scripts"
	mkdir -p "$dir/bin" "$scripts/stub"
	for e in "$TOP"/* "$TOP"/.[!.]*; do
		case ${e##*/} in bin | .git | '.[!.]*') continue ;; esac
		ln -s "$e" "$dir/${e##*/}"
	done
	for e in "$TOP"/bin/*.c "$OUT"/path/pg-*; do
		[ -e "$e" ] && ln -s "$e" "$dir/bin/${e##*/}"
	done
	printf '#!/bin/sh\n{ echo "mail $*"; cat; } >>"%s/mail.sent"\n' "$dir" >"$scripts/stub/mail"
	chmod +x "$scripts/stub/mail"

	readme_lines "$md" >"$scripts/all"
	tc "$md: has runnable lines" 0 '' '' "test -s $scripts/all"
	skipped=0 skipblock=0 ran=0
	while IFS="$(printf '\t')" read -r lno blk cmd; do
		cmd=$(printf '%s' "$cmd" | tr '\001' '\n')
		[ "$blk" = "$skipblock" ] && {
			skipped=$((skipped + 1))
			continue
		}
		missing=""
		for p in $(readme_needs "$cmd"); do
			[ -f "bin/$p.c" ] || missing="$missing $p"
		done
		if [ -n "$missing" ]; then
			skipblock=$blk skipped=$((skipped + 1))
			continue
		fi
		printf '%s\n' "$cmd" >"$scripts/$lno.sh"
		ran=$((ran + 1))
		maxst=2
		case $cmd in cmp\ *) maxst=1 ;; esac
		ok "$md:$lno: $(printf '%s' "$cmd" | head -n 1 | cut -c1-70)" \
			"cd $dir && PATH=$scripts/stub:\$PATH timeout 120 env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL sh $scripts/$lno.sh >$scripts/$lno.out 2>$scripts/$lno.err; st=\$?; cat $scripts/$lno.err; echo \"exit \$st\"; test \$st -lt $maxst && test ! -s $scripts/$lno.err"
	done <"$scripts/all"
	[ $skipped = 0 ] ||
		echo "SKIP readme: $md: $skipped of $((ran + skipped)) runnable lines wait for programs not in this tree yet"
done
