/* SPDX-License-Identifier: MIT */
/* csvw: the CSV rendering of the tables the programs write (RFC 4180, for
 * spreadsheets and database loaders): UTF-8 with a byte-order mark first (so
 * that Excel and WPS read Chinese text as UTF-8), CRLF line ends, a field in
 * double quotes when it holds '"', ',', CR or LF (a '"' inside doubled), no
 * backslash escapes: every value is the TSV field's unescaped bytes. The
 * converter reads the TSV the writers produce (tsv.h), a line at a time, so
 * one writer serves every program and every table (facts, checks, totals,
 * changes). It neither opens nor prints anything. */
#ifndef PG_CSVW_H
#define PG_CSVW_H

#include <stddef.h>

#include "util.h"

#define CSVW_BOM "\xEF\xBB\xBF"

/* Append one CSV record of n fields (f[i] is len[i] bytes; len may be NULL
 * for NUL-terminated fields), CRLF-terminated, to out. */
void csvw_row(buf *out, char *const *f, const size_t *len, int n);

/* A streaming TSV -> CSV converter. Zero-initialise ({0}) to start. */
typedef struct {
	buf line;    /* the bytes of an incomplete TSV line */
	int started; /* the BOM was written */
} csvw_conv;

/* Convert the TSV bytes s[0..n), appending CSV to out: the BOM before the
 * first byte, then one record per complete line. The bytes after the last
 * LF are kept for the next call. A field with a bad backslash escape (never
 * written by tsv.c) is passed through as it is, not dropped. */
void csvw_feed(csvw_conv *c, const char *s, size_t n, buf *out);
/* Convert a last line that had no LF, and release c. */
void csvw_end(csvw_conv *c, buf *out);

#endif
