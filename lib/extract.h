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
void extract_result_free(extract_result *res);

/* Read all of fp into a new buffer (*data, caller frees), at most
 * EXTRACT_MAX_INPUT bytes. Returns 0, or -1 with err set. */
int extract_slurp(FILE *fp, char **data, size_t *n, char *err, size_t errsz);

#endif
