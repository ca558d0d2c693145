# SPDX-License-Identifier: MIT
# The README cannot rot (sourced by tests/run.sh). It is followed as a new
# user would: in a clean clone of the committed HEAD (git clone), from the
# top, every runnable line in order, in one shell, so that its `export` and
# `cd "$(mktemp -d)"` hold for the lines after them. The PATH is the one a
# new user has: the programs are not on it until the README's set-up line
# puts the clone's bin/ there. The set-up's `make` line is the one line not
# run as written: the programs under test are copied into the clone's bin/
# instead (the suite built them from the same sources, plain or under
# ASan; a second build here would double the suite's time).
#
# Runnable: every line at the left margin of a ```sh block that is not a
# comment; a line ending in `\`, `|`, `&&` or `||` continues on the next.
# ```sh-norun blocks are skipped. A line fails when it exits with status 2
# or more (1 is a program's "found something") or writes to standard error;
# a line starting with `cmp ` must exit 0. `mail` is a stub that files the
# message in the scratch directory's parent.

# readme_lines FILE: "LINENO<TAB>COMMAND" for the runnable lines of FILE
# (continuation lines joined with a \001 byte).
readme_lines() {
	awk '
	function flush() { if (cmd != "") print start "\t" cmd; cmd = "" }
	/^```/ {
		if (infence) { flush(); infence = inblk = 0; next }
		infence = 1
		if ($0 ~ /^```sh[ \t]*$/) inblk = 1
		next
	}
	!inblk { next }
	{
		line = $0
		if (cmd != "") cmd = cmd "\001" line
		else {
			if (line !~ /^[^ \t#]/) next
			start = NR; cmd = line
		}
		if (line ~ /(\\|\||&&)[ \t]*$/) next
		flush()
	}
	END { flush() }' "$1"
}

R=$OUT/readme
rm -rf "$R"
mkdir -p "$R/stub" "$R/tmp" "$R/log"
if git -C "$TOP" rev-parse --git-dir >/dev/null 2>&1 && git clone -q "$TOP" "$R/clone" 2>"$R/clone.err"; then
	printf '#!/bin/sh\n{ echo "mail $*"; cat; } >>"%s/mail.sent"\n' "$R" >"$R/stub/mail"
	chmod +x "$R/stub/mail"
	readme_lines "$R/clone/README.md" >"$R/lines"
	tc "README.md: has runnable lines" 0 '' '' "test -s $R/lines"
	tc "README.md: the set-up puts the clone's bin/ on PATH before any pg- program runs" 0 '' '' \
		"awk -F'\\t' '/export PATH=\"\\\$PWD\\/bin:\\\$PATH\"/ { ok = 1 } /pg-/ && !ok { exit 1 } END { exit !ok }' $R/lines"
	# the new user's PATH: the system's, without the suite's programs
	user_path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vxF "$OUT/path" | paste -sd: -)
	{
		echo "cd '$R/clone' || exit 2"
		echo "export PATH='$R/stub:$user_path' TMPDIR='$R/tmp'"
		while IFS="$(printf '\t')" read -r lno cmd; do
			cmd=$(printf '%s' "$cmd" | tr '\001' '\n')
			if [ "$cmd" = make ]; then
				cmd="cp $OUT/path/pg-* bin/"
			fi
			printf '%s\n' "$cmd" >"$R/log/$lno.cmd"
			printf '{\n%s\n} >%s/log/%s.out 2>%s/log/%s.err\necho $? >%s/log/%s.st\n' \
				"$cmd" "$R" "$lno" "$R" "$lno" "$R" "$lno"
		done <"$R/lines"
	} >"$R/run.sh"
	# the lines run in a scratch directory: a file left in the clone fails
	(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL timeout 300 bash "$R/run.sh" </dev/null >"$R/run.out" 2>&1)
	while IFS="$(printf '\t')" read -r lno cmd; do
		maxst=2
		case $cmd in cmp\ *) maxst=1 ;; esac
		ok "README.md:$lno: $(printf '%s' "$cmd" | tr '\001' ' ' | cut -c1-70)" \
			"cat $R/log/$lno.err; st=\$(cat $R/log/$lno.st 2>/dev/null || echo 'not run'); echo \"exit \$st\"; test \"\$st\" -lt $maxst && test ! -s $R/log/$lno.err"
	done <"$R/lines"
	tc "README.md: the mail recipe mailed the changes" 0 '~^mail -s budget goals: changes 2024 to 2025 budget@example.org' '' \
		"head -n1 $R/mail.sent"
	tc "README.md: nothing was written into the clone but its build (grep finds nothing: 1)" 1 '' '' \
		"cd $R/clone && git status --porcelain --ignored | grep -Ev '^!! (bin/pg-[a-z]+|lib/[a-z_]+\\.o|lib/libpg\\.a)\$'"
else
	echo "SKIP readme: $TOP is not a git checkout (the README test clones it)"
fi
