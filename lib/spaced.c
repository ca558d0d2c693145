/* SPDX-License-Identifier: MIT */
/* spaced: space-aligned text -> TAB-separated rows. A table is a run of
 * lines whose cells start at the same columns; its columns are the starts
 * of all its cells. See spaced.h and docs/regrid.md section 1b. */
#include "spaced.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

long spaced_width(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	long w = 0;
	size_t i = 0, k;
	while (i < n) {
		long cp = utf8_decode(u + i, n - i, &k);
		if (cp < 0)
			k = 1;
		w += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
		             (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		             (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
		             (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)
		         ? 2
		         : 1;
		i += k;
	}
	return w;
}

size_t spaced_cut(const char *s, size_t n, spaced_piece *out, size_t max)
{
	size_t i = 0, cells = 0;
	long col = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++, col++;
		if (i >= n)
			break;
		/* a cell: up to the next run of two spaces or more */
		size_t a = i, e = i;
		long acol = col;
		while (i < n) {
			if (s[i] == ' ' && (i + 1 >= n || s[i + 1] == ' '))
				break;
			size_t k = utf8_len((const unsigned char *)s + i, n - i);
			col += spaced_width(s + i, k);
			i += k;
			e = i;
		}
		if (cells < max)
			out[cells] = (spaced_piece){.off = a, .len = e - a, .col = acol};
		cells++;
	}
	return cells;
}

int spaced_lines(const char *text, size_t n)
{
	size_t i = 0, len;
	const char *s;
	long lines = 0, spaced = 0;
	spaced_piece p[2];
	while (pg_next_line(text, n, &i, &s, &len)) {
		size_t c = spaced_cut(s, len, p, 2);
		lines += c > 0;
		spaced += c >= 2;
	}
	return spaced >= 2 && spaced * 3 >= lines;
}

/* A table's column starts, sorted; starts one column apart are one. */
typedef struct {
	long v[SPACED_MAX_COLS];
	int n;
} starts;

/* Index of the start at or nearest before col (within one column), or -1. */
static int start_at(const starts *st, long col)
{
	int lo = 0, hi = st->n; /* first start > col + 1 */
	while (lo < hi) {
		int m = (lo + hi) / 2;
		if (st->v[m] <= col + 1)
			lo = m + 1;
		else
			hi = m;
	}
	return lo - 1;
}

static int has_start(const starts *st, long col)
{
	int k = start_at(st, col);
	return k >= 0 && st->v[k] >= col - 1;
}

static void add_start(starts *st, long col)
{
	if (has_start(st, col) || st->n >= SPACED_MAX_COLS)
		return;
	int k = start_at(st, col) + 1;
	memmove(st->v + k + 1, st->v + k, (size_t)(st->n - k) * sizeof *st->v);
	st->v[k] = col;
	st->n++;
}

/* Does a line of cells p[0..c) belong to the table of starts st: when st
 * has fewer than two starts, when the line holds one cell, or when half of
 * its cells after the first, or more, start at the table's columns (the
 * first is at the table's left edge in any table)? */
static int belongs(const starts *st, const spaced_piece *p, size_t c)
{
	if (st->n < 2 || c < 2)
		return 1;
	size_t hit = 0;
	for (size_t j = 1; j < c; j++)
		hit += has_start(st, p[j].col);
	return hit * 2 >= c - 1;
}

static void put(spaced_out *o, spaced_cell c)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 256;
		o->v = xreallocarray(o->v, o->cap, sizeof *o->v);
	}
	o->v[o->n++] = c;
}

void spaced_out_free(spaced_out *o)
{
	free(o->v);
	*o = (spaced_out){0};
}

void spaced_read(const char *text, size_t n, long max_cells, spaced_out *o)
{
	spaced_piece *p = xreallocarray(NULL, SPACED_MAX_COLS, sizeof *p);
	starts *st = xreallocarray(NULL, 1, sizeof *st);
	/* the columns where the row before has a cell, and how many */
	unsigned char *above = xreallocarray(NULL, SPACED_MAX_COLS, 1);
	int *col = xreallocarray(NULL, SPACED_MAX_COLS, sizeof *col);
	size_t i = 0, len;
	const char *s;
	long line = 0;
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && !o->cut) {
		/* a table: the lines from i whose cells start at its columns */
		size_t from = i, end = i, j = i;
		st->n = 0;
		while (pg_next_line(text, n, &j, &s, &len)) {
			size_t c = spaced_cut(s, len, p, SPACED_MAX_COLS);
			if (c > SPACED_MAX_COLS)
				c = SPACED_MAX_COLS;
			if (!belongs(st, p, c))
				break;
			for (size_t k = 0; k < c; k++)
				add_start(st, p[k].col);
			end = j;
		}
		/* its lines, each cell in its column */
		size_t nabove = 0;
		memset(above, 0, SPACED_MAX_COLS);
		for (i = from; i < end && !o->cut && pg_next_line(text, end, &i, &s, &len);) {
			line++;
			size_t c = spaced_cut(s, len, p, SPACED_MAX_COLS);
			if (c > SPACED_MAX_COLS)
				c = SPACED_MAX_COLS;
			int at = 0;
			for (size_t k = 0; k < c; k++) {
				col[k] = start_at(st, p[k].col);
				if (col[k] < at)
					col[k] = at; /* past the kept starts: the next column */
				at = col[k] + 1;
			}
			int cont = c >= 1 && c < nabove;
			for (size_t k = 0; cont && k < c; k++)
				cont = above[col[k]];
			at = 0;
			for (size_t k = 0; k < c; k++) {
				for (; at < col[k]; at++)
					put(o, (spaced_cell){.line = line, .col = at + 1});
				put(o, (spaced_cell){.off = (size_t)(s + p[k].off - text),
				                     .len = p[k].len,
				                     .line = line,
				                     .col = ++at});
			}
			/* a row with a cell past the first column: as wide as its table */
			for (; at > 1 && at < st->n; at++)
				put(o, (spaced_cell){.line = line, .col = at + 1});
			put(o, (spaced_cell){.line = line, .end = (signed char)(cont ? 2 : 1)});
			if ((long)o->n > max_cells)
				o->cut = line;
			if (!cont) { /* the next line's cells are compared with these */
				memset(above, 0, SPACED_MAX_COLS);
				for (size_t k = 0; k < c; k++)
					above[col[k]] = 1;
				nabove = c;
			}
		}
		i = end;
	}
	free(p);
	free(st);
	free(above);
	free(col);
}
