/* SPDX-License-Identifier: MIT */
/* glued: a form glued onto one line -> its cells, cut at the vocabulary's
 * words. See glued.h and docs/regrid.md section 1g. */
#include "glued.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "vocab.h"

/* What a word is, for the cut. */
enum {
	GW_LABEL,  /* a block label: a cell of its own */
	GW_L1,     /* level names */
	GW_L2,     /* .. */
	GW_L12,    /* 成本指标: level 1 or 2 */
	GW_HLEVEL, /* an indicator header word of a level column (一级指标) */
	GW_HEAD,   /* any other indicator header word or field (指标值, 分值) */
	GW_GOAL,   /* a goal column's header (长期目标, 年度目标) */
	GW_OTHER,  /* task, budget headers, notes: a cell of its own */
	GW_TITLE,  /* a title word: the cell ends after it, not before */
	GW_LINE,   /* a line above a table (填报单位:): the cell starts at it */
};

typedef struct {
	const char *word;
	size_t len;
	int kind;
} gword;

/* Words of GLUED_MIN_CHARS characters or more from the vocabulary's
 * tables, at most this many (the tables hold about 300). */
#define GLUED_MAX_WORDS 1024

/* Hash buckets of a word's first three bytes: a position tries only the
 * words of its bucket. */
#define GLUED_BUCKETS 4096

static gword words[GLUED_MAX_WORDS];
static size_t nwords;
static unsigned short by_hash[GLUED_MAX_WORDS];  /* word indices, by bucket */
static unsigned short bucket[GLUED_BUCKETS + 1]; /* a bucket's first in by_hash */
static int ready;

static unsigned first_hash(const unsigned char *u)
{
	return (u[0] * 961u + u[1] * 31u + u[2]) % GLUED_BUCKETS;
}

static size_t chars_of(const char *w)
{
	size_t c = 0;
	for (const unsigned char *u = (const unsigned char *)w; *u; u++)
		c += (*u & 0xC0) != 0x80;
	return c;
}

static void add(const char *w, int kind)
{
	size_t len = strlen(w);
	if (nwords >= GLUED_MAX_WORDS || len < 3 || chars_of(w) < GLUED_MIN_CHARS)
		return;
	words[nwords++] = (gword){w, len, kind};
}

static void add_table(const vocab_word *t, int kind)
{
	for (; t->word; t++)
		add(t->word, kind);
}

/* The words, from the vocabulary's tables (built once). */
static void init(void)
{
	if (ready)
		return;
	ready = 1;
	add_table(vocab_block_labels, GW_LABEL);
	for (const vocab_word *v = vocab_indicator_levels; v->word; v++)
		add(v->word, v->kind == IR_L1 ? GW_L1 : v->kind == IR_L2 ? GW_L2 : GW_L12);
	for (const vocab_word *v = vocab_indicator_headers; v->word; v++)
		add(v->word, v->kind == IR_L1 || v->kind == IR_L2 ? GW_HLEVEL : GW_HEAD);
	for (const vocab_syn *v = vocab_indicator_fields; v->word; v++)
		add(v->word, GW_HEAD);
	add_table(vocab_goal_headers, GW_GOAL);
	add_table(vocab_task_headers, GW_OTHER);
	add_table(vocab_budget_groups, GW_OTHER);
	add_table(vocab_funds_labels, GW_OTHER);
	add_table(vocab_note_labels, GW_OTHER);
	add_table(vocab_title_words, GW_TITLE);
	add_table(vocab_filler_line, GW_LINE);
	add_table(vocab_unit_line, GW_LINE);
	/* counting sort of the words by bucket */
	for (size_t k = 0; k < nwords; k++)
		bucket[first_hash((const unsigned char *)words[k].word) + 1]++;
	for (size_t h = 0; h < GLUED_BUCKETS; h++)
		bucket[h + 1] += bucket[h];
	unsigned short at[GLUED_BUCKETS];
	memcpy(at, bucket, sizeof at);
	for (size_t k = 0; k < nwords; k++)
		by_hash[at[first_hash((const unsigned char *)words[k].word)]++] = (unsigned short)k;
}

/* The byte s[i] read as canonical ASCII when it starts a full-width form
 * (U+FF01..U+FF5E folded, `（` is `(`): *adv its length; else s[i] itself. */
static int fold_at(const char *s, size_t n, size_t i, size_t *adv)
{
	const unsigned char *u = (const unsigned char *)s + i;
	if (i + 3 <= n && u[0] == 0xEF && (u[1] == 0xBC || u[1] == 0xBD)) {
		unsigned cp = 0xF000u | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
		if (cp >= 0xFF01 && cp <= 0xFF5E) {
			*adv = 3;
			return (int)(cp - 0xFEE0);
		}
	}
	*adv = 1;
	return u[0];
}

/* Does word w match s at i (full-width forms folded; a `*` inside it, a
 * required-field mark, `一*级项目名称`, skipped)? Returns the bytes it takes
 * in s, or 0. */
static size_t match_at(const char *s, size_t n, size_t i, const gword *w)
{
	size_t j = i, k = 0, adv;
	while (k < w->len) {
		if (k && j < n && s[j] == '*' && (w->word[k] & 0xC0) != 0x80) {
			j++;
			continue;
		}
		if (j >= n || fold_at(s, n, j, &adv) != (unsigned char)w->word[k])
			return 0;
		j += adv;
		k++;
	}
	return j - i;
}

/* The longest word at s[i..n): its entry, *len its bytes; NULL if none. */
static const gword *longest_at(const char *s, size_t n, size_t i, size_t *len)
{
	if (i + 3 > n)
		return NULL;
	unsigned h = first_hash((const unsigned char *)s + i);
	const gword *best = NULL;
	*len = 0;
	for (unsigned b = bucket[h]; b < bucket[h + 1]; b++) {
		size_t m = match_at(s, n, i, &words[by_hash[b]]);
		if (m > *len) {
			*len = m;
			best = &words[by_hash[b]];
		}
	}
	return best;
}

/* The word cut at s[i..n): the longest word starting there, unless a word
 * starting inside it reaches further (`项目资金用途`: 资金用途 after the
 * value's `项目`, not 项目资金; `项目绩效目标表`: the title word 绩效目标表, not
 * the label 项目绩效目标), when none is cut at i: the scan goes on to it
 * and the characters before it stay in the text before. Its entry, *len its
 * bytes; NULL if none. */
static const gword *word_at(const char *s, size_t n, size_t i, size_t *len)
{
	const gword *w = longest_at(s, n, i, len);
	size_t end = i + *len, adv = w ? utf8_len((const unsigned char *)s + i, n - i) : 0, l2;
	for (size_t j = i + (adv ? adv : 1); w && j < end; j += adv ? adv : 1) {
		adv = utf8_len((const unsigned char *)s + j, n - j);
		if (longest_at(s, n, j, &l2) && j + l2 > end) {
			*len = 0;
			return NULL;
		}
	}
	return w;
}

/* A parenthesised remark right after a word (`(2021年度)`, `(万元)`): its
 * bytes, at most 48, or 0. */
static size_t remark_at(const char *s, size_t n, size_t i)
{
	size_t adv, j;
	if (i >= n || fold_at(s, n, i, &adv) != '(')
		return 0;
	for (j = i + adv; j < n && j - i <= 48; j += adv)
		if (fold_at(s, n, j, &adv) == ')')
			return j + adv - i;
	return 0;
}

/* A year right after a title (`绩效目标表2023年度`): four digits and
 * `年度` or `年`; its bytes, or 0. */
static size_t year_at(const char *s, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && j - i < 4 && s[j] >= '0' && s[j] <= '9')
		j++;
	if (j - i != 4)
		return 0;
	if (n - j >= 6 && memcmp(s + j, "年度", 6) == 0)
		return j + 6 - i;
	if (n - j >= 3 && memcmp(s + j, "年", 3) == 0)
		return j + 3 - i;
	return 0;
}

/* The comparator sign at s[i..n) (`=`, `≥`, `≤`, `>`, `<`, `≧`, `≦`, `═`):
 * its bytes, or 0. */
static size_t sign_at(const char *s, size_t n, size_t i)
{
	static const char *const signs[] = {"≥", "≤", "≧", "≦", "═", "=", ">", "<", NULL};
	for (const char *const *g = signs; *g; g++) {
		size_t gl = strlen(*g);
		if (gl <= n - i && memcmp(s + i, *g, gl) == 0)
			return gl;
	}
	return 0;
}

/* A comparator sign before a number (`=300天`, `≥90%`, `%=99`) in
 * s[a..b), not at a: its offset, or 0. */
static size_t comparator_in(const char *s, size_t a, size_t b)
{
	size_t adv, x;
	for (size_t i = a; i < b; i += adv ? adv : 1) {
		adv = utf8_len((const unsigned char *)s + i, b - i);
		size_t gl = sign_at(s, b, i);
		if (!gl)
			continue;
		for (x = i + gl; x < b && s[x] == ' '; x++)
			;
		if (i > a && x < b && s[x] >= '0' && s[x] <= '9')
			return i;
	}
	return 0;
}

/* Are s[0..n)'s spaces few: at most one per 64 bytes (a glued line; a
 * page's text run together with spaces between its cells is regrid's words
 * shape)? */
static int few_spaces(const char *s, size_t n)
{
	size_t sp = 0;
	for (size_t i = 0; i < n; i++)
		sp += s[i] == ' ' || s[i] == '\t';
	return sp * 64 <= n;
}

/* What the words of s[0..n) are: counts by kind into seen (GW_* indices);
 * returns the number of words. */
static size_t count_words(const char *s, size_t n, size_t *seen)
{
	size_t lim = n < GLUED_MAX_LINE ? n : GLUED_MAX_LINE, words_found = 0, len, adv;
	init();
	for (size_t i = 0; i < lim;) {
		const gword *w = word_at(s, lim, i, &len);
		if (w) {
			seen[w->kind]++;
			words_found++;
			i += len;
			continue;
		}
		adv = utf8_len((const unsigned char *)s + i, lim - i);
		i += adv ? adv : 1;
	}
	return words_found;
}

int glued_line(const char *s, size_t n)
{
	size_t seen[GW_LINE + 1] = {0};
	return n >= GLUED_MIN_LINE && few_spaces(s, n) &&
	       count_words(s, n, seen) >= GLUED_LINE_WORDS;
}

int glued_text(const char *text, size_t n)
{
	size_t i = 0, len, seen[GW_LINE + 1] = {0}, total = 0;
	const char *s;
	while (pg_next_line(text, n, &i, &s, &len))
		if (len >= GLUED_MIN_LINE && few_spaces(s, len))
			total += count_words(s, len, seen);
	return total >= GLUED_MIN_WORDS && seen[GW_TITLE] && (seen[GW_HEAD] || seen[GW_HLEVEL]) &&
	       (seen[GW_L1] || seen[GW_L2] || seen[GW_L12]);
}

static void put(glued_out *o, size_t off, size_t len)
{
	if (!len)
		return;
	if (o->n == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 64;
		o->v = xreallocarray(o->v, o->cap, sizeof *o->v);
	}
	o->v[o->n++] = (glued_piece){off, len, 0};
}

/* The state of an indicator table being cut. */
typedef struct {
	int in;       /* an indicator header word was seen */
	long heads;   /* header pieces before the first level name */
	long hlevels; /* .. of them, level columns */
	long cols;    /* columns after the levels (-1: not known yet) */
	size_t row;   /* the row's first value piece */
	int last;     /* the kind of the last word cut, or -1 after a value */
} table;

/* A row of values ends (at a level name, a label, the line's end): its
 * pieces from t->row on are glued when fewer than the header's columns
 * after the levels. */
static void row_end(glued_out *o, table *t)
{
	size_t vals = o->n - t->row;
	if (t->in && t->cols > 0 && vals > 0 && (long)vals < t->cols)
		for (size_t k = t->row; k < o->n; k++)
			o->v[k].glued = 1;
	t->row = o->n;
}

/* A value s[a..b): one piece, or, in an indicator table's rows, a name
 * and its value cut at a comparator sign. */
static void value(const char *s, size_t a, size_t b, glued_out *o, table *t)
{
	size_t c = t->in && t->cols >= 0 ? comparator_in(s, a, b) : 0;
	if (c) {
		put(o, a, c - a);
		put(o, c, b - c);
	} else {
		put(o, a, b - a);
	}
	if (t->in && t->cols < 0 && b > a)
		t->heads++; /* a header column vocab does not name (备注) */
	if (b > a)
		t->last = -1;
}

/* Goal columns' headers in a row (`长期目标 | 年度目标`) and the value
 * pieces after them: fewer texts than headers are glued texts. */
typedef struct {
	long heads;
	size_t row;
} goals;

static void goal_end(glued_out *o, goals *g)
{
	size_t vals = g->heads >= 2 ? o->n - g->row : 0;
	if (vals > 0 && (long)vals < g->heads)
		for (size_t k = g->row; k < o->n; k++)
			o->v[k].glued = 1;
	g->heads = 0;
}

/* Does a value start at s[i]: a digit, `%` or a comparator sign (a level
 * name is followed by a level or an indicator's name, never a value)? */
static int valued(const char *s, size_t n, size_t i)
{
	return i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '%' || sign_at(s, n, i));
}

/* Is s[a..b) the start of an indicator's name: some text, without a digit,
 * `%` or a comparator sign (those end a value)? */
static int name_part(const char *s, size_t a, size_t b)
{
	if (a >= b)
		return 0;
	for (size_t i = a; i < b; i++)
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '%' || sign_at(s, b, i))
			return 0;
	return 1;
}

static int is_level(int k)
{
	return k == GW_L1 || k == GW_L2 || k == GW_L12;
}

void glued_cut(const char *s, size_t n, glued_out *o)
{
	size_t lim = n < GLUED_MAX_LINE ? n : GLUED_MAX_LINE, start = 0, len, adv;
	table t = {.cols = -1, .last = -1};
	goals g = {0};
	init();
	t.row = o->n;
	o->longer = n > lim;
	for (size_t i = 0; i < lim;) {
		const gword *w = word_at(s, lim, i, &len);
		int k = w ? w->kind : -1;
		/* a level name right after a level-2 name is an indicator's name
		 * that starts with the same words (`服务对象满意度` under
		 * `服务对象满意度`), and so is one after the start of a name that a
		 * value follows (`沿线群众满意度≥90%`; not `88100质量指标68100`);
		 * level names count only in an indicator table */
		if (is_level(k) && (!t.in || (t.last == GW_L2 && i == start && k != GW_L1) ||
		                    (name_part(s, start, i) && valued(s, lim, i + len))))
			k = -1;
		if (k < 0) {
			if (w)
				i += len;
			else {
				adv = utf8_len((const unsigned char *)s + i, lim - i);
				i += adv ? adv : 1;
			}
			continue;
		}
		size_t end = i + len;
		end += remark_at(s, lim, end);
		if (k == GW_TITLE) {
			/* the title is the text since the last cut, and its remark
			 * or year; the rows before it end */
			end += year_at(s, lim, end);
			row_end(o, &t);
			goal_end(o, &g);
			put(o, start, end - start);
			t = (table){.cols = -1, .last = k, .row = o->n};
			start = i = end;
			continue;
		}
		value(s, start, i, o, &t);
		if (k != GW_GOAL || t.last != GW_GOAL)
			goal_end(o, &g);
		if (is_level(k) && t.in) {
			if (t.cols < 0)
				t.cols = t.heads - t.hlevels;
			if (t.last == -1)
				row_end(o, &t);
		} else if (t.in && t.cols >= 0) {
			row_end(o, &t);
		}
		if (k == GW_HEAD || k == GW_HLEVEL) {
			if (!t.in || t.cols >= 0) /* a new table (年度绩效指标 after 长期) */
				t = (table){.in = 1, .cols = -1, .row = o->n};
			t.heads++;
			t.hlevels += k == GW_HLEVEL;
		} else if (k == GW_LABEL || k == GW_OTHER) {
			if (t.cols >= 0)
				t = (table){.cols = -1, .row = o->n};
		}
		if (k == GW_LINE) {
			start = i; /* the line's text goes on after its word */
			i = end;
			t.last = k;
			continue;
		}
		put(o, i, end - i);
		if (is_level(k))
			t.row = o->n;
		if (k == GW_GOAL) {
			g.heads = t.last == GW_GOAL ? g.heads + 1 : 1;
			g.row = o->n;
		}
		t.last = k;
		start = i = end;
	}
	value(s, start, lim, o, &t);
	row_end(o, &t);
	goal_end(o, &g);
	if (lim < n)
		put(o, lim, n - lim);
}

void glued_out_free(glued_out *o)
{
	free(o->v);
	o->v = NULL;
	o->n = o->cap = 0;
}
