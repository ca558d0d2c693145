/* SPDX-License-Identifier: MIT */
/* diff: what changed between two normalised fact streams (FORMAT.md section
 * 6). Records are matched on (dept, project, section, key, field) and
 * compared group by group of (dept, project, section): one sorted merge
 * serves both the in-memory mode (read all, sort) and the streaming mode
 * (inputs already sorted, memory bounded by the largest group), so both
 * give the same bytes. Renamed task and indicator keys are paired by the
 * character-bigram Dice coefficient. Output is the diff TSV or a markdown
 * report, written to the FILE given. This module does not normalise text or
 * quantities (pg-normalize does), and never prints messages: errors are
 * returned with the file, line and message left in a diff_errors. */
#ifndef PG_DIFF_H
#define PG_DIFF_H

#include <stddef.h>
#include <stdio.h>

#include "dec.h"

/* At most this many (old key, new key) comparisons for rename pairing in
 * one (dept, project, section) group; more is an error, not a slow run. */
#define DIFF_MAX_RENAME_PAIRS (1u << 20)
/* At most this many steps of key comparison (old keys' bytes x new keys +
 * new keys' bytes x old keys) for rename pairing in one group: long keys
 * make each comparison dear, so the number of pairs alone is no bound. */
#define DIFF_MAX_RENAME_WORK (1ull << 28)
#define DIFF_MAX_ERRORS 4
/* Default memory for loading one input without --sorted, bytes: a larger
 * input is sorted in runs written to temporary files ($TMPDIR, else /tmp)
 * and merged (lib/extsort.c), so memory stays bounded at any size. */
#define DIFF_MEM_BUDGET ((size_t)96 << 20)

enum diff_change { DIFF_ADDED, DIFF_REMOVED, DIFF_CHANGED, DIFF_RENAMED, DIFF_SAME, DIFF_NKINDS };
extern const char *const diff_change_name[]; /* indexed by diff_change */
extern const char DIFF_HEADER[];             /* the output header line, no LF */

enum diff_format { DIFF_TSV, DIFF_MARKDOWN, DIFF_HTML };

typedef struct diff_opts {
	int all;    /* print `same` rows too */
	int sorted; /* inputs are sorted: streaming merge */
	int absolute_dates; /* a deadline moving with the form's year is a change */
	enum diff_format format;
	int have_min_pct; /* hide `changed` rows with |pct| < min_pct */
	dec min_pct;
	dec similarity;      /* rename threshold, 0..1 */
	const char **fields; /* compare only these fields; NULL: all. Not owned */
	size_t nfields;
	size_t mem_budget; /* bytes for loading one input (not --sorted) */
} diff_opts;

/* Defaults: everything off, tsv, similarity 0.5, all fields, memory
 * DIFF_MEM_BUDGET. */
void diff_opts_init(diff_opts *o);

typedef struct diff_input {
	FILE *fp;         /* not owned */
	const char *name; /* for messages and the markdown title; not owned */
} diff_input;

typedef struct diff_errors {
	int n;
	struct {
		const char *file; /* one of the input names, or NULL */
		long line;        /* 0 when no line applies */
		char msg[320];
	} e[DIFF_MAX_ERRORS];
} diff_errors;

/* Compare old with new and write the result to out (header first). Returns 0
 * when no difference was printed, 1 when one was (`same` rows do not count),
 * 2 on trouble: then errs says what and where (at most one error per input
 * plus one general), and out holds nothing (in-memory mode) or the rows of
 * the groups before the error (--sorted, tsv). */
int diff_run(const diff_opts *o, diff_input old, diff_input new, FILE *out, diff_errors *errs);

/* -1, 0, 1 as a <, =, > b in the byte order of their escaped TSV form
 * (what LC_ALL=C sort sees in the file). */
int diff_esc_cmp(const char *a, size_t an, const char *b, size_t bn);

/* Character-bigram Dice coefficient of a and b over Unicode code points, as
 * the exact fraction *num / *den: 2 x shared bigrams (as multisets) / total
 * bigrams. Strings without bigrams: 1/1 when equal, else 0/1. */
void diff_dice(const char *a, size_t an, const char *b, size_t bn, long long *num, long long *den);

/* Is num/den >= x? Exact. */
int diff_ratio_ge(long long num, long long den, dec x);

/* Write s as the text of one markdown table cell: `\`, `|` and the other
 * inline markup characters (\ | * _ ` < [ ] ~) backslash-escaped, line breaks and TABs as
 * spaces. */
void diff_md_cell(FILE *out, const char *s, size_t n);

#endif
