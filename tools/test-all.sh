#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Build and run the whole suite twice: plain, then under ASan+UBSan.
# Prints each suite's failures, then one total line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
J=${JOBS:-$(nproc 2>/dev/null || echo 2)}
total_p=0 total_f=0 broken=0
run_suite() {
	local label=$1
	shift
	local log
	log=$(mktemp)
	if ! make -s -j"$J" "$@" all tools >"$log" 2>&1; then
		cat "$log"
		echo "$label: build failed"
		broken=1
		rm -f "$log"
		return
	fi
	make -s "$@" check >"$log" 2>&1
	grep -v ' passed, [0-9]* failed$' "$log"
	local last
	last=$(tail -n 1 "$log")
	echo "$label: $last"
	local p f
	p=$(printf '%s' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(printf '%s' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		broken=1
	else
		total_p=$((total_p + p))
		total_f=$((total_f + f))
	fi
	rm -f "$log"
}
run_suite plain
ASAN="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
ASAN_OPTIONS=detect_leaks=1 run_suite asan BUILD=build/asan CFLAGS="$ASAN" LDFLAGS="$ASAN"
[ $broken = 1 ] && total_f=$((total_f + 1))
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
