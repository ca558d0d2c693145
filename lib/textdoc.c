/* SPDX-License-Identifier: MIT */
/* textdoc: decoded text -> grid. See textdoc.h. */
#include "textdoc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dsv.h"
#include "enc.h"
#include "html.h"
#include "regrid.h"

/* Is a cell an HTML table: does its (trimmed) text begin with `<table`, any
 * case? A cell that only mentions `<table` in its text stays text. */
static int is_table_cell(const char *t, size_t n)
{
	return n >= 6 && t[0] == '<' && strncasecmp(t + 1, "table", 5) == 0;
}

/* Is text the seed's shape: does a field (at a line's start or after a TAB,
 * blanks skipped) begin with `<table`, unquoted? Its quotes are then HTML's,
 * not a CSV writer's. */
static int seed_shape(const char *t, size_t n)
{
	const char *e = t + n;
	for (const char *p = t; e - p >= 6 && (p = memchr(p, '<', (size_t)(e - p - 5))); p++) {
		if (strncasecmp(p + 1, "table", 5) != 0)
			continue;
		const char *b = p;
		while (b > t && b[-1] == ' ')
			b--;
		if (b == t || b[-1] == '\t' || b[-1] == '\n' || b[-1] == '\r')
			return 1;
	}
	return 0;
}

/* Does the text hold the tags of a page or of a table (`<html`, `<body`,
 * `<table`, `<tr`, `<td`, any case)? A text that only starts with markup (an
 * `<image>` line copied from a page before its text) is not a page when
 * its lines have a lost grid's shape. */
static int html_page(const char *t, size_t n)
{
	static const char *const tags[] = {"html", "body", "table", "tr", "td"};
	const char *e = t + n;
	for (const char *p = t; e - p >= 3 && (p = memchr(p, '<', (size_t)(e - p - 2))); p++)
		for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
			size_t k = strlen(tags[i]);
			if ((size_t)(e - p - 1) > k && strncasecmp(p + 1, tags[i], k) == 0 &&
			    (p[1 + k] == '>' || p[1 + k] == ' ' || p[1 + k] == '/' ||
			     p[1 + k] == '\t' || p[1 + k] == '\n' || p[1 + k] == '\r'))
				return 1;
		}
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
			if (c->sub || !is_table_cell(c->text, c->len))
				continue;
			grid *sub = grid_new();
			if (html_read(c->text, c->len, c->line, c->col, sub, warn) > 0)
				grid_set_sub(g, c, sub);
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
	int shape = REGRID_NONE;
	if (html_sniff(er.text, er.len) &&
	    (html_page(er.text, er.len) ||
	     (shape = regrid_sniff(er.text, er.len)) == REGRID_NONE)) {
		html_read(er.text, er.len, 1, 0, g, warn);
	} else if (shape != REGRID_NONE || (shape = regrid_sniff(er.text, er.len)) != REGRID_NONE) {
		/* text whose grid was lost: rows rebuilt from the form's words */
		regrid_read(er.text, er.len, shape, g, warn);
	} else {
		/* The delimiter comes from the lines' structure (dsv_sniff). The
		 * seed's shape is TAB-separated with fields that begin with an HTML
		 * table, and the tools that write it never quote: the HTML's
		 * attribute quotes stay literal. A `<table` elsewhere (a note in a
		 * CSV, a quoted cell of a spreadsheet export) changes nothing. */
		int delim = dsv_sniff(er.text, er.len);
		unsigned flags = delim == '\t' && seed_shape(er.text, er.len) ? DSV_NO_QUOTES : 0;
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
