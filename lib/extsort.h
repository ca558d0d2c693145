/* SPDX-License-Identifier: MIT */
/* extsort: records too many to sort in memory, sorted in runs written to
 * temporary files and merged back in order. The caller sorts each run
 * itself (it knows its records) and writes it here record by record; the
 * merge then hands the records back one at a time, smallest first, in the
 * caller's order, as the fields of a tsv_reader (so code that reads a fact
 * stream reads a merge the same way). Runs are binary files of the process's
 * own (a record: its size, its line number, then each field's length, bytes
 * and a NUL; read back in place, nothing to parse or unescape) in $TMPDIR
 * (else /tmp), unlinked as soon as they are created, so nothing is left
 * behind, whatever happens. At most EXTSORT_FAN_IN runs are read at once:
 * when one run more is finished, the oldest EXTSORT_FAN_IN are merged into
 * one longer run, so at most EXTSORT_FAN_IN + 1 files are open. Memory is
 * bounded by the runs' buffers (EXTSORT_FAN_IN x 128 KiB, and the longest
 * record), not by the input. This module does not know what the columns
 * mean and never prints: errors come back as -1 with e->err. */
#ifndef PG_EXTSORT_H
#define PG_EXTSORT_H

#include <stddef.h>
#include <stdio.h>

#include "tsv.h"

#define EXTSORT_FAN_IN 64 /* runs merged at once (files open for reading) */

/* Order of two records (the readers' current ones, with their line
 * numbers): < 0, 0, > 0. */
typedef int (*extsort_cmp)(const tsv_reader *a, long aline, const tsv_reader *b, long bline);

struct extsort_rd;

typedef struct extsort {
	int ncols;       /* fields per record */
	const char *dir; /* where runs go: $TMPDIR or /tmp */
	extsort_cmp cmp; /* the merge order */
	FILE **runs;     /* finished runs, rewound */
	char **bufs;     /* their stdio buffers */
	size_t nruns, cap;
	FILE *w;    /* the run being written */
	char *wbuf; /* its stdio buffer */
	char *rec;  /* the record being written */
	size_t reccap;
	/* merging */
	struct extsort_rd *rd; /* one per run being merged */
	size_t *heap;          /* reader indexes, smallest record first */
	size_t nheap, nrd;
	int top_used;  /* the top was handed out: advance it on the next call */
	int merging;   /* extsort_end is merging the oldest runs */
	char err[320]; /* what went wrong, without the program's name */
} extsort;

/* Start with no runs, records of ncols fields (1 .. TSV_MAX_COLS) in the
 * order cmp. */
void extsort_init(extsort *e, int ncols, extsort_cmp cmp);
/* Close and forget every run (their space is given back) and the readers.
 * NULL is a no-op. */
void extsort_free(extsort *e);

/* Open a temporary file in $TMPDIR (else /tmp), already unlinked, for
 * reading and writing. Returns it, or NULL with err (errn bytes) saying
 * why. */
FILE *extsort_tmpfile(char *err, size_t errn);

/* Start a run. Returns 0, or -1 (e->err). */
int extsort_begin(extsort *e);
/* Append one record to the run: ncols fields (len may not be NULL) and its
 * line number. Records must come in cmp order. Write errors show at
 * extsort_end. */
void extsort_put(extsort *e, char *const *f, const size_t *len, long line);
/* Finish the run. Returns 0, or -1 (e->err: a disk full, ...). */
int extsort_end(extsort *e);

/* Prepare the merge of every run. Returns 0, or -1. */
int extsort_merge(extsort *e);
/* The next record in order: *r holds its fields (f, len; NUL-terminated;
 * valid until the next call), *line its line number. Returns 1, 0 at the
 * end, -1 on error (e->err). */
int extsort_next(extsort *e, const tsv_reader **r, long *line);

#endif
