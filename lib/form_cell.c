/* SPDX-License-Identifier: MIT */
/* form_cell: the cell helpers every stage of form reading uses: label keys
 * (blanks removed, full-width folded), key parts, provenance, and the one
 * bridge from a cell to a fact. See form_int.h. No reading of blocks here. */
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "hant.h"
#include "text.h"

/* The label key of s: blanks removed, full-width ASCII folded, a trailing
 * colon dropped (`年度资金总额：` before its value's cell). In out.
 * Folding never lengthens the text, so out is sized once; a code point
 * that folding leaves alone is copied as its bytes. */
static const char *labkey(const char *s, buf *out)
{
	/* Most cells need no change (text_plain_prefix: no blank, no lead byte
	 * of a multi-byte blank or full-width form): the key is the text. */
	size_t n = strlen(s), k = text_plain_prefix(s, n), i = 0, w = 0;
	if (k == n && !(n && s[n - 1] == ':'))
		return s + (s[0] == '*'); /* a required-field star is no part of it */
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
	while (w > 1 && o[w - 1] == ':') /* a trailing colon (`年度资金总额：`) */
		w--;
	o[w] = 0;
	out->len = w;
	if (o[0] == '*') { /* a required-field star (`*指标值`, `＊...`) */
		memmove(o, o + 1, w);
		out->len = w - 1;
	}
	return out->s;
}

/* labkey, then traditional characters folded to simplified and pinyin
 * readings dropped (hant.h), which most keys need not (hant_first). */
const char *form_labkey(const char *s, buf *out)
{
	const char *k = labkey(s, out);
	size_t n = strlen(k);
	if (hant_first(k, n) == n)
		return k;
	if (k != out->s) {
		buf_reset(out);
		buf_add(out, k, n);
	} else if (out->len != n) { /* the star labkey dropped */
		memmove(out->s, k, n + 1);
	}
	out->len = hant_fold(out->s, n);
	return out->s;
}

const char *form_lost_key(const char *k, buf *out)
{
	buf_reset(out);
	/* most keys hold no mark at all: nothing to look at byte by byte */
	int marks = 0;
	for (int v = 0; vocab_lost_marks[v] && !marks; v++)
		marks = strstr(k, vocab_lost_marks[v]) != NULL;
	if (!marks)
		return NULL;
	size_t n = strlen(k);
	int any = 0;
	for (size_t i = 0; i < n;) {
		size_t m = 0;
		for (int v = 0; vocab_lost_marks[v] && !m; v++)
			if (strncmp(k + i, vocab_lost_marks[v], strlen(vocab_lost_marks[v])) == 0)
				m = strlen(vocab_lost_marks[v]);
		if (!m) {
			buf_addc(out, k[i++]);
			continue;
		}
		/* a run of marks, dropped only between non-ASCII characters */
		size_t e = i;
		for (size_t mm = m; mm;) {
			e += mm, mm = 0;
			for (int v = 0; vocab_lost_marks[v] && !mm; v++)
				if (strncmp(k + e, vocab_lost_marks[v],
				            strlen(vocab_lost_marks[v])) == 0)
					mm = strlen(vocab_lost_marks[v]);
		}
		if (i > 0 && (unsigned char)k[i - 1] >= 0x80 && (unsigned char)k[e] >= 0x80)
			any = 1;
		else
			buf_add(out, k + i, e - i);
		i = e;
	}
	return any ? buf_str(out) : NULL;
}

const char *form_colon(const char *s, size_t *len)
{
	const char *a = strchr(s, ':'), *f = strstr(s, "\xEF\xBC\x9A");
	if (f && (!a || f < a)) {
		*len = 3;
		return f;
	}
	*len = 1;
	return a;
}

int form_ends_colon(const char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return (n >= 1 && s[n - 1] == ':') ||
	       (n >= 3 && memcmp(s + n - 3, "\xef\xbc\x9a", 3) == 0); /* ： */
}

char *form_label_key(buf *tmp, const char *s)
{
	return form_key_part(form_labkey(s, tmp));
}

/* Is k[i..] a score band: `(50分)`, `(0-20)分`, `(40-50)分`, `10分`,
 * `(10)`? Digits with one optional range and points, in at most one pair of
 * brackets, with 分 inside or after them (or brackets alone). */
static int band_at(const char *k, size_t i)
{
	const char *p = k + i, *fen = "分";
	int open = *p == '(', digits = 0, close = 0, has_fen = 0;
	p += open;
	for (int part = 0; part < 2; part++) {
		int d = 0;
		while ((*p >= '0' && *p <= '9') || (d && *p == '.'))
			p++, d++;
		if (!d)
			return 0;
		digits += d;
		if (*p == '-' && part == 0)
			p++;
		else
			break;
	}
	for (;;) {
		if (!strncmp(p, fen, strlen(fen)) && !has_fen)
			p += strlen(fen), has_fen = 1;
		else if (*p == ')' && open && !close)
			p++, close = 1;
		else
			break;
	}
	return digits && !*p && open == close && (has_fen || open);
}

size_t form_band(const char *k, char **band)
{
	size_t n = strlen(k);
	*band = NULL;
	for (size_t i = 1; i < n; i++) {
		if (!(k[i] == '(' || (k[i] >= '0' && k[i] <= '9' && k[i - 1] != '(')))
			continue;
		if (!band_at(k, i))
			continue;
		buf b = {0};
		for (const char *p = k + i; *p; p++)
			if (*p != '(' && *p != ')')
				buf_addc(&b, *p);
		*band = xstrdup(buf_str(&b));
		buf_free(&b);
		return i;
	}
	return n;
}

/* Cell text as one line: line breaks become spaces. New string. */
char *form_flat_text(const cell *c)
{
	char *s = xmemdup(c ? c->text : "", c ? c->len : 0);
	for (char *p = s; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return s;
}

/* A key part: `|` and `｜` inside a label become `¦`. New string. */
char *form_key_part(const char *s)
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
char *form_join_key(const char *a, const char *b, const char *c)
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
const char *form_header_unit(buf *tmp, const cell *c)
{
	if (form_empty(c))
		return "";
	const char *k = form_labkey(c->text, tmp);
	const char *open = strrchr(k, '(');
	if (!open)
		return "";
	const char *close = strchr(open, ')');
	if (!close)
		return "";
	const vocab_money *m = vocab_find_money(open + 1, (size_t)(close - open - 1));
	return m ? m->unit : "";
}

cell *form_at(const rowv *r, int i)
{
	return i >= 0 && i < r->n ? r->c[i] : NULL;
}

/* The end of the number (sign, digits, grouping, point) leading a cell's
 * text, or NULL when the text starts with none. */
static const char *number_end(const cell *c)
{
	if (!form_has_text(c))
		return NULL;
	const char *p = c->text;
	if (*p == '-' || *p == '+')
		p++;
	if (!(*p >= '0' && *p <= '9'))
		return NULL;
	while ((*p >= '0' && *p <= '9') || *p == ',' || *p == '.')
		p++;
	return p;
}

/* Does a cell read as an amount (digits, with grouping and a point)? */
int form_numeric(const cell *c)
{
	const char *p = number_end(c);
	return p && !*p;
}

int form_amount(const cell *c)
{
	const char *p = number_end(c);
	if (!p)
		return 0;
	while (*p == ' ')
		p++;
	size_t n = strlen(p);
	if (!n || vocab_find_money(p, n))
		return 1;
	for (int i = 0; vocab_money_short[i]; i++)
		if (strcmp(p, vocab_money_short[i]) == 0)
			return 1;
	return 0;
}

/* The kind of the table entry a cell's text matches, or 0. */
int form_word_kind(buf *tmp, const cell *c, const vocab_word *table)
{
	if (!form_has_text(c))
		return 0;
	const vocab_word *v = vocab_match(table, form_labkey(c->text, tmp));
	return v ? v->kind : 0;
}

int form_cn_digit(long cp)
{
	static const long cps[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
	                           0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
	for (int i = 0; i < 10; i++)
		if (cps[i] == cp)
			return i + 1;
	return -1;
}

long form_cp_at(const char *s, size_t n, size_t i, size_t *k)
{
	long cp = utf8_decode((const unsigned char *)s + i, n - i, k);
	return cp < 0 ? -1 : text_fold(cp);
}

void form_fact(form_reader *w, int sec, char *key, const char *field, const cell *val,
               const char *unit)
{
	char src[GRID_SRC_MAX];
	grid_cell_src(val, w->o->sheet, src, sizeof src);
	facts_add(&w->facts, sec, key, field, val ? val->text : "", val ? val->len : 0, unit, src);
	if (sec == SEC_EXTRA)
		w->st->extra++;
}

void form_fact_text(form_reader *w, int sec, char *key, const char *field, const char *text,
                    size_t n, const cell *at, const char *unit)
{
	char src[GRID_SRC_MAX];
	grid_cell_src(at, w->o->sheet, src, sizeof src);
	facts_add(&w->facts, sec, key, field, text, n, unit, src);
	if (sec == SEC_EXTRA)
		w->st->extra++;
}

void form_block_band(form_reader *w, const block *b)
{
	if (!b->label || !form_has_text(b->label))
		return;
	const char *k = form_labkey(b->label->text, &w->tmp);
	char *band;
	size_t cut = form_band(k, &band);
	if (band && k[cut] == '(' && cut > 0) {
		char *lk = xmemdup(k, cut);
		form_fact_text(w, SEC_META, form_key_part(lk), "band", band, strlen(band), b->label,
		               "");
		free(lk);
	}
	free(band);
}
