/* SPDX-License-Identifier: MIT */
/* sumfam: the family checks and the rounding-aware comparison. See
 * sumfam.h. The rules are the table fam_rules; the words they look for are
 * vocab.h's. A document's facts are kept in one array (strings in one
 * buffer) and sorted by (section, key, field) before the rules run, so
 * every lookup is a binary search and a group is a contiguous range. */
#include "sumfam.h"

#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "vocab.h"

const char *const sum_status_name[] = {"ok", "fail", "warn", "skip"};

/* ---- tolerance ---- */

int sum_value_tol(const char *v, size_t n, const char *unit, size_t un, dec *tol)
{
	size_t i = 0;
	while (i < n && (v[i] < '0' || v[i] > '9'))
		i++;
	if (i == n)
		return 0;
	int dec_places = 0, in_frac = 0;
	for (; i < n; i++) {
		if (v[i] >= '0' && v[i] <= '9')
			dec_places += in_frac;
		else if (v[i] == '.' && !in_frac && i + 1 < n && v[i + 1] >= '0' && v[i + 1] <= '9')
			in_frac = 1;
		else if (v[i] != ',' || in_frac)
			break;
	}
	int shift = 0; /* the written unit's power of ten against num's */
	if (un == strlen(VOCAB_MONEY_CANON) && memcmp(unit, VOCAB_MONEY_CANON, un) == 0) {
		size_t best = 0;
		for (const vocab_money *m = vocab_money_units; m->unit; m++) {
			size_t mn = strlen(m->unit);
			if (mn > best && n - i >= mn && memcmp(v + i, m->unit, mn) == 0)
				best = mn, shift = m->shift;
		}
	}
	/* 0.5 * 10^-places * 10^shift = 5 * 10^(shift - places - 1) */
	dec five = {5, 0};
	return dec_shift(five, shift - dec_places - 1, tol) == DEC_OK;
}

int sum_judge(dec lhs, dec rhs, enum sum_rel rel, dec tol, dec *diff)
{
	if (dec_sub(lhs, rhs, diff) != DEC_OK)
		return -1;
	dec neg = tol;
	neg.m = -neg.m;
	int up = dec_cmp(*diff, tol) <= 0, down = dec_cmp(*diff, neg) >= 0;
	switch (rel) {
	case SUM_EQ:
		return up && down;
	case SUM_LE:
		return up;
	case SUM_GE:
		return down;
	case SUM_LT:
		return diff->m < 0;
	default:
		return diff->m > 0;
	}
}

void sum_tol_words(buf *b, int held, enum sum_rel rel, dec diff, dec tol, const char *figure)
{
	dec d, zero = {0, 0};
	if (dec_is_zero(tol) || sum_judge(diff, zero, rel, zero, &d) == 1)
		return; /* no tolerance, or the relation holds exactly */
	char t[DEC_BUFSZ];
	dec_format(tol, t);
	buf_printf(b, "; %s ±%s (half the last place of %s)", held ? "within" : "beyond", t,
	           figure);
}

/* ---- facts ---- */

/* The sections a rule reads (lib/facts.h's enum). */
static const int fam_sections[] = {SEC_INFO, SEC_BUDGET, SEC_INDICATOR};

typedef struct {
	int sec;
	size_t off[5], len[5]; /* key, field, value, unit, op in sumfam.text */
	int has;               /* 1: num is a decimal; 2: a date (in value's date) */
	dec num, tol;          /* tol: 0 when the value has no number */
	char date[11];
	long order;
} fam_fact;
enum { P_KEY, P_FIELD, P_VALUE, P_UNIT, P_OP };

struct sumfam {
	fam_fact *v;
	size_t n, cap;
	buf text;
	buf detail;
	const char *s; /* text.s while the rules run */
};

sumfam *sumfam_new(void)
{
	return xcalloc(1, sizeof(sumfam));
}

void sumfam_free(sumfam *f)
{
	if (!f)
		return;
	free(f->v);
	buf_free(&f->text);
	buf_free(&f->detail);
	free(f);
}

void sumfam_reset(sumfam *f)
{
	f->n = 0;
	buf_reset(&f->text);
}

static int field_eq(const tsv_reader *r, int col, const char *s)
{
	size_t n = strlen(s);
	return r->len[col] == n && memcmp(r->f[col], s, n) == 0;
}

void sumfam_take(sumfam *f, const tsv_reader *r, const dec *num, int has)
{
	int sec = -1;
	for (int i = 0; i < 3; i++)
		if (field_eq(r, COL_SECTION, facts_section_name[fam_sections[i]]))
			sec = fam_sections[i];
	if (sec < 0 || (!has && !field_eq(r, COL_UNIT, "date") && !r->len[COL_VALUE]))
		return;
	if (sec == SEC_INFO && !field_eq(r, COL_KEY, VOCAB_K_TOTAL_SCORE))
		return;
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 64;
		f->v = xreallocarray(f->v, f->cap, sizeof *f->v);
	}
	fam_fact *x = &f->v[f->n];
	memset(x, 0, sizeof *x);
	x->sec = sec;
	x->order = (long)f->n++;
	static const int cols[5] = {COL_KEY, COL_FIELD, COL_VALUE, COL_UNIT, COL_OP};
	for (int i = 0; i < 5; i++) {
		x->off[i] = f->text.len;
		x->len[i] = r->len[cols[i]];
		buf_add(&f->text, r->f[cols[i]], r->len[cols[i]]);
	}
	if (has) {
		x->has = 1;
		x->num = *num;
		if (!sum_value_tol(r->f[COL_VALUE], r->len[COL_VALUE], r->f[COL_UNIT],
		                   r->len[COL_UNIT], &x->tol))
			x->tol = (dec){0, 0};
	} else if (field_eq(r, COL_UNIT, "date") && r->len[COL_NUM] == 10) {
		x->has = 2;
		memcpy(x->date, r->f[COL_NUM], 10);
	}
}

/* ---- lookups over the sorted facts ---- */

static int part_cmp(const sumfam *f, const fam_fact *a, int p, const char *s, size_t n)
{
	size_t an = a->len[p];
	int c = memcmp(f->s + a->off[p], s, an < n ? an : n);
	return c ? c : (an > n) - (an < n);
}

static sumfam *sort_ctx;
static int qcmp_fact(const void *x, const void *y)
{
	const fam_fact *a = x, *b = y;
	if (a->sec != b->sec)
		return a->sec - b->sec;
	for (int p = P_KEY; p <= P_FIELD; p++) {
		int c = part_cmp(sort_ctx, a, p, sort_ctx->s + b->off[p], b->len[p]);
		if (c)
			return c;
	}
	return (a->order > b->order) - (a->order < b->order);
}

/* First fact at or after (sec, key) -- key compared on its first kn bytes'
 * order, the field ignored. */
static size_t lower(const sumfam *f, int sec, const char *key, size_t kn)
{
	size_t lo = 0, hi = f->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const fam_fact *m = &f->v[mid];
		int c = m->sec != sec ? m->sec - sec : part_cmp(f, m, P_KEY, key, kn);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int is(const sumfam *f, const fam_fact *x, int p, const char *s)
{
	size_t n = strlen(s);
	return x->len[p] == n && memcmp(f->s + x->off[p], s, n) == 0;
}

/* The first fact (sec, key, field), or NULL. */
static const fam_fact *find(const sumfam *f, int sec, const char *key, size_t kn, const char *field,
                            size_t fn)
{
	for (size_t i = lower(f, sec, key, kn); i < f->n; i++) {
		const fam_fact *x = &f->v[i];
		if (x->sec != sec || x->len[P_KEY] != kn || memcmp(f->s + x->off[P_KEY], key, kn))
			return NULL;
		if (x->len[P_FIELD] == fn && memcmp(f->s + x->off[P_FIELD], field, fn) == 0)
			return x;
	}
	return NULL;
}

/* Does x's key start with p[0..n)? */
static int key_starts(const sumfam *f, const fam_fact *x, const char *p, size_t n)
{
	return x->len[P_KEY] >= n && memcmp(f->s + x->off[P_KEY], p, n) == 0;
}

/* Does x's key start with group followed by '|'? */
static int in_group(const sumfam *f, const fam_fact *x, const char *group)
{
	size_t gn = strlen(group);
	return x->len[P_KEY] > gn && memcmp(f->s + x->off[P_KEY], group, gn) == 0 &&
	       f->s[x->off[P_KEY] + gn] == '|';
}

/* ---- rules ---- */

enum fam_kind {
	FK_TOTAL_ROW, /* GROUP|合计 = Σ the group's other rows, field by field */
	FK_SAME,      /* key a = key b, field by field */
	FK_SPLIT,     /* key total amount = Σ GROUP|* amount */
	FK_SPLITS,    /* Σ GROUP a|* amount = Σ GROUP b|* amount */
	FK_PART_LE,   /* each GROUP|* amount <= key total amount */
	FK_YEAR_LE,   /* a year's amount <= the whole period's */
	FK_WEIGHTS,   /* Σ indicator 权重 = 100 */
	FK_SCORE_LE,  /* 得分 <= 分值, fam_fact by fam_fact */
	FK_SCORES,    /* Σ 得分 = info 总分 得分 */
	FK_TARGET,    /* each indicator's 实际完成值 within its value */
};

static const struct fam_rule {
	const char *check;
	enum fam_kind kind;
	const char *a, *b; /* group / key, as the kind says */
	enum sum_status otherwise;
} fam_rules[] = {
    {"sources=total", FK_TOTAL_ROW, VOCAB_W_SOURCES, NULL, SUM_FAIL},
    {"lines=total", FK_TOTAL_ROW, VOCAB_W_LINES, NULL, SUM_FAIL},
    {"part<=total", FK_PART_LE, VOCAB_W_FUNDS, VOCAB_W_FUNDS "|" VOCAB_W_FUNDS_TOTAL, SUM_FAIL},
    {"year<=total", FK_YEAR_LE, NULL, NULL, SUM_FAIL},
    {"byincome=total", FK_SPLIT, VOCAB_W_B_BYINCOME, VOCAB_W_B_TOTAL "|" VOCAB_W_B_TOTAL, SUM_FAIL},
    {"byexpense=total", FK_SPLIT, VOCAB_W_B_BYEXPENSE, VOCAB_W_B_TOTAL "|" VOCAB_W_B_TOTAL,
     SUM_FAIL},
    {"byincome=byexpense", FK_SPLITS, VOCAB_W_B_BYINCOME, VOCAB_W_B_BYEXPENSE, SUM_FAIL},
    {"income=total", FK_TOTAL_ROW, VOCAB_W_INCOME_TAB, NULL, SUM_FAIL},
    {"expense=total", FK_TOTAL_ROW, VOCAB_W_EXPENSE_TAB, NULL, SUM_FAIL},
    {"income=expense", FK_SAME, VOCAB_W_INCOME_TAB "|" VOCAB_W_TOTAL_ROW,
     VOCAB_W_EXPENSE_TAB "|" VOCAB_W_TOTAL_ROW, SUM_FAIL},
    {"weights=100", FK_WEIGHTS, NULL, NULL, SUM_WARN},
    {"score<=max", FK_SCORE_LE, NULL, NULL, SUM_FAIL},
    {"scores=total", FK_SCORES, NULL, NULL, SUM_FAIL},
    {"target", FK_TARGET, NULL, NULL, SUM_FAIL},
    {NULL, 0, NULL, NULL, 0},
};

/* A sum in progress: total, facts counted, the widest tolerance and its
 * figure. */
typedef struct {
	dec sum, tol;
	long n;
	char fig[64];
} side;

static int side_add(side *s, const sumfam *f, const fam_fact *x)
{
	s->n++;
	if (!dec_is_zero(x->num) && dec_cmp(x->tol, s->tol) > 0) {
		s->tol = x->tol;
		size_t n =
		    x->len[P_VALUE] < sizeof s->fig - 1 ? x->len[P_VALUE] : sizeof s->fig - 1;
		while (n > 0 && n < x->len[P_VALUE] &&
		       ((unsigned char)f->s[x->off[P_VALUE] + n] & 0xC0) == 0x80)
			n--;
		memcpy(s->fig, f->s + x->off[P_VALUE], n);
		s->fig[n] = 0;
	}
	return dec_add(s->sum, x->num, &s->sum) == DEC_OK ? 0 : -1;
}

typedef struct {
	sumfam *f;
	int exact;
	sumfam_emit emit;
	void *ctx;
	char *err;
	size_t errsz;
} run;

static void put(run *u, const char *check, enum sum_status st, const dec *l, const dec *r,
                const dec *d, const char *unit)
{
	sumfam_row row = {check, st, l, r, d, unit, buf_str(&u->f->detail)};
	u->emit(u->ctx, &row);
}

/* Append `SECTION KEY FIELD` of x to the detail. */
static void name_fact(run *u, const fam_fact *x)
{
	const sumfam *f = u->f;
	buf_printf(&u->f->detail, "%s %.*s %.*s", facts_section_name[x->sec], (int)x->len[P_KEY],
	           f->s + x->off[P_KEY], (int)x->len[P_FIELD], f->s + x->off[P_FIELD]);
}

/* Judge l rel r, both sides' tolerances considered; emit the row. */
static int judge2(run *u, const struct fam_rule *ru, const side *l, const side *r, enum sum_rel rel,
                  const char *unit)
{
	dec tol = {0, 0}, diff;
	const char *fig = "";
	if (!u->exact) {
		tol = dec_cmp(l->tol, r->tol) >= 0 ? l->tol : r->tol;
		fig = dec_cmp(l->tol, r->tol) >= 0 ? l->fig : r->fig;
	}
	int held = sum_judge(l->sum, r->sum, rel, tol, &diff);
	if (held < 0) {
		snprintf(u->err, u->errsz, "number out of range: %s: lhs - rhs exceeds %d digits",
		         ru->check, DEC_MAX_DIGITS);
		return -1;
	}
	sum_tol_words(&u->f->detail, held, rel, diff, tol, fig);
	put(u, ru->check, held ? SUM_OK : ru->otherwise, &l->sum, &r->sum, &diff, unit);
	return 0;
}

static int overflow(run *u, const char *check)
{
	snprintf(u->err, u->errsz, "number out of range: %s: a sum exceeds %d digits", check,
	         DEC_MAX_DIGITS);
	return -1;
}

static side one(const sumfam *f, const fam_fact *x)
{
	side s = {.n = 0};
	side_add(&s, f, x);
	return s;
}

static const char *unit_of(const sumfam *f, const fam_fact *x, char *b, size_t bn)
{
	size_t n = x->len[P_UNIT] < bn - 1 ? x->len[P_UNIT] : bn - 1;
	memcpy(b, f->s + x->off[P_UNIT], n);
	b[n] = 0;
	return b;
}

/* GROUP|合计 field by field against Σ the group's other rows of that field
 * and unit. */
static int rule_total_row(run *u, const struct fam_rule *ru)
{
	sumfam *f = u->f;
	size_t gn = strlen(ru->a);
	char key[128];
	snprintf(key, sizeof key, "%s|%s", ru->a, VOCAB_W_TOTAL_ROW);
	size_t kn = strlen(key);
	size_t start = lower(f, SEC_BUDGET, ru->a, gn);
	for (size_t t = lower(f, SEC_BUDGET, key, kn); t < f->n; t++) {
		const fam_fact *tot = &f->v[t];
		if (tot->sec != SEC_BUDGET || !is(f, tot, P_KEY, key))
			break;
		if (tot->has != 1)
			continue;
		side l = one(f, tot), r = {.n = 0};
		for (size_t i = start;
		     i < f->n && f->v[i].sec == SEC_BUDGET && in_group(f, &f->v[i], ru->a); i++) {
			const fam_fact *x = &f->v[i];
			if (x->has != 1 || is(f, x, P_KEY, key) ||
			    x->len[P_FIELD] != tot->len[P_FIELD] ||
			    memcmp(f->s + x->off[P_FIELD], f->s + tot->off[P_FIELD],
			           x->len[P_FIELD]) ||
			    x->len[P_UNIT] != tot->len[P_UNIT] ||
			    memcmp(f->s + x->off[P_UNIT], f->s + tot->off[P_UNIT], x->len[P_UNIT]))
				continue;
			if (side_add(&r, f, x))
				return overflow(u, ru->check);
		}
		buf_reset(&f->detail);
		name_fact(u, tot);
		buf_printf(&f->detail, " vs Σ budget %s|* %.*s (%ld facts)", ru->a,
		           (int)tot->len[P_FIELD], f->s + tot->off[P_FIELD], r.n);
		char ub[32];
		if (!r.n)
			put(u, ru->check, SUM_SKIP, NULL, NULL, NULL,
			    unit_of(f, tot, ub, sizeof ub));
		else if (judge2(u, ru, &l, &r, SUM_EQ, unit_of(f, tot, ub, sizeof ub)))
			return -1;
	}
	return 0;
}

/* key a = key b, for each field of a that b has too (same unit). */
static int rule_same(run *u, const struct fam_rule *ru)
{
	sumfam *f = u->f;
	size_t an = strlen(ru->a), bn = strlen(ru->b);
	for (size_t i = lower(f, SEC_BUDGET, ru->a, an); i < f->n; i++) {
		const fam_fact *x = &f->v[i];
		if (x->sec != SEC_BUDGET || !is(f, x, P_KEY, ru->a))
			break;
		const fam_fact *y =
		    find(f, SEC_BUDGET, ru->b, bn, f->s + x->off[P_FIELD], x->len[P_FIELD]);
		if (x->has != 1 || !y || y->has != 1 || x->len[P_UNIT] != y->len[P_UNIT] ||
		    memcmp(f->s + x->off[P_UNIT], f->s + y->off[P_UNIT], x->len[P_UNIT]))
			continue;
		side l = one(f, x), r = one(f, y);
		buf_reset(&f->detail);
		name_fact(u, x);
		buf_adds(&f->detail, " vs ");
		name_fact(u, y);
		char ub[32];
		if (judge2(u, ru, &l, &r, SUM_EQ, unit_of(f, x, ub, sizeof ub)))
			return -1;
	}
	return 0;
}

static int word_in(const char *const *words, const char *s, size_t n)
{
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
			return 1;
	return 0;
}

/* The label of x's key: the part after its first '|'. */
static const char *label_of(const sumfam *f, const fam_fact *x, size_t *n)
{
	const char *k = f->s + x->off[P_KEY];
	const char *bar = memchr(k, '|', x->len[P_KEY]);
	if (!bar) {
		*n = x->len[P_KEY];
		return k;
	}
	*n = x->len[P_KEY] - (size_t)(bar + 1 - k);
	return bar + 1;
}

/* key b amount = Σ GROUP|* amount (FK_SPLIT), or each GROUP|* amount <= key
 * b amount (FK_PART_LE). */
static int rule_split(run *u, const struct fam_rule *ru)
{
	sumfam *f = u->f;
	const fam_fact *tot = find(f, SEC_BUDGET, ru->b, strlen(ru->b), "amount", 6);
	side r = {.n = 0};
	size_t gn = strlen(ru->a);
	long parts = 0;
	for (size_t i = lower(f, SEC_BUDGET, ru->a, gn);
	     i < f->n && f->v[i].sec == SEC_BUDGET && in_group(f, &f->v[i], ru->a); i++) {
		const fam_fact *x = &f->v[i];
		size_t ln;
		const char *lab = label_of(f, x, &ln);
		if (!is(f, x, P_FIELD, "amount") || is(f, x, P_KEY, ru->b) ||
		    (ru->kind == FK_PART_LE && (word_in(vocab_budget_total_words, lab, ln) ||
		                                word_in(vocab_budget_year_words, lab, ln))))
			continue; /* a period total is not a part of the year's */
		parts++;
		if (x->has != 1)
			continue;
		if (ru->kind == FK_PART_LE) {
			if (!tot || tot->has != 1)
				continue;
			side l = one(f, x), t = one(f, tot);
			buf_reset(&f->detail);
			name_fact(u, x);
			buf_adds(&f->detail, " vs ");
			name_fact(u, tot);
			if (judge2(u, ru, &l, &t, SUM_LE, VOCAB_MONEY_CANON))
				return -1;
		} else if (side_add(&r, f, x)) {
			return overflow(u, ru->check);
		}
	}
	if (ru->kind == FK_PART_LE || (!tot && !parts))
		return 0;
	buf_reset(&f->detail);
	buf_printf(&f->detail, "budget %s amount vs Σ budget %s|* amount (%ld facts)", ru->b, ru->a,
	           r.n);
	if (!tot || tot->has != 1 || !r.n) {
		put(u, ru->check, SUM_SKIP, NULL, NULL, NULL, VOCAB_MONEY_CANON);
		return 0;
	}
	side l = one(f, tot);
	return judge2(u, ru, &l, &r, SUM_EQ, VOCAB_MONEY_CANON);
}

/* Σ GROUP a|* amount = Σ GROUP b|* amount (FK_SPLITS): family B's one
 * budget split two ways, by income and by expense, checked whether or not
 * the form states its total. */
static int rule_splits(run *u, const struct fam_rule *ru)
{
	sumfam *f = u->f;
	side s[2] = {{.n = 0}, {.n = 0}};
	long parts = 0;
	const char *g[2] = {ru->a, ru->b};
	for (int k = 0; k < 2; k++)
		for (size_t i = lower(f, SEC_BUDGET, g[k], strlen(g[k]));
		     i < f->n && f->v[i].sec == SEC_BUDGET && in_group(f, &f->v[i], g[k]); i++) {
			const fam_fact *x = &f->v[i];
			if (!is(f, x, P_FIELD, "amount"))
				continue;
			parts++;
			if (x->has == 1 && side_add(&s[k], f, x))
				return overflow(u, ru->check);
		}
	if (!parts)
		return 0;
	buf_reset(&f->detail);
	buf_printf(&f->detail,
	           "Σ budget %s|* amount (%ld facts) vs Σ budget %s|* amount (%ld facts)", ru->a,
	           s[0].n, ru->b, s[1].n);
	if (!s[0].n || !s[1].n) {
		put(u, ru->check, SUM_SKIP, NULL, NULL, NULL, VOCAB_MONEY_CANON);
		return 0;
	}
	return judge2(u, ru, &s[0], &s[1], SUM_EQ, VOCAB_MONEY_CANON);
}

/* A year's amount <= the whole period's: two keys of one group with the
 * same field (labels from vocab_budget_year_words / _total_words), or two
 * fields of one key. */
static int rule_year_le(run *u, const struct fam_rule *ru)
{
	sumfam *f = u->f;
	for (size_t i = 0; i < f->n; i++) {
		const fam_fact *y = &f->v[i];
		if (y->sec != SEC_BUDGET || y->has != 1)
			continue;
		size_t ln;
		const char *lab = label_of(f, y, &ln);
		int by_label = word_in(vocab_budget_year_words, lab, ln);
		int by_field =
		    word_in(vocab_budget_year_words, f->s + y->off[P_FIELD], y->len[P_FIELD]);
		if (!by_label && !by_field)
			continue;
		size_t gn = (size_t)(lab - (f->s + y->off[P_KEY]));
		/* candidates share the group (by label) or the key (by field):
		 * one sorted range, not the whole document */
		size_t from =
		    lower(f, SEC_BUDGET, f->s + y->off[P_KEY], by_label ? gn : y->len[P_KEY]);
		size_t pn = by_label ? gn : y->len[P_KEY];
		for (size_t j = from; j < f->n && f->v[j].sec == SEC_BUDGET &&
		                      key_starts(f, &f->v[j], f->s + y->off[P_KEY], pn);
		     j++) {
			const fam_fact *t = &f->v[j];
			if (t == y || t->sec != SEC_BUDGET || t->has != 1 ||
			    t->len[P_UNIT] != y->len[P_UNIT] ||
			    memcmp(f->s + t->off[P_UNIT], f->s + y->off[P_UNIT], t->len[P_UNIT]))
				continue;
			size_t tn;
			const char *tl = label_of(f, t, &tn);
			int same_group =
			    (size_t)(tl - (f->s + t->off[P_KEY])) == gn &&
			    memcmp(f->s + t->off[P_KEY], f->s + y->off[P_KEY], gn) == 0;
			int same_field = t->len[P_FIELD] == y->len[P_FIELD] &&
			                 memcmp(f->s + t->off[P_FIELD], f->s + y->off[P_FIELD],
			                        t->len[P_FIELD]) == 0;
			int same_key =
			    t->len[P_KEY] == y->len[P_KEY] &&
			    memcmp(f->s + t->off[P_KEY], f->s + y->off[P_KEY], t->len[P_KEY]) == 0;
			int pair = (by_label && same_group && same_field &&
			            word_in(vocab_budget_total_words, tl, tn)) ||
			           (by_field && same_key &&
			            word_in(vocab_budget_total_words, f->s + t->off[P_FIELD],
			                    t->len[P_FIELD]));
			if (!pair)
				continue;
			side l = one(f, y), r = one(f, t);
			buf_reset(&f->detail);
			name_fact(u, y);
			buf_adds(&f->detail, " vs ");
			name_fact(u, t);
			char ub[32];
			if (judge2(u, ru, &l, &r, SUM_LE, unit_of(f, y, ub, sizeof ub)))
				return -1;
		}
	}
	return 0;
}

/* Σ indicator 权重 (in % or unitless) = 100. */
static int rule_weights(run *u, const struct fam_rule *ru)
{
	sumfam *f = u->f;
	side l = {.n = 0}, r = {{100, 0}, {0, 0}, 1, "100"};
	long n = 0;
	for (size_t i = 0; i < f->n; i++) {
		const fam_fact *x = &f->v[i];
		if (x->sec != SEC_INDICATOR || !is(f, x, P_FIELD, VOCAB_F_WEIGHT))
			continue;
		n++;
		if (x->has == 1 && (!x->len[P_UNIT] || is(f, x, P_UNIT, "%")) && side_add(&l, f, x))
			return overflow(u, ru->check);
	}
	if (!n)
		return 0;
	buf_reset(&f->detail);
	buf_printf(&f->detail, "Σ indicator %s (%ld facts, %ld with a number) vs 100",
	           VOCAB_F_WEIGHT, n, l.n);
	if (!l.n) {
		put(u, ru->check, SUM_SKIP, NULL, NULL, NULL, "%");
		return 0;
	}
	return judge2(u, ru, &l, &r, SUM_EQ, "%");
}

/* 得分 <= 分值 of the same section and key. */
static int rule_score_le(run *u, const struct fam_rule *ru)
{
	sumfam *f = u->f;
	for (size_t i = 0; i < f->n; i++) {
		const fam_fact *x = &f->v[i];
		if (!is(f, x, P_FIELD, VOCAB_F_SCORE) || x->has != 1)
			continue;
		const fam_fact *m = find(f, x->sec, f->s + x->off[P_KEY], x->len[P_KEY],
		                         VOCAB_F_MAX, strlen(VOCAB_F_MAX));
		if (!m || m->has != 1)
			continue;
		side l = one(f, x), r = one(f, m);
		buf_reset(&f->detail);
		name_fact(u, x);
		buf_adds(&f->detail, " vs ");
		name_fact(u, m);
		char ub[32];
		if (judge2(u, ru, &l, &r, SUM_LE, unit_of(f, x, ub, sizeof ub)))
			return -1;
	}
	return 0;
}

/* Σ budget and indicator 得分 = info 总分 得分. */
static int rule_scores(run *u, const struct fam_rule *ru)
{
	sumfam *f = u->f;
	const fam_fact *tot = find(f, SEC_INFO, VOCAB_K_TOTAL_SCORE, strlen(VOCAB_K_TOTAL_SCORE),
	                           VOCAB_F_SCORE, strlen(VOCAB_F_SCORE));
	side l = {.n = 0};
	long n = 0;
	for (size_t i = 0; i < f->n; i++) {
		const fam_fact *x = &f->v[i];
		if (x->sec == SEC_INFO || !is(f, x, P_FIELD, VOCAB_F_SCORE))
			continue;
		n++;
		if (x->has == 1 && side_add(&l, f, x))
			return overflow(u, ru->check);
	}
	if (!tot && !n)
		return 0;
	buf_reset(&f->detail);
	buf_printf(&f->detail, "Σ budget and indicator %s (%ld facts) vs info %s %s", VOCAB_F_SCORE,
	           l.n, VOCAB_K_TOTAL_SCORE, VOCAB_F_SCORE);
	if (!tot || tot->has != 1 || !l.n) {
		buf_adds(&f->detail, tot && tot->has == 1 ? "" : " (missing)");
		put(u, ru->check, SUM_SKIP, NULL, NULL, NULL, "");
		return 0;
	}
	side r = one(f, tot);
	return judge2(u, ru, &l, &r, SUM_EQ, "");
}

static enum sum_rel rel_of(const sumfam *f, const fam_fact *t)
{
	static const struct {
		const char *op;
		enum sum_rel rel;
	} ops[] = {{">=", SUM_GE}, {"<=", SUM_LE}, {">", SUM_GT}, {"<", SUM_LT}};
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (is(f, t, P_OP, ops[i].op))
			return ops[i].rel;
	return SUM_EQ;
}

/* Each indicator's stated result (实际完成值) against its target (value). */
static int rule_target(run *u, const struct fam_rule *ru)
{
	sumfam *f = u->f;
	for (size_t i = 0; i < f->n; i++) {
		const fam_fact *res = &f->v[i];
		if (res->sec != SEC_INDICATOR || !is(f, res, P_FIELD, VOCAB_F_RESULT) ||
		    !res->len[P_VALUE])
			continue;
		const fam_fact *tg =
		    find(f, SEC_INDICATOR, f->s + res->off[P_KEY], res->len[P_KEY], "value", 5);
		buf_reset(&f->detail);
		name_fact(u, res);
		buf_printf(&f->detail, " %.*s vs target %.*s", (int)res->len[P_VALUE],
		           f->s + res->off[P_VALUE], tg ? (int)tg->len[P_VALUE] : 0,
		           tg ? f->s + tg->off[P_VALUE] : "");
		char ub[32];
		const char *unit = unit_of(f, res, ub, sizeof ub);
		if (!tg || !tg->has || !res->has) {
			buf_adds(&f->detail, !tg        ? " (no target)"
			                     : !tg->has ? " (the target states no quantity)"
			                                : " (the result states no quantity)");
			put(u, ru->check, SUM_SKIP, NULL, NULL, NULL, unit);
			continue;
		}
		if (tg->has != res->has || tg->len[P_UNIT] != res->len[P_UNIT] ||
		    memcmp(f->s + tg->off[P_UNIT], f->s + res->off[P_UNIT], tg->len[P_UNIT])) {
			buf_printf(&f->detail,
			           " (unit mismatch: result in '%.*s', target in '%.*s')",
			           (int)res->len[P_UNIT], f->s + res->off[P_UNIT],
			           (int)tg->len[P_UNIT], f->s + tg->off[P_UNIT]);
			put(u, ru->check, SUM_FAIL, res->has == 1 ? &res->num : NULL,
			    tg->has == 1 ? &tg->num : NULL, NULL, unit);
			continue;
		}
		enum sum_rel rel = rel_of(f, tg);
		if (res->has == 2) { /* dates: ISO text orders as the dates do */
			int c = memcmp(res->date, tg->date, 10);
			int held = rel == SUM_EQ   ? c == 0
			           : rel == SUM_LE ? c <= 0
			           : rel == SUM_GE ? c >= 0
			           : rel == SUM_LT ? c < 0
			                           : c > 0;
			put(u, ru->check, held ? SUM_OK : SUM_FAIL, NULL, NULL, NULL, "date");
			continue;
		}
		/* a threshold is met or not: rounding only for a stated equality */
		side l = one(f, res), r = one(f, tg);
		if (rel != SUM_EQ)
			l.tol = r.tol = (dec){0, 0};
		if (judge2(u, ru, &l, &r, rel, unit))
			return -1;
	}
	return 0;
}

int sumfam_run(sumfam *f, int exact, sumfam_emit emit, void *ctx, char *err, size_t errsz)
{
	f->s = f->text.s ? f->text.s : "";
	sort_ctx = f;
	qsort(f->v, f->n, sizeof *f->v, qcmp_fact);
	run u = {f, exact, emit, ctx, err, errsz};
	for (const struct fam_rule *ru = fam_rules; ru->check; ru++) {
		int rc = 0;
		switch (ru->kind) {
		case FK_TOTAL_ROW:
			rc = rule_total_row(&u, ru);
			break;
		case FK_SAME:
			rc = rule_same(&u, ru);
			break;
		case FK_SPLIT:
		case FK_PART_LE:
			rc = rule_split(&u, ru);
			break;
		case FK_SPLITS:
			rc = rule_splits(&u, ru);
			break;
		case FK_YEAR_LE:
			rc = rule_year_le(&u, ru);
			break;
		case FK_WEIGHTS:
			rc = rule_weights(&u, ru);
			break;
		case FK_SCORE_LE:
			rc = rule_score_le(&u, ru);
			break;
		case FK_SCORES:
			rc = rule_scores(&u, ru);
			break;
		case FK_TARGET:
			rc = rule_target(&u, ru);
			break;
		}
		if (rc)
			return -1;
	}
	return 0;
}
