# SPDX-License-Identifier: MIT
# tests/lib.sh: the CLI case helpers, sourced by tests/run.sh.
#
#   tc NAME STATUS STDOUT STDERR CMD
#
# runs CMD with sh -c in the top directory and checks its exit status, its
# standard output and its standard error. STDOUT and STDERR are the exact text
# expected (a trailing newline is added unless empty), or @FILE for a golden
# file compared with diff -u, or '*' for anything, or ~REGEX for a grep -E
# match against the whole text. Programs are on PATH (pg-extract ...).

tc() {
	local name=$1 want_st=$2 want_out=$3 want_err=$4 cmd=$5
	local o="$OUT/$T_FILE.$PASS.$FAIL"
	( cd "$TOP" && sh -c "$cmd" ) >"$o.out" 2>"$o.err" </dev/null
	local st=$? bad=""
	[ "$st" = "$want_st" ] || bad="status $st, want $want_st"
	_tc_cmp "$want_out" "$o.out" || bad="$bad${bad:+; }stdout differs"
	_tc_cmp "$want_err" "$o.err" || bad="$bad${bad:+; }stderr differs"
	if [ -z "$bad" ]; then
		PASS=$((PASS + 1))
	else
		FAIL=$((FAIL + 1))
		echo "FAIL $T_FILE: $name: $bad"
		echo "  cmd: $cmd"
		_tc_show "$want_out" "$o.out" stdout
		_tc_show "$want_err" "$o.err" stderr
	fi
}

# ok NAME CMD: a case that passes when CMD (sh -c) exits 0; its output is shown on failure.
ok() {
	local name=$1 cmd=$2
	local o="$OUT/$T_FILE.$PASS.$FAIL"
	if ( cd "$TOP" && sh -c "$cmd" ) >"$o.out" 2>&1 </dev/null; then
		PASS=$((PASS + 1))
	else
		FAIL=$((FAIL + 1))
		echo "FAIL $T_FILE: $name"
		echo "  cmd: $cmd"
		head -n 30 "$o.out" | sed 's/^/  | /'
	fi
}

_tc_cmp() {
	local want=$1 got=$2
	case $want in
	'*') return 0 ;;
	@*) cmp -s "${want#@}" "$got" ;;
	~*) grep -Eq -- "${want#\~}" "$got" ;;
	'') [ ! -s "$got" ] ;;
	*) printf '%s\n' "$want" | cmp -s - "$got" ;;
	esac
}

_tc_show() {
	local want=$1 got=$2 what=$3
	_tc_cmp "$want" "$got" && return 0
	case $want in
	@*) diff -u "${want#@}" "$got" | head -n 40 | sed "s/^/  $what| /" ;;
	*)
		echo "  $what wanted: $want"
		head -c 2000 "$got" | sed "s/^/  $what| /"
		;;
	esac
}

# have_prog NAME: true when bin/NAME.c is in this tree, so NAME's cases must
# run (and fail when the program was not built). Else prints one SKIP line
# and returns 1, for the cases of a program another branch has not landed.
have_prog() {
	[ -f "$TOP/bin/$1.c" ] && return 0
	case " ${_skipped:-} " in
	*" $T_FILE:$1 "*) ;;
	*)
		_skipped="${_skipped:-} $T_FILE:$1"
		echo "SKIP $T_FILE: $1 is not in this tree yet"
		;;
	esac
	return 1
}

# The programs of the project, in pipeline order.
PG_PROGS="pg-extract pg-normalize pg-sum pg-diff"
