/* extract: the pg-extract pipeline. See extract.h. */
#include "extract.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "html.h"

int extract_slurp(FILE *fp, char **data, size_t *n, char *err, size_t errsz)
{
	size_t cap = 1 << 16, len = 0;
	char *p = xmalloc(cap);
	for (;;) {
		if (len == cap) {
			if (cap >= (size_t)EXTRACT_MAX_INPUT) {
				free(p);
				snprintf(err, errsz, "input larger than %ld bytes", EXTRACT_MAX_INPUT);
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

/* Placeholder reader for TAB-separated lines until lib/dsv lands. */
static void read_lines(const char *t, size_t n, grid *g)
{
	size_t a = 0;
	long line = 0;
	while (a < n) {
		const char *nl = memchr(t + a, '\n', n - a);
		size_t e = nl ? (size_t)(nl - t) : n;
		line++;
		size_t le = e;
		if (le > a && t[le - 1] == '\r')
			le--;
		grid_row *r = grid_add_row(g, line);
		size_t s = a;
		int col = 0;
		for (size_t i = a; i <= le; i++) {
			if (i == le || t[i] == '\t') {
				cell *c = grid_add_cell(g, r, t + s, i - s);
				if (c)
					c->col = ++col;
				s = i + 1;
			}
		}
		a = e + 1;
	}
}

/* Cells that hold an HTML table get it as their nested grid. */
static void parse_cell_tables(grid *g, buf *warn)
{
	for (int i = 0; i < g->n; i++) {
		grid_row *r = &g->rows[i];
		for (int j = 0; j < r->n; j++) {
			cell *c = &r->cells[j];
			if (c->sub || (!strstr(c->text, "<table") && !strstr(c->text, "<TABLE")))
				continue;
			grid *sub = grid_new();
			if (html_read(c->text, c->len, c->line, c->col, sub, warn) > 0)
				c->sub = sub;
			else
				grid_free(sub);
		}
	}
}

int extract_bytes(const char *bytes, size_t n, const extract_opts *o, FILE *out,
		  extract_result *res)
{
	memset(res, 0, sizeof *res);
	const char *text = bytes;
	size_t tn = n;
	if (tn >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, tn -= 3;
	grid *g = grid_new();
	if (html_sniff(text, tn)) {
		html_read(text, tn, 1, 0, g, &res->form.warn);
	} else {
		read_lines(text, tn, g);
		parse_cell_tables(g, &res->form.warn);
	}
	if (g->err[0])
		buf_printf(&res->form.warn, "0: %s\n", g->err);
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
		buf_free(&res->form.warn);
}
