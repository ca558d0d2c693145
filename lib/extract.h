/* SPDX-License-Identifier: MIT */
/* extract: one input's bytes -> fact records, the whole of pg-extract but
 * its options and messages. It chains the stages: the reader that bids
 * highest for the input's content (reader.h: a workbook, a word-processor
 * document, or text -- an HTML page or delimited lines whose cells may hold
 * HTML tables), then form recognition on each grid it gives. It writes records without
 * the header; it does not open files or print messages. */
#ifndef PG_EXTRACT_H
#define PG_EXTRACT_H

#include <stdio.h>

#include "form.h"

#define EXTRACT_MAX_INPUT (256L << 20) /* bytes of one input file */

typedef struct {
	const char *doc;  /* document id */
	const char *year; /* --year, or NULL */
	const char *name; /* the input's name for messages (a conversion command), or NULL */
} extract_opts;

typedef struct {
	form_stats form; /* docs, extra, disagree, warnings */
	char err[512];   /* why the input was rejected */
	long line;       /* the input line err is about, or 0 */
} extract_result;

/* Extract the forms in bytes[0..n) and write their facts to out. Returns the
 * number of forms (>= 1), or -1 with res->err set (no form found, encoding
 * unknown ...). res->form.warn holds warnings either way; the caller frees it
 * with extract_result_free. */
int extract_bytes(const char *bytes, size_t n, const extract_opts *o, FILE *out,
                  extract_result *res);
/* extract_bytes for a buffer the caller gives up (from extract_slurp): it
 * is freed as soon as it is decoded, whatever the result, so the raw bytes
 * are never held together with the grid (a 100 MB line: 200 MB, not 300). */
int extract_bytes_free(char *bytes, size_t n, const extract_opts *o, FILE *out,
                       extract_result *res);
void extract_result_free(extract_result *res);

/* Read all of fp into a new buffer (*data, caller frees; NUL-terminated at
 * *n), at most EXTRACT_MAX_INPUT bytes. A regular file over the limit is
 * refused by its size, before it is read; a stream is read to one byte past
 * the limit at most (its buffer is the most memory this takes: 256 MiB).
 * Returns 0, or -1 with err set. */
int extract_slurp(FILE *fp, char **data, size_t *n, char *err, size_t errsz);

#endif
