# SPDX-License-Identifier: MIT
# The manuals (sourced by tests/run.sh): every page lints clean with mandoc
# (installed by `make test`: TEST_PKGS in the Makefile), has the sections a
# reader looks for, and documents exactly the long options of its program's
# --help (both ways), so a new option cannot land without its manual.

MAN_SECTIONS="NAME SYNOPSIS DESCRIPTION OPTIONS EXIT_STATUS EXAMPLES SEE_ALSO"

# The long options a text names (--word), one a line, sorted and unique.
long_opts() { grep -oE -- '--[a-z][a-z0-9-]*' | LC_ALL=C sort -u; }

# A rendered page's section $2 (plain text, no overstrike).
man_section() {
	mandoc -T ascii "$1" | col -b | awk -v s="$2" '/^[A-Z]/ { on = ($0 == s) } on'
}

if command -v mandoc >/dev/null 2>&1; then
	for m in man/pg-facts.5 $(for p in $PG_PROGS; do echo man/$p.1; done); do
		tc "$m exists" 0 '' '' "test -s $m"
		tc "$m: mandoc -T lint -W warning is clean" 0 '' '' "mandoc -T lint -W warning $m"
		for s in $MAN_SECTIONS; do
			case $m:$s in *.5:OPTIONS | *.5:EXIT_STATUS) continue ;; esac
			s=$(echo $s | tr _ ' ')
			tc "$m has section $s" 0 '' '' "mandoc -T ascii $m | col -b | grep -qx '$s'"
		done
	done
	for p in $PG_PROGS; do
		have_prog $p || continue
		$p --help 2>/dev/null | long_opts >"$OUT/$p.help.opts"
		man_section man/$p.1 OPTIONS | long_opts >"$OUT/$p.man.opts"
		tc "man/$p.1 OPTIONS and $p --help name the same long options" 0 '' '' \
			"test -s $OUT/$p.help.opts && diff -u $OUT/$p.help.opts $OUT/$p.man.opts"
	done
	if command -v man >/dev/null 2>&1; then
		for m in man/*.[15]; do
			n=${m#man/}
			tc "man -l $m renders, NAME first" 0 "~^ +${n%.?} (-|—|–) " '' \
				"MANPAGER=cat MANWIDTH=80 man -l $m 2>/dev/null | col -b | sed -n '/^NAME/{n;p;q}'"
		done
	fi
else
	echo "SKIP man: mandoc is not installed (make deps installs it)"
fi

# The EXAMPLES of each page, rendered, hold their commands as written: roff
# must not eat a backslash (`awk -F'\t'` once rendered as `awk -F''`). Each
# page's rendered examples are compared with the lines of its .Bd -literal
# blocks, with roff's own escapes (\e, \-, \(aq) undone by hand.
if command -v mandoc >/dev/null 2>&1; then
	for m in man/*.[15]; do
		awk '/^\.Sh EXAMPLES/ { on = 1; next } /^\.Sh / { on = 0 }
		on && /^\.Bd -literal/ { lit = 1; next } /^\.Ed/ { lit = 0 }
		on && lit && !/^\./' "$m" |
			sed 's/\\e/\\/g; s/\\-/-/g; s/\\(aq/'"'"'/g' >"$OUT/${m#man/}.examples"
		mandoc -T utf8 "$m" | col -bx | awk '/^[A-Z]/ { on = ($0 == "EXAMPLES") } on' >"$OUT/${m#man/}.rendered"
		tc "$m: EXAMPLES render as written" 0 '' '' \
			"test -s $OUT/${m#man/}.examples && while IFS= read -r l; do grep -qF -- \"\$(printf '%s' \"\$l\" | sed 's/^ *//')\" $OUT/${m#man/}.rendered || { echo \"missing: \$l\"; exit 1; }; done <$OUT/${m#man/}.examples"
	done
	tc "pg-facts(5): the awk example keeps its \\t" 0 '' '' \
		"mandoc -T ascii man/pg-facts.5 | col -b | grep -qF \"awk -F'\\\\t' 'NR > 1\""
fi
