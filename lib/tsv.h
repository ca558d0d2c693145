/* SPDX-License-Identifier: MIT */
/* tsv: the fact stream's wire format (FORMAT.md section 1): TAB-separated
 * records, one per LF-terminated line, with \\ \t \n \r escapes, a header
 * line first, repeats of the header skipped. The reader also takes CRLF
 * line ends and a UTF-8 byte-order mark (a spreadsheet's save), and names
 * an input of the wrong kind (kind.h) when its first line is not the
 * header. The reader streams in bounded
 * memory (one line at a time, at most TSV_MAX_LINE bytes); it does not know
 * what the columns mean. Errors are returned, with the message left in the
 * reader; nothing here prints. */
#ifndef PG_TSV_H
#define PG_TSV_H

#include <stddef.h>
#include <stdio.h>

#define TSV_MAX_LINE (64u << 20) /* longest accepted input line, bytes */
#define TSV_MAX_COLS 64

/* The fact stream's columns, in order. */
enum {
	COL_DOC,
	COL_YEAR,
	COL_DEPT,
	COL_PROJECT,
	COL_SECTION,
	COL_KEY,
	COL_FIELD,
	COL_VALUE,
	COL_OP,
	COL_NUM,
	COL_UNIT,
	COL_SRC,
	FACT_NCOLS
};
extern const char FACT_HEADER[];                /* the header line, no LF */
extern const char *const FACT_COLS[FACT_NCOLS]; /* the column names, in order */

typedef struct tsv_reader {
	FILE *fp;
	const char *name;   /* for messages; not owned */
	const char *header; /* expected header line; not owned */
	int ncols;
	long line; /* number of the line last read, 1-based */
	int seen_header;
	char *io; /* read buffer */
	size_t io_pos, io_len;
	int eof;
	char *ln; /* current line */
	size_t ln_cap;
	char *f[TSV_MAX_COLS]; /* fields of the current record, unescaped, NUL-terminated */
	size_t len[TSV_MAX_COLS];
	int nf;
	char err[256]; /* message of the last error, without program or file name */
	int kind_cls;  /* what the input's first bytes look like (kind.h), */
	int kind_csv;  /* named when its first line is not the header */
	const char *kind_what;
} tsv_reader;

/* Start reading fp (not owned). header is the exact first line expected and
 * fixes the column count. Release with tsv_reader_free. */
void tsv_reader_init(tsv_reader *r, FILE *fp, const char *name, const char *header);
void tsv_reader_free(tsv_reader *r);

/* Read the next record into r->f / r->len (valid until the next call).
 * Returns 1 for a record, 0 at end of input, -1 on error (r->err says what,
 * r->line where). After an error the reader may not be used again. */
int tsv_read(tsv_reader *r);

/* Unescape s[0..*n) in place; NUL-terminates and updates *n. Returns 0, or
 * -1 on a lone trailing backslash or an unknown escape. */
int tsv_unescape(char *s, size_t *n);

/* Append s[0..n) escaped for a field. */
void tsv_escape(FILE *fp, const char *s, size_t n);
/* Write n fields, escaped, TAB-separated, LF-terminated. len may be NULL. */
void tsv_write_row(FILE *fp, char *const *f, const size_t *len, int n);
/* The first n fields of records that share them, escaped, each followed by
 * a TAB, for tsv_write_row_after: a new NUL-terminated string (caller
 * frees), its length in *outn. */
char *tsv_join_fields(char *const *f, int n, size_t *outn);
/* tsv_write_row of the fields that tsv_join_fields joined into pre[0..pre_n),
 * then of f[0..n). */
void tsv_write_row_after(FILE *fp, const char *pre, size_t pre_n, char *const *f, const size_t *len,
                         int n);

#endif
