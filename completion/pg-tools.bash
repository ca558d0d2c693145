# bash completion for pg-extract, pg-normalize, pg-sum and pg-diff: their
# options, --format's and --group's words, and files by kind (documents for
# pg-extract, fact streams for the others; directories always). Standalone:
# needs nothing from the bash-completion package. `make install` puts it in
# $PREFIX/share/bash-completion/completions under each program's name.

_pg_tools()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=""
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
	local prog=${COMP_WORDS[0]##*/} opts="" formats="tsv csv" files
	local cols="doc year dept project section key field value op num unit src"
	case $prog in
	pg-extract)
		opts="--doc --year --no-header --strict --quiet --files-from --null --format --help --version -d -y -H -s -q -0 -h"
		files='@(txt|htm|html|xhtml|csv|tsv|xls|xlsx|doc|docx|pdf|TXT|HTM|HTML|CSV|TSV|XLS|XLSX|DOC|DOCX|PDF)' ;;
	pg-normalize)
		opts="--format --help --version -h"
		files='@(tsv|TSV)' ;;
	pg-sum)
		opts="--quiet --strict --totals --group --all-units --exact --failed --format --help --version -q -g -h"
		files='@(tsv|TSV)' ;;
	pg-diff)
		opts="--all --fields --min-pct --similarity --sorted --absolute-dates --buffer-size --format --help --version -a -f -S -h"
		formats="tsv csv markdown html"
		files='@(tsv|TSV)' ;;
	*) return 0 ;;
	esac
	case $prev in
	--format)
		mapfile -t COMPREPLY < <(compgen -W "$formats" -- "$cur")
		return 0 ;;
	-g | --group)
		local pre="" last=$cur
		case $cur in *,*) pre=${cur%,*}, last=${cur##*,} ;; esac
		mapfile -t COMPREPLY < <(compgen -P "$pre" -W "$cols" -- "$last")
		compopt -o nospace 2>/dev/null
		return 0 ;;
	-d | --doc | -y | --year | -f | --fields | --min-pct | --similarity | -S | --buffer-size)
		return 0 ;;
	esac
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
		return 0
	fi
	local IFS=$'\n' f
	COMPREPLY=()
	shopt -q extglob || { shopt -s extglob; local _pg_reset=1; }
	for f in $(compgen -f -- "$cur"); do
		if [ -d "$f" ]; then
			COMPREPLY+=("$f/")
		elif [[ $f == *.$files ]]; then
			COMPREPLY+=("$f")
		fi
	done
	[ -n "${_pg_reset:-}" ] && shopt -u extglob
	compopt -o filenames 2>/dev/null
	[ ${#COMPREPLY[@]} = 1 ] && [[ ${COMPREPLY[0]} == */ ]] && compopt -o nospace 2>/dev/null
	return 0
}
complete -F _pg_tools pg-extract pg-normalize pg-sum pg-diff
