/* SPDX-License-Identifier: MIT */
/* reader: which kind of document an input is, decided by its content and
 * never by its name, and the reader that turns it into grids. Readers bid
 * for an input as libarchive's formats do: each row of the table in
 * reader.c has a bid function (0: not mine; the higher, the surer) and a
 * read function; the highest bid wins. Adding a container (XLSX, DOCX,
 * XLS, PDF) adds one module and one row. Kinds that are recognised but not
 * read (legacy .doc and .ppt, OpenDocument, RTF, images, PDF until its
 * reader lands) have a row whose read fails with a message that names the
 * kind and the command that converts it. This module knows grids, not
 * forms, and never prints. */
#ifndef PG_READER_H
#define PG_READER_H

#include <stddef.h>

#include "grid.h"
#include "util.h"

/* What a read produced: grids in document order, one per part that may
 * hold forms (a spreadsheet's sheets; one grid for other kinds), each with
 * the name its src starts with (a sheet's name) or NULL. */
typedef struct {
	grid **g;
	char **name; /* owned; NULL entries allowed */
	int n, cap;
	warnings *warn; /* where readers add warnings (the caller's) */
	char err[512];  /* why the input was rejected */
	long line;      /* the input line err is about, or 0 */
	char *own;      /* the input's bytes when the caller gave them up: a reader
	                 * frees them once decoded (and sets NULL), so the raw
	                 * bytes are not held beside the grid; else freed with o */
} reader_out;

typedef struct {
	const char *kind; /* what the input is, for messages: "XLSX workbook" */
	/* 0 when bytes[0..n) is not this kind, else a bid: 100 for a
	 * signature checked in full, less for a guess (text: 1) */
	int (*bid)(const char *bytes, size_t n);
	/* Read bytes[0..n) into o (o->g ...). name is the input's display name,
	 * for messages only. Returns 0, or -1 with o->err set. */
	int (*read)(const char *bytes, size_t n, const char *name, reader_out *o);
} reader_format;

/* The table, ending with a row whose kind is NULL. */
extern const reader_format reader_formats[];

/* The format with the highest bid for bytes[0..n) (the text reader, which
 * bids 1 for anything, when no other does). */
const reader_format *reader_pick(const char *bytes, size_t n);

/* Append grid g (owned by o from now on) with src name (copied; may be NULL). */
void reader_add(reader_out *o, grid *g, const char *name);
/* Free o's grids, names and own (not o->warn). NULL-safe. */
void reader_out_free(reader_out *o);

#endif
