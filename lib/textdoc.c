/* textdoc: decoded text -> grid. See textdoc.h. */
#include "textdoc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dsv.h"
#include "enc.h"
#include "html.h"

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

int textdoc_bid(const char *bytes, size_t n)
{
	(void)bytes, (void)n;
	return 1;
}

int textdoc_read(const char *bytes, size_t n, const char *name, reader_out *o)
{
	(void)name;
	enc_result er;
	if (enc_decode(bytes, n, &er) < 0) {
		snprintf(o->err, sizeof o->err, "%s", er.err);
		enc_result_free(&er);
		return -1;
	}
	warnings *warn = o->warn;
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
	free(o->own); /* the raw bytes are not held with the text and the grid */
	o->own = NULL;
	grid *g = grid_new();
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
			o->line = derr.line;
			snprintf(o->err, sizeof o->err, "%s", derr.msg);
			grid_free(g);
			enc_result_free(&er);
			return -1;
		}
		if (rc > 0)
			warn_add(warn, derr.line, "%s", derr.msg);
		parse_cell_tables(g, warn);
	}
	enc_result_free(&er);
	reader_add(o, g, NULL);
	return 0;
}
