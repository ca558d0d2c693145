/* SPDX-License-Identifier: MIT */
/* html2seed: render a saved web page (one big table per form, block labels
 * in column 1 spanning their rows) in the seed's shape: TAB-separated lines
 * where a block's label is followed by a cell holding the block's own HTML
 * table, then that table's non-empty cells flattened inline, then one TAB
 * line per table row with a leading empty cell (the flattened copies). A
 * one-row block without spans is written as a plain TAB line, as the seed
 * writes 部门名称. A fixture tool: it reads the page with the project's own
 * HTML reader. Usage: html2seed < page.html > doc.txt */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "grid.h"
#include "html.h"
#include "util.h"

static const grid *G;

static int is_copy(const cell *c)
{
	return (c->flags & (CELL_VSPAN | CELL_HSPAN)) != 0;
}

static void put_text(const char *s)
{
	for (; *s; s++)
		putchar(*s == '\n' || *s == '\t' ? ' ' : *s);
}

static void html_text(const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			fputs("&lt;", stdout);
		else if (*s == '&')
			fputs("&amp;", stdout);
		else if (*s == '\n')
			fputs("<br>", stdout);
		else if (*s == '\t')
			putchar(' ');
		else
			putchar(*s);
	}
}

/* Rows a..b-1 form a block; columns from 1 on are its content. */
static void block(int a, int b)
{
	const grid_row *r0 = &G->rows[a];
	put_text(r0->cells[0].text);
	if (b - a == 1) { /* one row: a plain line of its own cells */
		for (int j = 1; j < r0->n; j++) {
			if (is_copy(&r0->cells[j]))
				continue;
			putchar('\t');
			put_text(r0->cells[j].text);
		}
		putchar('\n');
		return;
	}
	fputs("\t<table border=\"1\" style=\"width: 100%; border-collapse: collapse;\">", stdout);
	for (int i = a; i < b; i++) {
		const grid_row *r = &G->rows[i];
		fputs(" <tr>", stdout);
		for (int j = 1; j < r->n; j++) {
			const cell *c = &r->cells[j];
			if (is_copy(c))
				continue;
			int cs = 1, rs = 1;
			while (j + cs < r->n && (r->cells[j + cs].flags & CELL_HSPAN))
				cs++;
			while (i + rs < b && j < G->rows[i + rs].n &&
			       (G->rows[i + rs].cells[j].flags & CELL_VSPAN))
				rs++;
			fputs(" <td", stdout);
			if (cs > 1)
				printf(" colspan=\"%d\"", cs);
			if (rs > 1)
				printf(" rowspan=\"%d\"", rs);
			putchar('>');
			html_text(c->text);
			fputs("</td>", stdout);
		}
		fputs(" </tr>", stdout);
	}
	fputs(" </table>", stdout);
	for (int i = a; i < b; i++)
		for (int j = 1; j < G->rows[i].n; j++)
			if (!is_copy(&G->rows[i].cells[j]) && G->rows[i].cells[j].len) {
				putchar('\t');
				put_text(G->rows[i].cells[j].text);
			}
	putchar('\n');
	for (int i = a; i < b; i++) {
		const grid_row *r = &G->rows[i];
		for (int j = 1; j < r->n; j++) {
			putchar('\t');
			if (!is_copy(&r->cells[j]))
				put_text(r->cells[j].text);
		}
		putchar('\n');
	}
}

int main(void)
{
	char *data, err[256];
	size_t n;
	if (extract_slurp(stdin, &data, &n, err, sizeof err) < 0) {
		fprintf(stderr, "html2seed: %s\n", err);
		return 2;
	}
	grid *g = grid_new();
	warnings warn = {0};
	html_read(data, n, 1, 0, g, &warn);
	G = g;
	for (int i = 0; i < g->n;) {
		const grid_row *r = &g->rows[i];
		int own = 0;
		for (int j = 0; j < r->n; j++)
			own += !is_copy(&r->cells[j]);
		if (own <= 1) { /* a title or other one-cell line */
			put_text(r->n ? r->cells[0].text : "");
			putchar('\n');
			i++;
			continue;
		}
		int b = i + 1;
		while (b < g->n && g->rows[b].n && (g->rows[b].cells[0].flags & CELL_VSPAN))
			b++;
		block(i, b);
		i = b;
	}
	grid_free(g);
	warn_free(&warn);
	free(data);
	return 0;
}
