/* SPDX-License-Identifier: MIT */
/* hclean: the HTML text gumbo is given. See hclean.h. */
#include "hclean.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grid.h"

/* What a kept tag is to the rewrite and to the stack. */
enum {
	K_DROP,     /* not written; its text is */
	K_FRAME,    /* html head body: written, not counted */
	K_VOID,     /* br hr: no content */
	K_FLAT,     /* closed by the next of its kind: not counted */
	K_NEST,     /* counted; its end tag closes it when in scope */
	K_HEADING,  /* counted; any heading's end tag closes it */
	K_TABLE,    /* counted, and the boundary of an end tag's scope */
	K_NOSCRIPT, /* counted; closed by its end tag only with nothing flat open in it */
	K_SCRIPT,   /* script style: written without their content */
	K_TEXT,     /* title textarea xmp iframe noembed noframes: raw text, written */
	K_PLAIN,    /* plaintext: the rest of the text is its text */
	K_TEMPLATE, /* dropped with its content */
};

/* A table part, for table_tag: what a tag is inside a table. */
enum { P_NONE, P_TD, P_TH, P_TR, P_GROUP /* tbody thead tfoot */, P_CAPTION };

#define K(name, kind)                                                                              \
	{                                                                                          \
		name, sizeof name - 1, kind, P_NONE                                                \
	}
#define KP(name, part)                                                                             \
	{                                                                                          \
		name, sizeof name - 1, K_FLAT, part                                                \
	}
static const struct {
	const char *name;
	unsigned char len, kind, part;
} kept[] = {
    K("", K_DROP), /* index 0: every other tag; then the table tags, the most met */
    KP("td", P_TD),          KP("tr", P_TR),
    KP("th", P_TH),          K("table", K_TABLE),
    KP("tbody", P_GROUP),    KP("thead", P_GROUP),
    KP("tfoot", P_GROUP),    KP("caption", P_CAPTION),
    K("br", K_VOID),         K("p", K_FLAT),
    K("html", K_FRAME),      K("head", K_FRAME),
    K("body", K_FRAME),      K("hr", K_VOID),
    K("li", K_FLAT),         K("div", K_NEST),
    K("section", K_NEST),    K("article", K_NEST),
    K("center", K_NEST),     K("ul", K_NEST),
    K("ol", K_NEST),         K("pre", K_NEST),
    K("blockquote", K_NEST), K("h1", K_HEADING),
    K("h2", K_HEADING),      K("h3", K_HEADING),
    K("h4", K_HEADING),      K("h5", K_HEADING),
    K("h6", K_HEADING),      K("noscript", K_NOSCRIPT),
    K("script", K_SCRIPT),   K("style", K_SCRIPT),
    K("title", K_TEXT),      K("textarea", K_TEXT),
    K("xmp", K_TEXT),        K("iframe", K_TEXT),
    K("noembed", K_TEXT),    K("noframes", K_TEXT),
    K("plaintext", K_PLAIN), K("template", K_TEMPLATE),
};
enum { NKEPT = sizeof kept / sizeof *kept };

/* Where HTML's parser is inside a table, as far as the tags written while
 * the table is the innermost counted element tell (table_tag). */
enum {
	T_PARTS,   /* between its parts: the current node is the table, a tbody or
	              a tr, and a blank run there is a text node nobody reads */
	T_CELL_TD, /* in a td of it */
	T_CELL_TH, /* in a th of it */
	T_CAPTION, /* in its caption */
	T_LOST,    /* anything else (text or a block put before the table ...) */
};

typedef struct {
	unsigned char tag;    /* index in kept[] */
	unsigned char flat;   /* a K_FLAT element was opened while this one was on top */
	unsigned char tables; /* tables among st[1..] up to this one */
	unsigned char at;     /* a table's T_* */
} level;

typedef struct {
	const char *text, *end;
	buf *out;
	const hclean_limits *lim;
	hclean_result *r;
	level *st; /* st[0] is the document; st[1..depth] the counted elements */
	int depth;
	long pending;     /* line breaks of dropped markup not yet written */
	int skip;         /* <template>s open: everything is dropped */
	size_t mark;      /* out's length after the last markup written */
	const char *held; /* a blank run between table parts, written only if */
	size_t held_n;    /* text follows it (put_text) */
	int nobreak;      /* the text holds no line break: breaks() is 0 */
} scan;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Line breaks in [a, b): LF, CRLF and a lone CR each one (as gumbo counts). */
static long breaks(const scan *s, const char *a, const char *b)
{
	/* most texts hold none at all (a cell's HTML: looked at once, in
	 * hclean), and most tags and runs hold none: two scans by the
	 * library, not a loop */
	if (s->nobreak || a >= b ||
	    (!memchr(a, '\n', (size_t)(b - a)) && !memchr(a, '\r', (size_t)(b - a))))
		return 0;
	long k = 0;
	for (const char *p = a; p < b; p++)
		k += *p == '\n' || (*p == '\r' && (p + 1 >= b || p[1] != '\n'));
	return k;
}

static void add_breaks(buf *b, long k)
{
	while (k-- > 0)
		buf_addc(b, '\n');
}

static int lookup(const char *s, size_t n)
{
	char low[12];
	if (n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(s[i] | 0x20);
	/* length and first byte first: memcmp only for a likely name */
	for (int i = 1; i < NKEPT; i++)
		if (kept[i].len == n && kept[i].name[0] == low[0] &&
		    memcmp(kept[i].name, low, n) == 0)
			return i;
	return 0;
}

static void cut(scan *s, const char *at, int why)
{
	s->r->why = why;
	s->r->cut = (size_t)(at - s->text);
	s->r->cut_line = 1 + breaks(s, s->text, at);
}

/* Account for one tag or comment written at the current depth; 0, or -1
 * when that passes a limit (the text is cut at `at`). */
static int charge(scan *s, const char *at)
{
	if (s->r->tags >= s->lim->max_tags) {
		cut(s, at, HCLEAN_CUT_TAGS);
		return -1;
	}
	if (s->r->work + s->depth + 1 > s->lim->max_work) {
		cut(s, at, HCLEAN_CUT_WORK);
		return -1;
	}
	s->r->tags++;
	s->r->work += s->depth + 1;
	return 0;
}

/* Write the line breaks of dropped markup, as a comment (gumbo keeps
 * counting lines in it, and the walk ignores it). */
static int flush(scan *s, const char *at)
{
	if (!s->pending)
		return 0;
	if (charge(s, at) < 0)
		return -1;
	s->held = NULL; /* a comment ends the blank run as a tag does */
	buf_adds(s->out, "<!--");
	add_breaks(s->out, s->pending);
	buf_adds(s->out, "-->");
	s->pending = 0;
	s->mark = s->out->len;
	return 0;
}

/* Write the text [a, b), cut at GRID_MAX_CELL_TEXT bytes (at a character
 * boundary; the line breaks of the rest are kept). A '<' that ends it is
 * written as "&lt;" unless raw: what follows is not what followed it. */
static void put_text(scan *s, const char *a, const char *b, int raw)
{
	if (s->held) { /* text follows the blank run: it is text with it */
		const char *h = s->held;
		s->held = NULL;
		put_text(s, h, h + s->held_n, 0);
	}
	size_t n = (size_t)(b - a);
	if (n > GRID_MAX_CELL_TEXT) {
		size_t k = GRID_MAX_CELL_TEXT;
		while (k > 0 && ((unsigned char)a[k] & 0xC0) == 0x80)
			k--;
		if (!s->r->runs_cut++)
			s->r->run_line = 1 + breaks(s, s->text, a + k);
		buf_add(s->out, a, k);
		add_breaks(s->out, breaks(s, a + k, b));
		return;
	}
	if (!raw && n && b[-1] == '<') {
		buf_add(s->out, a, n - 1);
		buf_adds(s->out, "&lt;");
		return;
	}
	buf_add(s->out, a, n);
}

/* A parsed tag: its name, where it ends, its spans. */
typedef struct {
	const char *name;
	size_t len;
	const char *end;       /* after its '>' */
	long colspan, rowspan; /* -1 when absent or without digits */
	int eof;               /* the text ended inside it: no tag (HTML5) */
} tag;

/* The value of a span attribute as gumbo's reader (html.c) takes it:
 * leading blanks, then digits; -1 when none. */
static long span_value(const char *v, size_t n)
{
	size_t i = 0;
	while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r'))
		i++;
	long x = -1;
	for (; i < n && v[i] >= '0' && v[i] <= '9'; i++)
		x = x < 0 ? v[i] - '0' : (x < 100000000 ? x * 10 + (v[i] - '0') : 999999999);
	return x;
}

/* Parse the tag whose name starts at p (after "<" or "</"), as the HTML5
 * tokenizer does: the name runs to a blank, '/' or '>'; an attribute's name
 * to a blank, '/', '>' or '=' (quotes and '<' are part of it); only a value
 * may be quoted. The first colspan and rowspan are kept. */
static void parse_tag(const char *p, const char *end, tag *t)
{
	memset(t, 0, sizeof *t);
	t->colspan = t->rowspan = -1;
	t->name = p;
	while (p < end && !is_space(*p) && *p != '/' && *p != '>')
		p++;
	t->len = (size_t)(p - t->name);
	int seen_col = 0, seen_row = 0;
	for (;;) {
		while (p < end && is_space(*p))
			p++;
		if (p >= end)
			break;
		if (*p == '>') {
			t->end = p + 1;
			return;
		}
		if (*p == '/') {
			p++;
			continue;
		}
		const char *an = p++; /* a first '=' belongs to the name */
		while (p < end && !is_space(*p) && *p != '/' && *p != '>' && *p != '=')
			p++;
		size_t al = (size_t)(p - an);
		while (p < end && is_space(*p))
			p++;
		if (p >= end || *p != '=')
			continue;
		p++;
		while (p < end && is_space(*p))
			p++;
		if (p >= end)
			break;
		const char *v = p;
		size_t vl;
		if (*p == '"' || *p == '\'') {
			const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
			if (!q)
				break;
			v = p + 1;
			vl = (size_t)(q - v);
			p = q + 1;
		} else if (*p == '>') {
			continue;
		} else {
			while (p < end && !is_space(*p) && *p != '>')
				p++;
			vl = (size_t)(p - v);
		}
		if (al == 7 && strncasecmp(an, "colspan", 7) == 0 && !seen_col++)
			t->colspan = span_value(v, vl);
		else if (al == 7 && strncasecmp(an, "rowspan", 7) == 0 && !seen_row++)
			t->rowspan = span_value(v, vl);
	}
	t->eof = 1;
	t->end = end;
}

/* Where the raw text of element `name` that starts at p ends: at "</name"
 * followed by a blank, '/' or '>' (any letter case), or at the text's end.
 * *after gets the end of that end tag. */
static const char *raw_end(const char *p, const char *end, const char *name, const char **after)
{
	size_t n = strlen(name);
	for (const char *q = p; (q = memchr(q, '<', (size_t)(end - q))) != NULL; q++) {
		if ((size_t)(end - q) < n + 2 || q[1] != '/' || strncasecmp(q + 2, name, n) != 0)
			continue;
		const char *d = q + 2 + n;
		if (d < end && !is_space(*d) && *d != '/' && *d != '>')
			continue;
		tag t;
		parse_tag(q + 2, end, &t);
		*after = t.end;
		return q;
	}
	*after = end;
	return end;
}

/* End of the comment, doctype or bogus comment that starts at lt. */
static const char *comment_end(const char *lt, const char *end)
{
	if (end - lt >= 4 && memcmp(lt, "<!--", 4) == 0) {
		const char *b = lt + 4;
		if (b < end && *b == '>') /* <!--> */
			return b + 1;
		if (end - b >= 2 && b[0] == '-' && b[1] == '>') /* <!---> */
			return b + 2;
		for (const char *x = b; (x = memmem(x, (size_t)(end - x), "--", 2)) != NULL; x++) {
			if (x + 2 < end && x[2] == '>')
				return x + 3;
			if (x + 3 < end && x[2] == '!' && x[3] == '>')
				return x + 4;
		}
		return end;
	}
	const char *gt = memchr(lt, '>', (size_t)(end - lt));
	return gt ? gt + 1 : end;
}

/* Does the '<' at lt start markup (a tag, end tag, comment ...)? */
static int is_markup(const char *lt, const char *end)
{
	if (lt + 1 >= end)
		return 0;
	char c = lt[1];
	if (is_alpha(c) || c == '!' || c == '?')
		return 1;
	return c == '/' && lt + 2 < end;
}

static int push(scan *s, int id, const char *at)
{
	if (s->depth >= s->lim->max_depth) {
		cut(s, at, HCLEAN_CUT_DEPTH);
		return -1;
	}
	s->depth++;
	level *l = &s->st[s->depth];
	l->tag = (unsigned char)id;
	l->flat = 0;
	l->tables = l[-1].tables;
	if (kept[id].kind == K_TABLE && l->tables < 255)
		l->tables++;
	l->at = T_PARTS; /* a new table's current node is the table */
	if (s->depth > s->r->depth)
		s->r->depth = s->depth;
	return 0;
}

/* An end tag of a counted element: close it, and what is open inside it,
 * when it is in scope (not behind a table), as gumbo does. */
static void pop_to(scan *s, int id)
{
	int k = kept[id].kind;
	if (k == K_NOSCRIPT) { /* "any other end tag": stopped by anything special */
		if (s->depth && s->st[s->depth].tag == id && !s->st[s->depth].flat)
			s->depth--;
		return;
	}
	for (int i = s->depth; i > 0; i--) {
		int t = s->st[i].tag;
		if (t == id || (k == K_HEADING && kept[t].kind == K_HEADING)) {
			s->depth = i - 1;
			return;
		}
		if (kept[t].kind == K_TABLE)
			return;
	}
}

/* The T_* of the innermost table after tag id (close: its end tag) is
 * written while the table is the innermost counted element, by HTML's
 * table insertion modes. A tag that leaves the parser's place in doubt
 * gives T_LOST, which stays until the table ends. */
static int table_tag(int at, int id, int close)
{
	int part = kept[id].part;
	if (at == T_LOST)
		return T_LOST;
	if (!close) {
		/* in every T_* but T_LOST these open (or close the cell or
		 * caption and then open) a part of this table */
		switch (part) {
		case P_TR:
		case P_GROUP:
			return T_PARTS;
		case P_TD:
			return T_CELL_TD;
		case P_TH:
			return T_CELL_TH;
		case P_CAPTION:
			return T_CAPTION;
		}
		/* anything else is content in a cell or caption; in the parts,
		 * it goes before the table (foster parenting) */
		return at == T_PARTS ? T_LOST : at;
	}
	switch (at) {
	case T_PARTS: /* an end tag of a part closes it, or is ignored */
		return part != P_NONE ? T_PARTS : T_LOST;
	case T_CELL_TD:
	case T_CELL_TH:
		if (part == P_TR || (part == P_TD && at == T_CELL_TD) ||
		    (part == P_TH && at == T_CELL_TH))
			return T_PARTS; /* the cell is closed */
		/* </th> in a td, </caption>: ignored; a row group's: whether
		 * it is open is not known here */
		return part != P_NONE ? T_LOST : at;
	default: /* T_CAPTION: its end tag closes it; the parts' are ignored */
		return part == P_CAPTION ? T_PARTS : at;
	}
}

/* Write a span attribute, attr (` colspan="`) then v (>= 0) and a quote:
 * what buf_printf(b, " colspan=\"%ld\"", v) writes, without its cost. */
static void put_span(buf *b, const char *attr, long v)
{
	char d[24];
	size_t k = sizeof d;
	do
		d[--k] = (char)('0' + v % 10);
	while (v /= 10);
	buf_adds(b, attr);
	buf_add(b, d + k, sizeof d - k);
	buf_addc(b, '"');
}

/* Write a kept tag anew: name, its own line breaks, spans. */
static void put_tag(scan *s, const char *lt, const tag *t, int id, int close)
{
	s->held = NULL; /* a blank run before a tag is a text node nobody reads */
	/* `<name` or `</name` in one piece (names are short: kept[]) */
	char open[16];
	size_t k = 0;
	open[k++] = '<';
	if (close)
		open[k++] = '/';
	memcpy(open + k, kept[id].name, kept[id].len);
	buf_add(s->out, open, k + kept[id].len);
	add_breaks(s->out, breaks(s, lt, t->end));
	if (!close && t->colspan >= 0)
		put_span(s->out, " colspan=\"", t->colspan);
	if (!close && t->rowspan >= 0)
		put_span(s->out, " rowspan=\"", t->rowspan);
	buf_addc(s->out, '>');
	s->mark = s->out->len;
}

/* Handle the markup at lt; returns where scanning goes on, or NULL to stop. */
static const char *markup(scan *s, const char *lt)
{
	const char *end = s->end;
	if (lt[1] == '!' || lt[1] == '?' || (lt[1] == '/' && !is_alpha(lt[2]))) {
		const char *e = (lt[1] == '/' && lt[2] == '>') ? lt + 3 : comment_end(lt, end);
		s->pending += breaks(s, lt, e);
		return e;
	}
	int close = lt[1] == '/';
	tag t;
	parse_tag(lt + 1 + close, end, &t);
	if (t.eof)
		return NULL;
	int id = lookup(t.name, t.len), k = kept[id].kind;
	if (s->skip) { /* inside a <template>: count templates, skip raw text */
		s->pending += breaks(s, lt, t.end);
		if (k == K_TEMPLATE)
			s->skip += close ? -1 : 1;
		if (!close && k == K_TABLE && !s->r->template_table)
			s->r->template_table = 1 + breaks(s, s->text, lt);
		if (close || (k != K_SCRIPT && k != K_TEXT && k != K_PLAIN))
			return t.end;
		if (k == K_PLAIN)
			return end;
		const char *after;
		raw_end(t.end, end, kept[id].name, &after);
		s->pending += breaks(s, t.end, after);
		return after;
	}
	if (k == K_DROP || (close && (k == K_SCRIPT || k == K_TEXT || k == K_PLAIN)) ||
	    k == K_TEMPLATE) {
		s->pending += breaks(s, lt, t.end);
		if (k == K_TEMPLATE && !close)
			s->skip = 1;
		return t.end;
	}
	if (flush(s, lt) < 0)
		return NULL;
	if (close && kept[id].len == 2 && memcmp(kept[id].name, "br", 2) == 0)
		close = 0; /* </br> is <br> */
	level *in = &s->st[s->depth];
	if (s->depth && kept[in->tag].kind == K_TABLE)
		in->at = (unsigned char)table_tag(in->at, id, close);
	if (!close && (k == K_NEST || k == K_HEADING || k == K_TABLE || k == K_NOSCRIPT) &&
	    push(s, id, lt) < 0)
		return NULL;
	if (charge(s, lt) < 0)
		return NULL;
	if (close && (k == K_NEST || k == K_HEADING || k == K_TABLE || k == K_NOSCRIPT))
		pop_to(s, id);
	if (!close && k == K_FLAT)
		s->st[s->depth].flat = 1;
	put_tag(s, lt, &t, id, close);
	if (close || (k != K_SCRIPT && k != K_TEXT && k != K_PLAIN))
		return t.end;
	/* raw text: script and style without it, the others as written */
	const char *after = end,
	           *ce = k == K_PLAIN ? end : raw_end(t.end, end, kept[id].name, &after);
	if (k == K_SCRIPT)
		add_breaks(s->out, breaks(s, t.end, ce));
	else
		put_text(s, t.end, ce, 1);
	if (k == K_PLAIN)
		return end;
	if (charge(s, ce) < 0)
		return NULL;
	buf_adds(s->out, "</");
	buf_adds(s->out, kept[id].name);
	add_breaks(s->out, breaks(s, ce, after));
	buf_addc(s->out, '>');
	return after;
}

/* Is [a, b) spaces and TABs only, right after markup, between the parts of
 * a table that is read as one (not nested deeper than lim->table_depth)?
 * HTML puts such a run in the table as a text node when a tag or comment
 * follows it (the caller holds it until then), and the grid builder reads
 * none there. A run put_text would cut (and warn of) is written. */
static int blanks_in_parts(const scan *s, const char *a, const char *b)
{
	const level *in = &s->st[s->depth];
	if (!s->depth || kept[in->tag].kind != K_TABLE || in->at != T_PARTS ||
	    in->tables > s->lim->table_depth || s->pending || s->held || s->out->len != s->mark ||
	    (size_t)(b - a) > GRID_MAX_CELL_TEXT)
		return 0;
	for (; a < b; a++)
		if (*a != ' ' && *a != '\t')
			return 0;
	return 1;
}

void hclean(const char *text, size_t n, const hclean_limits *lim, buf *out, hclean_result *r)
{
	memset(r, 0, sizeof *r);
	r->cut = n;
	scan s = {text, text + n, out, lim, r, NULL, 0, 0, 0, 0, NULL, 0, 0};
	s.nobreak = !memchr(text, '\n', n) && !memchr(text, '\r', n);
	s.st =
	    xreallocarray(NULL, (size_t)lim->max_depth + 1, sizeof *s.st); /* push fills a level */
	memset(&s.st[0], 0, sizeof s.st[0]);
	/* no quirks mode: a <table> closes an open <p> in every page alike */
	buf_adds(out, "<!DOCTYPE html>");
	s.mark = out->len;
	const char *p = text, *end = text + n;
	while (p && p < end) {
		const char *lt = p;
		while ((lt = memchr(lt, '<', (size_t)(end - lt))) != NULL && !is_markup(lt, end))
			lt++;
		const char *te = lt ? lt : end;
		if (te > p) {
			if (s.skip) {
				s.pending += breaks(&s, p, te);
			} else if (blanks_in_parts(&s, p, te)) {
				s.held = p; /* written if text follows (put_text) */
				s.held_n = (size_t)(te - p);
			} else {
				if (flush(&s, p) < 0)
					break;
				put_text(&s, p, te, 0);
			}
		}
		if (!lt)
			break;
		p = markup(&s, lt);
	}
	free(s.st);
}
