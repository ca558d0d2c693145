/* html: gumbo tree -> grid. See html.h. */
#include "html.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pool.h"

typedef struct {
	long base_line;
	int base_col;
	warnings *warn;
	int deep_warned;
	int span_warned;
	int open_warned;
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
	       t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_NOSCRIPT;
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

/* cell_text's walk: the cell's text, and its first tables. */
typedef struct {
	ctx *c;
	buf *out;
	grid **sub;
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
		if (!*w->sub)
			*w->sub = grid_new();
		table_build(w->c, n, *w->sub, w->depth + 1);
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

/* Collect the text of a cell's content into out; the first tables met
 * (while depth allows) are built into *sub instead. */
static void cell_text(ctx *c, GumboNode *td, buf *out, grid **sub, int depth)
{
	static const walk_ops ops = {cell_on_text, cell_on_table, cell_on_open, cell_on_close};
	cell_walk w = {c, out, sub, depth};
	walk(td, &ops, &w);
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
			grid *sub = NULL;
			cell_text(c, n, &tx, &sub, depth);
			grid_row *r = grid_add_row(g, node_line(c, n));
			cell *cl = grid_add_cell(g, r, buf_str(&tx), tx.len);
			if (cl)
				cl->col = c->base_col, cl->sub = sub;
			else
				grid_free(sub);
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
			grid *sub = NULL;
			cell_text(c, td, &tx, &sub, depth);
			cell *o = grid_table_cell(g, r, &t, buf_str(&tx), tx.len, cs, rs);
			if (!o) {
				grid_free(sub);
				break;
			}
			o->line = node_line(c, td);
			o->sub = sub;
		}
		grid_table_row_end(g, r, &t);
		if (g->err[0])
			break;
	}
	if (g->err[0])
		warn_add(c->warn, node_line(c, table), "%s", g->err);
	buf_free(&tx);
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

/* Does the tag name at s[0..len) (lower case) not open a nesting level? */
static int flat_tag(const char *s, size_t len)
{
	static const char *const flat[] = {/* void */ "area",
	                                   "base",
	                                   "br",
	                                   "col",
	                                   "embed",
	                                   "hr",
	                                   "img",
	                                   "input",
	                                   "link",
	                                   "meta",
	                                   "param",
	                                   "source",
	                                   "track",
	                                   "wbr",
	                                   "keygen",
	                                   "basefont",
	                                   "bgsound",
	                                   "frame",
	                                   /* closed by the next of their kind */ "p",
	                                   "li",
	                                   "dt",
	                                   "dd",
	                                   "tr",
	                                   "td",
	                                   "th",
	                                   "option",
	                                   "optgroup",
	                                   "tbody",
	                                   "thead",
	                                   "tfoot",
	                                   "colgroup",
	                                   "caption",
	                                   "rb",
	                                   "rt",
	                                   "rp",
	                                   "rtc",
	                                   NULL};
	for (int i = 0; flat[i]; i++)
		if (strlen(flat[i]) == len && memcmp(flat[i], s, len) == 0)
			return 1;
	return 0;
}

size_t html_cut(const char *text, size_t n, int max_depth, long max_tags, int *why)
{
	const char *p = text, *end = text + n;
	*why = HTML_CUT_NONE;
	/* no deeper than the number of tags: most texts need no scan */
	long tags = 0, lim = max_depth < max_tags ? max_depth : max_tags;
	for (const char *q = text; tags <= lim && (q = memchr(q, '<', (size_t)(end - q))); q++)
		tags++;
	if (tags <= lim)
		return n;
	long depth = 0;
	tags = 0;
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		const char *tag = p++;
		if (end - p >= 3 && memcmp(p, "!--", 3) == 0) {
			const char *e = memmem(p + 3, (size_t)(end - p - 3), "-->", 3);
			if (!e)
				break;
			p = e + 3;
			continue;
		}
		int close = p < end && *p == '/';
		p += close;
		char name[16];
		size_t len = 0;
		while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		                   (len > 0 && *p >= '0' && *p <= '9'))) {
			if (len < sizeof name)
				name[len] = (char)(*p | 0x20);
			len++;
			p++;
		}
		if (len == 0)
			continue; /* not a tag: "<" as text, "<!DOCTYPE", "<?" */
		if (++tags > max_tags) {
			*why = HTML_CUT_TAGS;
			return (size_t)(tag - text);
		}
		/* to the tag's end, quotes respected */
		char q = 0;
		while (p < end && (q || *p != '>')) {
			if (q ? *p == q : (*p == '"' || *p == '\''))
				q = q ? 0 : *p;
			p++;
		}
		int selfclose = p > text && p[-1] == '/';
		if (len > sizeof name || (!close && selfclose) || flat_tag(name, len))
			continue;
		if (close) {
			depth -= depth > 0;
			continue;
		}
		if (++depth > max_depth) {
			*why = HTML_CUT_DEPTH;
			return (size_t)(tag - text);
		}
		if ((len == 6 && memcmp(name, "script", 6) == 0) ||
		    (len == 5 && memcmp(name, "style", 5) == 0)) {
			/* raw text up to its end tag */
			const char *e = p;
			while ((e = memmem(e, (size_t)(end - e), "</", 2)) != NULL &&
			       strncasecmp(e + 2, name, len) != 0)
				e += 2;
			if (!e)
				break;
			p = e;
		}
	}
	return n;
}

/* Copy text[0..n) into out with every run of text between tags cut to
 * GRID_MAX_CELL_TEXT bytes (at a character boundary; the line ends of the
 * dropped part are kept, so later lines keep their numbers): gumbo is slow
 * on long runs, and the grid would cut them anyway. Returns the number of
 * runs cut; *line gets the line of the first. */
static int cut_runs(const char *text, size_t n, long base_line, buf *out, long *line)
{
	const char *p = text, *end = text + n;
	int cuts = 0;
	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p));
		const char *e = lt ? lt : end;
		if ((size_t)(e - p) <= GRID_MAX_CELL_TEXT) {
			buf_add(out, p, (size_t)(e - p));
		} else {
			size_t k = GRID_MAX_CELL_TEXT;
			while (k > 0 && ((unsigned char)p[k] & 0xC0) == 0x80)
				k--;
			if (!cuts++) {
				*line = base_line;
				for (const char *q = text;
				     (q = memchr(q, '\n', (size_t)(p + k - q))) != NULL; q++)
					++*line;
			}
			buf_add(out, p, k);
			for (const char *q = p + k; (q = memchr(q, '\n', (size_t)(e - q))) != NULL;
			     q++)
				buf_addc(out, '\n');
		}
		if (!lt)
			break;
		buf_addc(out, '<');
		p = lt + 1;
	}
	return cuts;
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
	buf short_text = {0};
	if (n > GRID_MAX_CELL_TEXT) {
		long l = 0;
		int cuts = cut_runs(text, n, base_line, &short_text, &l);
		if (cuts) {
			warn_add(warn, l, "%d text(s) longer than %ld bytes: cut", cuts,
			         GRID_MAX_CELL_TEXT);
			text = short_text.s;
			n = short_text.len;
		}
	}
	int why;
	size_t cut = html_cut(text, n, HTML_MAX_DEPTH, HTML_MAX_TAGS, &why);
	if (cut < n) {
		long l = base_line;
		for (const char *q = text; (q = memchr(q, '\n', (size_t)(text + cut - q))) != NULL;
		     q++)
			l++;
		if (why == HTML_CUT_DEPTH)
			warn_add(warn, l,
			         "HTML elements nested deeper than %d: rest of the text not read",
			         HTML_MAX_DEPTH);
		else
			warn_add(warn, l, "more than %ld HTML tags: rest of the text not read",
			         (long)HTML_MAX_TAGS);
		n = cut;
	}
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
	ctx c = {base_line, base_col, warn, 0, 0, 0};
	static const walk_ops ops = {page_on_text, page_on_table, page_on_edge, page_on_edge};
	page_walk w = {&c, g, {0}, base_line, 0};
	walk(out->root, &ops, &w);
	flush_text(g, &w.line, w.ln, base_col);
	buf_free(&w.line);
	pool_release(&mem);
	buf_free(&short_text);
	return w.tables;
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
