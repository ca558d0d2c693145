# SPDX-License-Identifier: MIT
# Input size and memory (issue 18; sourced by tests/run.sh). A regular file
# is refused by its size before it is read, and a file of exactly the limit
# is read; a stream is read to one byte past the limit at most. Peak memory
# (GNU time, plain builds only: the sanitizers' shadow memory swamps it) is
# bounded as docs/limits.md states. Skipped under valgrind (256 MB reads).
HS=$OUT/hostile-size
mkdir -p "$HS"
S=fixtures/seed/000_d5b089058c1ce7ac.txt
HDR=$(printf 'doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc')
PLAIN=1
case $BUILD in *asan*) PLAIN= ;; esac
# peak KB CMD: a command line for ok: CMD's peak resident memory is under KB
peak() {
	echo "/usr/bin/time -f %M -o $HS/peak.txt $2 >/dev/null 2>&1; kb=\$(tail -n 1 $HS/peak.txt); echo peak \$kb KB; test \$kb -lt $1"
}
if [ -z "$VG" ]; then
	# exactly 268435456 bytes (the seed, then NULs: a sparse file) is read
	cp $S "$HS/exact.txt" && truncate -s 268435456 "$HS/exact.txt"
	pg-extract -H $S | cut -f2- >"$HS/seed.f"
	tc "a file of exactly 256 MiB: read" 0 '' \
		"pg-extract: $HS/exact.txt:37: warning: 268424596 NUL byte(s) dropped, the first here" \
		"pg-extract -H $HS/exact.txt | cut -f2- | cmp - $HS/seed.f"
	# decoding holds the bytes and their UTF-8 copy: 2 x 256 MiB and the rest
	[ -n "$PLAIN" ] && ok "a file of exactly 256 MiB: under 540 MB" \
		"$(peak 552960 "$BUILD/bin/pg-extract $HS/exact.txt")"
	# one byte more: refused by its size, nothing read
	cp "$HS/exact.txt" "$HS/over.txt" && truncate -s 268435457 "$HS/over.txt"
	tc "a file of 256 MiB + 1 byte: refused" 2 "$HDR" \
		"pg-extract: $HS/over.txt: input larger than 268435456 bytes" "pg-extract $HS/over.txt"
	[ -n "$PLAIN" ] && ok "a file of 256 MiB + 1 byte: refused under 16 MB" \
		"$(peak 16384 "$BUILD/bin/pg-extract $HS/over.txt")"
	rm -f "$HS/exact.txt" "$HS/over.txt"
	# streams without end: read to the limit + 1 byte, then refused; the
	# buffer is the peak (256 MiB + 2 bytes, and the program with its libraries,
	# about 5 MB: the PDF libraries are loaded only for a PDF; under 280 MiB)
	for d in /dev/zero /dev/urandom; do
		tc "$d: refused at the limit" 2 "$HDR" "pg-extract: $d: input larger than 268435456 bytes" \
			"pg-extract $d"
		[ -n "$PLAIN" ] && ok "$d: under 280 MiB" "$(peak 286720 "$BUILD/bin/pg-extract $d")"
	done
	# a single 100 MB line: the raw bytes are freed once decoded (300 MB before)
	head -c 100000000 /dev/zero | tr '\0' a >"$HS/line.txt"
	tc "a single 100 MB line: cut, no form" 2 "$HDR" \
		"pg-extract: $HS/line.txt:1: warning: field 1 longer than 1048576 bytes: cut
pg-extract: $HS/line.txt: no 绩效目标表 found" "pg-extract $HS/line.txt"
	[ -n "$PLAIN" ] && ok "a single 100 MB line: under 256 MB" \
		"$(peak 262144 "$BUILD/bin/pg-extract $HS/line.txt")"
	rm -f "$HS/line.txt"
fi
