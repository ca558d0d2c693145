/* extract: one input's bytes -> fact records, the whole of pg-extract but
 * its options and messages. It chains the stages: decoding to UTF-8, the
 * reader for the input's shape (an HTML page, or delimited lines whose cells
 * may hold HTML tables), then form recognition. It writes records without
 * the header; it does not open files or print messages. */
#ifndef PG_EXTRACT_H
#define PG_EXTRACT_H

#include <stdio.h>

#include "form.h"

#define EXTRACT_MAX_INPUT (256L << 20) /* bytes of one input file */

typedef struct {
	const char *doc;  /* document id */
	const char *year; /* --year, or NULL */
} extract_opts;

typedef struct {
	form_stats form; /* docs, extra, disagree, warnings */
	char err[256];   /* why the input was rejected */
	long line;       /* the input line err is about, or 0 */
} extract_result;

/* Extract the forms in bytes[0..n) and write their facts to out. Returns the
 * number of forms (>= 1), or -1 with res->err set (no form found, encoding
 * unknown ...). res->form.warn holds warnings either way; the caller frees it
 * with extract_result_free. */
int extract_bytes(const char *bytes, size_t n, const extract_opts *o, FILE *out,
                  extract_result *res);
void extract_result_free(extract_result *res);

/* The first stages alone: decode bytes[0..n) and read them into g by their
 * shape (an HTML page; text whose grid was lost, regrid.h; delimited lines,
 * their cells that are HTML tables parsed). Returns 0, with warnings in
 * res->form.warn, or -1 with res->err (and res->line) set. The caller frees
 * g and, either way, res (extract_result_free). */
int extract_read_grid(const char *bytes, size_t n, grid *g, extract_result *res);

/* Read all of fp into a new buffer (*data, caller frees), at most
 * EXTRACT_MAX_INPUT bytes. Returns 0, or -1 with err set. */
int extract_slurp(FILE *fp, char **data, size_t *n, char *err, size_t errsz);

#endif
