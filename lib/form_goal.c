/* SPDX-License-Identifier: MIT */
/* form_goal: the readers of free-text blocks: 总体绩效目标 split into goals
 * at their markers (目标N:, 1., （1）, 一、) or lines, 其他需完成的任务 as one
 * text, and labelled texts (部门职责) as one info value. They add facts from blocks already cut. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "text.h"

static int is_cn_digit(long cp)
{
	return form_cn_digit(cp) > 0;
}

/* Goal markers. Returns the marker's length at s[i] when one starts there,
 * else 0. kind: 1 `目标N:`, 2 `N.` / `N、`, 3 `(N)`, 4 `一、`. */
static size_t marker_at(const char *s, size_t n, size_t i, int kind)
{
	size_t j = i, k;
	long cp;
	if (kind == 1) {
		size_t wl = strlen(VOCAB_GOAL_WORD);
		if (n - i < wl || memcmp(s + i, VOCAB_GOAL_WORD, wl) != 0)
			return 0;
		j += wl;
		while (j < n && (cp = form_cp_at(s, n, j, &k)) == ' ')
			j += k;
		size_t d0 = j;
		while (j < n &&
		       ((cp = form_cp_at(s, n, j, &k)) >= '0' && cp <= '9' ? 1 : is_cn_digit(cp)))
			j += k;
		if (j == d0 || j >= n)
			return 0;
		cp = form_cp_at(s, n, j, &k);
		if (cp == ':' || cp == 0x3001 /* 、 */ || cp == '.')
			return j + k - i;
		/* `目标3改善...`: the colon lost, at the text's start only, with a
		 * short number (`目标2024年` is no marker) */
		if (i == 0 && j - d0 <= 2 && cp >= 0x4E00)
			return j - i;
		return 0;
	}
	if (kind == 3) {
		cp = form_cp_at(s, n, j, &k);
		if (cp != '(')
			return 0;
		j += k;
		size_t d0 = j;
		while (j < n &&
		       ((cp = form_cp_at(s, n, j, &k)) >= '0' && cp <= '9' ? 1 : is_cn_digit(cp)))
			j += k;
		if (j == d0 || j >= n || form_cp_at(s, n, j, &k) != ')')
			return 0;
		return j + k - i;
	}
	size_t d0 = j;
	while (j < n) {
		cp = form_cp_at(s, n, j, &k);
		if (kind == 2 ? (cp >= '0' && cp <= '9') : is_cn_digit(cp))
			j += k;
		else
			break;
	}
	if (j == d0 || j >= n)
		return 0;
	cp = form_cp_at(s, n, j, &k);
	if (kind == 2 && (cp == '.' || cp == 0x3001)) {
		size_t k2;
		if (j + k < n) {
			long nx = form_cp_at(s, n, j + k, &k2);
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
static void emit_goal(form_reader *w, const char *s, size_t a, size_t e, const cell *c, int *no,
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
	snprintf(w->last_goal, sizeof w->last_goal, "%s", buf_str(&kb));
	form_fact_text(w, SEC_GOAL, xstrdup(buf_str(&kb)), "text", s + a, e - a, c, "");
	buf_free(&kb);
}

/* Split one cell's text into goals at its markers (or its lines). */
static void split_goals(form_reader *w, const cell *c, int *no, const char *prefix)
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

size_t form_goal_marker(const char *s, size_t n)
{
	for (int kind = 1; kind <= 4; kind++) {
		size_t m = marker_at(s, n, 0, kind);
		if (m)
			return m;
	}
	return 0;
}

/* A cell's goal kind (vocab_goal_headers), an item number before the word
 * (`1.项目年度目标完成情况`) left out; 0 for none. */
static int goal_kind(form_reader *w, const cell *c)
{
	if (!form_has_text(c))
		return 0;
	/* the key once (goal cells are long texts): the word, else the word
	 * after an item number */
	const char *key = form_labkey(c->text, &w->tmp);
	const vocab_word *v = vocab_match(vocab_goal_headers, key);
	if (v && v->kind)
		return v->kind;
	size_t n = form_item_number(key);
	v = n ? vocab_match(vocab_goal_headers, key + n) : NULL;
	return v ? v->kind : 0;
}

/* Goals: one or more texts. On a project form a header row (年度目标 |
 * 实施期目标) or a leading label cell tells each text's kind; implementation-
 * period goals get keys `实施期|N`. */
void form_read_goal(form_reader *w, block *b)
{
	int *no = w->goal_no; /* numbered through the document */
	int *colkind = NULL, ncols = 0;
	/* a block labelled by a goal kind (实施期绩效目标, 本年度绩效目标) */
	int blockkind = form_word_kind(&w->tmp, b->label, vocab_goal_headers);
	char longkey[64];
	snprintf(longkey, sizeof longkey, "%s|", VOCAB_GOAL_LONG_KEY);
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		int heads = 0, texts = 0;
		for (int j = 0; j < r->n; j++)
			if (form_has_text(r->c[j])) {
				texts++;
				heads += goal_kind(w, r->c[j]) != 0;
			}
		if (heads && heads == texts) {
			free(colkind);
			ncols = r->n;
			colkind = xcalloc((size_t)ncols, sizeof *colkind);
			for (int j = 0; j < r->n; j++) {
				colkind[j] = goal_kind(w, r->c[j]);
				form_use(r->c[j]);
			}
			continue;
		}
		int rowkind = 0, shift = 0;
		cell *rowlab = NULL;
		for (int j = 0; j < r->n; j++) {
			cell *c = r->c[j];
			if (!form_has_text(c))
				continue;
			int gk = goal_kind(w, c);
			if (gk == GK_TEXT && texts == 1) { /* its text empty */
				const char *lk = form_labkey(c->text, &w->tmp);
				lk += form_item_number(lk);
				form_fact_text(w, SEC_INFO, form_key_part(lk), "value", "", 0, c,
				               "");
				form_use(c);
				continue;
			}
			if (gk && !rowkind && texts > 1) {
				rowkind = gk; /* a label cell: 年度目标 | text */
				rowlab = c;
				form_use(c);
				continue;
			}
			/* a text under a heading that spans the goal rows (GK_HEAD):
			 * the row lost the heading's cell (a text whose grid was
			 * lost); its cells are the columns after it */
			if (!rowkind && !shift && j < ncols && colkind[j] == GK_HEAD)
				shift = 1;
			int jj = j + shift;
			int kind = rowkind                       ? rowkind
			           : (jj < ncols && colkind[jj]) ? colkind[jj]
			           : blockkind                   ? blockkind
			                                         : GK_YEAR;
			form_use(c);
			if (kind == GK_HEAD)
				kind = GK_YEAR; /* a text beside a heading: not one */
			if (kind == GK_TEXT && !rowlab)
				kind = GK_YEAR;
			if (kind == GK_TEXT) { /* 项目实施内容及过程概述 | text */
				const char *lk = rowlab ? form_labkey(rowlab->text, &w->tmp) : "";
				lk += form_item_number(lk);
				form_fact(w, SEC_INFO, form_key_part(lk), "value", c, "");
				continue;
			}
			if (kind == GK_ACTUAL) { /* what became of the row's goal */
				form_fact(w, SEC_GOAL,
				          xstrdup(w->last_goal[0] ? w->last_goal : "1"),
				          VOCAB_GOAL_ACTUAL_FIELD, c, "");
				continue;
			}
			split_goals(w, c, &no[kind], kind == GK_LONG ? longkey : "");
		}
	}
	free(colkind);
}

/* A block's texts joined by a space as one fact keyed by the block's label
 * (empty when there are none). */
static void block_text(form_reader *w, block *b, int sec, const char *field)
{
	buf v = {0};
	cell *first = NULL;
	for (int i = 0; i < b->n; i++)
		for (int j = 0; j < b->rows[i].n; j++) {
			cell *c = b->rows[i].c[j];
			if (!form_has_text(c))
				continue;
			form_use(c);
			if (!first)
				first = c;
			if (v.len)
				buf_addc(&v, ' ');
			buf_add(&v, c->text, c->len);
		}
	form_fact_text(w, sec, form_label_key(&w->tmp, b->label->text), field, buf_str(&v), v.len,
	               first ? first : b->label, "");
	buf_free(&v);
}

void form_read_other(form_reader *w, block *b)
{
	block_text(w, b, SEC_OTHER, "text");
}

/* A labelled text (部门职责 | text): info keyed by the label. */
void form_read_ltext(form_reader *w, block *b)
{
	block_text(w, b, SEC_INFO, "value");
}
