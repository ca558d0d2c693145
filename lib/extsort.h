/* SPDX-License-Identifier: MIT */
/* extsort: records too many to sort in memory, sorted in runs written to
 * temporary files and merged back in order. Each record carries a byte key
 * that the caller builds so that memcmp gives its order (diff.c encodes
 * its columns and line number); the caller sorts a run (with extsort_sort,
 * or its own way) and writes it here record by record; the merge then
 * hands the records back one at a time, smallest key first, as the fields
 * of a tsv_reader (so code that reads a fact stream reads a merge the same
 * way; a caller may leave out of the fields what its key holds). Runs are
 * binary files of the process's own, made small because writing them is
 * most of what a big sort costs: a record is its size, the length of the
 * key's start it shares with the record before in the run (front coding),
 * the rest of the key, then each field as its length and bytes (lengths
 * as LEB128 varints; nothing escaped, nothing to parse but the lengths).
 * They go to $TMPDIR (else /tmp), unlinked as soon as they are created, so
 * nothing is left behind, whatever happens. (A last run kept in memory
 * and merged from there instead was measured: no faster, its records being
 * scattered, and twice the memory; docs/pg-diff.md.)
 * At most EXTSORT_FAN_IN runs are read at once: when one run more is
 * finished, the oldest EXTSORT_FAN_IN are merged into one longer run, so
 * at most EXTSORT_FAN_IN + 1 files are open. Memory is bounded by the
 * runs' buffers (EXTSORT_FAN_IN x 128 KiB, and the longest record), not by
 * the input. This module does not know what the columns mean and never
 * prints: errors come back as -1 with e->err. */
#ifndef PG_EXTSORT_H
#define PG_EXTSORT_H

#include <stddef.h>
#include <stdio.h>

#include "tsv.h"

#define EXTSORT_FAN_IN 64 /* runs merged at once (files open for reading) */

struct extsort_rd;

typedef struct extsort {
	int ncols;       /* fields per record */
	const char *dir; /* where runs go: $TMPDIR or /tmp */
	FILE **runs;     /* finished runs, rewound */
	size_t nruns, cap;
	FILE *w;    /* the run being written */
	char *wbuf; /* its write buffer (wlen bytes in it) */
	size_t wlen;
	int werr;  /* errno of a failed write, 0 none */
	char *rec; /* a record's fields being encoded (extsort_put) */
	size_t reccap;
	char *last; /* the key written last in the run (front coding) */
	size_t lastlen, lastcap;
	const char *key; /* the key of the record extsort_next handed out */
	size_t keylen;
	/* merging */
	struct extsort_rd *rd; /* one per run being merged */
	size_t *heap;          /* reader indexes, smallest record first */
	size_t nheap, nrd;
	int top_used;  /* the top was handed out: advance it on the next call */
	int merging;   /* extsort_end is merging the oldest runs */
	char err[320]; /* what went wrong, without the program's name */
} extsort;

/* Start with no runs, records of ncols fields (1 .. TSV_MAX_COLS). */
void extsort_init(extsort *e, int ncols);
/* Close and forget every run (their space is given back) and the readers.
 * NULL is a no-op. */
void extsort_free(extsort *e);

/* Open a temporary file in $TMPDIR (else /tmp), already unlinked, for
 * reading and writing. Returns it, or NULL with err (errn bytes) saying
 * why. */
FILE *extsort_tmpfile(char *err, size_t errn);

/* Start a run. Returns 0, or -1 (e->err). */
int extsort_begin(extsort *e);
/* Append one record to the run: its key (klen bytes) and ncols fields (len
 * may not be NULL). Records must come in key order (extsort_keycmp). Write
 * errors show at extsort_end. */
void extsort_put(extsort *e, const char *key, size_t klen, char *const *f, const size_t *len);

/* A record built in memory (uint32 key length, uint32 length of the
 * fields, the key, the fields as a run holds them), so that a caller can
 * load records once, sort them (extsort_sort) and write them
 * (extsort_put_rec) without copying or parsing them again. */
size_t extsort_rec_size(const extsort *e, size_t klen, const size_t *len);
/* Build the record into dst (extsort_rec_size bytes). */
void extsort_rec_build(const extsort *e, char *dst, const char *key, size_t klen, char *const *f,
                       const size_t *len);
/* Append a built record to the run. */
void extsort_put_rec(extsort *e, const char *rec);
/* Sort n built records by key (extsort_keycmp): a multikey quicksort on
 * 8-byte chunks of the keys, cached beside the pointers, so that a record
 * is touched about once per 8 bytes of key that it shares with others
 * rather than once per comparison. Keys must be prefix-free (no key the
 * start of another), as diff's are. */
void extsort_sort(char **recs, size_t n);
/* The order: the keys' bytes (memcmp), a shorter key first on a tie. */
int extsort_keycmp(const char *a, size_t an, const char *b, size_t bn);
/* Finish the run. Returns 0, or -1 (e->err: a disk full, ...). */
int extsort_end(extsort *e);
/* Prepare the merge of every run. Returns 0, or -1. */
int extsort_merge(extsort *e);
/* The next record in order: *r holds its fields (f, len; not
 * NUL-terminated; valid until the next call), e->key and e->keylen its
 * key. Returns 1, 0 at the end, -1 on error (e->err). */
int extsort_next(extsort *e, const tsv_reader **r);

#endif
