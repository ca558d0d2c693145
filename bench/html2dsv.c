/* SPDX-License-Identifier: MIT */
/* html2dsv: render a saved web page as a spreadsheet's delimited export of
 * the same grid -- the way an office suite writes merged cells (once, in
 * their top-left cell, empty elsewhere), quoting fields that hold the
 * delimiter, a quote or a line break. A fixture tool: it reads with the
 * project's own HTML reader, so it shows the grid pg-extract sees.
 * Usage: html2dsv [-c] < page.html > export.tsv   (-c: comma-separated) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "grid.h"
#include "html.h"
#include "util.h"

static void field(const cell *c, int delim)
{
	const char *t = c->flags & (CELL_VSPAN | CELL_HSPAN) ? "" : c->text;
	int quote = strchr(t, delim) || strchr(t, '"') || strchr(t, '\n');
	if (!quote) {
		fputs(t, stdout);
		return;
	}
	putchar('"');
	for (const char *p = t; *p; p++) {
		if (*p == '"')
			putchar('"');
		putchar(*p);
	}
	putchar('"');
}

int main(int argc, char **argv)
{
	int delim = argc > 1 && strcmp(argv[1], "-c") == 0 ? ',' : '\t';
	char *data, err[256];
	size_t n;
	if (extract_slurp(stdin, &data, &n, err, sizeof err) < 0) {
		fprintf(stderr, "html2dsv: %s\n", err);
		return 2;
	}
	grid *g = grid_new();
	warnings warn = {0};
	html_read(data, n, 1, 0, g, &warn);
	int width = 0;
	for (int i = 0; i < g->n; i++)
		if (g->rows[i].n > width)
			width = g->rows[i].n;
	for (int i = 0; i < g->n; i++) {
		for (int j = 0; j < width; j++) {
			if (j)
				putchar(delim);
			if (j < g->rows[i].n)
				field(&g->rows[i].cells[j], delim);
		}
		fputs("\r\n", stdout);
	}
	grid_free(g);
	warn_free(&warn);
	free(data);
	return 0;
}
