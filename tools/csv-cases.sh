# SPDX-License-Identifier: MIT
# csv-cases.sh (sourced): the outputs whose CSV form is checked against
# their TSV form, by tests/cli/csv.sh and tools/csv-roundtrip.sh.
# csv_case NAME FORMAT writes case NAME's output in FORMAT (tsv or csv);
# its exit status is the program's.
CSV_CASES="tricky seed checks totals changes"
csv_case() {
	case $1 in
	tricky) pg-normalize --format "$2" fixtures/csv/tricky.raw.tsv ;;
	seed) pg-extract fixtures/seed/000_d5b089058c1ce7ac.txt | pg-normalize --format "$2" ;;
	checks) pg-normalize fixtures/csv/tricky.raw.tsv | pg-sum --format "$2" fixtures/spec/seed.facts.tsv - ;;
	totals) pg-normalize fixtures/csv/tricky.raw.tsv | pg-sum --totals -g dept,section,key --format "$2" fixtures/diff/2024.facts.tsv - ;;
	changes) pg-normalize fixtures/csv/tricky.raw.tsv | pg-diff --format "$2" fixtures/diff/2024.facts.tsv - ;;
	esac
}
