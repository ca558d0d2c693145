/* SPDX-License-Identifier: MIT */
/* sprow: rows a line, cells separated by single spaces -> cells cut at the
 * form's words. See sprow.h and docs/regrid.md section 1h. */
#include "sprow.h"

#include <stdlib.h>
#include <string.h>

#include "regrid_table.h"
#include "text.h"
#include "util.h"
#include "vocab.h"

/* What a piece of a line is. */
enum {
	SW_TEXT,  /* a word vocab does not know: part of a value */
	SW_LABEL, /* a block label (its BLK_* in blk) */
	SW_LEVEL, /* an indicator level name */
	SW_IHEAD, /* an indicator header word (一级指标, 指标值) */
	SW_HEAD,  /* another column header: money, goal, task, budget columns */
	SW_OTHER, /* an info label, a note, a line above a table, 合计 */
	SW_NUM,   /* a number at the line's end (an amount) */
};

/* Bytes of a word, at most (the vocabulary's longest words, with a remark
 * and the spaces between joined pieces, are shorter): longer pieces are
 * looked up by their first SPROW_WORD_MAX bytes. */
#define SPROW_WORD_MAX 128

typedef struct {
	buf key;
	regrid_starts first; /* the vocabulary words' starts */
	int ready;
	int ind; /* the lines are in an indicator table */
} ctx;

typedef struct {
	size_t off, len; /* bytes in the line */
	int single;      /* one space (not more) between it and the piece before */
} piece;

typedef struct {
	size_t off, len;
	int kind, blk;
} unit;

static const vocab_word *const tables[] = {
    vocab_block_labels,  vocab_indicator_levels, vocab_indicator_headers, vocab_task_headers,
    vocab_goal_headers,  vocab_budget_groups,    vocab_amount_headers,    vocab_funds_columns,
    vocab_pinfo_roles,   vocab_note_labels,      vocab_unit_line,         vocab_filler_line,
    vocab_multi_headers,
};

static void mark(ctx *c, const char *w)
{
	regrid_starts_add(&c->first, w);
}

/* May key start a word? (No when its hash bit is clear: most pieces are
 * values, and are not looked up.) */
static int may_start(ctx *c, const char *key)
{
	if (!c->ready) {
		c->ready = 1;
		for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
			for (const vocab_word *v = tables[i]; v->word; v++)
				mark(c, v->word);
		for (const vocab_syn *v = vocab_indicator_fields; v->word; v++)
			mark(c, v->word);
		for (size_t i = 0; vocab_diff_total_labels[i]; i++)
			mark(c, vocab_diff_total_labels[i]);
	}
	return regrid_starts_may(&c->first, key);
}

/* The label key of s[0..n) (regrid_key). Valid until the next call. */
static const char *key_of(ctx *c, const char *s, size_t n)
{
	return regrid_key(&c->key, s, n);
}

/* The entry of table that key is, or NULL; joined pieces (join) must be
 * the whole word, not only start with it (`联系电话 2293555` is two). */
static const vocab_word *hit(const vocab_word *table, const char *k, int join)
{
	const vocab_word *v = vocab_match(table, k);
	return v && join && v->prefix == 1 && strcmp(v->word, k) != 0 ? NULL : v;
}

/* What s[0..n) is (SW_*; *blk gets a block label's BLK_*); join: it is
 * pieces joined. *may is 0 when no word starts with s's key. */
static int word_of(ctx *c, const char *s, size_t n, int join, int *blk, int *may)
{
	*blk = BLK_NONE;
	*may = 0;
	if (n > SPROW_WORD_MAX) {
		/* no word is longer: a prefix word (`填报单位:…`) is in the first
		 * bytes, which are all that is folded (a 22 MB line costs nothing) */
		n = SPROW_WORD_MAX;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	const char *k = key_of(c, s, n);
	/* a key of three bytes or more whose first three start no word: no
	 * word starts with it either (joined pieces are not tried) */
	*may = strlen(k) < 3 || may_start(c, k);
	if (!*k || !may_start(c, k))
		return SW_TEXT;
	const vocab_word *v = hit(vocab_block_labels, k, join);
	if (v) {
		*blk = v->kind;
		return SW_LABEL;
	}
	if (hit(vocab_indicator_levels, k, join))
		return SW_LEVEL;
	if (hit(vocab_indicator_headers, k, join) || vocab_syn_match(vocab_indicator_fields, k))
		return SW_IHEAD;
	const vocab_word *heads[] = {vocab_task_headers, vocab_goal_headers, vocab_budget_groups,
	                             vocab_amount_headers, vocab_funds_columns};
	for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
		if (hit(heads[i], k, join))
			return SW_HEAD;
	const vocab_word *others[] = {vocab_pinfo_roles, vocab_note_labels, vocab_unit_line,
	                              vocab_filler_line, vocab_multi_headers};
	for (size_t i = 0; i < sizeof others / sizeof *others; i++)
		if (hit(others[i], k, join))
			return SW_OTHER;
	for (size_t i = 0; vocab_diff_total_labels[i]; i++)
		if (strcmp(k, vocab_diff_total_labels[i]) == 0)
			return SW_OTHER;
	return SW_TEXT;
}

/* Cut line s[0..n) into its pieces between spaces (at most
 * SPROW_MAX_PIECES: the last one then runs to the line's end). Returns
 * how many; *longer is set when the line held more. */
static size_t pieces_of(const char *s, size_t n, piece *p, int *longer)
{
	size_t np = 0, i = 0;
	*longer = 0;
	while (i < n) {
		size_t gap = 0;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++, gap++;
		if (i >= n)
			break;
		if (np == SPROW_MAX_PIECES) {
			size_t e = n;
			while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t'))
				e--;
			p[np - 1].len = e - p[np - 1].off;
			*longer = 1;
			break;
		}
		size_t a = i;
		while (i < n && s[i] != ' ' && s[i] != '\t')
			i++;
		p[np++] = (piece){a, i - a, gap == 1};
	}
	return np;
}

/* The units of a line: pieces that together make a word (at most
 * SPROW_JOIN, single spaces between them: `合 计`) joined, longest first,
 * each unit's kind found, amounts SW_NUM. */
static size_t units_of(ctx *c, const char *s, const piece *p, size_t np, unit *u)
{
	size_t nu = 0;
	for (size_t i = 0; i < np;) {
		size_t k = np - i < SPROW_JOIN ? np - i : SPROW_JOIN;
		int blk = BLK_NONE, may, one = word_of(c, s + p[i].off, p[i].len, 0, &blk, &may);
		int kind = SW_TEXT, blk1 = blk;
		for (k = may ? k : 1; k >= 2; k--) {
			int single = 1;
			for (size_t j = i + 1; j < i + k; j++)
				single &= p[j].single;
			if (!single)
				continue;
			size_t e = p[i + k - 1].off + p[i + k - 1].len;
			if (e - p[i].off > SPROW_WORD_MAX)
				continue; /* longer than any word with its remark */
			if ((kind = word_of(c, s + p[i].off, e - p[i].off, 1, &blk, &may)) !=
			    SW_TEXT)
				break;
		}
		if (k < 2) {
			k = 1;
			kind = one;
			blk = blk1;
		}
		size_t e = p[i + k - 1].off + p[i + k - 1].len;
		u[nu++] = (unit){p[i].off, e - p[i].off, kind, blk};
		i += k;
	}
	/* amounts: a number at the line's end, or beside another number
	 * (`合计 130 300`, `音响设备 15 36 12套×3万元`); a number alone
	 * inside a text (`完成 12 座`) stays in it */
	for (size_t j = 0; j < nu; j++)
		if (u[j].kind == SW_TEXT && pg_numeric(s + u[j].off, u[j].len))
			u[j].kind = SW_NUM;
	for (size_t j = 0; j < nu; j++)
		if (u[j].kind == SW_NUM && j + 1 < nu && u[j + 1].kind != SW_NUM &&
		    (j == 0 || u[j - 1].kind != SW_NUM))
			u[j].kind = SW_TEXT;
	return nu;
}

/* The cells of a line, from its units: outside an indicator table the
 * texts between words are one cell; inside it every unit is a cell.
 * Updates c->ind from the line's first unit. Returns how many cells. */
static size_t cells_of(ctx *c, unit *u, size_t nu)
{
	if (!nu)
		return 0;
	if ((u[0].kind == SW_LABEL && u[0].blk == BLK_INDICATOR) || u[0].kind == SW_IHEAD ||
	    u[0].kind == SW_LEVEL)
		c->ind = 1;
	else if (u[0].kind == SW_LABEL)
		c->ind = 0;
	if (c->ind)
		return nu;
	size_t o = 0;
	for (size_t j = 0; j < nu; j++) {
		if (o && u[j].kind == SW_TEXT && u[o - 1].kind == SW_TEXT) {
			u[o - 1].len = u[j].off + u[j].len - u[o - 1].off;
			continue;
		}
		u[o++] = u[j];
	}
	return o;
}

/* Scratch for one line. */
typedef struct {
	piece p[SPROW_MAX_PIECES];
	unit u[SPROW_MAX_PIECES];
} scratch;

int sprow_text(const char *text, size_t n)
{
	ctx c = {0};
	scratch *w = xmalloc(sizeof *w);
	size_t i = 0, len;
	const char *s;
	long labels = 0, heads = 0;
	int longer;
	while ((labels < SPROW_MIN_LABELS || !heads) && pg_next_line(text, n, &i, &s, &len)) {
		size_t np = pieces_of(s, len, w->p, &longer);
		size_t nu = units_of(&c, s, w->p, np, w->u);
		size_t nc = cells_of(&c, w->u, nu);
		labels += nc >= 2 && w->u[0].kind == SW_LABEL;
		int h = 0;
		for (size_t j = 0; j < nc; j++)
			h += w->u[j].kind == SW_HEAD || w->u[j].kind == SW_IHEAD;
		heads += h >= 2;
	}
	free(w);
	buf_free(&c.key);
	return labels >= SPROW_MIN_LABELS && heads > 0;
}

static void add(sprow_out *o, long max, size_t off, size_t len, long line, int col, int end)
{
	if ((long)o->n >= max) {
		if (!o->cut)
			o->cut = line;
		return;
	}
	if (o->n == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 256;
		o->v = xreallocarray(o->v, o->cap, sizeof *o->v);
	}
	o->v[o->n++] = (sprow_cell){off, len, line, col, end};
}

void sprow_read(const char *text, size_t n, long max_cells, sprow_out *o)
{
	ctx c = {0};
	scratch *w = xmalloc(sizeof *w);
	size_t i = 0, len;
	const char *s;
	long line = 0;
	int longer;
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (pg_next_line(text, n, &i, &s, &len) && !o->cut) {
		line++;
		size_t np = pieces_of(s, len, w->p, &longer);
		if (longer && !o->longer)
			o->longer = line;
		size_t nu = units_of(&c, s, w->p, np, w->u);
		size_t nc = cells_of(&c, w->u, nu);
		if (!nc)
			continue;
		size_t base = (size_t)(s - text);
		for (size_t j = 0; j < nc; j++) {
			unit *x = &w->u[j];
			add(o, max_cells, base + x->off, x->len, line, (int)j + 1, 0);
			/* a group's heading on its first row: a row of its own */
			/* (or a goal block's label over the project's pairs:
			 * `项目基本情况 项目名称 某项目`) */
			if (j == 0 && nc >= 2 && w->u[1].kind == SW_LABEL &&
			    (x->kind == SW_TEXT || (x->kind == SW_LABEL && x->blk == BLK_GOAL &&
			                            w->u[1].blk == BLK_PINFO)))
				add(o, max_cells, base + x->off + x->len, 0, line, 0, 1);
		}
		add(o, max_cells, base + len, 0, line, 0, 1);
	}
	free(w);
	buf_free(&c.key);
}

void sprow_out_free(sprow_out *o)
{
	free(o->v);
	o->v = NULL;
	o->n = o->cap = 0;
}
