/* SPDX-License-Identifier: MIT */
/* Unit tests for html: span expansion (overlapping, oversized, zero), cell
 * text (entities, <br>, blanks), nested tables, text outside tables. */
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "html.h"
#include "t.h"

static grid *parse(const char *h, warnings *warn)
{
	grid *g = grid_new();
	html_read(h, strlen(h), 1, 0, g, warn);
	return g;
}

/* The grid as text: cells separated by '|', rows by '/'; a span copy shows
 * as 'v' (row span) or 'h' (column span). */
static const char *show(const grid *g)
{
	static buf b;
	buf_reset(&b);
	for (int i = 0; i < g->n; i++) {
		if (i)
			buf_addc(&b, '/');
		for (int j = 0; j < g->rows[i].n; j++) {
			const cell *c = &g->rows[i].cells[j];
			if (j)
				buf_addc(&b, '|');
			if (c->flags & CELL_VSPAN)
				buf_addc(&b, 'v');
			else if (c->flags & CELL_HSPAN)
				buf_addc(&b, 'h');
			else
				buf_add(&b, c->text, c->len);
		}
	}
	return buf_str(&b);
}

/* The warnings as "LINE: message" lines, to compare. */
static const char *warns(const warnings *w)
{
	static buf b;
	buf_reset(&b);
	for (size_t i = 0; i < w->n; i++)
		buf_printf(&b, "%ld: %s\n", w->v[i].line, w->v[i].msg);
	return buf_str(&b);
}

/* grid_set_sub: nested grids counted (NULL is not one), and freed by
 * grid_free wherever they are: in the first cell, in a nested grid's own
 * cell, in the very last cell after many empty ones (under `make
 * check-asan` a walk that stops too soon is a leak). */
static void test_set_sub(void)
{
	grid *g = grid_new(), *a = grid_new(), *aa = grid_new(), *b = grid_new();
	grid_row *r = grid_add_row(g, 1);
	cell *c = grid_add_cell(g, r, "x", 1);
	grid_set_sub(g, c, a);
	grid_row *ar = grid_add_row(a, 1);
	grid_add_empty(a, ar, 3, 1);
	grid_set_sub(a, grid_add_cell(a, ar, "y", 1), aa);
	r = grid_add_row(g, 2);
	grid_add_empty(g, r, 100, 1);
	grid_set_sub(g, &r->cells[50], NULL);
	r = grid_add_row(g, 3);
	grid_add_empty(g, r, 100, 1);
	grid_set_sub(g, grid_add_cell(g, r, "z", 1), b);
	CHECK_INT(g->subs, 2);
	CHECK_INT(a->subs, 1);
	CHECK_INT(b->subs, 0);
	CHECK(g->rows[2].cells[100].sub == b);
	CHECK(g->rows[1].cells[50].sub == NULL);
	grid_free(g);
}

int main(void)
{
	warnings w = {0};
	grid *g;

	test_set_sub();

	g = parse("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", &w);
	CHECK_STR(show(g), "a|b/c|d");
	CHECK_INT(g->rows[1].cells[1].trow, 2);
	CHECK_INT(g->rows[1].cells[1].tcol, 2);
	grid_free(g);

	/* rowspan fills down as copies; colspan fills right */
	g = parse("<table><tr><td rowspan=3>L</td><td colspan=2>x</td></tr>"
	          "<tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>",
	          &w);
	CHECK_STR(show(g), "L|x|h/v|1|2/v|3|4");
	grid_free(g);

	/* a rowspan in a middle column: later cells skip over it */
	g = parse("<table><tr><td>a</td><td rowspan=2>M</td><td>b</td></tr>"
	          "<tr><td>c</td><td>d</td></tr></table>",
	          &w);
	CHECK_STR(show(g), "a|M|b/c|v|d");
	grid_free(g);

	/* overlapping: a colspan in row 2 runs over row 1's rowspan (a table
	 * model error); the rowspan still covers row 3, so it stays aligned */
	g = parse("<table><tr><td>a</td><td rowspan=3>R</td></tr>"
	          "<tr><td colspan=2>wide</td></tr><tr><td>c</td></tr></table>",
	          &w);
	CHECK_STR(show(g), "a|R/wide|h/c|v");
	grid_free(g);

	/* a rowspan past the table's end stops at the last row */
	g = parse("<table><tr><td rowspan=99999999>a</td><td>b</td></tr>"
	          "<tr><td>c</td></tr></table>",
	          &w);
	CHECK_STR(show(g), "a|b/v|c");
	CHECK_INT(g->ncells, 4);
	grid_free(g);

	/* rowspan=0 spans to the end */
	g = parse("<table><tr><td rowspan=0>a</td><td>1</td></tr><tr><td>2</td></tr>"
	          "<tr><td>3</td></tr></table>",
	          &w);
	CHECK_STR(show(g), "a|1/v|2/v|3");
	grid_free(g);

	/* colspan clamped to 1000, with a warning */
	warn_free(&w);
	g = parse("<table><tr><td colspan=2147483647>a</td><td>b</td></tr></table>", &w);
	CHECK_INT(g->rows[0].n, GRID_MAX_COLSPAN + 1);
	CHECK(strstr(warns(&w), "span clamped") != NULL);
	grid_free(g);

	/* negative and junk spans read as 1 */
	g = parse("<table><tr><td colspan=-3 rowspan=x>a</td><td>b</td></tr></table>", &w);
	CHECK_STR(show(g), "a|b");
	grid_free(g);

	/* cell text: entities, <br>, blanks, &nbsp; for empty */
	g = parse("<table><tr><td> A&amp;B&lt;1&gt; </td><td>x<br>y</td><td>&nbsp;</td>"
	          "<td><span> 中 </span><font>文</font></td></tr></table>",
	          &w);
	CHECK_STR(g->rows[0].cells[0].text, "A&B<1>");
	CHECK_STR(g->rows[0].cells[1].text, "x\ny");
	CHECK_STR(g->rows[0].cells[2].text, "");
	CHECK_STR(g->rows[0].cells[3].text, "中 文");
	grid_free(g);

	/* thead/tbody/tfoot rows in order; upper-case tags; th cells */
	g = parse("<TABLE><THEAD><TR><TH>h</TH></TR></THEAD><TBODY><TR><TD>b</TD></TR></TBODY>"
	          "</TABLE>",
	          &w);
	CHECK_STR(show(g), "h/b");
	grid_free(g);

	/* text outside tables becomes one-cell rows, in order */
	g = parse("<html><head><title>t</title><style>x{}</style></head><body><h1>Title</h1>"
	          "<p>unit</p><table><tr><td>a</td></tr></table><p>after</p></body></html>",
	          &w);
	CHECK_STR(show(g), "Title/unit/a/after");
	grid_free(g);

	/* a table inside a cell: its rows follow the cell's row, which keeps
	 * its other cells and its own text (it used to be replaced) */
	g = parse("<table><tr><td>label</td><td>own<table><tr><td>x</td><td>y</td></tr>"
	          "<tr><td><table><tr><td>z</td></tr></table></td></tr>"
	          "</table></td><td>after</td></tr><tr><td>next</td></tr></table>",
	          &w);
	CHECK_STR(show(g), "label|own|after/x|y//z/next");
	CHECK(g->rows[0].cells[1].sub == NULL);
	grid_free(g);
	g = parse("<table><caption>cap<table><tr><td>c</td></tr></table></caption>"
	          "<tr><td>a</td></tr></table>",
	          &w);
	CHECK_STR(show(g), "cap/c/a");
	grid_free(g);

	/* tables nested deeper than HTML_MAX_TABLE_DEPTH: their text is the
	 * cell's text, and the rows above them are read */
	buf d17 = {0};
	for (int i = 0; i < HTML_MAX_TABLE_DEPTH + 2; i++)
		buf_printf(&d17, "<table><tr><td>t%d</td><td>", i + 1);
	buf_adds(&d17, "core");
	for (int i = 0; i < HTML_MAX_TABLE_DEPTH + 2; i++)
		buf_adds(&d17, "</td></tr></table>");
	warn_free(&w);
	g = parse(d17.s, &w);
	CHECK_INT(g->n, HTML_MAX_TABLE_DEPTH);
	CHECK_STR(g->rows[0].cells[0].text, "t1");
	CHECK_STR(g->rows[15].cells[0].text, "t16");
	CHECK_STR(g->rows[15].cells[1].text, "t17\nt18 core");
	CHECK_STR(warns(&w), "1: tables nested deeper than 16: inner ones read as text\n");
	grid_free(g);
	buf_free(&d17);

	/* a form inside <noscript> is read */
	g = parse("<noscript><table><tr><td>a</td></tr></table></noscript>", &w);
	CHECK_STR(show(g), "a");
	grid_free(g);

	/* a row of more than GRID_MAX_COLS cells: the rest is dropped, said */
	buf wide = {0};
	buf_adds(&wide, "<table><tr>");
	for (int i = 0; i < GRID_MAX_COLS + 1; i++)
		buf_adds(&wide, "<td>c</td>");
	buf_adds(&wide, "</tr><tr><td>next</td></tr></table>");
	warn_free(&w);
	g = parse(wide.s, &w);
	CHECK_INT(g->n, 2);
	CHECK_INT(g->rows[0].n, GRID_MAX_COLS);
	CHECK_STR(warns(&w), "1: more than 20000 cells in one row: rest ignored\n");
	grid_free(g);
	buf_free(&wide);
	/* exactly GRID_MAX_COLS: no warning */
	buf_reset(&wide);
	buf_adds(&wide, "<table><tr>");
	for (int i = 0; i < GRID_MAX_COLS; i++)
		buf_adds(&wide, "<td>c</td>");
	buf_adds(&wide, "</tr></table>");
	warn_free(&w);
	g = parse(wide.s, &w);
	CHECK_INT(g->rows[0].n, GRID_MAX_COLS);
	CHECK_STR(warns(&w), "");
	grid_free(g);
	buf_free(&wide);

	/* line numbers: base line plus the line in the text */
	g = grid_new();
	const char *h = "<table>\n<tr><td>a</td></tr>\n<tr><td>b</td></tr></table>";
	html_read(h, strlen(h), 10, 2, g, &w);
	CHECK_INT(g->rows[1].cells[0].line, 12);
	CHECK_INT(g->rows[1].cells[0].col, 2);
	grid_free(g);

	/* deep nesting: no stack overflow, a warning, text kept */
	buf deep = {0};
	for (int i = 0; i < 20000; i++)
		buf_adds(&deep, "<table><tr><td>");
	buf_adds(&deep, "core");
	warn_free(&w);
	g = grid_new();
	html_read(deep.s, deep.len, 1, 0, g, &w);
	CHECK(strstr(warns(&w), "nested deeper") != NULL);
	grid_free(g);
	buf_free(&deep);

	/* through html_read: the warning, and the cells before the cut */
	buf many = {0};
	buf_adds(&many, "<table><tr><td>kept</td></tr></table>");
	for (long i = 0; i < HTML_MAX_TAGS / 2; i++)
		buf_adds(&many, "<p></p>");
	buf_adds(&many, "<table><tr><td>dropped</td></tr></table>");
	warn_free(&w);
	g = grid_new();
	html_read(many.s, many.len, 1, 0, g, &w);
	CHECK_STR(warns(&w), "1: more than 1000000 HTML tags: rest of the text not read\n");
	CHECK_STR(show(g), "kept");
	grid_free(g);
	buf_free(&many);

	CHECK(html_sniff("  <!DOCTYPE html>", 17));
	CHECK(html_sniff("\xEF\xBB\xBF<html>", 9));
	CHECK(!html_sniff("\n\n2024年\t<table>", 20));
	warn_free(&w);
	T_END();
}
