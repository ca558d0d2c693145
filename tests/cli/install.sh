# SPDX-License-Identifier: MIT
# make install / make uninstall (sourced by tests/run.sh): with DESTDIR and
# PREFIX, the programs go to PREFIX/bin and the manuals to
# PREFIX/share/man/man1 and man5, the bash completion to
# PREFIX/share/bash-completion/completions/PROG; uninstall removes exactly those files and
# leaves the (possibly shared) directories. The build under test is the one
# in $BUILD (make reads BUILD from the environment); make's own flags from an
# outer make are dropped so a nested make does not complain about jobservers.

INST=$OUT/inst
rm -rf "$INST"
printf '#!/bin/sh\nexec env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory "$@"\n' >"$OUT/mkmake"
chmod +x "$OUT/mkmake"
# The files install is expected to put there.
{
	for p in $PG_PROGS; do
		[ -f bin/$p.c ] || continue
		echo "/opt/pg/bin/$p"
		echo "/opt/pg/share/bash-completion/completions/$p"
		[ -f man/$p.1 ] && echo "/opt/pg/share/man/man1/$p.1"
	done
	for m in man/*.5; do echo "/opt/pg/share/man/man5/${m#man/}"; done
} | LC_ALL=C sort >"$OUT/inst.want"

tc "make install DESTDIR PREFIX: exit 0, quiet" 0 '' '' \
	"$OUT/mkmake install DESTDIR=$INST PREFIX=/opt/pg"
tc "installed: exactly the programs of this tree and the manuals" 0 "@$OUT/inst.want" '' \
	"cd $INST && find . ! -type d | sed 's/^\.//' | LC_ALL=C sort"
tc "installed programs are executable and run" 0 '~^pg-extract \(pg-tools\)' '' \
	"$INST/opt/pg/bin/pg-extract --version"
tc "installed programs are the build under test" 0 '' '' \
	"for f in $INST/opt/pg/bin/*; do cmp -s \$f $BUILD/bin/\${f##*/} || exit 1; done"
tc "installed manuals: mode 644, programs 755" 0 '' '' \
	"test -z \"\$(find $INST -type f \\( -path '*/man/*' ! -perm 644 -o -path '*/completions/*' ! -perm 644 -o -path '*/bin/*' ! -perm 755 \\))\""
tc "installed completion: bash loads it and completes an option" 0 '--totals' '' \
	"bash -c '. $INST/opt/pg/share/bash-completion/completions/pg-sum; COMP_WORDS=(pg-sum --to); COMP_CWORD=1; _pg_tools; echo \"\${COMPREPLY[*]}\"'"
if command -v man >/dev/null 2>&1; then
	tc "man finds an installed page through MANPATH" 0 "$INST/opt/pg/share/man/man5/pg-facts.5" '' \
		"MANPATH=$INST/opt/pg/share/man man -w 5 pg-facts"
fi
tc "make uninstall with the same variables: exit 0, quiet" 0 '' '' \
	"$OUT/mkmake uninstall DESTDIR=$INST PREFIX=/opt/pg"
tc "after uninstall: no files left, the directories stay" 0 '/opt/pg/bin
/opt/pg/share/man/man1
/opt/pg/share/man/man5' '' \
	"cd $INST && test -z \"\$(find . ! -type d)\" && find . -type d -empty | sed 's/^\.//' | LC_ALL=C sort | grep -v completions"
tc "uninstall leaves files it did not install" 0 '' '' \
	"mkdir -p $INST/opt/pg/bin && : >$INST/opt/pg/bin/other && $OUT/mkmake install DESTDIR=$INST PREFIX=/opt/pg && $OUT/mkmake uninstall DESTDIR=$INST PREFIX=/opt/pg && test \"\$(cd $INST && find . ! -type d)\" = ./opt/pg/bin/other"
tc "MANDIR moves the manuals" 0 '' '' \
	"rm -rf $INST && $OUT/mkmake install DESTDIR=$INST PREFIX=/opt/pg MANDIR=/opt/pg/man && test -f $INST/opt/pg/man/man5/pg-facts.5 && $OUT/mkmake uninstall DESTDIR=$INST PREFIX=/opt/pg MANDIR=/opt/pg/man && test -z \"\$(find $INST ! -type d)\""
rm -rf "$INST"
