#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The test runner: unit test programs, then the CLI cases in tests/cli/*.sh.
# Ends with one line "N passed, N failed"; exits 1 on any failure.
# Environment: BUILD (where bin/ and tests/unit/ binaries are, default .),
# VALGRIND=1 to run every program under valgrind, ONLY=glob to pick cli files.
set -u
cd "$(dirname "$0")/.."
TOP=$PWD
BUILD=${BUILD:-.}
mkdir -p "$BUILD" && BUILD=$(cd "$BUILD" && pwd)
export BUILD TOP
export LC_ALL=C.UTF-8 TZ=UTC
# library-lifetime memory (fontconfig) is not reported as leaks under ASan
export LSAN_OPTIONS="suppressions=$TOP/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
PASS=0
FAIL=0
tag=$(printf '%s' "${BUILD#"$TOP"}" | tr -c 'A-Za-z0-9\n' _)
OUT=$TOP/tests/out/${tag:-plain}
rm -rf "$OUT"
mkdir -p "$OUT"
export OUT

VG=""
if [ "${VALGRIND:-0}" = 1 ]; then
	VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
fi
export VG

# Programs are called through pg_* wrappers so VALGRIND applies everywhere.
mkdir -p "$OUT/path"
for p in "$BUILD"/bin/pg-*; do
	[ -x "$p" ] || continue
	n=$(basename "$p")
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VG" "$p" >"$OUT/path/$n"
	chmod +x "$OUT/path/$n"
done
export PATH="$OUT/path:$PATH"

for u in "$BUILD"/tests/unit/test_*; do
	[ -x "$u" ] || continue
	case $u in *.c) continue ;; esac
	res=$($VG "$u" 2>&1)
	st=$?
	line=$(printf '%s\n' "$res" | tail -n 1)
	p=$(printf '%s\n' "$line" | sed -n 's/^unit .*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(printf '%s\n' "$line" | sed -n 's/^unit .*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ] || [ $st -ne 0 ] && [ "${f:-0}" = 0 ]; then
		printf '%s\n' "$res" | tail -n 20
		echo "FAIL unit $(basename "$u"): exit $st"
		FAIL=$((FAIL + 1))
		continue
	fi
	[ "$f" != 0 ] && printf '%s\n' "$res" | grep '^FAIL'
	PASS=$((PASS + p))
	FAIL=$((FAIL + f))
done

# shellcheck source=tests/lib.sh
. "$TOP/tests/lib.sh"
for t in "$TOP"/tests/cli/${ONLY:-*}.sh; do
	[ -f "$t" ] || continue
	cd "$TOP"
	T_FILE=$(basename "$t" .sh)
	. "$t"
done

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
