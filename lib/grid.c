/* SPDX-License-Identifier: MIT */
/* grid: the table model. See grid.h. */
#include "grid.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

grid *grid_new(void)
{
	return xcalloc(1, sizeof(grid));
}

/* Cell texts are carved from chunks: one allocation per GRID_CHUNK bytes
 * instead of one per cell. A text longer than a chunk's room gets a chunk of
 * its own size. */
#define GRID_CHUNK (16u << 10)

struct grid_chunk {
	struct grid_chunk *next;
	size_t used, cap;
	char data[];
};

/* Room for n bytes in g's arena; the caller gives back what it does not use
 * with arena_trim. */
static char *arena_take(grid *g, size_t n)
{
	struct grid_chunk *c = g->mem;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > GRID_CHUNK ? n : GRID_CHUNK;
		c = xmalloc(sizeof *c + cap);
		c->used = 0;
		c->cap = cap;
		/* a big text's own chunk goes second, so the current chunk
		 * keeps serving small texts */
		if (g->mem && cap > GRID_CHUNK) {
			c->next = g->mem->next;
			g->mem->next = c;
		} else {
			c->next = g->mem;
			g->mem = c;
		}
	}
	char *p = c->data + c->used;
	c->used += n;
	return p;
}

/* The last arena_take(g, took) used only kept bytes of it. */
static void arena_trim(grid *g, char *p, size_t took, size_t kept)
{
	struct grid_chunk *c = g->mem;
	if (c && p + took == c->data + c->used)
		c->used -= took - kept;
}

static void chunks_free(struct grid_chunk *c)
{
	for (struct grid_chunk *next; c; c = next) {
		next = c->next;
		free(c);
	}
}

void grid_free(grid *g)
{
	if (!g)
		return;
	/* the walk ends at the last nested grid given (grid_set_sub) */
	long left = g->subs;
	for (int i = 0; left > 0 && i < g->n; i++) {
		grid_row *r = &g->rows[i];
		for (int j = 0; j < r->n; j++)
			if (r->cells[j].sub) {
				grid_free(r->cells[j].sub);
				left--;
			}
	}
	free(g->rows);
	chunks_free(g->mem);
	chunks_free(g->cmem);
	free(g);
}

void grid_set_sub(grid *g, cell *c, grid *sub)
{
	c->sub = sub;
	if (sub)
		g->subs++;
}

/* Rows' cells are carved from chunks of GRID_CELL_CHUNK cells, in row
 * order: no allocation per row. The last row grows in place while it ends
 * its chunk; a row that cannot is moved to new room at twice its size (the
 * old room is not reused: at most as much again as the row holds). */
#define GRID_CELL_CHUNK 1024

/* Give row r room for at least need cells. */
static void row_room(grid *g, grid_row *r, int need)
{
	int cap = r->cap ? r->cap : 8;
	while (cap < need)
		cap *= 2;
	size_t add = (size_t)(cap - r->cap) * sizeof(cell);
	struct grid_chunk *c = g->cmem;
	if (r->cap && c && (char *)(r->cells + r->cap) == c->data + c->used &&
	    c->cap - c->used >= add) { /* the chunk's last row: grown in place */
		c->used += add;
		r->cap = cap;
		return;
	}
	size_t want = (size_t)cap * sizeof(cell);
	if (!c || c->cap - c->used < want) {
		size_t room =
		    want > GRID_CELL_CHUNK * sizeof(cell) ? want : GRID_CELL_CHUNK * sizeof(cell);
		c = xmalloc(sizeof *c + room);
		c->used = 0;
		c->cap = room;
		c->next = g->cmem;
		g->cmem = c;
	}
	cell *cells = (cell *)(void *)(c->data + c->used);
	c->used += want;
	if (r->n)
		memcpy(cells, r->cells, (size_t)r->n * sizeof(cell));
	r->cells = cells;
	r->cap = cap;
}

grid_row *grid_add_row(grid *g, long line)
{
	/* the row before is complete: give back its unused cell slots when
	 * they end the chunk (a document of many short rows would otherwise
	 * hold 8 slots a row) */
	if (g->n > 0) {
		grid_row *p = &g->rows[g->n - 1];
		struct grid_chunk *c = g->cmem;
		if (p->cap > p->n && c && (char *)(p->cells + p->cap) == c->data + c->used) {
			c->used -= (size_t)(p->cap - p->n) * sizeof(cell);
			p->cap = p->n;
		}
	}
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->rows = xreallocarray(g->rows, (size_t)g->cap, sizeof *g->rows);
	}
	grid_row *r = &g->rows[g->n++];
	memset(r, 0, sizeof *r);
	r->line = line;
	/* rows of one table are mostly as wide as the row before: room for
	 * that many cells at once, instead of growing 8, 16, 32 ... */
	if (g->n > 1 && r[-1].n > 8)
		row_room(g, r, r[-1].n);
	return r;
}

cell *grid_add_cell(grid *g, grid_row *r, const char *text, size_t n)
{
	if (g->ncells >= GRID_MAX_CELLS) {
		if (!g->err[0])
			snprintf(g->err, sizeof g->err,
			         "more than %ld cells in one table: rest ignored", GRID_MAX_CELLS);
		return NULL;
	}
	if (r->n >= GRID_MAX_COLS) {
		if (!g->err[0])
			snprintf(g->err, sizeof g->err,
			         "more than %d cells in one row: rest ignored", GRID_MAX_COLS);
		return NULL;
	}
	if (r->n == r->cap)
		row_room(g, r, r->n + 1);
	cell *c = &r->cells[r->n++];
	memset(c, 0, sizeof *c);
	g->ncells++;
	c->line = r->line;
	if (n == 0) { /* most cells of a TAB export are empty: no copy */
		static char empty_text[1];
		c->text = empty_text;
		return c;
	}
	if (n > GRID_MAX_CELL_TEXT) {
		/* cut at a character boundary */
		size_t k = GRID_MAX_CELL_TEXT;
		while (k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80)
			k--;
		n = k;
		c->flags |= CELL_CUT;
	}
	c->text = arena_take(g, n + 1);
	memcpy(c->text, text, n);
	c->len = grid_clean_text(c->text, n);
	arena_trim(g, c->text, n + 1, c->len + 1);
	return c;
}

cell *grid_add_empty(grid *g, grid_row *r, int k, int col)
{
	static char empty_text[1];
	if (k <= 0 || g->ncells + k > GRID_MAX_CELLS || r->n + k > GRID_MAX_COLS)
		return NULL;
	if (r->n + k > r->cap)
		row_room(g, r, r->n + k);
	cell *c = &r->cells[r->n];
	for (int i = 0; i < k; i++)
		c[i] = (cell){.text = empty_text, .line = r->line, .col = col ? col + i : 0};
	r->n += k;
	g->ncells += k;
	return c;
}

/* Length of a blank at s (a line break is looked at before), or 0: white
 * space as canonical text has it (text_is_space), one definition. */
static size_t blank_at(const unsigned char *s, size_t avail)
{
	if (s[0] < 0x80)
		return text_is_space(s[0]) ? 1 : 0;
	size_t k;
	long cp = utf8_decode(s, avail, &k);
	return cp >= 0 && text_is_space(cp) ? k : 0;
}

size_t grid_clean_text(char *str, size_t n)
{
	unsigned char *s = (unsigned char *)str;
	size_t r = 0, w = 0;
	int pend = 0; /* 0 none, 1 space, 2 newline pending */
	while (r < n) {
		size_t k;
		if (text_class[s[r]] == TEXT_PLAIN) {
			/* a run of bytes that start no blank or line break, moved as one
			 * (short runs are the rule in cells: a loop, no call) */
			size_t e = r + 1;
			/* eight bytes a step while all are plain (TEXT_PLAIN is 0) */
			while (e + 8 <= n && !(text_class[s[e]] | text_class[s[e + 1]] |
			                       text_class[s[e + 2]] | text_class[s[e + 3]] |
			                       text_class[s[e + 4]] | text_class[s[e + 5]] |
			                       text_class[s[e + 6]] | text_class[s[e + 7]]))
				e += 8;
			while (e < n && text_class[s[e]] == TEXT_PLAIN)
				e++;
			if (pend && w > 0)
				s[w++] = pend == 2 ? '\n' : ' ';
			pend = 0;
			if (w != r)
				memmove(s + w, s + r, e - r);
			w += e - r;
			r = e;
			continue;
		}
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

/* ---- span expansion (grid_table_*) ---- */

struct grid_pend {
	int left; /* rows still covered below */
};

void grid_table_init(grid_table *t, long nrows, int base_col)
{
	memset(t, 0, sizeof *t);
	t->nrows = nrows;
	t->base_col = base_col;
}

void grid_table_free(grid_table *t)
{
	if (!t)
		return;
	free(t->pd);
	t->pd = NULL;
	t->width = t->pcap = 0;
}

void grid_table_row(grid_table *t, int y)
{
	t->y = y;
	t->x = 0;
	t->full = 0;
}

int grid_span_clamp(long *cs, long *rs, long rows_left)
{
	if (*cs < 1)
		*cs = 1;
	if (*cs > GRID_MAX_COLSPAN)
		*cs = GRID_MAX_COLSPAN;
	if (*rs < 0)
		*rs = 0;
	if (*rs > GRID_MAX_ROWSPAN)
		*rs = GRID_MAX_ROWSPAN;
	if (*rs == 0) /* HTML: to the end of the row group; we take the table */
		*rs = rows_left;
	return (*cs > 1 || *rs > 1) && (*cs == GRID_MAX_COLSPAN || *rs == GRID_MAX_ROWSPAN);
}

/* A copy or hole at the current column; NULL (t->full) at a grid limit. */
static cell *table_fill(grid *g, grid_row *r, grid_table *t, unsigned flags)
{
	cell *c = grid_add_cell(g, r, "", 0);
	if (!c) {
		t->full = 1;
		return NULL;
	}
	c->flags |= flags;
	c->col = t->base_col, c->trow = t->y + 1, c->tcol = t->x + 1;
	return c;
}

int grid_table_before(grid *g, grid_row *r, grid_table *t)
{
	while (!t->full && t->x < t->width && t->pd[t->x].left > 0) {
		if (!table_fill(g, r, t, CELL_VSPAN))
			break;
		t->pd[t->x].left--;
		t->x++;
	}
	return t->full ? -1 : 0;
}

cell *grid_table_cell(grid *g, grid_row *r, grid_table *t, const char *text, size_t n, long cs,
                      long rs)
{
	if (t->full)
		return NULL;
	if (grid_span_clamp(&cs, &rs, t->nrows - t->y))
		t->clamped = 1;
	cell *o = grid_add_cell(g, r, text, n);
	if (!o) {
		t->full = 1;
		return NULL;
	}
	int at = r->n - 1, x = t->x;
	o->col = t->base_col, o->trow = t->y + 1, o->tcol = x + 1;
	for (int s = 1; s < cs; s++) {
		t->x = x + s;
		if (!table_fill(g, r, t, CELL_HSPAN))
			break;
	}
	t->x = x;
	if (x + cs > t->width) {
		int nw = x + (int)cs;
		if (nw > t->pcap) { /* grown by half at least: a wide row is not quadratic */
			int cap = t->pcap + t->pcap / 2 > nw ? t->pcap + t->pcap / 2 : nw;
			t->pd = xreallocarray(t->pd, (size_t)cap, sizeof *t->pd);
			t->pcap = cap;
		}
		memset(t->pd + t->width, 0, (size_t)(nw - t->width) * sizeof *t->pd);
		t->width = nw;
	}
	/* rowspans reach at most the table's last row */
	long below = rs - 1;
	if (below > t->nrows - t->y - 1)
		below = t->nrows - t->y - 1;
	/* an overlapping cell (a table model error) does not cut a rowspan
	 * from above short: rows below stay aligned */
	for (int s = 0; s < cs; s++)
		if (t->pd[x + s].left <= below)
			t->pd[x + s].left = (int)below;
	if (below > 0 && x + (int)cs - 1 > t->plast)
		t->plast = x + (int)cs - 1;
	t->x = x + (int)cs;
	if (t->x >= GRID_MAX_COLS)
		t->full = 1;
	return &r->cells[at]; /* the copies may have moved the row's cells */
}

void grid_table_row_end(grid *g, grid_row *r, grid_table *t)
{
	if (t->full)
		return;
	/* the last column a rowspan still covers: holes before it are kept */
	int last = -1;
	for (int z = t->plast < t->width ? t->plast : t->width - 1; z >= t->x && last < 0; z--)
		if (t->pd[z].left > 0)
			last = z;
	while (t->x < t->width && t->x <= last) {
		int copy = t->pd[t->x].left > 0;
		if (!table_fill(g, r, t, copy ? CELL_VSPAN : 0))
			break;
		if (copy)
			t->pd[t->x].left--;
		t->x++;
	}
	/* what is still pending lies before x: the next row's scan starts there,
	 * so a wide row followed by narrow ones is not scanned again and again */
	if (!t->full)
		t->plast = t->x - 1;
}

/* ---- provenance ---- */

/* v in decimal at p (as %ld); returns the end. */
static char *put_num(char *p, long v)
{
	char t[24];
	int k = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	if (v < 0)
		*p++ = '-';
	do
		t[k++] = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	while (k)
		*p++ = t[--k];
	return p;
}

char *grid_col_letters(int col, char *b)
{
	char t[8];
	int k = 0;
	for (unsigned v = col > 0 ? (unsigned)col : 1u; v > 0 && k < 7; v = (v - 1) / 26)
		t[k++] = (char)('A' + (v - 1) % 26);
	for (int i = 0; i < k; i++)
		b[i] = t[k - 1 - i];
	b[k] = 0;
	return b;
}

/* Written by hand, not with snprintf: it runs once per fact. */
char *grid_cell_src(const cell *c, const char *sheet, char *b, size_t bsz)
{
	char *p = b;
	if (c && (c->flags & CELL_SHEET)) {
		char col[8];
		size_t room = bsz - 24; /* for `!`, the column and the row */
		if (sheet) {
			size_t k = strlen(sheet);
			if (k > room) {
				k = room;
				while (k > 0 && ((unsigned char)sheet[k] & 0xC0) == 0x80)
					k--;
			}
			memcpy(p, sheet, k);
			p += k;
			*p++ = '!';
		}
		grid_col_letters(c->tcol, col);
		size_t k = strlen(col);
		memcpy(p, col, k);
		p = put_num(p + k, c->trow);
	} else if (c && (c->flags & CELL_DOCX)) {
		if (c->trow) {
			*p++ = 'T', p = put_num(p, c->col);
			*p++ = ':';
			*p++ = 'R', p = put_num(p, c->trow);
			*p++ = 'C', p = put_num(p, c->tcol);
		} else {
			*p++ = 'P', p = put_num(p, c->col);
		}
	} else {
		if (c && c->page) /* a PDF cell: its page first, `P2:R5C3` */
			*p++ = 'P', p = put_num(p, c->page);
		if (c && c->line)
			*p++ = 'L', p = put_num(p, c->line);
		if (c && c->col)
			*p++ = 'C', p = put_num(p, c->col);
		if (c && c->trow) {
			if (p > b)
				*p++ = ':';
			*p++ = 'R', p = put_num(p, c->trow);
			*p++ = 'C', p = put_num(p, c->tcol);
		}
	}
	*p = 0;
	return b;
}

int grid_has_text(const grid *g)
{
	for (int i = 0; g && i < g->n; i++)
		for (int j = 0; j < g->rows[i].n; j++) {
			const cell *c = &g->rows[i].cells[j];
			if (c->len || (c->sub && grid_has_text(c->sub)))
				return 1;
		}
	return 0;
}
