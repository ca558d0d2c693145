/* SPDX-License-Identifier: MIT */
/* sum: the arithmetic checks of pg-sum (FORMAT.md section 5) and its
 * --totals mode, over a normalised fact stream. Checks read one document
 * (a contiguous run of records with the same doc) at a time and keep only
 * that document's sums and the facts checked one by one; totals keep one
 * entry per group in a hash table. Numbers are exact (lib/dec); an overflow
 * is an error, never a wrapped value. This module does not normalise text
 * or quantities: a stream that still needs pg-normalize is refused. It
 * writes result rows to the FILE it is given and never prints messages:
 * errors are returned with the message and line kept in the object. */
#ifndef PG_SUM_H
#define PG_SUM_H

#include <stdio.h>

#include "tsv.h"

#define SUM_HEADER "doc\tyear\tdept\tproject\tcheck\tstatus\tlhs\trhs\tdiff\tdetail"
#define SUM_MAX_GROUP_COLS FACT_NCOLS /* -g takes at most this many columns */

/* Validate the quantity columns of the record r holds (FORMAT.md section 4):
 * num must be a canonical decimal (or an ISO date when unit is `date`) within
 * lib/dec's range, and a quantity field whose value is a plain number must
 * have a num. Returns 0, or -1 with a message in err (errsz bytes). */
int sum_validate(const tsv_reader *r, char *err, size_t errsz);

/* --- checks --- */

typedef struct sum_checker sum_checker;

enum sum_format {
	SUM_FORMAT_TSV,    /* the rows of FORMAT.md section 5 */
	SUM_FORMAT_FAILED, /* --failed: one line for people per failing row */
};
typedef struct sum_opts {
	int quiet;  /* only rows that are not ok */
	int exact;  /* no rounding tolerance: equal means equal */
	int strict; /* --failed lists warn rows too */
	enum sum_format format;
} sum_opts;

/* A checker writing rows to out (not owned), as o says (copied). Free with
 * sum_checker_free (NULL is a no-op). */
sum_checker *sum_checker_new(FILE *out, const sum_opts *o);
/* Write the output's header, if its format has one. */
void sum_write_header(const sum_checker *c);
void sum_checker_free(sum_checker *c);

/* Check every document of r, writing rows (without header) to the checker's
 * output as each document ends. Returns 0 at the end of the input, or -1 on
 * error: sum_error() then says what and sum_error_line() where; the
 * document being read when the error struck gives no rows. */
int sum_check_stream(sum_checker *c, tsv_reader *r);
/* How many rows of each status were produced so far (all files). */
long sum_count(const sum_checker *c, const char *status);
const char *sum_error(const sum_checker *c);
long sum_error_line(const sum_checker *c);

/* --- totals --- */

typedef struct sum_totals sum_totals;

/* Parse a comma-separated list of fact column names (`year,dept`) into
 * cols[] (at most SUM_MAX_GROUP_COLS). Returns the count, or -1 with a
 * message in err (errsz bytes) on an unknown, empty or repeated name. */
int sum_parse_cols(const char *spec, int *cols, char *err, size_t errsz);

/* Totals grouped by cols[0..ncols) (copied). all_units: sum every unit but
 * `date`, not only 万元. Free with sum_totals_free (NULL is a no-op). */
sum_totals *sum_totals_new(const int *cols, int ncols, int all_units);
void sum_totals_free(sum_totals *t);
/* Add the records of r. Returns 0, or -1 on error (sum_totals_error,
 * sum_totals_error_line); the records read before the error stay added. */
int sum_totals_add(sum_totals *t, tsv_reader *r);
const char *sum_totals_error(const sum_totals *t);
long sum_totals_error_line(const sum_totals *t);
/* Write the header (group column names, docs, sum) and, when rows, one row
 * per group, sorted by the group columns in byte order; a group whose sum
 * overflowed has no row (its error was returned by sum_totals_add). After
 * an input error pass rows 0: partial sums are wrong numbers. */
void sum_totals_write(const sum_totals *t, FILE *out, int rows);

#endif
