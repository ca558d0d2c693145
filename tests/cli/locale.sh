# SPDX-License-Identifier: MIT
# Locale independence (sourced by tests/run.sh): the programs write the same
# bytes, on stdout and stderr, under LC_ALL=C, C.UTF-8 and de_DE.UTF-8 (a
# locale whose decimal separator is a comma). de_DE.UTF-8 is used when the
# system has it, else compiled with localedef into tests/out/locale (no root
# needed: LOCPATH), which wants the `locales` package (TEST_PKGS). Only the
# programs in this tree run; the pipeline grows as they land.

DE=de_DE.UTF-8
DE_ENV=""
if ! locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\{0,1\}8'; then
	LOCDIR=$TOP/tests/out/locale
	if [ ! -d "$LOCDIR/$DE" ]; then
		# Built aside and renamed, so two suites running at once do not race.
		mkdir -p "$LOCDIR"
		localedef -i de_DE -f UTF-8 "$LOCDIR/$DE.$$" >"$OUT/localedef.log" 2>&1 &&
			mv -T "$LOCDIR/$DE.$$" "$LOCDIR/$DE" 2>/dev/null
		rm -rf "${LOCDIR:?}/$DE.$$"
	fi
	DE_ENV="LOCPATH=$LOCDIR"
fi
tc "$DE is usable and its decimal separator is a comma" 0 ',' '' \
	"env $DE_ENV LC_ALL=$DE locale decimal_point"

# The static half: nothing switches locales or formats binary floating point.
tc "no setlocale in lib/ or bin/ (ctype, collation and numbers stay C)" 1 '' '' \
	"grep -n 'setlocale' lib/*.c bin/*.c"
tc "no floating-point conversions in lib/ or bin/ (strtod, atof, printf %f)" 1 '' '' \
	"grep -nE '\\<(strto(d|f|ld)|atof)\\(|\"[^\"]*%[-+ #0-9.*]*[aAeEfFgG][^\"]*\"' lib/*.c bin/*.c"

# Run every program this tree has on the fixtures, writing $1/NAME.out and
# $1/NAME.err; then compare the directories of the three locales.
DOCS="fixtures/seed/000_d5b089058c1ce7ac.txt fixtures/project/three-projects.html fixtures/years/2025/rd.txt"
locale_run() {
	local d=$OUT/locale.$1
	shift
	mkdir -p "$d"
	local E="env $*"
	(
		$E pg-extract $DOCS >"$d/extract.out" 2>"$d/extract.err"
		$E pg-extract no/such/file fixtures/hostile/notform.txt >"$d/extract-bad.out" 2>"$d/extract-bad.err"
		if have_prog pg-normalize >/dev/null; then
			$E pg-normalize <"$d/extract.out" >"$d/norm.out" 2>"$d/norm.err"
			$E pg-normalize fixtures/spec/seed.facts.tsv no/such/file >"$d/norm-bad.out" 2>"$d/norm-bad.err"
			if have_prog pg-sum >/dev/null; then
				$E pg-sum <"$d/norm.out" >"$d/sum.out" 2>"$d/sum.err"
				$E pg-sum --totals --all-units "$d/norm.out" >"$d/totals.out" 2>"$d/totals.err"
			fi
		fi
		if have_prog pg-sum >/dev/null; then
			$E pg-sum fixtures/spec/seed.facts.tsv fixtures/sum/two-docs.tsv >"$d/sum2.out" 2>"$d/sum2.err"
			$E pg-sum -g dept,section,key fixtures/sum/two-docs.tsv >"$d/totals2.out" 2>"$d/totals2.err"
			$E pg-sum fixtures/sum/overflow-sum.tsv >"$d/sum-bad.out" 2>"$d/sum-bad.err"
		fi
		if have_prog pg-diff >/dev/null; then
			$E pg-diff -a fixtures/diff/2024.facts.tsv fixtures/diff/2025.facts.tsv >"$d/diff.out" 2>"$d/diff.err"
			$E pg-diff --format markdown fixtures/diff/2024.facts.tsv fixtures/diff/2025.facts.tsv >"$d/diffmd.out" 2>"$d/diffmd.err"
		fi
	)
}
locale_run C LC_ALL=C
locale_run C.UTF-8 LC_ALL=C.UTF-8
locale_run $DE $DE_ENV LC_ALL=$DE
have_prog pg-normalize >/dev/null || echo "SKIP locale: the pipeline is pg-extract alone until pg-normalize lands"

tc "the runs wrote output" 0 '' '' "test -s $OUT/locale.C/extract.out && test -s $OUT/locale.C/extract-bad.err"
tc "C.UTF-8: the same bytes as C" 0 '' '' "diff -r $OUT/locale.C $OUT/locale.C.UTF-8"
tc "$DE: the same bytes as C" 0 '' '' "diff -r $OUT/locale.C $OUT/locale.$DE"
tc "LANG and LC_NUMERIC alone: the same bytes as C" 0 '' '' \
	"env -u LC_ALL LANG=$DE LC_NUMERIC=$DE $DE_ENV pg-extract $DOCS | cmp - $OUT/locale.C/extract.out"
