/* extract: the pg-extract pipeline. See extract.h. */
#include "extract.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dsv.h"
#include "enc.h"
#include "grid.h"
#include "html.h"
#include "pdf.h"

int extract_slurp(FILE *fp, char **data, size_t *n, char *err, size_t errsz)
{
	size_t cap = 1 << 16, len = 0;
	char *p = xmalloc(cap);
	for (;;) {
		if (len == cap) {
			if (cap >= (size_t)EXTRACT_MAX_INPUT) {
				free(p);
				snprintf(err, errsz, "input larger than %ld bytes",
				         EXTRACT_MAX_INPUT);
				return -1;
			}
			cap *= 2;
			p = xrealloc(p, cap);
		}
		size_t k = fread(p + len, 1, cap - len, fp);
		len += k;
		if (k == 0) {
			if (ferror(fp)) {
				snprintf(err, errsz, "%s", strerror(errno));
				free(p);
				return -1;
			}
			break;
		}
	}
	*data = p;
	*n = len;
	return 0;
}

/* Does text hold `<table` (any case)? One pass over its '<'s: it runs on the
 * whole input and on every cell of a delimited grid. */
static int holds_table(const char *t, size_t n)
{
	const char *e = t + n;
	for (const char *p = t; e - p >= 6 && (p = memchr(p, '<', (size_t)(e - p - 5))); p++)
		if (strncasecmp(p + 1, "table", 5) == 0)
			return 1;
	return 0;
}

/* Input line (1-based) of byte offset off: LF, CRLF and lone CR each end one. */
static long line_at(const char *b, size_t off)
{
	long l = 1;
	for (size_t i = 0; i < off; i++)
		l += b[i] == '\n' || (b[i] == '\r' && (i + 1 >= off || b[i + 1] != '\n'));
	return l;
}

/* Offset of the first byte that is not valid UTF-8 (or n). */
static size_t first_bad_utf8(const char *b, size_t n)
{
	const unsigned char *u = (const unsigned char *)b;
	size_t i = 0, k;
	while (i < n) {
		if (u[i] < 0x80)
			i++;
		else if (utf8_decode(u + i, n - i, &k) < 0)
			return i;
		else
			i += k;
	}
	return n;
}

/* Cells that hold an HTML table get it as their nested grid. */
static void parse_cell_tables(grid *g, warnings *warn)
{
	for (int i = 0; i < g->n; i++) {
		grid_row *r = &g->rows[i];
		for (int j = 0; j < r->n; j++) {
			cell *c = &r->cells[j];
			if (c->sub || !holds_table(c->text, c->len))
				continue;
			grid *sub = grid_new();
			if (html_read(c->text, c->len, c->line, c->col, sub, warn) > 0)
				c->sub = sub;
			else
				grid_free(sub);
		}
	}
}

static int extract_grid(grid *g, const extract_opts *o, FILE *out, extract_result *res);

int extract_bytes(const char *bytes, size_t n, const extract_opts *o, FILE *out,
                  extract_result *res)
{
	memset(res, 0, sizeof *res);
	if (n == 0) {
		snprintf(res->err, sizeof res->err, "empty input");
		return -1;
	}
	warnings *warn = &res->form.warn;
	grid *g = grid_new();
	/* kind by content: a PDF is read by its own reader (until the readers'
	 * bid table lands: then it is one row of it) */
	if (pdf_sniff(bytes, n)) {
		if (pdf_read(bytes, n, NULL, g, warn, res->err, sizeof res->err) < 0) {
			grid_free(g);
			return -1;
		}
		return extract_grid(g, o, out, res);
	}
	enc_result er;
	if (enc_decode(bytes, n, &er) < 0) {
		grid_free(g);
		snprintf(res->err, sizeof res->err, "%s", er.err);
		enc_result_free(&er);
		return -1;
	}
	/* the line of the first damage, where the input's line ends are bytes */
	int bytelines = strcmp(er.encoding, "UTF-8") == 0 || strcmp(er.encoding, "GB18030") == 0;
	if (er.replaced)
		warn_add(warn, line_at(bytes, first_bad_utf8(bytes, n)),
		         "%zu invalid byte(s) replaced by U+FFFD (read as %s), the first here",
		         er.replaced, er.encoding);
	if (er.nuls) {
		const char *z = bytelines ? memchr(bytes, 0, n) : NULL;
		warn_add(warn, z ? line_at(bytes, (size_t)(z - bytes)) : 0,
		         "%zu NUL byte(s) dropped%s", er.nuls, z ? ", the first here" : "");
	}
	if (html_sniff(er.text, er.len)) {
		html_read(er.text, er.len, 1, 0, g, warn);
	} else {
		/* The seed's shape (HTML tables in cells) is TAB-separated, and the
		 * tools that write it never quote: the HTML's attribute quotes stay
		 * literal. Anything else is sniffed. */
		int tables = holds_table(er.text, er.len);
		int delim = tables ? '\t' : dsv_sniff(er.text, er.len);
		unsigned flags = tables ? DSV_NO_QUOTES : 0;
		dsv_err derr;
		int rc = dsv_read_flags(er.text, er.len, delim, flags, g, &derr);
		if (rc < 0) {
			res->line = derr.line;
			snprintf(res->err, sizeof res->err, "%s", derr.msg);
			grid_free(g);
			enc_result_free(&er);
			return -1;
		}
		if (rc > 0)
			warn_add(warn, derr.line, "%s", derr.msg);
		parse_cell_tables(g, warn);
	}
	enc_result_free(&er);
	return extract_grid(g, o, out, res);
}

/* The forms of grid g (freed here) written to out. */
static int extract_grid(grid *g, const extract_opts *o, FILE *out, extract_result *res)
{
	if (g->err[0])
		warn_add(&res->form.warn, 0, "%s", g->err);
	form_opts fo = {o->doc, o->year};
	int docs = form_extract(g, &fo, out, &res->form);
	grid_free(g);
	if (docs <= 0) {
		snprintf(res->err, sizeof res->err, "no 绩效目标表 found");
		return -1;
	}
	return docs;
}

void extract_result_free(extract_result *res)
{
	if (res)
		warn_free(&res->form.warn);
}
