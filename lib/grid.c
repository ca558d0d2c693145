/* grid: the table model. See grid.h. */
#include "grid.h"

#include <stdlib.h>
#include <string.h>

grid *grid_new(void)
{
	return xcalloc(1, sizeof(grid));
}

void grid_free(grid *g)
{
	if (!g)
		return;
	for (int i = 0; i < g->n; i++) {
		grid_row *r = &g->rows[i];
		for (int j = 0; j < r->n; j++) {
			free(r->cells[j].text);
			grid_free(r->cells[j].sub);
		}
		free(r->cells);
	}
	free(g->rows);
	free(g);
}

grid_row *grid_add_row(grid *g, long line)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->rows = xreallocarray(g->rows, (size_t)g->cap, sizeof *g->rows);
	}
	grid_row *r = &g->rows[g->n++];
	memset(r, 0, sizeof *r);
	r->line = line;
	return r;
}

cell *grid_add_cell(grid *g, grid_row *r, const char *text, size_t n)
{
	if (g->ncells >= GRID_MAX_CELLS) {
		if (!g->err[0])
			snprintf(g->err, sizeof g->err, "more than %ld cells in one table: rest ignored",
				 GRID_MAX_CELLS);
		return NULL;
	}
	if (r->n >= GRID_MAX_COLS) {
		if (!g->err[0])
			snprintf(g->err, sizeof g->err,
				 "more than %d cells in one row: rest ignored", GRID_MAX_COLS);
		return NULL;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->cells = xreallocarray(r->cells, (size_t)r->cap, sizeof *r->cells);
	}
	cell *c = &r->cells[r->n++];
	memset(c, 0, sizeof *c);
	g->ncells++;
	if (n > GRID_MAX_CELL_TEXT) {
		/* cut at a character boundary */
		size_t k = GRID_MAX_CELL_TEXT;
		while (k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80)
			k--;
		n = k;
		c->flags |= CELL_CUT;
	}
	c->text = xmemdup(text, n);
	c->len = grid_clean_text(c->text, n);
	c->line = r->line;
	return c;
}

/* Length of a blank (not a line break) at s, or 0. */
static size_t blank_at(const unsigned char *s, size_t avail)
{
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '\v' || s[0] == '\f')
		return 1;
	if (s[0] < 0x80)
		return 0;
	size_t n;
	long cp = utf8_decode(s, avail, &n);
	if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
	    cp == 0x3000 || cp == 0xFEFF)
		return n;
	return 0;
}

size_t grid_clean_text(char *str, size_t n)
{
	unsigned char *s = (unsigned char *)str;
	size_t r = 0, w = 0;
	int pend = 0; /* 0 none, 1 space, 2 newline pending */
	while (r < n) {
		size_t k;
		if (s[r] == '\n' || s[r] == '\r') {
			pend = 2;
			r++;
			continue;
		}
		if ((k = blank_at(s + r, n - r)) > 0) {
			if (pend < 1)
				pend = 1;
			r += k;
			continue;
		}
		if (pend && w > 0)
			s[w++] = pend == 2 ? '\n' : ' ';
		pend = 0;
		s[w++] = s[r++];
	}
	s[w] = 0;
	return w;
}
