/* SPDX-License-Identifier: MIT */
/* form_fit: a stage between the cut blocks and the indicator reader. An
 * indicator data row that lost or gained a cell after its level names (a
 * web page that dropped an empty cell, text whose empty cells left no trace)
 * is re-aligned to its table's column roles by what each cell is: level
 * names, 指标性质 words (定量, a comparator alone), comparator quantities
 * (`=42个`), plain numbers, short unit words, and the texts a column holds
 * on two rows or more (`未达指标值酌情扣分` under 评分标准). A row is only
 * moved when, read as it stands, a cell sits in a column that cannot hold it
 * (a 指标性质 word as the name, a long sentence as the unit), and exactly
 * one fitting placement costs least; otherwise it stays as it is (with a
 * warning when several placements fit equally). It never reads values into
 * facts and never looks at the words of one form: its cues are the
 * vocabulary (lib/vocab.c) and the table's own columns. Rows whose text
 * shows no row end between them (rows rebuilt by count: one line of words)
 * may give the row before's last remark cell back as this row's name. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "text.h"

enum { W_ANY, W_NAME, W_NATURE, W_VALUE, W_UNIT, W_SCORE };
#define FIT_INF 1000000
#define FIT_SKIP 2  /* a column whose cell was lost; an empty cell gained */
#define FIT_DOUBT 3 /* a doubtful cell: dearer than a lost column */

typedef struct {
	const char *text;
	int col;
} owned_text;

typedef struct {
	int c3, t; /* the name column; columns from it on (the tail) */
	int want[FIT_MAX_COLS];
	int remark[FIT_MAX_COLS]; /* a remark column (偏差原因, 备注) */
	int units;                /* some column wants a unit (计量单位) */
	owned_text *own;          /* texts a column holds twice or more, by text */
	int nown;
} fit_table;

static size_t cps(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static int has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

/* A quantity alone: a number, then at most two characters (`100%`,
 * `30公里`, `1.2万人`): an indicator's value or result, never its name. */
static int qty_alone(const char *k, size_t n)
{
	size_t i = 0;
	while (i < n && ((k[i] >= '0' && k[i] <= '9') || k[i] == '.' || k[i] == ','))
		i++;
	return i > 0 && !has_digit(k + i, n - i) && cps(k + i, n - i) <= 2;
}

/* A comparator word leading k (its length), else 0. */
static size_t prefix_op(const char *k)
{
	for (const vocab_op *o = vocab_prefix_ops; o->word; o++) {
		if (o->word[0] != k[0]) /* words are not empty */
			continue;
		size_t n = strlen(o->word);
		if (strncmp(k, o->word, n) == 0)
			return n;
	}
	return 0;
}

static int is_level(form_reader *w, const char *k)
{
	/* a key that names a level as it stands does so without its band too
	 * (level names hold no digit); a key without a bracket or a digit
	 * has no band to cut */
	if (vocab_match(vocab_indicator_levels, k))
		return 1;
	if (!strpbrk(k, "(0123456789"))
		return 0;
	char *band;
	size_t cut = form_band(k, &band);
	free(band);
	if (!k[cut]) /* no band: the key itself, not copied */
		return vocab_match(vocab_indicator_levels, k) != NULL;
	char *t = xmemdup(k, cut);
	int lv = vocab_match(vocab_indicator_levels, t) != NULL;
	free(t);
	return lv;
}

/* A level name, or its start cut by the page's end (four characters or
 * more: `可持续影响` of 可持续影响指标). */
static int level_like(form_reader *w, const char *k)
{
	if (is_level(w, k))
		return 1;
	size_t n = strlen(k);
	if (cps(k, n) < 4)
		return 0;
	for (const vocab_word *v = vocab_indicator_levels; v->word; v++)
		if (strlen(v->word) > n && strncmp(v->word, k, n) == 0)
			return 1;
	return 0;
}

static int owner_of(const fit_table *f, const char *text)
{
	int lo = 0, hi = f->nown;
	while (lo < hi) {
		int mid = (lo + hi) / 2, c = strcmp(f->own[mid].text, text);
		if (c == 0)
			return f->own[mid].col;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* What a cell is, found once per cell: the fit asks it of every column. */
typedef struct {
	int text, own, level, nature, digit, cmpqty, qty, unit;
	size_t len;
} fit_kind;

static fit_kind kind_of(form_reader *w, const fit_table *f, const cell *c)
{
	fit_kind q = {0};
	if (!form_has_text(c))
		return q;
	q.text = 1;
	q.own = owner_of(f, c->text);
	const char *key = form_key(w->keys, c->text);
	size_t n = strlen(key), op = prefix_op(key);
	q.len = cps(key, n);
	q.level = is_level(w, key);
	q.nature = vocab_match(vocab_nature_words, key) || (op && op == n);
	q.digit = has_digit(key, n);
	q.cmpqty = op && op < n && key[op] >= '0' && key[op] <= '9';
	q.qty = qty_alone(key, n) ? 1 : key[0] >= '0' && key[0] <= '9' ? 2 : 0;
	q.unit = f->units && vocab_match(vocab_indicator_units, key) != NULL; /* W_UNIT's */
	return q;
}

/* What placing a cell of kind q in tail column k costs: 0 fits, FIT_DOUBT
 * doubtful (a short word that is no unit in the unit column, an unknown
 * word in the 指标性质 column), FIT_INF cannot be. */
static int cost(const fit_table *f, const fit_kind *q, int k)
{
	if (!q->text)
		return 0;
	if ((q->own >= 0 && q->own != k) || q->level)
		return FIT_INF;
	switch (f->want[k]) {
	case W_NAME:
		return q->nature || q->cmpqty || q->qty == 1 ? FIT_INF : 0;
	case W_NATURE:
		return q->nature ? 0 : q->digit || q->len > 3 ? FIT_INF : FIT_DOUBT;
	case W_VALUE:
		return q->nature ? FIT_INF : 0;
	case W_UNIT:
		if (q->unit)
			return 0;
		return q->nature || q->digit || q->len >= 6 ? FIT_INF : FIT_DOUBT;
	case W_SCORE:
		return q->qty ? 0 : FIT_INF;
	default:
		return q->nature ? FIT_DOUBT : 0;
	}
}

static int cmp_own(const void *a, const void *b)
{
	const owned_text *x = a, *y = b;
	int c = strcmp(x->text, y->text);
	return c ? c : x->col - y->col;
}

/* Is row r in place: every cell before the name column empty, a span copy
 * or a level name? */
static int in_place(form_reader *w, const fit_table *f, const rowv *r)
{
	if (r->n <= f->c3)
		return 0;
	for (int j = 0; j < f->c3; j++)
		if (form_has_text(r->c[j]) && !is_level(w, form_key(w->keys, r->c[j]->text)))
			return 0;
	return 1;
}

/* The texts each tail column holds: a text (4 characters or more, no
 * digit) found in one column on two rows or more, and there on at least
 * half of its rows, belongs to that column. */
static void find_owned(form_reader *w, fit_table *f, block *b, int from, int to)
{
	owned_text *all = NULL;
	size_t n = 0, cap = 0;
	for (int i = from; i < to; i++) {
		rowv *r = &b->rows[i];
		if (!in_place(w, f, r))
			continue;
		for (int k = 0; k < f->t && f->c3 + k < r->n; k++) {
			cell *c = r->c[f->c3 + k];
			if (!form_has_text(c) || cps(c->text, c->len) < 4 ||
			    has_digit(c->text, c->len))
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				all = xreallocarray(all, cap, sizeof *all);
			}
			all[n++] = (owned_text){c->text, k};
		}
	}
	if (n)
		qsort(all, n, sizeof *all, cmp_own);
	f->own = NULL, f->nown = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i, best = 0, second = 0, tot = 0;
		int bcol = -1;
		while (j < n && strcmp(all[j].text, all[i].text) == 0) {
			size_t k = j;
			while (k < n && strcmp(all[k].text, all[i].text) == 0 &&
			       all[k].col == all[j].col)
				k++;
			if (k - j > best)
				second = best, best = k - j, bcol = all[j].col;
			else if (k - j > second)
				second = k - j;
			tot += k - j;
			j = k;
		}
		if (best >= 2 && best > second && 2 * best >= tot) {
			f->own = xreallocarray(f->own, (size_t)f->nown + 1, sizeof *f->own);
			f->own[f->nown++] = (owned_text){all[i].text, bcol};
		}
		i = j;
	}
	free(all);
}

/* Fit cells s[0..m) to tail columns [k0, t). Sets at[i] to each cell's
 * column (-1: an empty cell dropped) and returns the least cost, FIT_INF
 * when no placement fits; *unsure is set when another placement of the same
 * cost puts a cell with text elsewhere. */
static int fit(form_reader *w, const fit_table *f, cell **s, int m, int k0, int *at, int *unsure)
{
	static const int INF = FIT_INF;
	int T = f->t;
	static_assert(FIT_MAX_COLS <= 64, "the fit tables live on the stack");
	/* F and G are read only where they were set ([0, m] x [k0, T]): not
	 * cleared (a clearing was most of a fit's cost) */
	int F[FIT_MAX_COLS + 1][FIT_MAX_COLS + 1], G[FIT_MAX_COLS + 1][FIT_MAX_COLS + 1];
	F[m][T] = INF; /* set again below (k0 <= T): for the compiler's sake */
	int C[FIT_MAX_COLS][FIT_MAX_COLS];
	for (int i = 0; i < m; i++) {
		fit_kind q = kind_of(w, f, s[i]);
		for (int k = k0; k < T; k++)
			C[i][k] = cost(f, &q, k);
	}
#define SKIPC(i) ((i) == m ? 0 : FIT_SKIP)
#define DROPC(i, k) (form_has_text(s[i]) ? INF : (k) == T ? 0 : FIT_SKIP)
	for (int i = 0; i <= m; i++)
		for (int k = k0; k <= T; k++) {
			int v = i == 0 && k == k0 ? 0 : INF;
			if (k > k0 && F[i][k - 1] < INF)
				v = v < F[i][k - 1] + SKIPC(i) ? v : F[i][k - 1] + SKIPC(i);
			if (i > 0 && F[i - 1][k] < INF && DROPC(i - 1, k) < INF)
				v = v < F[i - 1][k] + DROPC(i - 1, k)
				        ? v
				        : F[i - 1][k] + DROPC(i - 1, k);
			if (i > 0 && k > k0 && F[i - 1][k - 1] < INF && C[i - 1][k - 1] < INF)
				v = v < F[i - 1][k - 1] + C[i - 1][k - 1]
				        ? v
				        : F[i - 1][k - 1] + C[i - 1][k - 1];
			F[i][k] = v;
		}
	for (int i = m; i >= 0; i--)
		for (int k = T; k >= k0; k--) {
			int v = i == m && k == T ? 0 : INF;
			if (k < T && G[i][k + 1] < INF)
				v = v < G[i][k + 1] + SKIPC(i) ? v : G[i][k + 1] + SKIPC(i);
			if (i < m && G[i + 1][k] < INF && DROPC(i, k) < INF)
				v = v < G[i + 1][k] + DROPC(i, k) ? v : G[i + 1][k] + DROPC(i, k);
			if (i < m && k < T && G[i + 1][k + 1] < INF && C[i][k] < INF)
				v = v < G[i + 1][k + 1] + C[i][k] ? v : G[i + 1][k + 1] + C[i][k];
			G[i][k] = v;
		}
	int opt = F[m][T];
	*unsure = 0;
	if (opt >= INF)
		return INF;
	/* any cell with text that may sit in two columns at the least cost */
	for (int i = 0; i < m; i++) {
		if (!form_has_text(s[i]))
			continue;
		int ways = 0;
		for (int k = k0; k < T; k++)
			if (F[i][k] < INF && C[i][k] < INF && G[i + 1][k + 1] < INF &&
			    F[i][k] + C[i][k] + G[i + 1][k + 1] == opt)
				ways++;
		if (ways > 1)
			*unsure = 1;
	}
	/* walk one least placement back */
	int i = m, k = T;
	while (i > 0 || k > k0) {
		if (i > 0 && k > k0 && C[i - 1][k - 1] < INF && F[i - 1][k - 1] < INF &&
		    F[i - 1][k - 1] + C[i - 1][k - 1] == F[i][k]) {
			at[i - 1] = k - 1;
			i--, k--;
		} else if (i > 0 && DROPC(i - 1, k) < INF && F[i - 1][k] < INF &&
		           F[i - 1][k] + DROPC(i - 1, k) == F[i][k]) {
			at[i - 1] = -1;
			i--;
		} else {
			k--;
		}
	}
#undef SKIPC
#undef DROPC
	return opt;
}

/* The cost of reading s[0..m) where it stands, from tail column k0. */
static int as_it_stands(form_reader *w, const fit_table *f, cell **s, int m, int k0)
{
	int sum = 0;
	for (int i = 0; i < m; i++) {
		int k = k0 + i;
		fit_kind q = kind_of(w, f, s[i]);
		int c = k < f->t ? cost(f, &q, k) : q.text ? FIT_INF : 0;
		if (c >= FIT_INF)
			return FIT_INF;
		sum += c;
	}
	return sum;
}

static cell *placeholder(form_reader *w, const cell *like)
{
	cell *c = xcalloc(1, sizeof *c);
	if (like) {
		*c = *like;
		c->sub = NULL;
	}
	c->text = (char *)"";
	c->len = 0;
	c->col = 0; /* src: the row's line, no cell of its own */
	c->flags &= CELL_SHEET | CELL_DOCX;
	if (w->nfit == w->fitcap) {
		w->fitcap = w->fitcap ? 2 * w->fitcap : 16;
		w->fit_cells = xreallocarray(w->fit_cells, w->fitcap, sizeof *w->fit_cells);
	}
	w->fit_cells[w->nfit++] = c;
	return c;
}

/* Give row r the tail t[0..f->t) (cells placed by column; NULL lost). */
static void set_tail(form_reader *w, const fit_table *f, rowv *r, cell **t)
{
	cell **c = xcalloc((size_t)(f->c3 + f->t), sizeof *c);
	cell *like = NULL;
	for (int k = 0; k < f->t && !like; k++)
		like = t[k];
	for (int j = 0; j < f->c3; j++)
		c[j] = r->c[j];
	for (int k = 0; k < f->t; k++)
		c[f->c3 + k] = t[k] ? t[k] : placeholder(w, like ? like : r->c[0]);
	free(r->c);
	r->c = c;
	r->n = f->c3 + f->t;
}

static int last_fits_name(form_reader *w, const fit_table *f, const cell *c)
{
	fit_kind q = kind_of(w, f, c);
	return cost(f, &q, 0) == 0;
}

/* Fit one table's data rows b->rows[from..to). */
static void fit_rows(form_reader *w, fit_table *f, block *b, int from, int to)
{
	find_owned(w, f, b, from, to);
	rowv *prev = NULL;
	int at[FIT_MAX_COLS];
	for (int i = from; i < to; i++) {
		rowv *r = &b->rows[i];
		if (!in_place(w, f, r)) {
			prev = NULL;
			continue;
		}
		int m = r->n - f->c3;
		while (m > 0 && !form_has_text(r->c[f->c3 + m - 1]))
			m--;
		cell **s = r->c + f->c3;
		/* a level name (or its cut start) in the last, remark column is the
		 * next row's start that a row rebuilt by count took: it leaves the
		 * table (past its columns: extra), the remark is empty */
		if (m == f->t && f->remark[f->t - 1] &&
		    level_like(w, form_key(w->keys, s[m - 1]->text))) {
			cell *t[FIT_MAX_COLS + 1];
			for (int k = 0; k < f->t - 1; k++)
				t[k] = s[k];
			t[f->t - 1] = NULL;
			cell *away = s[m - 1];
			set_tail(w, f, r, t);
			r->c = xreallocarray(r->c, (size_t)r->n + 1, sizeof *r->c);
			r->c[r->n++] = away;
			m--;
			s = r->c + f->c3;
			while (m > 0 && !form_has_text(s[m - 1]))
				m--;
		}
		/* a cell past the table's columns was put there on purpose (glued
		 * cells, a header word of a second header row): not fitted */
		if (m > f->t || as_it_stands(w, f, s, m, 0) < FIT_INF) {
			prev = m > 0 ? r : NULL;
			continue;
		}
		int unsure = 0, opt = fit(w, f, s, m, 0, at, &unsure);
		cell *t[FIT_MAX_COLS] = {0};
		/* the row before took this row's name: its last cell, a remark
		 * column's, with no row end shown between the two */
		cell *last = prev ? form_at(prev, f->c3 + f->t - 1) : NULL;
		int first = 0;
		while (first < m && !form_has_text(s[first]))
			first++;
		if (f->want[0] == W_NAME && f->t > 1 && f->remark[f->t - 1] &&
		    form_has_text(last) && last_fits_name(w, f, last) && first < m && last->line &&
		    last->line == s[first]->line && m < f->t) {
			int at2[FIT_MAX_COLS], unsure2 = 0;
			int opt2 = fit(w, f, s, m, 1, at2, &unsure2);
			if (opt2 < FIT_INF && !unsure2 && (opt2 <= opt || unsure)) {
				t[0] = last;
				for (int j = 0; j < m; j++)
					if (at2[j] >= 0)
						t[at2[j]] = s[j];
				prev->c[f->c3 + f->t - 1] = placeholder(w, last);
				set_tail(w, f, r, t);
				prev = r;
				continue;
			}
		}
		if (opt >= FIT_INF) {
			prev = r;
			continue;
		}
		if (unsure) {
			warn_add(&w->st->warn, r->c[f->c3]->line,
			         "indicator row's cells do not fit the table's columns in one way: "
			         "read as they stand");
			prev = r;
			continue;
		}
		for (int j = 0; j < m; j++)
			if (at[j] >= 0)
				t[at[j]] = s[j];
		set_tail(w, f, r, t);
		prev = r;
	}
	free(f->own);
	f->own = NULL, f->nown = 0;
}

/* The table's column wants from a header row's roles; 0 when the fit does
 * not apply (no name or value column, levels again after the name: annual
 * columns beside long-term ones, or too many columns). */
static int table_of(form_reader *w, fit_table *f, const rowv *h, const int *role)
{
	int c3 = form_col_of(role, h->n, IR_L3), cv = form_col_of(role, h->n, IR_VALUE);
	if (c3 < 0 || cv < c3 || h->n - c3 > FIT_MAX_COLS)
		return 0;
	f->c3 = c3, f->t = h->n - c3;
	f->units = 0;
	for (int j = c3; j < h->n; j++) {
		int k = j - c3, want = W_ANY;
		f->remark[k] = 0;
		if (j > c3 &&
		    (role[j] == IR_L1 || role[j] == IR_L2 || role[j] == IR_L3 || role[j] == IR_L12))
			return 0;
		if (j > cv && role[j] == IR_VALUE)
			return 0;
		if (role[j] == IR_L3)
			want = W_NAME;
		else if (role[j] == IR_VALUE)
			want = W_VALUE;
		else if (role[j] == IR_NATURE)
			want = W_NATURE;
		else if (role[j] == IR_UNIT)
			want = W_UNIT, f->units = 1;
		else if (form_has_text(h->c[j])) {
			const char *canon = vocab_syn_match(vocab_indicator_fields,
			                                    form_labkey(h->c[j]->text, &w->tmp));
			if (canon && vocab_match(vocab_nature_fields, canon))
				want = W_NATURE;
			else if (canon && vocab_match(vocab_score_fields, canon))
				want = W_SCORE;
			for (int q = 0; canon && vocab_remark_fields[q]; q++)
				if (strcmp(canon, vocab_remark_fields[q]) == 0)
					f->remark[k] = 1;
		}
		f->want[k] = want;
	}
	return 1;
}

void form_fit_indicator(form_reader *w, block *b)
{
	fit_table f = {0};
	int have = 0, from = 0;
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		/* most rows are short: their roles on the stack, not the heap */
		int small[32];
		int *role = r->n <= 32 ? memset(small, 0, (size_t)r->n * sizeof *small)
		                       : xcalloc((size_t)r->n, sizeof *role);
		if (form_find_roles(w, r, vocab_indicator_headers, role, NULL) >= 2) {
			if (have)
				fit_rows(w, &f, b, from, i);
			have = table_of(w, &f, r, role);
			from = i + 1;
		}
		if (role != small)
			free(role);
	}
	if (have)
		fit_rows(w, &f, b, from, b->n);
}

void form_fit_free(form_reader *w)
{
	for (size_t i = 0; i < w->nfit; i++)
		free(w->fit_cells[i]);
	free(w->fit_cells);
	w->fit_cells = NULL, w->nfit = w->fitcap = 0;
}
