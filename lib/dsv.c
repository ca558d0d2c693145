/* SPDX-License-Identifier: MIT */
/* dsv: delimited text -> grid, on top of libcsv in its non-strict mode (a
 * quote inside an unquoted field is literal; doubled quotes inside quoted
 * fields are one quote). libcsv does not say where a field starts, so the
 * input is fed to it one physical line at a time (a line ends at LF, CRLF or
 * a lone CR, inside quotes or not): a field starts on the line where the
 * previous field of its record ended, or the record's first line. Empty
 * lines, which libcsv skips, become empty rows here so that row numbering
 * follows the input. See dsv.h and docs/readers.md. */
#include "dsv.h"

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define LIBCSV_FIELD_BEGUN 2  /* libcsv.c's parser state "in a field" */
#define DSV_BLOCK (64u << 10) /* libcsv's field buffer grows by this much */

typedef struct {
	grid *g;
	grid_row *row;   /* the current record's row; NULL between records */
	long line;       /* physical line of the chunk being parsed */
	long row_line;   /* line where the current record starts */
	long field_line; /* line where the next field starts */
	int col;         /* fields so far in the current record */
	int pending;     /* a record has begun and not ended */
	int stop;        /* a grid-wide cap was reached: read no further */
	int status;      /* 0 clean, 1 something cut or dropped */
	dsv_err *err;
} reader;

/* Keep the first message about data cut or dropped at a limit. */
static void limit(reader *r, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void limit(reader *r, long line, const char *fmt, ...)
{
	if (r->status)
		return;
	r->status = 1;
	va_list ap;
	va_start(ap, fmt);
	r->err->line = line;
	vsnprintf(r->err->msg, sizeof r->err->msg, fmt, ap);
	va_end(ap);
}

static int rows_full(reader *r)
{
	if (r->g->n < DSV_MAX_ROWS)
		return 0;
	limit(r, r->line, "more than %ld rows: rest ignored", (long)DSV_MAX_ROWS);
	r->stop = 1;
	return 1;
}

/* libcsv's field callback. */
static void on_field(void *s, size_t len, void *data)
{
	reader *r = data;
	long at = r->field_line;
	r->field_line = r->line; /* a next field in this record starts here */
	r->col++;
	if (r->stop)
		return;
	if (!r->row) {
		if (rows_full(r))
			return;
		r->row = grid_add_row(r->g, r->row_line);
	}
	cell *c = grid_add_cell(r->g, r->row, s ? s : "", s ? len : 0);
	if (!c) {
		limit(r, at, "%s", r->g->err);
		if (r->g->ncells >= GRID_MAX_CELLS)
			r->stop = 1;
		return;
	}
	c->line = at;
	c->col = r->col;
	if (c->flags & CELL_CUT)
		limit(r, at, "field %d longer than %ld bytes: cut", r->col,
		      (long)GRID_MAX_CELL_TEXT);
}

/* k empty fields at once, as k on_field calls would add them; 0 (nothing
 * added) when a limit is near: the caller goes field by field. */
static int empty_fields(reader *r, int k)
{
	if (!r->row) {
		if (r->g->n >= DSV_MAX_ROWS)
			return 0;
		r->row = grid_add_row(r->g, r->row_line);
	}
	/* unquoted: every field starts on its record's line, the row's */
	if (!grid_add_empty(r->g, r->row, k, r->col + 1))
		return 0;
	r->col += k;
	return 1;
}

/* libcsv's end-of-record callback. */
static void on_record(int c, void *data)
{
	reader *r = data;
	r->row = NULL;
	r->col = 0;
	r->pending = 0;
}

/* Line number (1-based) of byte offset off in s: LF, CRLF and lone CR each
 * end a line. */
static long line_at(const char *s, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n')))
			line++;
	return line;
}

static size_t skip_bom(const char *text, size_t n)
{
	return n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Bytes dsv_sniff looks at outside quotes; every other byte (and a space)
 * only marks the line as having content and ends a field's start. */
static const unsigned char sniff_stop[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1, ['"'] = 1,
};

/* Length of the run at p[0..n) before the first sniff_stop byte. When word
 * is not NULL, *word is set when the run holds a byte other than a space
 * (the caller needs to know only while its line has no content yet or a
 * field has just started). Eight bytes a step. */
static size_t sniff_run(const char *p, size_t n, int *word)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0;
	int w = 0;
	for (; i + 8 <= n; i += 8) {
		if (sniff_stop[u[i]] | sniff_stop[u[i + 1]] | sniff_stop[u[i + 2]] |
		    sniff_stop[u[i + 3]] | sniff_stop[u[i + 4]] | sniff_stop[u[i + 5]] |
		    sniff_stop[u[i + 6]] | sniff_stop[u[i + 7]])
			break;
		if (word)
			w |= (u[i] ^ ' ') | (u[i + 1] ^ ' ') | (u[i + 2] ^ ' ') | (u[i + 3] ^ ' ') |
			     (u[i + 4] ^ ' ') | (u[i + 5] ^ ' ') | (u[i + 6] ^ ' ') |
			     (u[i + 7] ^ ' ');
	}
	for (; i < n && !sniff_stop[u[i]]; i++)
		w |= u[i] ^ ' ';
	if (word)
		*word = w != 0;
	return i;
}

int dsv_sniff(const char *text, size_t n)
{
	size_t i = skip_bom(text, n);
	if (n > DSV_SNIFF_BYTES)
		n = DSV_SNIFF_BYTES;
	long tabs[DSV_SNIFF_LINES], commas[DSV_SNIFF_LINES], t = 0, c = 0, ttot = 0, ctot = 0;
	int lines = 0, inq = 0, fstart = 1, content = 0;
	/* notcsv: a sampled line is known to break "every line the same
	 * non-zero number of commas" (line 0 without commas, or a later line
	 * with another count). From then on the answer is TAB as soon as one
	 * TAB is counted, whatever the rest of the sample holds: the sniff
	 * stops there. */
	int notcsv = 0;
	for (; i < n && lines < DSV_SNIFF_LINES; i++) {
		char ch = text[i];
		if (inq) { /* to the next quote: a doubled one stays inside */
			const char *q = memchr(text + i, '"', n - i);
			if (!q)
				break;
			i = (size_t)(q - text);
			if (i + 1 < n && text[i + 1] == '"')
				i++;
			else
				inq = 0;
			continue;
		}
		if (ch == '\r' || ch == '\n') {
			if (content) {
				tabs[lines] = t, commas[lines] = c, lines++;
				ttot += t, ctot += c;
				if (commas[0] == 0 || c != commas[0])
					notcsv = 1;
				if (notcsv && ttot > 0)
					return '\t';
			}
			t = c = content = 0;
			fstart = 1;
			continue;
		}
		if (!sniff_stop[(unsigned char)ch]) { /* a run of other bytes at once */
			int word = 0, need = !content || fstart;
			size_t r = sniff_run(text + i, n - i, need ? &word : NULL);
			if (word)
				content = 1, fstart = 0;
			i += r - 1;
			continue;
		}
		content = 1;
		if (ch == '\t') { /* a run of TABs (the seed shape's padding) at once */
			size_t j = i + 1;
			while (j < n && text[j] == '\t')
				j++;
			t += (long)(j - i);
			if (notcsv)
				return '\t';
			fstart = 1;
			i = j - 1;
		} else if (ch == ',') {
			c++;
			fstart = 1;
		} else if (ch == '"' && fstart) {
			inq = 1;
			fstart = 0;
		} else {
			fstart = 0;
		}
	}
	if (content && lines < DSV_SNIFF_LINES) { /* a last line, maybe cut */
		tabs[lines] = t, commas[lines] = c, lines++;
		ttot += t, ctot += c;
	}
	int csame = lines >= 2 && commas[0] > 0, tsame = lines >= 2 && tabs[0] > 0;
	for (int k = 1; k < lines; k++) {
		csame &= commas[k] == commas[0];
		tsame &= tabs[k] == tabs[0];
	}
	if (csame && !tsame)
		return ',';
	if (ttot > 0)
		return '\t';
	return ctot > 0 ? ',' : '\t';
}

/* Is ch a blank libcsv trims around an unquoted field (space, TAB) here? */
static int trim_blank(char ch, int delim)
{
	return (ch == ' ' || ch == '\t') && ch != delim;
}

/* Without quoting a record is one physical line and a field ends at the
 * next delimiter: split with memchr instead of feeding libcsv byte by byte.
 * Gives the fields, lines and rows libcsv gives (its unquoted fields lose
 * leading and trailing blanks; a line end or the end of the text after a
 * delimiter ends an empty last field). */
static void read_unquoted(reader *r, const char *p, const char *end, int delim)
{
	while (p < end && !r->stop) {
		/* the line's content ends at LF, CR LF or a lone CR */
		const char *q = memchr(p, '\n', (size_t)(end - p));
		if (!q)
			q = end;
		const char *cr = memchr(p, '\r', (size_t)(q - p));
		if (cr)
			q = cr;
		const char *next = q; /* past the line end */
		if (next < end && *next == '\r' && next + 1 < end && next[1] == '\n')
			next += 2;
		else if (next < end)
			next++;
		const char *b = p;
		while (b < q && trim_blank(*b, delim))
			b++;
		if (b == q) {
			/* an empty line: libcsv skips it, we keep it */
			if (next > q && !rows_full(r))
				grid_add_row(r->g, r->line);
		} else {
			r->row_line = r->field_line = r->line;
			const char *f = p;
			for (;;) {
				/* a run of delimiters is a run of empty fields (most
				 * of a padded export): added at once */
				const char *d = f;
				while (d < q && *d == delim)
					d++;
				if (d - f > 1 && !r->stop && empty_fields(r, (int)(d - f))) {
					f = d;
					continue;
				}
				const char *e = q > f ? memchr(f, delim, (size_t)(q - f)) : NULL;
				const char *fe = e ? e : q;
				while (f < fe && trim_blank(*f, delim))
					f++;
				while (fe > f && trim_blank(fe[-1], delim))
					fe--;
				on_field((void *)f, (size_t)(fe - f), r);
				if (!e || r->stop)
					break;
				f = e + 1;
			}
			on_record(0, r);
		}
		p = next;
		r->line++;
	}
}

int dsv_read(const char *text, size_t n, int delim, grid *g, dsv_err *err)
{
	return dsv_read_flags(text, n, delim, 0, g, err);
}

int dsv_read_flags(const char *text, size_t n, int delim, unsigned flags, grid *g, dsv_err *err)
{
	err->line = 0;
	err->msg[0] = 0;
	if (delim == 0)
		delim = dsv_sniff(text, n);
	if (delim < 1 || delim > 0x7E || delim == '\r' || delim == '\n' || delim == ' ' ||
	    (delim == '"' && !(flags & DSV_NO_QUOTES))) {
		snprintf(err->msg, sizeof err->msg, "bad delimiter (byte %d)", delim);
		return -1;
	}
	const char *z = memchr(text, 0, n);
	if (z) {
		err->line = line_at(text, (size_t)(z - text));
		snprintf(err->msg, sizeof err->msg, "NUL byte in the text");
		return -1;
	}

	reader r = {.g = g, .line = 1, .err = err};
	if (flags & DSV_NO_QUOTES) {
		read_unquoted(&r, text + skip_bom(text, n), text + n, delim);
		return r.status;
	}
	struct csv_parser cp;
	if (csv_init(&cp, 0) != 0) {
		snprintf(err->msg, sizeof err->msg, "cannot start the CSV parser");
		return -1;
	}
	csv_set_delim(&cp, (unsigned char)delim);
	if (flags & DSV_NO_QUOTES)
		csv_set_quote(&cp, 0); /* never matches: the text has no NUL */
	csv_set_blk_size(&cp, DSV_BLOCK);

	const char *p = text + skip_bom(text, n), *end = text + n;
	int has_cr = memchr(p, '\r', (size_t)(end - p)) != NULL, rc = 0;
	while (p < end && !r.stop) {
		/* the chunk p..q is one physical line with its line end */
		const char *q;
		if (!has_cr) {
			q = memchr(p, '\n', (size_t)(end - p));
			q = q ? q + 1 : end;
		} else {
			q = p;
			while (q < end && *q != '\n' && *q != '\r')
				q++;
			if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n')
				q++;
			if (q < end)
				q++;
		}
		int ended = q[-1] == '\n' || q[-1] == '\r';
		if (!r.pending) {
			r.row_line = r.field_line = r.line;
			const char *b = p;
			while (b < q && (*b == ' ' || *b == '\t') && *b != delim)
				b++;
			if (b == q || *b == '\n' || *b == '\r') {
				/* an empty line: libcsv skips it, we keep it */
				if (ended && !rows_full(&r))
					grid_add_row(g, r.line);
				p = q;
				r.line++;
				continue;
			}
			r.pending = 1;
		}
		size_t len = (size_t)(q - p);
		if (csv_parse(&cp, p, len, on_field, on_record, &r) != len) {
			err->line = r.line;
			snprintf(err->msg, sizeof err->msg, "%s", csv_strerror(csv_error(&cp)));
			rc = -1;
			break;
		}
		p = q;
		if (ended)
			r.line++;
	}
	if (rc == 0 && !r.stop) {
		if (cp.pstate == LIBCSV_FIELD_BEGUN && cp.quoted) {
			err->line = r.field_line;
			snprintf(err->msg, sizeof err->msg, "quoted field never closed");
			rc = -1;
		} else {
			csv_fini(&cp, on_field, on_record, &r);
		}
	}
	csv_free(&cp);
	return rc ? rc : r.status;
}
