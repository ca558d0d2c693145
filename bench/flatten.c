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
 *          copied from a browser);
 *   spaced each cell at its column's start, columns as wide as their widest
 *          cell and two spaces apart, a merged cell once, as wide as the
 *          columns it spans (the text of `pdftotext -layout`); a cell's
 *          lines one under the other in its column;
 *   frames every cell framed (`| a | b |`), but the lines broken every
 *          FRAMES_PER_LINE cells, not at row ends: a row broken over
 *          lines, several rows on one line (real 15's text); an empty
 *          cell is an empty piece, lost when it falls at a line's edge.
 * A line break inside a cell stays a line break, as in the real texts (with
 * pipes the line then leaves its cell open: no pipe after it). The page title and any text
 * outside the table come first, one per line. A fixture tool; see bench/README.md. Usage: flatten
 * lines|pipes|copy|spaced|frames < form > text */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "grid.h"
#include "reader.h"
#include "spaced.h"
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

/* Display width of a cell: its widest line. */
static long cell_width(const cell *c)
{
	long w = 0;
	for (const char *p = c->text; *p;) {
		size_t k = strcspn(p, "\n");
		long x = spaced_width(p, k);
		if (x > w)
			w = x;
		p += k + (p[k] == '\n');
	}
	return w;
}

/* Columns a cell spans: itself and the column-span copies after it. */
static int span_of(const grid_row *r, int j)
{
	int s = 1;
	while (j + s < r->n && (r->cells[j + s].flags & CELL_HSPAN) &&
	       !(r->cells[j + s].flags & CELL_VSPAN))
		s++;
	return s;
}

/* Write grid g space-aligned (mode spaced), the grids nested in its cells
 * after their row. */
static void render_spaced(const grid *g)
{
	int width = 0;
	for (int i = 0; i < g->n; i++)
		if (g->rows[i].n > width)
			width = g->rows[i].n;
	long *w = calloc((size_t)width + 1, sizeof *w),
	     *pos = calloc((size_t)width + 1, sizeof *pos);
	if (!w || !pos)
		exit(2);
	for (int pass = 0; pass < 2; pass++) /* one-column cells, then spans */
		for (int i = 0; i < g->n; i++) {
			const grid_row *r = &g->rows[i];
			for (int j = 0; j < r->n; j++) {
				const cell *c = &r->cells[j];
				if (is_copy(c) || c->sub)
					continue;
				int s = span_of(r, j);
				long cw = cell_width(c), have = 0;
				if ((s == 1) != (pass == 0))
					continue;
				for (int k = j; k < j + s; k++)
					have += w[k] + (k > j ? 2 : 0);
				if (cw > have)
					w[j + s - 1] += cw - have;
			}
		}
	for (int j = 1; j <= width; j++)
		pos[j] = pos[j - 1] + w[j - 1] + 2;
	for (int i = 0; i < g->n; i++) {
		const grid_row *r = &g->rows[i];
		const char *at[GRID_MAX_COLS > 4096 ? 4096 : GRID_MAX_COLS];
		int n = r->n < 4096 ? r->n : 4096, more = 1;
		for (int j = 0; j < n; j++)
			at[j] = is_copy(&r->cells[j]) || r->cells[j].sub ? "" : r->cells[j].text;
		while (more) { /* one output line per line of the row's cells */
			long col = 0;
			more = 0;
			for (int j = 0; j < n; j++) {
				if (!*at[j])
					continue;
				size_t k = strcspn(at[j], "\n");
				for (; col < pos[j]; col++)
					putchar(' ');
				fwrite(at[j], 1, k, stdout);
				col += spaced_width(at[j], k);
				at[j] += k + (at[j][k] == '\n');
				more |= *at[j] != 0;
			}
			putchar('\n');
		}
		for (int j = 0; j < r->n; j++)
			if (r->cells[j].sub)
				render_spaced(r->cells[j].sub);
	}
	free(w);
	free(pos);
}

/* Cells on one line of mode frames. */
#define FRAMES_PER_LINE 7

/* Cells written so far on the current line of mode frames. */
static int frames_on;

/* Write grid g as framed cells, FRAMES_PER_LINE a line (mode frames). */
static void render_frames(const grid *g)
{
	for (int i = 0; i < g->n; i++) {
		const grid_row *r = &g->rows[i];
		for (int j = 0; j < r->n; j++) {
			const cell *c = &r->cells[j];
			if (is_copy(c))
				continue;
			if (c->sub) {
				render_frames(c->sub);
				continue;
			}
			fputs(frames_on ? " " : "| ", stdout);
			for (const char *p = c->text; *p; p++) /* one line a cell */
				putchar(*p == '\n' ? ' ' : *p);
			fputs(" |", stdout);
			if (++frames_on == FRAMES_PER_LINE) {
				putchar('\n');
				frames_on = 0;
			}
		}
	}
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
	if (mode != 'l' && mode != 'p' && mode != 'c' && mode != 's' && mode != 'f') {
		fprintf(stderr, "usage: flatten lines|pipes|copy|spaced|frames < form > text\n");
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
		if (mode == 's')
			render_spaced(ro.g[i]);
		else if (mode == 'f')
			render_frames(ro.g[i]);
		else
			render(ro.g[i], mode);
	if (frames_on)
		putchar('\n');
	reader_out_free(&ro);
	warn_free(&warn);
	free(data);
	return 0;
}
