/* form: grid -> facts for the department-level form. See form.h.
 *
 * The walk has two stages. First the document's rows are cut into blocks:
 * a row whose first non-empty cell is a block label (部门名称, 预算整体情况 ...)
 * opens a block; the rows after it belong to it until the next label. A cell
 * holding a table gives the block that table's rows, and the plain rows that
 * follow (the flattened copies) are compared with the table instead of being
 * read. Then each block is read by its kind's reader, which marks the cells
 * it used; whatever non-empty cell is left goes to section extra. */
#include "form.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tsv.h"
#include "vocab.h"

enum sec { S_META, S_INFO, S_BUDGET, S_GOAL, S_TASK, S_OTHER, S_INDICATOR, S_EXTRA };
static const char *const sec_name[] = {"meta", "info",  "budget",    "goal",
                                       "task", "other", "indicator", "extra"};

typedef struct {
	cell **c;
	int n;
} rowv;

typedef struct {
	int kind; /* enum form_block, BLK_NONE for an unknown row */
	cell *label;
	rowv *rows;
	int n, cap;
	grid *html;    /* table held by the label row, whose copies follow */
	buf *htext;    /* each table row's texts (row_texts), for the copies */
	int next_html; /* next table row a flat copy should match */
} block;

typedef struct {
	int sec;
	long seq;
	char *key, *field, *value, *unit, *src;
} xfact;

typedef struct {
	const form_opts *o;
	form_stats *st;
	FILE *out;
	/* the current document */
	cell *title;
	char year[8];
	cell *dept;
	cell *project;    /* project form: the 项目名称 value */
	int dept_rank;    /* how dept was found: 1 主管部门/部门名称, 2 预算部门 */
	char unit[16];    /* the form's `单位:万元` line, if any */
	int seen_project; /* a 项目名称 row was met in this document */
	block *b;
	int nb, bcap;
	cell **pre; /* one-cell lines outside blocks */
	int npre, precap;
	xfact *f;
	long nf, fcap;
	buf tmp;
} walker;

/* ---- text helpers ---- */

/* The label key of s: blanks removed, full-width ASCII folded. In out.
 * Folding never lengthens the text, so out is sized once; a code point
 * that folding leaves alone is copied as its bytes. */
static const char *labkey(const char *s, buf *out)
{
	/* Most cells need no change (text_plain_prefix: no blank, no lead byte
	 * of a multi-byte blank or full-width form): the key is the text. */
	size_t n = strlen(s), k = text_plain_prefix(s, n), i = 0, w = 0;
	if (k == n)
		return s;
	buf_reset(out);
	buf_grow(out, n);
	const unsigned char *u = (const unsigned char *)s;
	unsigned char *o = (unsigned char *)out->s;
	/* each turn: k plain bytes at i, then one byte that may change */
	for (;; k = text_plain_prefix(s + i, n - i)) {
		memcpy(o + w, u + i, k);
		w += k;
		i += k;
		if (i == n)
			break;
		if (u[i] < 0x80) { /* an ASCII blank */
			i++;
			continue;
		}
		long cp = utf8_decode(u + i, n - i, &k);
		if (cp < 0) {
			o[w++] = u[i++];
			continue;
		}
		if (!text_is_space(cp)) {
			long f = text_fold(cp);
			if (f != cp)
				o[w++] = (unsigned char)f; /* folds land in ASCII */
			else
				memcpy(o + w, u + i, k), w += k;
		}
		i += k;
	}
	o[w] = 0;
	out->len = w;
	return out->s;
}

static int empty(const cell *c)
{
	return !c || c->len == 0;
}

/* A cell that carries text of its own (not a span copy, not empty, not
 * the markup of a table it holds). */
static int has_text(const cell *c)
{
	return c && c->len > 0 && !(c->flags & (CELL_VSPAN | CELL_HSPAN)) && !c->sub;
}

static void use(cell *c)
{
	if (c)
		c->flags |= CELL_USED;
}

/* Cell text as one line: line breaks become spaces. New string. */
static char *flat_text(const cell *c)
{
	char *s = xmemdup(c ? c->text : "", c ? c->len : 0);
	for (char *p = s; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return s;
}

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

/* Where a cell came from, `L12C3:R2C4` (parts that are 0 left out; a PDF
 * cell's page first, `P2:R5C3`). New string. Written by hand: it runs once
 * per fact. */
static char *src_of(const cell *c)
{
	char b[5 * 24 + 8], *p = b;
	if (c && c->page)
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
	return xmemdup(b, (size_t)(p - b));
}

/* A key part: `|` and `｜` inside a label become `¦`. New string. */
static char *key_part(const char *s)
{
	/* most labels have no `|`, `｜` (EF BD 9C) or line break: a plain copy */
	if (!strpbrk(s, "|\n") && !strstr(s, "｜"))
		return xstrdup(s);
	buf b = {0};
	for (const char *p = s; *p; p++) {
		if (*p == '|')
			buf_adds(&b, "¦");
		else if (strncmp(p, "｜", 3) == 0)
			buf_adds(&b, "¦"), p += 2;
		else if (*p == '\n')
			buf_addc(&b, ' ');
		else
			buf_addc(&b, *p);
	}
	char *r = xstrdup(buf_str(&b));
	buf_free(&b);
	return r;
}

/* "a|b" or "a|b|c" (c may be NULL): a key from its parts. New string. */
static char *join_key(const char *a, const char *b, const char *c)
{
	size_t na = strlen(a), nb = strlen(b), nc = c ? strlen(c) : 0;
	char *k = xmalloc(na + nb + nc + 3), *p = k;
	memcpy(p, a, na), p += na, *p++ = '|';
	memcpy(p, b, nb), p += nb;
	if (c)
		*p++ = '|', memcpy(p, c, nc), p += nc;
	*p = 0;
	return k;
}

/* The money unit written in a header's parentheses (`预算金额(万元)`), or "". */
static const char *header_unit(walker *w, const cell *c)
{
	if (empty(c))
		return "";
	const char *k = labkey(c->text, &w->tmp);
	const char *open = strrchr(k, '(');
	if (!open)
		return "";
	const char *close = strchr(open, ')');
	if (!close)
		return "";
	const vocab_money *m = vocab_find_money(open + 1, (size_t)(close - open - 1));
	return m ? m->unit : "";
}

/* ---- facts ---- */

static void add_fact(walker *w, int sec, char *key, const char *field, const cell *val,
                     const char *unit)
{
	if (w->nf == w->fcap) {
		w->fcap = w->fcap ? w->fcap * 2 : 64;
		w->f = xreallocarray(w->f, (size_t)w->fcap, sizeof *w->f);
	}
	xfact *f = &w->f[w->nf];
	f->sec = sec;
	f->seq = w->nf++;
	f->key = key;
	f->field = xstrdup(field);
	f->value = flat_text(val);
	f->unit = xstrdup(unit ? unit : "");
	f->src = src_of(val);
	if (sec == S_EXTRA)
		w->st->extra++;
}

/* add_fact with a value given as text (goal pieces, concatenations). */
static void add_fact_text(walker *w, int sec, char *key, const char *field, const char *text,
                          size_t n, const cell *at, const char *unit)
{
	/* a cell like `at` (for src) holding text[0..n), NUL-terminated */
	cell tmp = at ? *at : (cell){0};
	char *t = xmemdup(text, n);
	tmp.text = t;
	tmp.len = n;
	add_fact(w, sec, key, field, &tmp, unit);
	free(t);
}

/* ---- blocks ---- */

static block *new_block(walker *w, int kind, cell *label)
{
	if (w->nb == w->bcap) {
		w->bcap = w->bcap ? w->bcap * 2 : 16;
		w->b = xreallocarray(w->b, (size_t)w->bcap, sizeof *w->b);
	}
	block *b = &w->b[w->nb++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->label = label;
	use(label);
	return b;
}

static void block_add_row(block *b, cell *cells, int n)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 2;
		b->rows = xreallocarray(b->rows, (size_t)b->cap, sizeof *b->rows);
	}
	rowv *r = &b->rows[b->n++];
	r->n = n > 0 ? n : 0;
	r->c = xreallocarray(NULL, (size_t)(r->n ? r->n : 1), sizeof *r->c);
	for (int i = 0; i < r->n; i++)
		r->c[i] = &cells[i];
}

static cell *at(const rowv *r, int i)
{
	return i >= 0 && i < r->n ? r->c[i] : NULL;
}

/* ---- readers of each block kind ---- */

static void read_dept(walker *w, block *b)
{
	for (int i = 0; i < b->n; i++)
		for (int j = 0; j < b->rows[i].n; j++) {
			cell *c = b->rows[i].c[j];
			if (has_text(c) && !w->dept) {
				w->dept = c;
				use(c);
			}
		}
}

/* Does a cell read as an amount (digits, with grouping and a point)? */
static int numeric(const cell *c)
{
	if (!has_text(c))
		return 0;
	const char *p = c->text;
	if (*p == '-' || *p == '+')
		p++;
	if (!(*p >= '0' && *p <= '9'))
		return 0;
	for (; *p; p++)
		if (!((*p >= '0' && *p <= '9') || *p == ',' || *p == '.'))
			return 0;
	return 1;
}

/* Label/value pairs of one row. A label is a cell is_label() accepts; its
 * value is the next non-empty cell before the next label, else empty. This
 * reads the same pairs whether merged cells arrive as span copies (HTML) or
 * as empty cells (a delimited export writes a merged cell once). Calls
 * pair(w, label, value-or-NULL) for each. */
typedef void pair_fn(walker *w, cell *lab, cell *val);
static void read_pairs(walker *w, rowv *r, int (*is_label)(walker *, const cell *), pair_fn *pair)
{
	for (int j = 0; j < r->n; j++) {
		cell *lab = r->c[j];
		if (!has_text(lab) || !is_label(w, lab))
			continue;
		cell *val = NULL;
		int k = j + 1;
		for (; k < r->n; k++) {
			cell *c = r->c[k];
			if (!has_text(c))
				continue;
			if (!is_label(w, c))
				val = c;
			break;
		}
		use(lab);
		if (!val) {
			/* keep the value cell's place for src when it is there */
			for (int e = j + 1; e < r->n && !val; e++)
				if (!(r->c[e]->flags & (CELL_HSPAN | CELL_VSPAN)))
					val = r->c[e];
			if (val && has_text(val))
				val = NULL;
		}
		use(val);
		pair(w, lab, val);
		if (val && has_text(val))
			j = k;
	}
}

/* Department info: labels are the texts that are not numbers. */
static int info_label(walker *w, const cell *c)
{
	return !numeric(c);
}

static void info_pair(walker *w, cell *lab, cell *val)
{
	add_fact(w, S_INFO, key_part(lab->text), "value", val, "");
}

static void read_info(walker *w, block *b)
{
	for (int i = 0; i < b->n; i++)
		read_pairs(w, &b->rows[i], info_label, info_pair);
}

/* Project header block: label/value pairs whose labels are the block's
 * words (项目名称, 主管部门 ...); they name the project and the department. */
static int pinfo_label(walker *w, const cell *c)
{
	const vocab_word *v = vocab_match(vocab_block_labels, labkey(c->text, &w->tmp));
	return v && v->kind == BLK_PINFO;
}

static void pinfo_pair(walker *w, cell *lab, cell *v)
{
	const vocab_word *role = vocab_match(vocab_pinfo_roles, labkey(lab->text, &w->tmp));
	cell *val = has_text(v) ? v : NULL;
	if (role && role->kind == PI_PROJECT && val && !w->project)
		w->project = val;
	if (role && (role->kind == PI_DEPT || role->kind == PI_DEPT2) && val) {
		int rank = role->kind == PI_DEPT ? 1 : 2;
		if (!w->dept || rank < w->dept_rank)
			w->dept = val, w->dept_rank = rank;
	}
	add_fact(w, S_INFO, key_part(lab->text), "value", v, "");
}

static void read_pinfo(walker *w, block *b)
{
	for (int i = 0; i < b->n; i++)
		read_pairs(w, &b->rows[i], pinfo_label, pinfo_pair);
}

/* The label without a leading `其中:`. New string. */
static char *funds_label(walker *w, const cell *c)
{
	const char *t = c->text, *k = labkey(t, &w->tmp);
	for (const vocab_word *v = vocab_funds_drop; v->word; v++) {
		size_t n = strlen(v->word);
		if (strncmp(k, v->word, n) != 0)
			continue;
		/* matched on the key: skip the source bytes that made its first n
		 * bytes (blanks make none; a folded character makes one) */
		size_t used = 0, i = 0, len = strlen(t);
		while (i < len && used < n) {
			size_t kk;
			long cp = utf8_decode((const unsigned char *)t + i, len - i, &kk);
			if (cp < 0)
				used++;
			else if (!text_is_space(cp))
				used += text_fold(cp) != cp ? 1 : kk;
			i += kk;
		}
		while (i < len && (t[i] == ' ' || t[i] == '\n'))
			i++;
		if (!t[i])
			break; /* nothing after it: keep the label as written */
		return key_part(t + i);
	}
	return key_part(t);
}

/* Project funds: rows of label and amount(s). With a header row naming
 * several amount columns, the year's column gives amount and the others
 * become fields named by their header. */
static void read_funds(walker *w, block *b)
{
	const char *unit = header_unit(w, b->label);
	if (!*unit)
		unit = w->unit;
	int ycol = -1, ncols = 0;
	char **hname = NULL;
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		int texts = 0, nums = 0, first = -1;
		for (int j = 0; j < r->n; j++) {
			if (!has_text(r->c[j]))
				continue;
			texts++;
			nums += numeric(r->c[j]);
			if (first < 0)
				first = j;
		}
		if (first < 0)
			continue;
		if (texts >= 2 && nums == 0 && i + 1 < b->n) {
			/* a header row: column names */
			for (int j = 0; j < ncols; j++)
				free(hname[j]);
			free(hname);
			ncols = r->n;
			hname = xcalloc((size_t)ncols, sizeof *hname);
			ycol = -1;
			for (int j = 0; j < r->n; j++) {
				if (!has_text(r->c[j]))
					continue;
				use(r->c[j]);
				hname[j] = flat_text(r->c[j]);
				if (ycol < 0 && vocab_contains(vocab_funds_year_cols,
				                               labkey(r->c[j]->text, &w->tmp)))
					ycol = j;
			}
			if (ycol < 0) /* the last named column */
				for (int j = 0; j < ncols; j++)
					if (hname[j])
						ycol = j;
			continue;
		}
		cell *lab = r->c[first];
		use(lab);
		char *lp = funds_label(w, lab);
		char *key = join_key(VOCAB_FUNDS_GROUP, lp, NULL);
		free(lp);
		if (ycol >= 0) {
			cell *a = at(r, ycol);
			use(a);
			add_fact(w, S_BUDGET, key, "amount", a, unit);
			for (int j = first + 1; j < r->n && j < ncols; j++) {
				if (j == ycol || !hname[j])
					continue;
				cell *c = at(r, j);
				use(c);
				add_fact(w, S_BUDGET, xstrdup(key), hname[j], c, unit);
			}
		} else {
			/* the next non-empty cell, else the next own cell (for src) */
			cell *a = NULL;
			for (int j = first + 1; j < r->n && !a; j++)
				if (has_text(r->c[j]))
					a = r->c[j];
			for (int j = first + 1; j < r->n && !a; j++)
				if (!(r->c[j]->flags & (CELL_HSPAN | CELL_VSPAN)))
					a = r->c[j];
			use(a);
			add_fact(w, S_BUDGET, key, "amount", a, unit);
		}
	}
	for (int j = 0; j < ncols; j++)
		free(hname[j]);
	free(hname);
}

#define MAX_PAIRS 16

static void read_budget(walker *w, block *b)
{
	int lcol[MAX_PAIRS], acol[MAX_PAIRS], np = 0;
	char *group[MAX_PAIRS] = {0};
	const char *unit[MAX_PAIRS];
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		/* a header row names groups and amount columns */
		int is_head = 0;
		for (int j = 0; j < r->n; j++)
			if (has_text(r->c[j]) &&
			    (vocab_match(vocab_budget_groups, labkey(r->c[j]->text, &w->tmp)) ||
			     vocab_match(vocab_amount_headers, labkey(r->c[j]->text, &w->tmp))))
				is_head = 1;
		if (is_head) {
			int k = 0;
			for (int j = 0; j < r->n && k < MAX_PAIRS; j++) {
				cell *c = r->c[j];
				if (!has_text(c))
					continue;
				const char *key = labkey(c->text, &w->tmp);
				if (vocab_match(vocab_amount_headers, key)) {
					if (k > 0 && acol[k - 1] < 0)
						acol[k - 1] = j, unit[k - 1] = header_unit(w, c);
					use(c);
				} else {
					free(group[k]);
					group[k] = key_part(c->text);
					lcol[k] = j, acol[k] = -1, unit[k] = "";
					k++;
					use(c);
				}
			}
			np = k;
			continue;
		}
		if (!np) { /* no header yet: plain pairs */
			for (int k = 0; k < MAX_PAIRS; k++)
				lcol[k] = 2 * k, acol[k] = 2 * k + 1, unit[k] = "",
				group[k] = group[k] ? group[k] : xstrdup("");
			np = MAX_PAIRS;
		}
		for (int k = 0; k < np; k++) {
			cell *lab = at(r, lcol[k]), *amt = acol[k] >= 0 ? at(r, acol[k]) : NULL;
			if (!has_text(lab))
				continue;
			use(lab);
			use(amt);
			char *lp = key_part(lab->text);
			add_fact(w, S_BUDGET, join_key(group[k], lp, NULL), "amount", amt, unit[k]);
			free(lp);
		}
	}
	for (int k = 0; k < MAX_PAIRS; k++)
		free(group[k]);
}

/* Goal markers. Returns the marker's length at s[i] when one starts there,
 * else 0. kind: 1 `目标N:`, 2 `N.` / `N、`, 3 `(N)`, 4 `一、`. */
/* Value of a Chinese numeral character: 一..九 1..9, 十 10; -1 for others. */
static int cn_digit(long cp)
{
	static const long cps[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
	                           0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
	for (int i = 0; i < 10; i++)
		if (cps[i] == cp)
			return i + 1;
	return -1;
}

static int is_cn_digit(long cp)
{
	return cn_digit(cp) > 0;
}

static long cp_at(const char *s, size_t n, size_t i, size_t *k)
{
	long cp = utf8_decode((const unsigned char *)s + i, n - i, k);
	return cp < 0 ? -1 : text_fold(cp);
}

static size_t marker_at(const char *s, size_t n, size_t i, int kind)
{
	size_t j = i, k;
	long cp;
	if (kind == 1) {
		size_t wl = strlen(VOCAB_GOAL_WORD);
		if (n - i < wl || memcmp(s + i, VOCAB_GOAL_WORD, wl) != 0)
			return 0;
		j += wl;
		while (j < n && (cp = cp_at(s, n, j, &k)) == ' ')
			j += k;
		size_t d0 = j;
		while (j < n &&
		       ((cp = cp_at(s, n, j, &k)) >= '0' && cp <= '9' ? 1 : is_cn_digit(cp)))
			j += k;
		if (j == d0 || j >= n)
			return 0;
		cp = cp_at(s, n, j, &k);
		if (cp == ':' || cp == 0x3001 /* 、 */ || cp == '.')
			return j + k - i;
		return 0;
	}
	if (kind == 3) {
		cp = cp_at(s, n, j, &k);
		if (cp != '(')
			return 0;
		j += k;
		size_t d0 = j;
		while (j < n &&
		       ((cp = cp_at(s, n, j, &k)) >= '0' && cp <= '9' ? 1 : is_cn_digit(cp)))
			j += k;
		if (j == d0 || j >= n || cp_at(s, n, j, &k) != ')')
			return 0;
		return j + k - i;
	}
	size_t d0 = j;
	while (j < n) {
		cp = cp_at(s, n, j, &k);
		if (kind == 2 ? (cp >= '0' && cp <= '9') : is_cn_digit(cp))
			j += k;
		else
			break;
	}
	if (j == d0 || j >= n)
		return 0;
	cp = cp_at(s, n, j, &k);
	if (kind == 2 && (cp == '.' || cp == 0x3001)) {
		size_t k2;
		if (j + k < n) {
			long nx = cp_at(s, n, j + k, &k2);
			if (nx >= '0' && nx <= '9')
				return 0; /* a decimal number, not a marker */
		}
		return j + k - i;
	}
	if (kind == 4 && cp == 0x3001)
		return j + k - i;
	return 0;
}

/* Is position i a boundary where a marker of kind 2-4 may start? */
static int boundary(const char *s, size_t i)
{
	if (i == 0)
		return 1;
	/* previous character */
	size_t p = i - 1;
	while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	size_t k;
	long cp = utf8_decode((const unsigned char *)s + p, i - p, &k);
	cp = text_fold(cp);
	return cp == ' ' || cp == '\n' || cp == ';' || cp == 0x3002 /* 。 */ || cp == 0xFF1B;
}

/* Goal number *no + 1, keyed prefix + N (`实施期|` or ""). */
static void emit_goal(walker *w, const char *s, size_t a, size_t e, const cell *c, int *no,
                      const char *prefix)
{
	while (a < e && (s[a] == ' ' || s[a] == '\n'))
		a++;
	while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\n'))
		e--;
	if (e == a)
		return;
	buf kb = {0};
	buf_printf(&kb, "%s%d", prefix, ++*no);
	add_fact_text(w, S_GOAL, xstrdup(buf_str(&kb)), "text", s + a, e - a, c, "");
	buf_free(&kb);
}

/* Split one cell's text into goals at its markers (or its lines). */
static void split_goals(walker *w, const cell *c, int *no, const char *prefix)
{
	const char *s = c->text;
	size_t n = c->len;
	int kind = 0;
	for (size_t i = 0; i < n && !kind; i++)
		if (marker_at(s, n, i, 1))
			kind = 1;
	if (!kind) {
		size_t i = 0;
		for (int k = 2; k <= 4 && !kind; k++)
			if (marker_at(s, n, i, k))
				kind = k;
	}
	if (!kind) {
		/* one goal per line */
		size_t a = 0;
		for (size_t i = 0; i <= n; i++)
			if (i == n || s[i] == '\n') {
				emit_goal(w, s, a, i, c, no, prefix);
				a = i + 1;
			}
		return;
	}
	size_t start = SIZE_MAX, i = 0;
	while (i < n) {
		size_t m = (kind == 1 || boundary(s, i)) ? marker_at(s, n, i, kind) : 0;
		if (m) {
			if (start != SIZE_MAX)
				emit_goal(w, s, start, i, c, no, prefix);
			else if (i > 0)
				emit_goal(w, s, 0, i, c, no,
				          prefix); /* text before the first marker */
			start = i + m;
			i += m;
		} else {
			i++;
		}
	}
	if (start != SIZE_MAX)
		emit_goal(w, s, start, n, c, no, prefix);
}

/* The kind of the table entry a cell's text matches, or 0. */
static int word_kind(walker *w, const cell *c, const vocab_word *table)
{
	if (!has_text(c))
		return 0;
	const vocab_word *v = vocab_match(table, labkey(c->text, &w->tmp));
	return v ? v->kind : 0;
}

static int goal_kind(walker *w, const cell *c)
{
	return word_kind(w, c, vocab_goal_headers);
}

/* Goals: one or more texts. On a project form a header row (年度目标 |
 * 实施期目标) or a leading label cell tells each text's kind; implementation-
 * period goals get keys `实施期|N`. */
static void read_goal(walker *w, block *b)
{
	int no[3] = {0, 0, 0};
	int *colkind = NULL, ncols = 0;
	char longkey[64];
	snprintf(longkey, sizeof longkey, "%s|", VOCAB_GOAL_LONG_KEY);
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		int heads = 0, texts = 0;
		for (int j = 0; j < r->n; j++)
			if (has_text(r->c[j])) {
				texts++;
				heads += goal_kind(w, r->c[j]) != 0;
			}
		if (heads && heads == texts) {
			free(colkind);
			ncols = r->n;
			colkind = xcalloc((size_t)ncols, sizeof *colkind);
			for (int j = 0; j < r->n; j++) {
				colkind[j] = goal_kind(w, r->c[j]);
				use(r->c[j]);
			}
			continue;
		}
		int rowkind = 0;
		for (int j = 0; j < r->n; j++) {
			cell *c = r->c[j];
			if (!has_text(c))
				continue;
			int gk = goal_kind(w, c);
			if (gk && !rowkind && texts > 1) {
				rowkind = gk; /* a label cell: 年度目标 | text */
				use(c);
				continue;
			}
			int kind = rowkind                     ? rowkind
			           : (j < ncols && colkind[j]) ? colkind[j]
			                                       : GK_YEAR;
			use(c);
			split_goals(w, c, &no[kind], kind == GK_LONG ? longkey : "");
		}
	}
	free(colkind);
}

/* `任务N:` prefix: returns its length and sets *num, or 0. */
size_t form_task_prefix(const char *s, size_t n, long *num)
{
	size_t wl = strlen(VOCAB_TASK_PREFIX), j, k;
	if (n < wl || memcmp(s, VOCAB_TASK_PREFIX, wl) != 0)
		return 0;
	j = wl;
	long v = 0;
	int any = 0;
	long cp;
	while (j < n && (cp = cp_at(s, n, j, &k)) == ' ')
		j += k;
	while (j < n && (cp = cp_at(s, n, j, &k)) >= '0' && cp <= '9') {
		if (v < 1000000)
			v = v * 10 + (cp - '0');
		any = 1;
		j += k;
	}
	if (!any) {
		/* 任务一, 任务十二, 任务二十 */
		long units = 0;
		int d;
		while (j < n && (d = cn_digit(cp_at(s, n, j, &k))) > 0) {
			if (d == 10) {
				v += (units ? units : 1) * 10;
				units = 0;
			} else {
				units = units * 10 + d;
			}
			any = 1;
			j += k;
		}
		v += units;
	}
	if (!any)
		return 0;
	size_t num_end = j;
	while (j < n && (cp = cp_at(s, n, j, &k)) == ' ')
		j += k;
	if (j < n && ((cp = cp_at(s, n, j, &k)) == ':' || cp == 0x3001 || cp == '.'))
		j += k;
	else if (j < n && j == num_end)
		return 0; /* `任务12项` is a name, not a number and a name */
	while (j < n && (cp = cp_at(s, n, j, &k)) == ' ')
		j += k;
	*num = v;
	return j;
}

static int find_roles(walker *w, const rowv *r, const vocab_word *table, int *role, int *unit_col)
{
	/* a header row has a header word among its first two texts (the first
	 * may be 序号): other rows are not looked at cell by cell */
	int seen = 0, any = 0;
	for (int j = 0; j < r->n && seen < 2 && !any; j++)
		if (has_text(r->c[j])) {
			seen++;
			any = vocab_match(table, labkey(r->c[j]->text, &w->tmp)) != NULL;
		}
	if (!any) {
		memset(role, 0, (size_t)(r->n ? r->n : 1) * sizeof *role);
		return 0;
	}
	int hits = 0;
	for (int j = 0; j < r->n; j++) {
		role[j] = 0;
		if (!has_text(r->c[j]))
			continue;
		const vocab_word *v = vocab_match(table, labkey(r->c[j]->text, &w->tmp));
		if (v) {
			role[j] = v->kind;
			hits++;
			if (unit_col && v->kind == TR_AMOUNT)
				*unit_col = j;
		}
	}
	return hits;
}

static int col_of(const int *role, int n, int want)
{
	for (int j = 0; j < n; j++)
		if (role[j] == want)
			return j;
	return -1;
}

/* Tasks: a header row names the columns by their words (else the order is
 * name, content, amount, target); a header the form does not define (序号
 * ...) names a field of its own, after the four. */
static void read_task(walker *w, block *b)
{
	int cname = 0, ccontent = 1, camount = 2, ctarget = 3, pos = 0, nh = 0;
	char **hname = NULL;
	const char *unit = "";
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		int *role = xcalloc((size_t)(r->n ? r->n : 1), sizeof *role);
		int ucol = -1;
		if (find_roles(w, r, vocab_task_headers, role, &ucol) >= 2) {
			cname = col_of(role, r->n, TR_NAME);
			ccontent = col_of(role, r->n, TR_CONTENT);
			camount = col_of(role, r->n, TR_AMOUNT);
			ctarget = col_of(role, r->n, TR_TARGET);
			unit = ucol >= 0 ? header_unit(w, r->c[ucol]) : "";
			for (int j = 0; j < nh; j++)
				free(hname[j]);
			free(hname);
			nh = r->n;
			hname = xcalloc((size_t)(nh ? nh : 1), sizeof *hname);
			for (int j = 0; j < r->n; j++) {
				if (!has_text(r->c[j]))
					continue;
				use(r->c[j]);
				if (!role[j])
					hname[j] = flat_text(r->c[j]);
			}
			free(role);
			continue;
		}
		free(role);
		cell *name = at(r, cname);
		if (!has_text(name))
			continue;
		pos++;
		use(name);
		long num = 0;
		size_t pl = form_task_prefix(name->text, name->len, &num);
		char *key = key_part(name->text + pl);
		char nobuf[32];
		snprintf(nobuf, sizeof nobuf, "%ld", pl ? num : (long)pos);
		add_fact_text(w, S_TASK, key, "no", nobuf, strlen(nobuf), name, "");
		cell *cc = at(r, ccontent), *ca = at(r, camount), *ct = at(r, ctarget);
		use(cc), use(ca), use(ct);
		add_fact(w, S_TASK, xstrdup(key), "content", cc, "");
		add_fact(w, S_TASK, xstrdup(key), "amount", ca, unit);
		add_fact(w, S_TASK, xstrdup(key), "target", ct, "");
		for (int j = 0; j < nh; j++) {
			if (!hname[j])
				continue;
			cell *c = at(r, j);
			use(c);
			add_fact(w, S_TASK, xstrdup(key), hname[j], c, "");
		}
	}
	for (int j = 0; j < nh; j++)
		free(hname[j]);
	free(hname);
}

static void read_other(walker *w, block *b)
{
	buf v = {0};
	cell *first = NULL;
	for (int i = 0; i < b->n; i++)
		for (int j = 0; j < b->rows[i].n; j++) {
			cell *c = b->rows[i].c[j];
			if (!has_text(c))
				continue;
			use(c);
			if (!first)
				first = c;
			if (v.len)
				buf_addc(&v, ' ');
			buf_add(&v, c->text, c->len);
		}
	add_fact_text(w, S_OTHER, key_part(b->label->text), "text", buf_str(&v), v.len,
	              first ? first : b->label, "");
	buf_free(&v);
}

static int level_of(walker *w, const cell *c)
{
	return word_kind(w, c, vocab_indicator_levels);
}

static void read_indicator(walker *w, block *b)
{
	int nrole = 4;
	int *role = xcalloc(4, sizeof *role);
	char **hname = xcalloc(4, sizeof *hname);
	role[0] = IR_L1, role[1] = IR_L2, role[2] = IR_L3, role[3] = IR_VALUE;
	char *l1 = xstrdup(""), *l2 = xstrdup("");
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		int *nr = xcalloc((size_t)(r->n ? r->n : 1), sizeof *nr);
		if (find_roles(w, r, vocab_indicator_headers, nr, NULL) >= 2) {
			for (int j = 0; j < nrole; j++)
				free(hname[j]);
			free(role);
			free(hname);
			role = nr;
			nrole = r->n;
			hname = xcalloc((size_t)(nrole ? nrole : 1), sizeof *hname);
			for (int j = 0; j < r->n; j++) {
				cell *c = r->c[j];
				if (!has_text(c))
					continue;
				use(c);
				if (!role[j])
					hname[j] = flat_text(c);
			}
			continue;
		}
		free(nr);
		int c1 = col_of(role, nrole, IR_L1), c2 = col_of(role, nrole, IR_L2);
		int c3 = col_of(role, nrole, IR_L3), cv = col_of(role, nrole, IR_VALUE);
		int cn = col_of(role, nrole, IR_NATURE), cu = col_of(role, nrole, IR_UNIT);
		/* Is the row where the header says? A row that lost cells at its
		 * start shows a level-2 name (or a name) in the level-1 column. */
		int i0 = 0;
		while (i0 < r->n && !has_text(r->c[i0]) && !(r->c[i0]->flags & CELL_VSPAN))
			i0++;
		if (i0 >= r->n)
			continue;
		/* 成本指标 is level 1 on project forms (经济成本指标 ... under it) and
		 * level 2 under 产出指标 elsewhere: level 1 only when a level-2
		 * name follows it. */
		int lv0 = level_of(w, r->c[i0]);
		if (lv0 == IR_L12) {
			int next = i0 + 1;
			while (next < r->n && !has_text(r->c[next]))
				next++;
			lv0 = level_of(w, at(r, next)) == IR_L2 ? IR_L1 : IR_L2;
		}
		int shift = c1 >= 0 && i0 == c1 && lv0 != IR_L1 && c2 >= 0 &&
		            !has_text(at(r, c2)) && !(at(r, c2) && (at(r, c2)->flags & CELL_VSPAN));
		cell *L1 = NULL, *L2 = NULL, *L3 = NULL;
		int off = 0; /* how far the row's name and value sit from their columns */
		if (!shift) {
			L1 = at(r, c1), L2 = at(r, c2), L3 = at(r, c3);
		} else {
			/* A row that lost cells at its start: read the level names by
			 * their words; the first other text is the name, and the cells
			 * after it keep their places relative to it. */
			int j = i0;
			for (; j < r->n; j++) {
				cell *c = r->c[j];
				int lv = j == i0 ? lv0 : level_of(w, c);
				if (lv == IR_L12)
					lv = L1 ? IR_L2 : IR_L1;
				if (lv == IR_L1)
					L1 = c;
				else if (lv == IR_L2)
					L2 = c;
				else if (has_text(c))
					break;
			}
			L3 = at(r, j);
			off = j - c3;
		}
		cell *V = at(r, cv >= 0 ? cv + off : -1);
		if (has_text(L1)) {
			free(l1);
			l1 = key_part(L1->text);
			use(L1);
			if (!has_text(L2) && !(L2 && (L2->flags & CELL_VSPAN))) {
				free(l2);
				l2 = xstrdup("");
			}
		}
		if (has_text(L2)) {
			free(l2);
			l2 = key_part(L2->text);
			use(L2);
		}
		if (!has_text(L3) && !has_text(V))
			continue;
		use(L3);
		char *l3 = has_text(L3) ? key_part(L3->text) : xstrdup("");
		char *key = join_key(l1, l2, l3);
		free(l3);
		cell *nat = cn >= 0 ? at(r, cn + off) : NULL,
		     *un = cu >= 0 ? at(r, cu + off) : NULL;
		if (nat || un) {
			buf v = {0};
			int qual = has_text(nat) &&
			           vocab_match(vocab_qualitative, labkey(nat->text, &w->tmp));
			int cmpword = has_text(nat) && !qual;
			if (cmpword)
				buf_add(&v, nat->text, nat->len);
			if (has_text(V))
				buf_add(&v, V->text, V->len);
			if (!qual && has_text(un))
				buf_add(&v, un->text, un->len);
			use(nat), use(un), use(V);
			add_fact_text(w, S_INDICATOR, key, "value", buf_str(&v), v.len,
			              has_text(V) ? V : L3, "");
			buf_free(&v);
		} else {
			use(V);
			add_fact(w, S_INDICATOR, key, "value", V, "");
		}
		/* extra columns, named by their header */
		for (int j = 0; j < nrole; j++) {
			if (!hname[j])
				continue;
			cell *c = at(r, j + off);
			use(c);
			add_fact(w, S_INDICATOR, xstrdup(key), hname[j], c, "");
		}
	}
	for (int j = 0; j < nrole; j++)
		free(hname[j]);
	free(hname);
	free(role);
	free(l1);
	free(l2);
}

/* Rows (or cells) nobody used go to extra: key = the row's first non-empty
 * cell, fields c2, c3 ... by position; a first cell left alone (the rest of
 * its row used) is its own value, field cN by its position. */
static void extra_row(walker *w, rowv *r)
{
	int first = -1, left = 0;
	for (int j = 0; j < r->n; j++)
		if (has_text(r->c[j])) {
			if (first < 0)
				first = j;
			if (!(r->c[j]->flags & CELL_USED))
				left++;
		}
	if (!left)
		return;
	cell *k = r->c[first];
	for (int j = 0; j < r->n; j++) {
		cell *c = r->c[j];
		if (!has_text(c) || (c->flags & CELL_USED))
			continue;
		/* the key cell is a value of its own only when nothing else of
		 * the row is left: then it would appear nowhere */
		if (c == k && left > 1)
			continue;
		char field[16];
		snprintf(field, sizeof field, "c%d", j + 1);
		add_fact(w, S_EXTRA, key_part(k->text), field, c, "");
		use(c);
	}
	use(k);
}

/* ---- the walk ---- */

/* A title names the form: it ends with a title word, perhaps followed by
 * one parenthesised remark (`...绩效目标表(2024年度)`), and is short. */
static int is_title(walker *w, const cell *c)
{
	if (!has_text(c) || c->len > 300)
		return 0;
	const char *k = labkey(c->text, &w->tmp);
	for (const vocab_word *v = vocab_title_words; v->word; v++) {
		const char *p = strstr(k, v->word);
		if (!p)
			continue;
		p += strlen(v->word);
		if (!*p)
			return 1;
		if (*p == '(' && strchr(p, ')') && strchr(p, ')')[1] == 0)
			return 1;
	}
	return 0;
}

static void title_year(const cell *c, char *year)
{
	year[0] = 0;
	for (size_t i = 0; i + 4 < c->len; i++) {
		const char *s = c->text + i;
		if ((s[0] == '1' || s[0] == '2') && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
		    s[2] <= '9' && s[3] >= '0' && s[3] <= '9' && strncmp(s + 4, "年", 3) == 0 &&
		    (i == 0 || s[-1] < '0' || s[-1] > '9')) {
			memcpy(year, s, 4);
			year[4] = 0;
			return;
		}
	}
}

/* The non-empty own texts of a row's cells, blanks removed, joined by TAB. */
static void text_of(walker *w, const cell *c, buf *out)
{
	if (!has_text(c))
		return;
	if (out->len)
		buf_addc(out, '\t');
	buf_adds(out, labkey(c->text, &w->tmp));
}

static void texts_of(walker *w, cell *const *cs, int n, buf *out)
{
	for (int j = 0; j < n; j++)
		text_of(w, cs[j], out);
}

static void row_texts(walker *w, const grid_row *r, int from, buf *out)
{
	for (int j = from; j < r->n; j++)
		text_of(w, &r->cells[j], out);
}

static void mark_row(grid_row *r, int from)
{
	for (int j = from; j < r->n; j++)
		use(&r->cells[j]);
}

static void flush_doc(walker *w);
static void warn_missing(walker *w);
static void drop_inline_copies(walker *w);

/* A document has begun once it has a title, a department or a known block;
 * unknown rows alone (text that is no form) do not make one. */
static int doc_started(const walker *w)
{
	if (w->title || w->dept || w->project)
		return 1;
	for (int i = 0; i < w->nb; i++)
		if (w->b[i].kind != BLK_NONE)
			return 1;
	return 0;
}

static int cmp_fact(const void *a, const void *b)
{
	const xfact *x = a, *y = b;
	if (x->sec != y->sec)
		return x->sec - y->sec;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* A set of (key, field) pairs, for dedupe_keys: open addressing over
 * "key\x1ffield" strings, each with the next #N to try for it. */
typedef struct {
	char **k;
	int *next;
	size_t cap;
} pairset;

static size_t pair_hash(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot of key/field: its own when present, else the empty one where it
 * would go. The pair's text is left in tmp. */
static size_t pair_slot(pairset *ps, const char *key, const char *field, buf *tmp)
{
	buf_reset(tmp);
	buf_adds(tmp, key);
	buf_addc(tmp, 0x1f);
	buf_adds(tmp, field);
	size_t i = pair_hash(tmp->s) & (ps->cap - 1);
	while (ps->k[i] && strcmp(ps->k[i], tmp->s) != 0)
		i = (i + 1) & (ps->cap - 1);
	return i;
}

/* Same key twice in one section gets #2, #3 ... (facts sorted by section):
 * a new occurrence starts where a (key, field) pair repeats, and the rest of
 * that row's facts (same key, other fields) take the same new key. Linear in
 * the number of facts (a set of pairs, and per pair the next number to try). */
static void dedupe_keys(walker *w)
{
	buf tmp = {0};
	long i = 0;
	while (i < w->nf) {
		long j = i;
		while (j < w->nf && w->f[j].sec == w->f[i].sec)
			j++;
		pairset ps = {0};
		ps.cap = 16;
		while (ps.cap < (size_t)(j - i) * 4)
			ps.cap *= 2;
		ps.k = xcalloc(ps.cap, sizeof *ps.k);
		ps.next = xcalloc(ps.cap, sizeof *ps.next);
		for (long a = i; a < j; a++) {
			xfact *f = &w->f[a];
			size_t slot = pair_slot(&ps, f->key, f->field, &tmp);
			if (!ps.k[slot]) {
				ps.k[slot] = xstrdup(tmp.s);
				ps.next[slot] = 2;
				continue;
			}
			/* the first free #k for this pair */
			size_t orig = slot;
			int k = ps.next[orig];
			buf nk = {0};
			for (;; k++) {
				buf_reset(&nk);
				buf_printf(&nk, "%s#%d", f->key, k);
				if (!ps.k[pair_slot(&ps, nk.s, f->field, &tmp)])
					break;
			}
			ps.next[orig] = k + 1;
			/* rename this fact and the following facts of the same row */
			char *old = xstrdup(f->key);
			for (long b = a; b < j && strcmp(w->f[b].key, old) == 0; b++) {
				if (b > a && strcmp(w->f[b].field, f->field) == 0)
					break;
				free(w->f[b].key);
				w->f[b].key = xstrdup(nk.s);
			}
			free(old);
			buf_free(&nk);
			slot = pair_slot(&ps, f->key, f->field, &tmp);
			ps.k[slot] = xstrdup(tmp.s);
			ps.next[slot] = 2;
		}
		for (size_t k = 0; k < ps.cap; k++)
			free(ps.k[k]);
		free(ps.k);
		free(ps.next);
		i = j;
	}
	buf_free(&tmp);
}

static void write_doc(walker *w)
{
	char docid[4096];
	if (w->st->docs <= 1)
		snprintf(docid, sizeof docid, "%s", w->o->doc);
	else
		snprintf(docid, sizeof docid, "%s#%d", w->o->doc, w->st->docs);
	char *dept = w->dept ? flat_text(w->dept) : xstrdup("");
	char *project = w->project ? flat_text(w->project) : xstrdup("");
	if (w->nf) /* w->f is NULL when there are none: qsort's argument is nonnull */
		qsort(w->f, (size_t)w->nf, sizeof *w->f, cmp_fact);
	dedupe_keys(w);
	for (long i = 0; i < w->nf; i++) {
		xfact *f = &w->f[i];
		char *row[FACT_NCOLS] = {
		    docid,   w->year,  dept,     project, (char *)sec_name[f->sec],
		    f->key,  f->field, f->value, "",      "",
		    f->unit, f->src};
		tsv_write_row(w->out, row, NULL, FACT_NCOLS);
	}
	free(dept);
	free(project);
}

static void free_doc(walker *w)
{
	for (int i = 0; i < w->nb; i++) {
		for (int j = 0; j < w->b[i].n; j++)
			free(w->b[i].rows[j].c);
		free(w->b[i].rows);
		if (w->b[i].htext)
			for (int j = 0; j < w->b[i].html->n; j++)
				buf_free(&w->b[i].htext[j]);
		free(w->b[i].htext);
	}
	w->nb = 0;
	for (long i = 0; i < w->nf; i++) {
		xfact *f = &w->f[i];
		free(f->key), free(f->field), free(f->value), free(f->unit), free(f->src);
	}
	w->nf = 0;
	w->npre = 0;
	w->title = NULL;
	w->dept = NULL;
	w->project = NULL;
	w->dept_rank = 0;
	w->year[0] = 0;
	w->unit[0] = 0;
	w->seen_project = 0;
}

/* Is a one-cell line outside the blocks accounted for? It is when it is
 * made of a `填报单位:NAME` part naming the department (or the bare name)
 * and/or a `单位:万元` part; the unit is remembered. */
static int pre_line_ok(walker *w, const cell *c)
{
	char *k = xstrdup(labkey(c->text, &w->tmp));
	char *name = k;
	const vocab_word *fl = vocab_match(vocab_filler_line, k);
	if (fl)
		name = k + strlen(fl->word);
	/* a unit part at the end */
	int unit_ok = 0;
	for (const vocab_word *u = vocab_unit_line; u->word && !unit_ok; u++) {
		char *p = strstr(name, u->word);
		while (p) {
			const char *m = p + strlen(u->word);
			const vocab_money *mu = vocab_find_money(m, strlen(m));
			if (mu && (p == name || p[-1] != ':')) {
				snprintf(w->unit, sizeof w->unit, "%s", mu->unit);
				*p = 0;
				unit_ok = 1;
				break;
			}
			p = strstr(p + 1, u->word);
		}
	}
	int ok = !*name && (unit_ok || fl);
	if (!ok && *name && w->dept)
		ok = strcmp(name, labkey(w->dept->text, &w->tmp)) == 0;
	free(k);
	return ok;
}

static void flush_doc(walker *w)
{
	if (!doc_started(w)) {
		free_doc(w);
		return;
	}
	w->st->docs++;
	drop_inline_copies(w);
	if (w->title) {
		use(w->title);
		title_year(w->title, w->year);
		add_fact(w, S_META, xstrdup("title"), "text", w->title, "");
	}
	if (!w->year[0] && w->o->year)
		snprintf(w->year, sizeof w->year, "%s", w->o->year);
	/* department first: other blocks do not depend on it, but dept does
	 * decide the one-cell lines */
	for (int i = 0; i < w->nb; i++)
		if (w->b[i].kind == BLK_PINFO)
			read_pinfo(w, &w->b[i]);
	for (int i = 0; i < w->nb; i++)
		if (w->b[i].kind == BLK_DEPT)
			read_dept(w, &w->b[i]);
	/* one-cell lines (the unit line decides project amounts' unit) */
	for (int i = 0; i < w->npre; i++)
		if (pre_line_ok(w, w->pre[i]))
			use(w->pre[i]);
	for (int i = 0; i < w->nb; i++) {
		block *b = &w->b[i];
		switch (b->kind) {
		case BLK_INFO:
			read_info(w, b);
			break;
		case BLK_BUDGET:
			read_budget(w, b);
			break;
		case BLK_GOAL:
			read_goal(w, b);
			break;
		case BLK_TASK:
			read_task(w, b);
			break;
		case BLK_OTHER:
			read_other(w, b);
			break;
		case BLK_INDICATOR:
			read_indicator(w, b);
			break;
		case BLK_FUNDS:
			read_funds(w, b);
			break;
		default:
			break;
		}
	}
	/* one-cell lines not accounted for */
	for (int i = 0; i < w->npre; i++) {
		cell *c = w->pre[i];
		if (!(c->flags & CELL_USED)) {
			rowv r = {&c, 1};
			extra_row(w, &r);
		}
	}
	for (int i = 0; i < w->nb; i++) {
		block *b = &w->b[i];
		if (b->label && !(b->label->flags & CELL_USED) && b->kind == BLK_NONE) {
			/* an unknown label row: its label is the key */
		}
		for (int j = 0; j < b->n; j++) {
			rowv *r = &b->rows[j];
			if (b->kind == BLK_NONE && b->label) {
				/* key the row by the block's label */
				cell **v = xreallocarray(NULL, (size_t)r->n + 1, sizeof *v);
				v[0] = b->label;
				memcpy(v + 1, r->c, (size_t)r->n * sizeof *v);
				rowv rr = {v, r->n + 1};
				b->label->flags &= ~(unsigned)CELL_USED;
				extra_row(w, &rr);
				free(v);
			} else {
				extra_row(w, r);
			}
		}
		if (b->kind == BLK_NONE && b->label && !(b->label->flags & CELL_USED)) {
			rowv rr = {&b->label, 1};
			extra_row(w, &rr);
		}
	}
	warn_missing(w);
	write_doc(w);
	free_doc(w);
}

static void add_pre(walker *w, cell *c)
{
	if (w->npre == w->precap) {
		w->precap = w->precap ? w->precap * 2 : 8;
		w->pre = xreallocarray(w->pre, (size_t)w->precap, sizeof *w->pre);
	}
	w->pre[w->npre++] = c;
}

/* Compare a flat row with the next row of the block's table. */
static void check_copy(walker *w, block *b, grid_row *r)
{
	int k = b->next_html++;
	grid_row *hr = &b->html->rows[k];
	buf a = {0};
	row_texts(w, r, 0, &a);
	const char *h = buf_str(&b->htext[k]);
	if (strcmp(buf_str(&a), h) != 0) {
		w->st->disagree++;
		warn_add(&w->st->warn, r->line,
		         "flat copy disagrees with HTML table row %d (line %ld): [%s] vs [%s]",
		         k + 1, hr->line, buf_str(&a), h);
	}
	mark_row(r, 0);
	buf_free(&a);
}

/* Note the texts of each row of the block's table (for the flat copies),
 * and compare the inline copy (cells after the table cell on its line) with
 * all of them in order. */
static void check_inline(walker *w, block *b, grid_row *r, int from)
{
	grid *html = b->html;
	b->htext = xcalloc((size_t)(html->n ? html->n : 1), sizeof *b->htext);
	buf a = {0}, h = {0};
	for (int i = 0; i < html->n; i++) {
		row_texts(w, &html->rows[i], 0, &b->htext[i]);
		if (b->htext[i].len) {
			if (h.len)
				buf_addc(&h, '\t');
			buf_add(&h, b->htext[i].s, b->htext[i].len);
		}
	}
	row_texts(w, r, from, &a);
	if (a.len && strcmp(buf_str(&a), buf_str(&h)) != 0) {
		w->st->disagree++;
		warn_add(&w->st->warn, r->line,
		         "inline copy disagrees with the HTML table in cell %d", from);
	}
	mark_row(r, from);
	buf_free(&a);
	buf_free(&h);
}

/* Would the reader of block kind take this row, read from its first cell,
 * as one of its rows that lost its leading empty cell? */
static int accepts_shifted(walker *w, int kind, grid_row *r)
{
	cell *c0 = r->n ? &r->cells[0] : NULL;
	if (!has_text(c0))
		return 0;
	const char *k = labkey(c0->text, &w->tmp);
	switch (kind) {
	case BLK_TASK: {
		long num;
		return form_task_prefix(c0->text, c0->len, &num) > 0;
	}
	case BLK_INDICATOR:
		return vocab_match(vocab_indicator_levels, k) != NULL;
	case BLK_INFO:
	case BLK_BUDGET:
		/* label then amount: the second cell is empty or starts with a digit */
		return !vocab_match(vocab_block_labels, k) &&
		       (r->n < 2 || r->cells[1].len == 0 ||
		        (r->cells[1].text[0] >= '0' && r->cells[1].text[0] <= '9'));
	default:
		return 0;
	}
}

/* A row before any block made of one-cell lines' kinds: a unit line, a
 * 填报单位 line, or a lone text (the department's name). Its cells are
 * judged, and the unit read, by pre_line_ok when the form is read. */
static int pre_line_row(walker *w, grid_row *r)
{
	int n = 0, lines = 0;
	for (int j = 0; j < r->n; j++) {
		cell *c = &r->cells[j];
		if (!has_text(c))
			continue;
		n++;
		const char *k = labkey(c->text, &w->tmp);
		lines += vocab_match(vocab_unit_line, k) || vocab_match(vocab_filler_line, k);
	}
	return n == 1 || (n > 0 && lines == n);
}

static void walk(walker *w, grid *g)
{
	block *cur = NULL;
	for (int i = 0; i < g->n; i++) {
		grid_row *r = &g->rows[i];
		int fi = -1, sub = -1, nne = 0;
		for (int j = 0; j < r->n; j++) {
			cell *c = &r->cells[j];
			if (c->sub && sub < 0)
				sub = j;
			if (has_text(c)) {
				nne++;
				if (fi < 0)
					fi = j;
			}
		}
		if (fi < 0 && sub < 0)
			continue;
		cell *first = fi >= 0 ? &r->cells[fi] : NULL;
		int lead = fi >= 0 && (sub < 0 || fi < sub);
		/* a title line */
		if (lead && nne == 1 && sub < 0 && is_title(w, first)) {
			if (doc_started(w)) {
				flush_doc(w);
				cur = NULL;
			}
			w->title = first;
			continue;
		}
		const vocab_word *bl =
		    lead ? vocab_match(vocab_block_labels, labkey(first->text, &w->tmp)) : NULL;
		int col0 = 1;
		for (int j = 0; j < fi && bl; j++)
			if (r->cells[j].flags & CELL_VSPAN)
				col0 = 0;
		if (bl && col0) {
			int proj =
			    bl->kind == BLK_PINFO &&
			    vocab_match(vocab_pinfo_roles, labkey(first->text, &w->tmp)) &&
			    vocab_match(vocab_pinfo_roles, labkey(first->text, &w->tmp))->kind ==
			        PI_PROJECT;
			if ((bl->kind == BLK_DEPT && w->dept) || (proj && w->seen_project)) {
				/* a second department or project: a new form without a title */
				flush_doc(w);
			}
			if (proj)
				w->seen_project = 1;
			cur = new_block(w, bl->kind, first);
			if (bl->kind == BLK_PINFO) {
				/* the label is the first of the row's label/value pairs */
				first->flags &= ~(unsigned)CELL_USED;
				if (sub < 0) {
					block_add_row(cur, r->cells + fi, r->n - fi);
					continue;
				}
			}
			if (sub >= 0) {
				grid *h = r->cells[sub].sub;
				use(&r->cells[sub]);
				for (int k = 0; k < h->n; k++)
					block_add_row(cur, h->rows[k].cells, h->rows[k].n);
				if (bl->kind == BLK_PINFO && cur->n > 0) {
					/* the label starts the first row's pairs */
					rowv *r0 = &cur->rows[0];
					r0->c =
					    xreallocarray(r0->c, (size_t)r0->n + 1, sizeof *r0->c);
					memmove(r0->c + 1, r0->c, (size_t)r0->n * sizeof *r0->c);
					r0->c[0] = first;
					r0->n++;
				}
				cur->html = h;
				check_inline(w, cur, r, sub + 1);
			} else {
				block_add_row(cur, r->cells + fi + 1, r->n - fi - 1);
			}
			if (bl->kind == BLK_DEPT)
				read_dept(w, cur);
			continue;
		}
		if (!cur) {
			if (sub < 0 && pre_line_row(w, r)) {
				for (int j = 0; j < r->n; j++)
					if (has_text(&r->cells[j]))
						add_pre(w, &r->cells[j]);
			} else {
				cur = new_block(w, BLK_NONE, NULL);
				block_add_row(cur, r->cells, r->n);
			}
			continue;
		}
		if (cur->html && cur->next_html < cur->html->n) {
			check_copy(w, cur, r);
			continue;
		}
		cell *c0 = &r->cells[0];
		int cont = (c0->flags & CELL_VSPAN) || empty(c0);
		int shifted = !cont && accepts_shifted(w, cur->kind, r);
		if ((cont || shifted) && cur->html)
			warn_add(&w->st->warn, r->line,
			         "row after the end of the HTML table's copy: read as data");
		if (cont) {
			block_add_row(cur, r->cells + 1, r->n - 1);
		} else if (shifted) {
			block_add_row(cur, r->cells, r->n);
		} else {
			/* a row the form does not define */
			cur = new_block(w, BLK_NONE, NULL);
			block_add_row(cur, r->cells, r->n);
		}
	}
}

/* Shape without the HTML: a label row whose own cells repeat the rows that
 * follow it (the inline copy) is dropped in favour of those rows. */
static void drop_inline_copies(walker *w)
{
	for (int i = 0; i < w->nb; i++) {
		block *b = &w->b[i];
		if (b->html || b->n < 2)
			continue;
		/* a copy has as many texts as the rows after it: count first */
		int n0 = 0, nrest = 0;
		for (int j = 0; j < b->n; j++)
			for (int k = 0; k < b->rows[j].n; k++)
				*(j ? &nrest : &n0) += has_text(b->rows[j].c[k]);
		if (n0 == 0 || n0 != nrest)
			continue;
		buf a = {0}, rest = {0};
		texts_of(w, b->rows[0].c, b->rows[0].n, &a);
		for (int j = 1; j < b->n; j++) {
			buf t = {0};
			texts_of(w, b->rows[j].c, b->rows[j].n, &t);
			if (t.len) {
				if (rest.len)
					buf_addc(&rest, '\t');
				buf_add(&rest, t.s, t.len);
			}
			buf_free(&t);
		}
		if (a.len && strcmp(a.s, buf_str(&rest)) == 0) {
			for (int j = 0; j < b->rows[0].n; j++)
				use(b->rows[0].c[j]);
			b->rows[0].n = 0;
		}
		buf_free(&a);
		buf_free(&rest);
	}
}

int form_extract(grid *g, const form_opts *o, FILE *out, form_stats *st)
{
	walker w = {0};
	w.o = o;
	w.st = st;
	w.out = out;
	walk(&w, g);
	flush_doc(&w);
	free(w.b);
	free(w.f);
	free(w.pre);
	buf_free(&w.tmp);
	return st->docs;
}

/* Warn about each block a form of its kind must have but this document
 * lacks (a form cut short, or a label spelled in a way vocab.c does not
 * know): its facts are not there, and nothing else would say so. */
static void warn_missing(walker *w)
{
	static const int dept_need[] = {BLK_INFO, BLK_BUDGET, BLK_GOAL, BLK_TASK, BLK_INDICATOR, 0};
	static const int proj_need[] = {BLK_FUNDS, BLK_GOAL, BLK_INDICATOR, 0};
	unsigned have = 0;
	long line = w->title ? w->title->line : 0;
	for (int i = 0; i < w->nb; i++) {
		have |= 1u << w->b[i].kind;
		if (!line && w->b[i].label)
			line = w->b[i].label->line;
	}
	int proj = w->seen_project || (have & (1u << BLK_PINFO | 1u << BLK_FUNDS));
	for (const int *k = proj ? proj_need : dept_need; *k; k++) {
		if (have & (1u << *k))
			continue;
		const vocab_word *v = vocab_block_labels;
		while (v->word && v->kind != *k)
			v++;
		warn_add(&w->st->warn, line, "form has no %s section", v->word);
	}
}
