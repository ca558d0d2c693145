/* SPDX-License-Identifier: MIT */
/* html: gumbo tree -> grid. See html.h. */
#include "html.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hclean.h"
#include "pool.h"

typedef struct {
	long base_line;
	int base_col;
	warnings *warn;
	int deep_warned;
	int span_warned;
	int open_warned;
	int cols_warned;
} ctx;

typedef struct {
	GumboNode *node;
	unsigned idx;
} frame;

typedef struct {
	frame *v;
	size_t n, cap;
} stack;

static void push(stack *s, GumboNode *node)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n].node = node;
	s->v[s->n].idx = 0;
	s->n++;
}

static void *gumbo_alloc(void *mem, size_t n)
{
	return pool_alloc(mem, n);
}

static void gumbo_free(void *mem, void *ptr)
{
	pool_free(mem, ptr);
}

static int is_tag(const GumboNode *n, GumboTag t)
{
	return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == t;
}

static const GumboVector *children(const GumboNode *n)
{
	if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
		return &n->v.element.children;
	if (n->type == GUMBO_NODE_DOCUMENT)
		return &n->v.document.children;
	return NULL;
}

/* Elements whose start and end break a line of text. */
static int is_block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P:
	case GUMBO_TAG_DIV:
	case GUMBO_TAG_BR:
	case GUMBO_TAG_LI:
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
	case GUMBO_TAG_TR:
	case GUMBO_TAG_TABLE:
	case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_SECTION:
	case GUMBO_TAG_CENTER:
	case GUMBO_TAG_UL:
	case GUMBO_TAG_OL:
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_HR:
	case GUMBO_TAG_BODY:
	case GUMBO_TAG_ARTICLE:
		return 1;
	default:
		return 0;
	}
}

static int is_skipped(GumboTag t)
{
	return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD ||
	       t == GUMBO_TAG_TEMPLATE;
}

static long node_line(const ctx *c, const GumboNode *n)
{
	unsigned l = 0;
	if (n->type == GUMBO_NODE_ELEMENT)
		l = n->v.element.start_pos.line;
	else if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
	         n->type == GUMBO_NODE_CDATA)
		l = n->v.text.start_pos.line;
	return c->base_line + (l ? (long)l - 1 : 0);
}

static int table_build(ctx *c, GumboNode *table, grid *g, int depth);

/* What a walk does at the nodes below its root (the root itself is only
 * descended into). u is the caller's. text gets a text node's text, or " "
 * for white space between elements; table, for a <table>, returns nonzero
 * when it has read the table (the walk does not descend) and 0 to have it
 * read as text; open and close come at an element's start and end
 * (elements whose content is never text, is_skipped, are not visited). */
typedef struct {
	void (*text)(void *u, const GumboNode *n, const char *s);
	int (*table)(void *u, GumboNode *n);
	void (*open)(void *u, GumboTag t);
	void (*close)(void *u, GumboTag t);
} walk_ops;

/* Depth-first over root's content, in document order, with a stack of our
 * own (gumbo trees nest as deep as the input). static inline: each caller
 * gets its own copy, with its operations known, so they are direct calls. */
static inline void walk(GumboNode *root, const walk_ops *ops, void *u)
{
	stack s = {0};
	push(&s, root);
	while (s.n) {
		frame *f = &s.v[s.n - 1];
		GumboNode *n = f->node;
		if (f->idx == 0 && n != root) {
			if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
				ops->text(u, n, n->v.text.text);
				s.n--;
				continue;
			}
			if (n->type == GUMBO_NODE_WHITESPACE) {
				ops->text(u, n, " ");
				s.n--;
				continue;
			}
			if (n->type != GUMBO_NODE_ELEMENT || is_skipped(n->v.element.tag)) {
				s.n--;
				continue;
			}
			if (n->v.element.tag == GUMBO_TAG_TABLE && ops->table(u, n)) {
				s.n--;
				continue;
			}
			ops->open(u, n->v.element.tag);
		}
		const GumboVector *ch = children(n);
		if (!ch || f->idx >= ch->length) {
			if (n != root && n->type == GUMBO_NODE_ELEMENT)
				ops->close(u, n->v.element.tag);
			s.n--;
			continue;
		}
		push(&s, ch->data[f->idx++]);
	}
	free(s.v);
}

/* Tables met inside a cell, read after its row. */
typedef struct {
	GumboNode **v;
	size_t n, cap;
} nodes;

/* cell_text's walk: the cell's text, and the tables inside it. */
typedef struct {
	ctx *c;
	buf *out;
	nodes *inner;
	int depth;
} cell_walk;

static void cell_on_text(void *u, const GumboNode *n, const char *t)
{
	(void)n;
	buf_adds(((cell_walk *)u)->out, t);
}

static int cell_on_table(void *u, GumboNode *n)
{
	cell_walk *w = u;
	if (w->depth < HTML_MAX_TABLE_DEPTH) {
		nodes *in = w->inner;
		if (in->n == in->cap)
			in->v = xreallocarray(in->v, in->cap = in->cap ? in->cap * 2 : 4,
			                      sizeof *in->v);
		in->v[in->n++] = n;
		return 1;
	}
	if (!w->c->deep_warned) {
		w->c->deep_warned = 1;
		warn_add(w->c->warn, node_line(w->c, n),
		         "tables nested deeper than %d: inner ones read as text",
		         HTML_MAX_TABLE_DEPTH);
	}
	return 0;
}

static void cell_on_open(void *u, GumboTag t)
{
	cell_walk *w = u;
	if (is_block(t))
		buf_addc(w->out, '\n');
	else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH)
		buf_addc(w->out, ' ');
}

static void cell_on_close(void *u, GumboTag t)
{
	if (is_block(t))
		buf_addc(((cell_walk *)u)->out, '\n');
}

/* Collect the text of a cell's content into out; the tables met (while
 * depth allows; deeper ones are read as text) are added to inner instead. */
static void cell_text(ctx *c, GumboNode *td, buf *out, nodes *inner, int depth)
{
	static const walk_ops ops = {cell_on_text, cell_on_table, cell_on_open, cell_on_close};
	cell_walk w = {c, out, inner, depth};
	walk(td, &ops, &w);
}

/* The tables found inside the cells of one row (or a caption): their rows
 * follow that row in g, so they never replace or hide it. */
static void build_inner(ctx *c, nodes *inner, grid *g, int depth)
{
	for (size_t i = 0; i < inner->n; i++)
		table_build(c, inner->v[i], g, depth + 1);
	inner->n = 0;
}

/* A span attribute's value as the HTML standard parses it (leading blanks,
 * digits, the rest ignored), or 1 when there is none; clamped by
 * grid_span_clamp. */
static long span_attr(GumboNode *n, const char *name)
{
	GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
	if (!a)
		return 1;
	const char *p = a->value;
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	long v = 0;
	int any = 0;
	while (*p >= '0' && *p <= '9') {
		any = 1;
		if (v < 100000000)
			v = v * 10 + (*p - '0');
		p++;
	}
	return any ? v : 1;
}

/* Is there a cell (td, th) among v[from..]? */
static int more_cells(const GumboVector *v, unsigned from)
{
	for (unsigned i = from; i < v->length; i++)
		if (is_tag(v->data[i], GUMBO_TAG_TD) || is_tag(v->data[i], GUMBO_TAG_TH))
			return 1;
	return 0;
}

/* Append the rows of one table to g, spans expanded. Returns rows added. */
static int table_build(ctx *c, GumboNode *table, grid *g, int depth)
{
	/* a table the text ends inside was most likely cut short */
	if (table->v.element.original_end_tag.length == 0 && !c->open_warned) {
		c->open_warned = 1;
		warn_add(c->warn, node_line(c, table), "table has no end tag: input cut short?");
	}
	/* gather the <tr>s: direct, or inside thead/tbody/tfoot, in order */
	GumboNode **trs = NULL;
	size_t ntr = 0, cap = 0;
	const GumboVector *ch = children(table);
	for (unsigned i = 0; ch && i < ch->length; i++) {
		GumboNode *n = ch->data[i];
		if (n->type != GUMBO_NODE_ELEMENT)
			continue;
		GumboTag t = n->v.element.tag;
		if (t == GUMBO_TAG_CAPTION) {
			buf tx = {0};
			nodes inner = {0};
			cell_text(c, n, &tx, &inner, depth);
			grid_row *r = grid_add_row(g, node_line(c, n));
			cell *cl = grid_add_cell(g, r, buf_str(&tx), tx.len);
			if (cl)
				cl->col = c->base_col;
			build_inner(c, &inner, g, depth);
			free(inner.v);
			buf_free(&tx);
			continue;
		}
		if (t == GUMBO_TAG_TR) {
			if (ntr == cap)
				trs = xreallocarray(trs, cap = cap ? cap * 2 : 16, sizeof *trs);
			trs[ntr++] = n;
		} else if (t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TBODY || t == GUMBO_TAG_TFOOT) {
			const GumboVector *rc = children(n);
			for (unsigned j = 0; j < rc->length; j++)
				if (is_tag(rc->data[j], GUMBO_TAG_TR)) {
					if (ntr == cap)
						trs = xreallocarray(trs, cap = cap ? cap * 2 : 16,
						                    sizeof *trs);
					trs[ntr++] = rc->data[j];
				}
		}
	}
	grid_table t;
	grid_table_init(&t, (long)ntr, c->base_col);
	buf tx = {0};
	nodes inner = {0};
	for (size_t y = 0; y < ntr; y++) {
		GumboNode *tr = trs[y];
		grid_row *r = grid_add_row(g, node_line(c, tr));
		grid_table_row(&t, (int)y);
		const GumboVector *cells = children(tr);
		for (unsigned k = 0; k < cells->length && !t.full; k++) {
			GumboNode *td = cells->data[k];
			if (!is_tag(td, GUMBO_TAG_TD) && !is_tag(td, GUMBO_TAG_TH))
				continue;
			if (grid_table_before(g, r, &t) < 0)
				break;
			long cs = span_attr(td, "colspan"), rs = span_attr(td, "rowspan");
			if (grid_span_clamp(&cs, &rs, (long)(ntr - y)) && !c->span_warned) {
				c->span_warned = 1;
				warn_add(c->warn, node_line(c, td),
				         "span clamped (colspan <= %d, rowspan <= %d)",
				         GRID_MAX_COLSPAN, GRID_MAX_ROWSPAN);
			}
			buf_reset(&tx);
			cell_text(c, td, &tx, &inner, depth);
			cell *o = grid_table_cell(g, r, &t, buf_str(&tx), tx.len, cs, rs);
			if (!o)
				break;
			o->line = node_line(c, td);
			if (t.full && t.x >= GRID_MAX_COLS && more_cells(cells, k + 1) &&
			    !c->cols_warned) {
				c->cols_warned = 1;
				warn_add(c->warn, node_line(c, tr),
				         "more than %d cells in one row: rest ignored",
				         GRID_MAX_COLS);
			}
		}
		grid_table_row_end(g, r, &t);
		build_inner(c, &inner, g, depth);
		if (g->err[0])
			break;
	}
	if (g->err[0])
		warn_add(c->warn, node_line(c, table), "%s", g->err);
	buf_free(&tx);
	free(inner.v);
	grid_table_free(&t);
	free(trs);
	return (int)ntr;
}

static void flush_text(grid *g, buf *line, long ln, int base_col)
{
	if (!line->len)
		return;
	size_t n = grid_clean_text(line->s, line->len);
	if (n) {
		grid_row *r = grid_add_row(g, ln);
		cell *cl = grid_add_cell(g, r, line->s, n);
		if (cl)
			cl->col = base_col;
	}
	buf_reset(line);
}

/* html_read's walk: tables into the grid; the text between them, a line
 * per block, as one-cell rows. */
typedef struct {
	ctx *c;
	grid *g;
	buf line; /* text since the last block boundary */
	long ln;  /* input line where it starts */
	int tables;
} page_walk;

static void page_on_text(void *u, const GumboNode *n, const char *t)
{
	page_walk *w = u;
	if (n->type != GUMBO_NODE_WHITESPACE && !w->line.len)
		w->ln = node_line(w->c, n);
	buf_adds(&w->line, t);
}

static int page_on_table(void *u, GumboNode *n)
{
	page_walk *w = u;
	flush_text(w->g, &w->line, w->ln, w->c->base_col);
	table_build(w->c, n, w->g, 1);
	w->tables++;
	return 1;
}

/* an element's start or end: a block's ends the line */
static void page_on_edge(void *u, GumboTag t)
{
	page_walk *w = u;
	if (is_block(t))
		flush_text(w->g, &w->line, w->ln, w->c->base_col);
}

int html_read(const char *text, size_t n, long base_line, int base_col, grid *g, warnings *warn)
{
	buf clean = {0};
	hclean_result hr;
	static const hclean_limits lim = {HTML_MAX_DEPTH, HTML_MAX_TAGS, HTML_MAX_WORK,
	                                  HTML_MAX_TABLE_DEPTH};
	hclean(text, n, &lim, &clean, &hr);
	if (hr.runs_cut)
		warn_add(warn, base_line + hr.run_line - 1, "%d text(s) longer than %ld bytes: cut",
		         hr.runs_cut, GRID_MAX_CELL_TEXT);
	if (hr.template_table)
		warn_add(warn, base_line + hr.template_table - 1,
		         "a table inside <template> is not read (its content is not shown)");
	if (hr.why == HCLEAN_CUT_DEPTH)
		warn_add(warn, base_line + hr.cut_line - 1,
		         "HTML elements nested deeper than %d: rest of the text not read",
		         HTML_MAX_DEPTH);
	else if (hr.why == HCLEAN_CUT_TAGS)
		warn_add(warn, base_line + hr.cut_line - 1,
		         "more than %ld HTML tags: rest of the text not read", (long)HTML_MAX_TAGS);
	else if (hr.why == HCLEAN_CUT_WORK)
		warn_add(warn, base_line + hr.cut_line - 1,
		         "HTML too costly to parse (tags times their nesting over %ld): rest of "
		         "the text not read",
		         (long)HTML_MAX_WORK);
	text = clean.s;
	n = clean.len;
	/* gumbo allocates and frees blocks per character run, token and node;
	 * a pool makes that cheap, and the tree is dropped with the pool, not
	 * freed node by node (gumbo_destroy_output) */
	pool mem = {0};
	GumboOptions opt = kGumboDefaultOptions;
	opt.allocator = gumbo_alloc;
	opt.deallocator = gumbo_free;
	opt.userdata = &mem;
	opt.max_errors = 0; /* we never look at parse errors: do not collect them */
	GumboOutput *out = gumbo_parse_with_options(&opt, text, n);
	ctx c = {base_line, base_col, warn, 0, 0, 0, 0};
	static const walk_ops ops = {page_on_text, page_on_table, page_on_edge, page_on_edge};
	page_walk w = {&c, g, {0}, base_line, 0};
	walk(out->root, &ops, &w);
	flush_text(g, &w.line, w.ln, base_col);
	buf_free(&w.line);
	pool_release(&mem);
	buf_free(&clean);
	return w.tables;
}

int html_depth(const char *text, size_t n)
{
	pool mem = {0};
	GumboOptions opt = kGumboDefaultOptions;
	opt.allocator = gumbo_alloc;
	opt.deallocator = gumbo_free;
	opt.userdata = &mem;
	opt.max_errors = 0;
	GumboOutput *out = gumbo_parse_with_options(&opt, text, n);
	int deepest = 0;
	stack s = {0};
	push(&s, out->document);
	while (s.n) {
		frame *f = &s.v[s.n - 1];
		const GumboVector *ch = children(f->node);
		if (!ch || f->idx >= ch->length) {
			s.n--;
			continue;
		}
		push(&s, ch->data[f->idx++]);
		if (s.v[s.n - 1].node->type == GUMBO_NODE_ELEMENT && (int)s.n - 1 > deepest)
			deepest = (int)s.n - 1;
	}
	free(s.v);
	pool_release(&mem);
	return deepest;
}

int html_sniff(const char *text, size_t n)
{
	/* a page starts with markup; the seed shape starts with text and only
	 * holds tables inside its cells */
	size_t i = 0;
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
		i++;
	return i < n && text[i] == '<';
}
