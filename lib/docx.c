/* SPDX-License-Identifier: MIT */
/* docx: document.xml -> grid. See docx.h. */
#include "docx.h"

#include <stdlib.h>
#include <string.h>

#include "ooxml.h"
#include "xml.h"

#define TEXT_CAP (GRID_MAX_CELL_TEXT + 4)

enum { VM_NONE, VM_RESTART, VM_CONTINUE };

typedef struct {
	buf text;
	int span, vmerge, cut;
	grid *sub; /* a nested table */
	int col;   /* grid column (0-based), set when the table ends */
	long rs;   /* rows spanned; 0: covered by a vMerge from above */
} dcell;

typedef struct {
	dcell *c;
	int n, cap;
	int before; /* w:gridBefore */
} drow;

typedef struct {
	drow *r;
	int n, cap;
	int no; /* table number in the document */
} dtable;

typedef struct {
	xml_parser *p;
	grid *g;
	dtable *tab; /* open tables, innermost last */
	int ntab, tabcap;
	int deep;   /* tables open beyond DOCX_MAX_TABLE_DEPTH */
	int tables; /* tables started, for their numbers */
	long paras; /* body paragraphs, for their numbers */
	long cells; /* cells held, for GRID_MAX_CELLS */
	int in_t, in_p, del;
	buf para; /* the body paragraph being read */
	int cut;  /* a text was cut */
	int full; /* GRID_MAX_CELLS reached */
	int deep_warned;
	warnings *warn;
} doc;

/* Where text goes now: the innermost open cell, else the body paragraph. */
static dcell *cur_cell(doc *d)
{
	if (!d->ntab)
		return NULL;
	dtable *t = &d->tab[d->ntab - 1];
	if (!t->n || !t->r[t->n - 1].n)
		return NULL;
	drow *r = &t->r[t->n - 1];
	return &r->c[r->n - 1];
}

static buf *cur_text(doc *d, int **cut)
{
	dcell *c = cur_cell(d);
	if (d->ntab && !c)
		return NULL; /* text between cells */
	*cut = c ? &c->cut : &d->cut;
	return c ? &c->text : &d->para;
}

static void add_text(doc *d, const char *s, size_t n)
{
	int *cut;
	buf *b = cur_text(d, &cut);
	if (!b)
		return;
	if (b->len + n > TEXT_CAP) {
		*cut = 1;
		n = b->len < TEXT_CAP ? TEXT_CAP - b->len : 0;
	}
	buf_add(b, s, n);
}

static void table_to_grid(doc *d, dtable *t, grid *g);

static void free_table(dtable *t)
{
	for (int y = 0; y < t->n; y++) {
		for (int x = 0; x < t->r[y].n; x++) {
			buf_free(&t->r[y].c[x].text);
			grid_free(t->r[y].c[x].sub);
		}
		free(t->r[y].c);
	}
	free(t->r);
}

static void d_start(void *u, const char *name, const char **attrs)
{
	doc *d = u;
	if (strcmp(name, "tbl") == 0) {
		if (d->ntab >= DOCX_MAX_TABLE_DEPTH) {
			d->deep++;
			if (!d->deep_warned) {
				d->deep_warned = 1;
				warn_add(d->warn, 0,
				         "tables nested deeper than %d: inner ones read as text",
				         DOCX_MAX_TABLE_DEPTH);
			}
			return;
		}
		if (d->ntab == d->tabcap) {
			d->tabcap = d->tabcap ? d->tabcap * 2 : 4;
			d->tab = xreallocarray(d->tab, (size_t)d->tabcap, sizeof *d->tab);
		}
		dtable *t = &d->tab[d->ntab++];
		memset(t, 0, sizeof *t);
		t->no = ++d->tables;
		return;
	}
	if (d->deep)
		goto text_elements;
	if (strcmp(name, "tr") == 0 && d->ntab) {
		dtable *t = &d->tab[d->ntab - 1];
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 8;
			t->r = xreallocarray(t->r, (size_t)t->cap, sizeof *t->r);
		}
		memset(&t->r[t->n++], 0, sizeof(drow));
		return;
	}
	if (strcmp(name, "tc") == 0 && d->ntab) {
		dtable *t = &d->tab[d->ntab - 1];
		if (!t->n || d->full)
			return;
		if (d->cells >= GRID_MAX_CELLS) {
			d->full = 1;
			return;
		}
		drow *r = &t->r[t->n - 1];
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 8;
			r->c = xreallocarray(r->c, (size_t)r->cap, sizeof *r->c);
		}
		dcell *c = &r->c[r->n++];
		memset(c, 0, sizeof *c);
		c->span = 1;
		d->cells++;
		return;
	}
	if (strcmp(name, "gridSpan") == 0 || strcmp(name, "vMerge") == 0 ||
	    strcmp(name, "gridBefore") == 0) {
		dcell *c = cur_cell(d);
		const char *v = xml_attr(attrs, "val");
		if (strcmp(name, "gridBefore") == 0) {
			dtable *t = d->ntab ? &d->tab[d->ntab - 1] : NULL;
			if (t && t->n && v) {
				long k = atol(v);
				t->r[t->n - 1].before = k > 0 && k < GRID_MAX_COLSPAN ? (int)k : 0;
			}
		} else if (c && strcmp(name, "gridSpan") == 0 && v) {
			long k = atol(v);
			c->span = k > 1 ? (int)(k > GRID_MAX_COLSPAN ? GRID_MAX_COLSPAN : k) : 1;
		} else if (c && strcmp(name, "vMerge") == 0) {
			c->vmerge = v && strcmp(v, "restart") == 0 ? VM_RESTART : VM_CONTINUE;
		}
		return;
	}
text_elements:
	if (strcmp(name, "p") == 0) {
		/* a cell's second paragraph starts a new line */
		int *cut;
		buf *b = cur_text(d, &cut);
		if (b && b->len && d->ntab)
			buf_addc(b, '\n');
		else if (d->deep && b && b->len)
			buf_addc(b, '\n');
		d->in_p++;
	} else if (strcmp(name, "t") == 0) {
		d->in_t = !d->del;
	} else if (strcmp(name, "del") == 0) {
		d->del++;
	} else if (strcmp(name, "tab") == 0 && d->in_p) {
		add_text(d, " ", 1);
	} else if ((strcmp(name, "br") == 0 || strcmp(name, "cr") == 0) && d->in_p) {
		add_text(d, "\n", 1);
	}
}

static void d_end(void *u, const char *name)
{
	doc *d = u;
	if (strcmp(name, "tbl") == 0) {
		if (d->deep) {
			d->deep--;
			return;
		}
		if (!d->ntab)
			return;
		dtable *t = &d->tab[--d->ntab];
		if (d->ntab) { /* nested: the enclosing cell's grid */
			dcell *c = cur_cell(d);
			if (c) {
				if (!c->sub)
					c->sub = grid_new();
				table_to_grid(d, t, c->sub);
			}
		} else {
			table_to_grid(d, t, d->g);
		}
		free_table(t);
		return;
	}
	if (strcmp(name, "t") == 0) {
		d->in_t = 0;
	} else if (strcmp(name, "del") == 0) {
		d->del -= d->del > 0;
	} else if (strcmp(name, "p") == 0) {
		d->in_p -= d->in_p > 0;
		if (!d->ntab && !d->in_p) {
			d->paras++;
			size_t n = d->para.len ? grid_clean_text(d->para.s, d->para.len) : 0;
			if (n) {
				grid_row *r = grid_add_row(d->g, 0);
				cell *c = grid_add_cell(d->g, r, d->para.s, n);
				if (c) {
					c->flags |= CELL_DOCX;
					c->col =
					    (int)(d->paras > 0x7fffffff ? 0x7fffffff : d->paras);
				}
			}
			buf_reset(&d->para);
		}
	}
}

static void d_text(void *u, const char *s, size_t n)
{
	doc *d = u;
	if (d->in_t)
		add_text(d, s, n);
}

/* One finished table -> rows of g: grid columns from gridBefore and the
 * spans; a vMerge restart spans the continue cells below it that start at
 * its column with its width; they are then left to the span copies. */
static void table_to_grid(doc *d, dtable *t, grid *g)
{
	for (int y = 0; y < t->n; y++) {
		int col = t->r[y].before;
		for (int x = 0; x < t->r[y].n; x++) {
			dcell *c = &t->r[y].c[x];
			c->col = col;
			c->rs = 1;
			col += c->span;
		}
	}
	for (int y = 0; y < t->n; y++)
		for (int x = 0; x < t->r[y].n; x++) {
			dcell *c = &t->r[y].c[x];
			if (c->vmerge != VM_RESTART && !(c->vmerge == VM_CONTINUE && c->rs == 1))
				continue;
			for (int yy = y + 1; yy < t->n; yy++) {
				dcell *b = NULL;
				for (int k = 0; k < t->r[yy].n; k++)
					if (t->r[yy].c[k].col == c->col)
						b = &t->r[yy].c[k];
				if (!b || b->vmerge != VM_CONTINUE || b->span != c->span)
					break;
				b->rs = 0;
				c->rs++;
			}
		}
	grid_table gt;
	grid_table_init(&gt, t->n, 0);
	for (int y = 0; y < t->n && !g->err[0]; y++) {
		grid_row *r = grid_add_row(g, 0);
		grid_table_row(&gt, y);
		for (int k = 0; k < t->r[y].before && !gt.full; k++)
			if (grid_table_before(g, r, &gt) == 0)
				grid_table_cell(g, r, &gt, "", 0, 1, 1);
		for (int x = 0; x < t->r[y].n && !gt.full; x++) {
			dcell *c = &t->r[y].c[x];
			if (c->rs == 0)
				continue;
			if (grid_table_before(g, r, &gt) < 0)
				break;
			cell *o = grid_table_cell(g, r, &gt, buf_str(&c->text), c->text.len,
			                          c->span, c->rs);
			if (o) {
				grid_set_sub(g, o, c->sub);
				c->sub = NULL;
			}
			if (c->cut)
				warn_add(d->warn, 0,
				         "table %d row %d: a cell longer than %ld bytes: cut",
				         t->no, y + 1, GRID_MAX_CELL_TEXT);
		}
		grid_table_row_end(g, r, &gt);
		for (int j = 0; j < r->n; j++) {
			r->cells[j].flags |= CELL_DOCX;
			r->cells[j].col = t->no;
		}
	}
	grid_table_free(&gt);
}

int docx_bid(const char *bytes, size_t n)
{
	return ooxml_bid(bytes, n, OOXML_DOCX);
}

int docx_read(const char *bytes, size_t n, const char *name, reader_out *o)
{
	char err[400] = "", part[512];
	zipr *z = ooxml_open(bytes, n, OOXML_DOCX, part, sizeof part, err, sizeof err);
	if (!z) {
		snprintf(o->err, sizeof o->err, "DOCX: %s", err);
		return -1;
	}
	int rc = -1;
	{
		static const xml_ops ops = {d_start, d_end, d_text};
		doc d = {0};
		d.g = grid_new();
		d.warn = o->warn;
		d.p = xml_new(&ops, &d);
		rc = ooxml_feed(z, part, d.p, err, sizeof err);
		while (d.ntab) /* tables the document left open */
			free_table(&d.tab[--d.ntab]);
		free(d.tab);
		buf_free(&d.para);
		xml_free(d.p);
		if (d.cut)
			warn_add(o->warn, 0, "a paragraph longer than %ld bytes: cut",
			         GRID_MAX_CELL_TEXT);
		if (d.full)
			warn_add(o->warn, 0, "more than %ld table cells: rest ignored",
			         GRID_MAX_CELLS);
		if (rc == 0)
			reader_add(o, d.g, NULL);
		else
			grid_free(d.g);
	}
	if (rc < 0)
		snprintf(o->err, sizeof o->err, "DOCX: %s", err[0] ? err : "no document part");
	zipr_close(z);
	(void)name;
	return rc;
}
