/* SPDX-License-Identifier: MIT */
/* flatten: render a form's grid as the text a user gets when the grid is
 * lost -- the re-renderer of the metamorphic test (tests/cli/regrid.sh).
 * It reads the input as pg-extract does (reader_pick) and writes each
 * table row's own cells (a merged cell once, in the row where it starts;
 * span copies are not written) in one of three shapes:
 *   lines  one cell per line, an empty cell as an empty line (the text of a
 *          web page, docx2txt, pdftotext without -layout);
 *   pipes  a row's cells joined by " | ", the padding pipes of the spans it
 *          lost at its end (one per missing column, as `a | b | ||||`);
 *   copy   a row's cells joined by TABs, a merged cell written once (text
 *          copied from a browser).
 * A line break inside a cell stays a line break, as in the real texts (with
 * pipes the line then leaves its cell open: no pipe after it). The page title and any text
 * outside the table come first, one per line. A fixture tool; see bench/README.md. Usage: flatten
 * lines|pipes|copy < form > text */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "grid.h"
#include "reader.h"
#include "util.h"

static int is_copy(const cell *c)
{
	return (c->flags & (CELL_VSPAN | CELL_HSPAN)) != 0;
}

/* A cell's text, line breaks included. */
static void put_text(const cell *c)
{
	fputs(c->text, stdout);
}

/* Write grid g (and the grids nested in its cells, each after its row). */
static void render(const grid *g, int mode)
{
	int width = 0;
	for (int i = 0; i < g->n; i++)
		if (g->rows[i].n > width)
			width = g->rows[i].n;
	for (int i = 0; i < g->n; i++) {
		const grid_row *r = &g->rows[i];
		int k = 0, last = -1;
		for (int j = 0; j < r->n; j++)
			if (!is_copy(&r->cells[j]) && r->cells[j].len && !r->cells[j].sub)
				last = j;
		for (int j = 0; j < r->n; j++) {
			const cell *c = &r->cells[j];
			if (is_copy(c))
				continue;
			if (c->sub) { /* a cell holding a table: its rows instead */
				render(c->sub, mode);
				continue;
			}
			if (mode == 'l') {
				put_text(c);
				putchar('\n');
				continue;
			}
			if (j > last && mode == 'p')
				break;
			if (k++)
				fputs(mode == 'p' ? " | " : "\t", stdout);
			put_text(c);
		}
		if (mode == 'p' && k) {
			fputs(" |", stdout);
			if (k < width)
				printf(" %.*s", width - k,
				       "||||||||||||||||||||||||||||||||||||||||");
		}
		if (mode != 'l' && k)
			putchar('\n');
	}
}

int main(int argc, char **argv)
{
	int mode = argc == 2 ? argv[1][0] : 0;
	if (mode != 'l' && mode != 'p' && mode != 'c') {
		fprintf(stderr, "usage: flatten lines|pipes|copy < form > text\n");
		return 2;
	}
	char *data, err[256];
	size_t n;
	if (extract_slurp(stdin, &data, &n, err, sizeof err) < 0) {
		fprintf(stderr, "flatten: %s\n", err);
		return 2;
	}
	/* the reader pg-extract picks (reader.c) */
	warnings warn = {0};
	reader_out ro = {0};
	ro.warn = &warn;
	if (reader_pick(data, n)->read(data, n, "-", &ro) < 0) {
		fprintf(stderr, "flatten: %s\n", ro.err);
		return 2;
	}
	for (int i = 0; i < ro.n; i++)
		render(ro.g[i], mode);
	reader_out_free(&ro);
	warn_free(&warn);
	free(data);
	return 0;
}
