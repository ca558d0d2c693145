/* SPDX-License-Identifier: MIT */
/* sheet: cells and merged ranges -> grid rows. See sheet.h. */
#include "sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sheet_add_cell(sheet_data *s, long row, int col, size_t off, int cut)
{
	if (s->nc == s->ccap) {
		s->ccap = s->ccap ? s->ccap * 2 : 256;
		s->c = xreallocarray(s->c, (size_t)s->ccap, sizeof *s->c);
	}
	s->c[s->nc++] = (sheet_cell){row, col, off, s->text.len - off, cut};
}

void sheet_add_merge(sheet_data *s, sheet_merge m)
{
	if (s->nm == s->mcap) {
		s->mcap = s->mcap ? s->mcap * 2 : 16;
		s->m = xreallocarray(s->m, (size_t)s->mcap, sizeof *s->m);
	}
	s->m[s->nm++] = m;
}

void sheet_add_blank(sheet_data *s, long row, int col)
{
	if (s->ne && s->e[s->ne - 1].row == row) {
		if (col > s->e[s->ne - 1].col)
			s->e[s->ne - 1].col = col;
		return;
	}
	if (s->ne == s->ecap) {
		s->ecap = s->ecap ? s->ecap * 2 : 64;
		s->e = xreallocarray(s->e, (size_t)s->ecap, sizeof *s->e);
	}
	s->e[s->ne++] = (sheet_extent){row, col};
}

void sheet_free(sheet_data *s)
{
	free(s->e);
	buf_free(&s->text);
	free(s->c);
	free(s->m);
	memset(s, 0, sizeof *s);
}

static int cmp_sheet_cell(const void *a, const void *b)
{
	const sheet_cell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

static int cmp_extent(const void *a, const void *b)
{
	const sheet_extent *x = a, *y = b;
	return x->row < y->row ? -1 : x->row > y->row;
}

static int cmp_merge(const void *a, const void *b)
{
	const sheet_merge *x = a, *y = b;
	return x->r1 < y->r1 ? -1 : x->r1 > y->r1;
}

/* Formatted blanks and merged ranges reach at most the last row and
 * column that hold something; merged ranges and together cover at most SHEET_MAX_SPAN_CELLS cells
 * (the rest are read as written, g->err says so). s->m is sorted by first row. */
static void clamp_merges(sheet_data *s, grid *g)
{
	long maxrow = 0, k = 0, area = 0;
	int maxcol = 0, cut = 0;
	for (long i = 0; i < s->nc; i++) {
		if (s->c[i].row > maxrow)
			maxrow = s->c[i].row;
		if (s->c[i].col > maxcol)
			maxcol = s->c[i].col;
	}
	/* formatted blanks reach at most the last column holding something */
	for (long i = 0; i < s->ne; i++)
		if (s->e[i].col > maxcol)
			s->e[i].col = maxcol;
	for (long i = 0; i < s->nm; i++) {
		sheet_merge m = s->m[i];
		if (m.r2 > maxrow)
			m.r2 = maxrow > m.r1 ? maxrow : m.r1;
		if (m.c2 > maxcol)
			m.c2 = maxcol > m.c1 ? maxcol : m.c1;
		long a = (m.r2 - m.r1 + 1) * (long)(m.c2 - m.c1 + 1);
		if (a > SHEET_MAX_SPAN_CELLS - area) {
			cut = 1;
			continue;
		}
		area += a;
		s->m[k++] = m;
	}
	s->nm = k;
	if (cut)
		snprintf(g->err, sizeof g->err,
		         "merged ranges covering more than %ld cells: the rest read as written",
		         SHEET_MAX_SPAN_CELLS);
}

/* The sheet's cells and merges -> rows of g. Rows that hold nothing and
 * no merge covers are left out; columns before the first used one too. */
void sheet_to_grid(sheet_data *s, grid *g)
{
	if (s->nc) /* qsort's argument is nonnull */
		qsort(s->c, (size_t)s->nc, sizeof *s->c, cmp_sheet_cell);
	if (s->nm)
		qsort(s->m, (size_t)s->nm, sizeof *s->m, cmp_merge);
	if (s->ne)
		qsort(s->e, (size_t)s->ne, sizeof *s->e, cmp_extent);
	clamp_merges(s, g);
	/* the rows to emit: those with cells, and every row a merge covers */
	long *rows = NULL, nr = 0, rcap = 0;
	int mincol = 0;
	for (long i = 0; i < s->nc; i++)
		if (!mincol || s->c[i].col < mincol)
			mincol = s->c[i].col;
	for (long i = 0; i < s->nm; i++)
		if (!mincol || s->m[i].c1 < mincol)
			mincol = s->m[i].c1;
	/* the merges' rows as disjoint intervals, in order */
	sheet_merge *iv = xreallocarray(NULL, (size_t)(s->nm ? s->nm : 1), sizeof *iv);
	long niv = 0;
	for (long i = 0; i < s->nm; i++) {
		if (niv && s->m[i].r1 <= iv[niv - 1].r2 + 1) {
			if (s->m[i].r2 > iv[niv - 1].r2)
				iv[niv - 1].r2 = s->m[i].r2;
		} else {
			iv[niv++] = s->m[i];
		}
	}
	{
		long ci = 0, ii = 0, ivpos = niv ? iv[0].r1 : 0;
		while (nr < GRID_MAX_CELLS) {
			long a = ci < s->nc ? s->c[ci].row : -1, bb = ii < niv ? ivpos : -1;
			long r = a < 0 ? bb : bb < 0 ? a : a < bb ? a : bb;
			if (r < 0)
				break;
			if (nr == rcap) {
				rcap = rcap ? rcap * 2 : 64;
				rows = xreallocarray(rows, (size_t)rcap, sizeof *rows);
			}
			rows[nr++] = r;
			while (ci < s->nc && s->c[ci].row == r)
				ci++;
			if (bb == r && ++ivpos > iv[ii].r2 && ++ii < niv)
				ivpos = iv[ii].r1;
		}
	}
	free(iv);
	grid_table t;
	grid_table_init(&t, nr, 0);
	long ci = 0, mi = 0, ei = 0;
	sheet_merge **act = NULL; /* merges covering the current row */
	long nact = 0, acap = 0;
	int *stat = NULL, scap = 0; /* per column: 0 free, -1 covered, k+1 origin of merge k */
	for (long y = 0; y < nr && !g->err[0]; y++) {
		long row = rows[y];
		/* merges that start by this row join; those that ended leave */
		for (; mi < s->nm && s->m[mi].r1 <= row; mi++) {
			if (nact == acap) {
				acap = acap ? acap * 2 : 16;
				act = xreallocarray(act, (size_t)acap, sizeof *act);
			}
			act[nact++] = &s->m[mi];
		}
		long k = 0;
		for (long i = 0; i < nact; i++)
			if (act[i]->r2 >= row)
				act[k++] = act[i];
		nact = k;
		/* the row's extent */
		long c0 = ci;
		while (ci < s->nc && s->c[ci].row == row)
			ci++;
		int w = ci > c0 ? s->c[ci - 1].col : 0;
		while (ei < s->ne && s->e[ei].row < row)
			ei++;
		/* formatted blanks reach further only in a row that holds more */
		if (ei < s->ne && s->e[ei].row == row && s->e[ei].col > w)
			w = s->e[ei].col;
		for (long i = 0; i < nact; i++)
			if (act[i]->r1 == row && act[i]->c1 > w)
				w = act[i]->c1;
		if (w > GRID_MAX_COLS + mincol)
			w = GRID_MAX_COLS + mincol;
		if (w + 1 > scap) {
			scap = w + 1;
			stat = xreallocarray(stat, (size_t)scap, sizeof *stat);
		}
		memset(stat, 0, (size_t)(w + 1) * sizeof *stat);
		for (long i = 0; i < nact; i++) {
			sheet_merge *m = act[i];
			for (int x = m->c1; x <= m->c2 && x <= w; x++)
				if (!stat[x])
					stat[x] = -1;
			if (m->r1 == row && m->c1 <= w)
				stat[m->c1] = (int)(m - s->m) + 1;
		}
		grid_row *r = grid_add_row(g, row);
		grid_table_row(&t, (int)y);
		long cj = c0;
		for (int x = mincol; x <= w && !t.full; x++) {
			const sheet_cell *xc = NULL;
			while (cj < ci && s->c[cj].col < x)
				cj++;
			if (cj < ci && s->c[cj].col == x)
				xc = &s->c[cj];
			if (stat[x] == -1)
				continue; /* a copy the origin's spans make */
			if (grid_table_before(g, r, &t) < 0)
				break;
			long cs = 1, rs = 1;
			if (stat[x] > 0) {
				const sheet_merge *m = &s->m[stat[x] - 1];
				cs = m->c2 - m->c1 + 1;
				/* rows of the merge that are emitted: all of them */
				rs = m->r2 - m->r1 + 1;
			}
			grid_table_cell(g, r, &t, xc ? s->text.s + xc->off : "", xc ? xc->len : 0,
			                cs, rs);
		}
		grid_table_row_end(g, r, &t);
		for (int j = 0; j < r->n; j++) {
			cell *c = &r->cells[j];
			c->flags |= CELL_SHEET;
			c->tcol += mincol - 1;
			c->trow = (int)row;
			c->line = row;
		}
	}
	grid_table_free(&t);
	free(stat);
	free(act);
	free(rows);
}
