/* SPDX-License-Identifier: MIT */
/* sum: pg-sum's checks and totals. See sum.h. The words the checks look for
 * (budget groups, keys, indicator levels) are the tables at the top; the
 * checks themselves are the rule table below them. */
#include "sum.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "facts.h"
#include "sumfam.h"
#include "util.h"
#include "vocab.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define DEC_MAX_DIGITS_S STR(DEC_MAX_DIGITS)
#define DEC_MAX_SCALE_S STR(DEC_MAX_SCALE)

/* ---- vocabulary ---- */

/* Accumulators: what one document's checks add up. */
enum acc_id {
	A_EXP,   /* Σ budget 部门预算支出|* */
	A_INC,   /* Σ budget 收入来源|* */
	A_LVL,   /* Σ budget 按预算级次划分|* */
	A_DEV,   /* Σ budget 事业发展性支出|* */
	A_PROJ,  /* budget 部门预算支出|项目支出 */
	A_TASKS, /* Σ task amount */
	A_TOTAL, /* budget 项目资金|年度资金总额 */
	A_PARTS, /* Σ budget 项目资金|* but 年度资金总额 */
	A_N
};

/* How each accumulator is named in detail. */
static const char *const acc_text[A_N] = {
    [A_EXP] = "Σ budget 部门预算支出|*",        [A_INC] = "Σ budget 收入来源|*",
    [A_LVL] = "Σ budget 按预算级次划分|*",      [A_DEV] = "Σ budget 事业发展性支出|*",
    [A_PROJ] = "budget 部门预算支出|项目支出",  [A_TASKS] = "Σ task amount",
    [A_TOTAL] = "budget 项目资金|年度资金总额", [A_PARTS] = "Σ budget 项目资金|* but 年度资金总额",
};

/* Budget amounts: a key GROUP|LABEL adds to the group's accumulator; the
 * keys of budget_keys add to theirs as well (also) or instead. */
static const struct {
	const char *group;
	enum acc_id acc;
} budget_groups[] = {
    {VOCAB_W_EXPENSE, A_EXP}, {VOCAB_W_INCOME, A_INC},  {VOCAB_W_LEVEL, A_LVL},
    {VOCAB_W_DEVEXP, A_DEV},  {VOCAB_W_FUNDS, A_PARTS}, {NULL, A_N},
};
static const struct {
	const char *key;
	enum acc_id acc;
	int instead; /* 1: not added to its group's accumulator */
} budget_keys[] = {
    {VOCAB_W_EXPENSE "|" VOCAB_W_PROJECT_EXP, A_PROJ, 0},
    {VOCAB_W_FUNDS "|" VOCAB_W_FUNDS_TOTAL, A_TOTAL, 1},
    {NULL, A_N, 0},
};

/* An indicator is a cost indicator when its level-1 or level-2 key part is
 * this word (project forms put 成本指标 at level 1, 经济成本指标 under it). */
static const char COST_LEVEL[] = VOCAB_W_COST;
static const char UNIT_PCT[] = "%";
static const char UNIT_DATE[] = "date";

/* The checks, in output order. A sum rule compares two accumulators; a fact
 * rule gives one row per collected fact (or one skip row when none). */
enum form { F_DEPT = 1, F_PROJ = 2 };
enum rel { R_EQ, R_LE };
enum kind { K_SUM, K_COST, K_PCT };
static const struct rule {
	const char *name;
	int forms; /* enum form bits */
	enum kind kind;
	enum acc_id lhs, rhs; /* K_SUM; K_COST uses rhs only */
	enum rel rel;
	const char *otherwise; /* status when the relation does not hold */
} rules[] = {
    {"expense=income", F_DEPT, K_SUM, A_EXP, A_INC, R_EQ, "fail"},
    {"income=level", F_DEPT, K_SUM, A_INC, A_LVL, R_EQ, "fail"},
    {"devexp<=project", F_DEPT, K_SUM, A_DEV, A_PROJ, R_LE, "fail"},
    {"tasks<=project", F_DEPT, K_SUM, A_TASKS, A_PROJ, R_LE, "fail"},
    {"cost=expense", F_DEPT, K_COST, A_N, A_EXP, R_EQ, "warn"},
    {"cost=expense", F_PROJ, K_COST, A_N, A_TOTAL, R_EQ, "warn"},
    {"percent<=100", F_DEPT | F_PROJ, K_PCT, A_N, A_N, R_LE, "fail"},
    {"funds=parts", F_PROJ, K_SUM, A_TOTAL, A_PARTS, R_EQ, "fail"},
    {NULL, 0, K_SUM, A_N, A_N, R_EQ, NULL},
};

#define statuses sum_status_name
enum { S_OK = SUM_OK, S_FAIL = SUM_FAIL, S_WARN = SUM_WARN, S_SKIP = SUM_SKIP, S_N = SUM_NSTATUS };

/* ---- record helpers ---- */

static inline int field_is(const tsv_reader *r, int col, const char *s)
{
	size_t n = strlen(s);
	return r->len[col] == n && memcmp(r->f[col], s, n) == 0;
}

static int has_prefix(const char *s, size_t n, const char *p, size_t pn)
{
	return n >= pn && memcmp(s, p, pn) == 0;
}

/* snprintf into err, with s quoted and cut to at most 40 bytes (on a UTF-8
 * boundary) so a huge field cannot swamp the message. */
static void err_quoted(char *err, size_t errsz, const char *what, const char *s, size_t n,
                       const char *why)
{
	size_t cut = n;
	if (cut > 40) {
		cut = 40;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	snprintf(err, errsz, "%s '%.*s%s' %s", what, (int)cut, s, cut < n ? "..." : "", why);
}

/* Parse a canonical decimal (FORMAT.md section 4: no '+', no grouping, no
 * leading zeros, no trailing fractional zeros, no "-0"). Returns DEC_OK,
 * DEC_ESYNTAX for any other spelling, DEC_ERANGE beyond lib/dec's limits. */
static int num_parse(const char *s, size_t n, dec *out)
{
	size_t i = 0;
	int neg = 0;
	if (i < n && s[i] == '-')
		neg = 1, i++;
	size_t ib = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	size_t ilen = i - ib, fb = 0, flen = 0;
	if (ilen == 0 || (ilen > 1 && s[ib] == '0'))
		return DEC_ESYNTAX;
	if (i < n && s[i] == '.') {
		fb = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		flen = i - fb;
		if (flen == 0 || s[i - 1] == '0')
			return DEC_ESYNTAX;
	}
	if (i != n)
		return DEC_ESYNTAX;
	int int_zero = ilen == 1 && s[ib] == '0';
	if (neg && int_zero && flen == 0)
		return DEC_ESYNTAX; /* "-0" */
	size_t sig = int_zero ? 0 : ilen;
	size_t lead = 0; /* zeros after the point before the first digit of 0.0x */
	if (int_zero)
		while (lead < flen && s[fb + lead] == '0')
			lead++;
	sig += flen - lead;
	if (flen > DEC_MAX_SCALE || sig > DEC_MAX_DIGITS)
		return DEC_ERANGE;
	__int128 m = 0;
	for (size_t k = ib; k < ib + ilen; k++)
		m = m * 10 + (s[k] - '0');
	for (size_t k = fb; k < fb + flen; k++)
		m = m * 10 + (s[k] - '0');
	out->m = neg ? -m : m;
	out->scale = (int)flen;
	return DEC_OK;
}

static int is_iso_date(const char *s, size_t n)
{
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int mo = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/* Does a value that pg-normalize would certainly have parsed -- a plain
 * number, optionally followed by % or a money unit -- stand here? Anything
 * less certain is left alone, so a normalised stream is never refused. */
static int holds_number(const char *v, size_t n)
{
	while (n && *v == ' ')
		v++, n--;
	while (n && v[n - 1] == ' ')
		n--;
	size_t i = 0;
	while (i < n && ((v[i] >= '0' && v[i] <= '9') || v[i] == ',' || v[i] == '.' ||
	                 v[i] == '+' || v[i] == '-'))
		i++;
	dec d;
	if (i == 0 || dec_parse(v, i, &d) == DEC_ESYNTAX)
		return 0;
	return i == n || (n - i == 1 && v[i] == '%') || vocab_find_money(v + i, n - i);
}

static int is_quantity_field(const tsv_reader *r)
{
	return vocab_is_qty_field(r->f[COL_SECTION], r->len[COL_SECTION], r->f[COL_FIELD],
	                          r->len[COL_FIELD]);
}

/* Validate r's quantity columns; when num is a decimal, *num is it and
 * *has_num 1. Returns 0, or -1 with a message in err. */
static int check_record(const tsv_reader *r, dec *num, int *has_num, char *err, size_t errsz)
{
	const char *s = r->f[COL_NUM];
	size_t n = r->len[COL_NUM];
	*has_num = 0;
	if (n == 0) {
		if (r->len[COL_VALUE] && is_quantity_field(r) &&
		    holds_number(r->f[COL_VALUE], r->len[COL_VALUE])) {
			snprintf(err, errsz,
			         "num is empty but value holds a number: run pg-normalize first");
			return -1;
		}
		return 0;
	}
	if (field_is(r, COL_UNIT, UNIT_DATE)) {
		if (!is_iso_date(s, n)) {
			err_quoted(err, errsz, "num", s, n,
			           "is not an ISO date YYYY-MM-DD (unit is date)");
			return -1;
		}
		return 0;
	}
	switch (num_parse(s, n, num)) {
	case DEC_OK:
		*has_num = 1;
		return 0;
	case DEC_ERANGE:
		err_quoted(err, errsz, "number out of range: num", s, n,
		           "has more than " DEC_MAX_DIGITS_S " digits or " DEC_MAX_SCALE_S
		           " decimals");
		return -1;
	default:
		err_quoted(err, errsz, "num", s, n,
		           "is not a canonical decimal (run pg-normalize first)");
		return -1;
	}
}

int sum_validate(const tsv_reader *r, char *err, size_t errsz)
{
	dec d;
	int has;
	return check_record(r, &d, &has, err, errsz);
}

/* ---- output ---- */

/* Append t[0..n) in reverse order. */
static void add_reversed(buf *b, const char *t, int n)
{
	buf_grow(b, (size_t)n);
	char *w = b->s + b->len;
	for (int i = 0; i < n; i++)
		w[i] = t[n - 1 - i];
	b->len += (size_t)n;
	w[n] = 0;
}

static void add_long(buf *b, long v)
{
	char t[24];
	int n = 0;
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
	do
		t[n++] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		t[n++] = '-';
	add_reversed(b, t, n);
}

/* Append the canonical form of a (reduced); the common case of a mantissa
 * within 64 bits avoids 128-bit division. */
static void add_dec(buf *b, dec a)
{
	if (a.m < INT64_MIN + 1 || a.m > INT64_MAX) {
		char nb[DEC_BUFSZ];
		buf_add(b, nb, dec_format(a, nb));
		return;
	}
	int64_t m = (int64_t)a.m;
	uint64_t u = m < 0 ? (uint64_t)-m : (uint64_t)m;
	while (a.scale > 0 && u % 10 == 0)
		u /= 10, a.scale--;
	char t[DEC_BUFSZ];
	int n = 0;
	do {
		t[n++] = (char)('0' + u % 10);
		u /= 10;
		if (n == a.scale)
			t[n++] = '.';
	} while (u || n <= a.scale);
	if (t[n - 1] == '.')
		t[n++] = '0';
	if (m < 0)
		t[n++] = '-';
	add_reversed(b, t, n);
}

/* Append s[0..n) escaped as a fact-stream field (FORMAT.md section 1). */
static void add_escaped(buf *b, const char *s, size_t n)
{
	const char *run = s, *end = s + n;
	for (const char *p = s; p < end; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch > '\\' || (ch != '\\' && ch != '\t' && ch != '\n' && ch != '\r'))
			continue;
		buf_add(b, run, (size_t)(p - run));
		buf_addc(b, '\\');
		buf_addc(b, ch == '\\' ? '\\' : ch == '\t' ? 't' : ch == '\n' ? 'n' : 'r');
		run = p + 1;
	}
	buf_add(b, run, (size_t)(end - run));
}

/* ---- checks ---- */

typedef struct {
	dec sum;
	long n;       /* facts seen */
	long nnum;    /* with a num in 万元 (counted) */
	long nother;  /* with a num in another unit (not counted) */
	dec tol;      /* the widest rounding of its non-zero figures */
	char fig[64]; /* the figure (value) that gave tol */
} acc;

typedef struct {
	dec num, tol;
	enum kind kind;
	size_t off, len;   /* "KEY FIELD" in sum_checker.text */
	size_t voff, vlen; /* its value in sum_checker.text */
} item;

struct sum_checker {
	FILE *out;
	sum_opts o;
	sumfam *fam;
	buf dept, year; /* the current document's, for --failed */
	int in_doc;
	buf doc, project; /* the current document's doc and project */
	long last_line;
	acc a[A_N];
	item *items;
	size_t nitems, capitems;
	buf text; /* the checked facts' names, one document's worth */
	buf detail;
	buf prefix; /* the document's doc, year, dept, project, escaped, each + TAB */
	buf row;
	long counts[S_N];
	char err[256];
	long line;
};

sum_checker *sum_checker_new(FILE *out, const sum_opts *o)
{
	sum_checker *c = xcalloc(1, sizeof *c);
	c->out = out;
	c->o = *o;
	c->fam = sumfam_new();
	return c;
}

void sum_write_header(const sum_checker *c)
{
	if (c->o.format == SUM_FORMAT_TSV)
		fputs(SUM_HEADER "\n", c->out);
}

void sum_checker_free(sum_checker *c)
{
	if (!c)
		return;
	buf_free(&c->doc);
	buf_free(&c->project);
	buf_free(&c->text);
	buf_free(&c->detail);
	buf_free(&c->prefix);
	buf_free(&c->row);
	buf_free(&c->dept);
	buf_free(&c->year);
	sumfam_free(c->fam);
	free(c->items);
	free(c);
}

long sum_count(const sum_checker *c, const char *status)
{
	for (int i = 0; i < S_N; i++)
		if (strcmp(statuses[i], status) == 0)
			return c->counts[i];
	return 0;
}

const char *sum_error(const sum_checker *c)
{
	return c->err;
}

long sum_error_line(const sum_checker *c)
{
	return c->line;
}

static int fail(sum_checker *c, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(sum_checker *c, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->err, sizeof c->err, fmt, ap);
	va_end(ap);
	c->line = line;
	return -1;
}

static void set_buf(buf *b, const char *s, size_t n)
{
	buf_reset(b);
	buf_add(b, s, n);
}

static void start_doc(sum_checker *c, const tsv_reader *r)
{
	set_buf(&c->doc, r->f[COL_DOC], r->len[COL_DOC]);
	set_buf(&c->project, r->f[COL_PROJECT], r->len[COL_PROJECT]);
	set_buf(&c->dept, r->f[COL_DEPT], r->len[COL_DEPT]);
	set_buf(&c->year, r->f[COL_YEAR], r->len[COL_YEAR]);
	sumfam_reset(c->fam);
	buf_reset(&c->prefix);
	for (int i = COL_DOC; i <= COL_PROJECT; i++) {
		add_escaped(&c->prefix, r->f[i], r->len[i]);
		buf_addc(&c->prefix, '\t');
	}
	memset(c->a, 0, sizeof c->a);
	c->nitems = 0;
	buf_reset(&c->text);
	c->in_doc = 1;
}

/* Copy a figure's text into fig (figsz bytes), cut on a UTF-8 boundary. */
static void keep_figure(char *fig, size_t figsz, const char *s, size_t n)
{
	if (n > figsz - 1) {
		n = figsz - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(fig, s, n);
	fig[n] = 0;
}

/* Add r (a budget or task amount) to accumulator k. */
static int acc_add(sum_checker *c, const tsv_reader *r, enum acc_id k, const dec *num, int has)
{
	acc *a = &c->a[k];
	a->n++;
	if (!has) {
		if (r->len[COL_NUM])
			a->nother++; /* a date */
		return 0;
	}
	if (r->len[COL_UNIT] && !field_is(r, COL_UNIT, VOCAB_MONEY_CANON)) {
		a->nother++;
		return 0;
	}
	a->nnum++;
	dec tol;
	if (!dec_is_zero(*num) &&
	    sum_value_tol(r->f[COL_VALUE], r->len[COL_VALUE], VOCAB_MONEY_CANON,
	                  strlen(VOCAB_MONEY_CANON), &tol) &&
	    dec_cmp(tol, a->tol) > 0) {
		a->tol = tol;
		keep_figure(a->fig, sizeof a->fig, r->f[COL_VALUE], r->len[COL_VALUE]);
	}
	if (dec_add(a->sum, *num, &a->sum) != DEC_OK)
		return fail(c, r->line, "number out of range: %s exceeds %d digits", acc_text[k],
		            DEC_MAX_DIGITS);
	return 0;
}

/* Is part number `level` (0-based) of the |-separated key exactly word,
 * ignoring a #N repeat suffix? */
static int key_part_is(const char *key, size_t n, int level, const char *word)
{
	const char *p = key, *end = key + n;
	for (int i = 0; i < level; i++) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		if (!bar)
			return 0;
		p = bar + 1;
	}
	const char *bar = memchr(p, '|', (size_t)(end - p));
	const char *pe = bar ? bar : end;
	size_t wn = strlen(word);
	if ((size_t)(pe - p) < wn || memcmp(p, word, wn) != 0)
		return 0;
	p += wn;
	if (p == pe)
		return 1;
	if (*p++ != '#' || p == pe)
		return 0;
	for (; p < pe; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

static void add_item(sum_checker *c, const tsv_reader *r, enum kind kind, const dec *num)
{
	if (c->nitems == c->capitems) {
		c->capitems = c->capitems ? c->capitems * 2 : 16;
		c->items = xreallocarray(c->items, c->capitems, sizeof *c->items);
	}
	item *it = &c->items[c->nitems++];
	it->num = *num;
	it->kind = kind;
	if (dec_is_zero(*num) || !sum_value_tol(r->f[COL_VALUE], r->len[COL_VALUE], r->f[COL_UNIT],
	                                        r->len[COL_UNIT], &it->tol))
		it->tol = (dec){0, 0};
	it->off = c->text.len;
	buf_add(&c->text, r->f[COL_KEY], r->len[COL_KEY]);
	buf_addc(&c->text, ' ');
	buf_add(&c->text, r->f[COL_FIELD], r->len[COL_FIELD]);
	it->len = c->text.len - it->off;
	it->voff = c->text.len;
	buf_add(&c->text, r->f[COL_VALUE], r->len[COL_VALUE]);
	it->vlen = c->text.len - it->voff;
}

/* Is s[0..n) one of the NULL-terminated words? */
static int word_is(const char *const *words, const char *s, size_t n)
{
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
			return 1;
	return 0;
}

/* Take in one record of the current document. */
static int take(sum_checker *c, const tsv_reader *r, const dec *num, int has)
{
	const char *key = r->f[COL_KEY];
	size_t kn = r->len[COL_KEY];
	sumfam_take(c->fam, r, num, has);
	if (field_is(r, COL_SECTION, facts_section_name[SEC_BUDGET]) && field_is(r, COL_FIELD, "amount")) {
		int instead = 0;
		for (int i = 0; budget_keys[i].key; i++) {
			if (field_is(r, COL_KEY, budget_keys[i].key)) {
				if (acc_add(c, r, budget_keys[i].acc, num, has))
					return -1;
				instead = budget_keys[i].instead;
			}
		}
		for (int i = 0; budget_groups[i].group && !instead; i++) {
			size_t gn = strlen(budget_groups[i].group);
			if (!has_prefix(key, kn, budget_groups[i].group, gn) || kn <= gn ||
			    key[gn] != '|')
				continue;
			/* a funds block's period total (项目总预算) or another
			 * spelling of the year's total is not one of its parts */
			if (budget_groups[i].acc == A_PARTS &&
			    (word_is(vocab_budget_total_words, key + gn + 1, kn - gn - 1) ||
			     word_is(vocab_budget_year_words, key + gn + 1, kn - gn - 1)))
				return 0;
			return acc_add(c, r, budget_groups[i].acc, num, has);
		}
	} else if (field_is(r, COL_SECTION, facts_section_name[SEC_TASK]) && field_is(r, COL_FIELD, "amount")) {
		return acc_add(c, r, A_TASKS, num, has);
	} else if (has && field_is(r, COL_SECTION, facts_section_name[SEC_INDICATOR]) &&
	           field_is(r, COL_FIELD, "value")) {
		/* the target only: a result (实际完成值) over 100% or a long-term
		 * cost (实施期指标值) is not a broken form */
		if (field_is(r, COL_UNIT, VOCAB_MONEY_CANON) &&
		    (key_part_is(key, kn, 0, COST_LEVEL) || key_part_is(key, kn, 1, COST_LEVEL)))
			add_item(c, r, K_COST, num);
		else if (field_is(r, COL_UNIT, UNIT_PCT))
			add_item(c, r, K_PCT, num);
	}
	return 0;
}

/* Append "NAME (N facts, M empty, K not in 万元)" for accumulator k. */
static void describe(buf *b, const acc *a, enum acc_id k)
{
	buf_adds(b, acc_text[k]);
	if (a->n == 0) {
		buf_adds(b, " (missing)");
		return;
	}
	buf_adds(b, " (");
	add_long(b, a->n);
	buf_adds(b, a->n == 1 ? " fact" : " facts");
	long empty = a->n - a->nnum - a->nother;
	if (empty) {
		buf_adds(b, ", ");
		add_long(b, empty);
		buf_adds(b, " empty");
	}
	if (a->nother) {
		buf_adds(b, ", ");
		add_long(b, a->nother);
		buf_adds(b, " not in ");
		buf_adds(b, VOCAB_MONEY_CANON);
	}
	buf_addc(b, ')');
}

/* Append " UNIT" when unit is not empty. */
static void add_unit(buf *b, const char *unit)
{
	if (*unit) {
		buf_addc(b, ' ');
		buf_adds(b, unit);
	}
}

/* The --failed line of a row: who, which check, the figures with their
 * unit, and detail, in one line for people. */
static void failed_line(sum_checker *c, buf *b, const char *check, int st, const dec *lhs,
                        const dec *rhs, const dec *diff, const char *unit)
{
	add_escaped(b, c->dept.s ? c->dept.s : "", c->dept.len);
	if (c->project.len) {
		buf_adds(b, " / ");
		add_escaped(b, c->project.s, c->project.len);
	}
	buf_adds(b, " (");
	if (c->year.len) {
		add_escaped(b, c->year.s, c->year.len);
		buf_adds(b, ", ");
	}
	add_escaped(b, c->doc.s ? c->doc.s : "", c->doc.len);
	buf_adds(b, "): ");
	buf_adds(b, check);
	buf_addc(b, ' ');
	buf_adds(b, statuses[st]);
	if (lhs && rhs) {
		buf_adds(b, ": ");
		add_dec(b, *lhs);
		buf_adds(b, " vs ");
		add_dec(b, *rhs);
		add_unit(b, unit);
	}
	if (diff) {
		buf_adds(b, ", off by ");
		add_dec(b, *diff);
		add_unit(b, unit);
	}
	buf_adds(b, " -- ");
	add_escaped(b, c->detail.s ? c->detail.s : "", c->detail.len);
}

/* Write one row: the document's columns, then check, status, the numbers
 * (NULL: empty) and c->detail, built in c->row and written at once. This is
 * the one place that knows the output formats. */
static void emit(sum_checker *c, const char *check, int st, const dec *lhs, const dec *rhs,
                 const dec *diff, const char *unit)
{
	c->counts[st]++;
	if (c->o.quiet && st == S_OK)
		return;
	buf *b = &c->row;
	buf_reset(b);
	if (c->o.format == SUM_FORMAT_FAILED) {
		if (st != S_FAIL && !(st == S_WARN && c->o.strict))
			return;
		failed_line(c, b, check, st, lhs, rhs, diff, unit);
		buf_addc(b, '\n');
		fwrite(b->s, 1, b->len, c->out);
		return;
	}
	buf_add(b, c->prefix.s, c->prefix.len);
	buf_adds(b, check);
	buf_addc(b, '\t');
	buf_adds(b, statuses[st]);
	const dec *v[3] = {lhs, rhs, diff};
	for (int i = 0; i < 3; i++) {
		buf_addc(b, '\t');
		if (v[i])
			add_dec(b, *v[i]);
	}
	buf_addc(b, '\t');
	add_escaped(b, c->detail.s, c->detail.len);
	buf_addc(b, '\n');
	fwrite(b->s, 1, b->len, c->out);
}

/* Compare lhs with rhs under rel, allowing the rounding tol of the least
 * precise figure (fig) unless --exact; emit the row. */
static int judge(sum_checker *c, const struct rule *ru, dec lhs, dec rhs, dec tol, const char *fig,
                 const char *unit)
{
	dec diff;
	if (c->o.exact)
		tol = (dec){0, 0};
	enum sum_rel rel = ru->rel == R_EQ ? SUM_EQ : SUM_LE;
	int holds = sum_judge(lhs, rhs, rel, tol, &diff);
	if (holds < 0)
		return fail(c, c->last_line, "number out of range: %s: lhs - rhs exceeds %d digits",
		            ru->name, DEC_MAX_DIGITS);
	sum_tol_words(&c->detail, holds, rel, diff, tol, fig);
	emit(c, ru->name,
	     holds                                ? S_OK
	     : strcmp(ru->otherwise, "warn") == 0 ? S_WARN
	                                          : S_FAIL,
	     &lhs, &rhs, &diff, unit);
	return 0;
}

/* The wider of two tolerances, and its figure. */
static dec wider(dec a, const char *fa, dec b, const char *fb, const char **fig)
{
	*fig = dec_cmp(a, b) >= 0 ? fa : fb;
	return dec_cmp(a, b) >= 0 ? a : b;
}

static int run_fact_rule(sum_checker *c, const struct rule *ru)
{
	static const dec hundred = {100, 0};
	int any = 0;
	for (size_t i = 0; i < c->nitems; i++) {
		const item *it = &c->items[i];
		if (it->kind != ru->kind)
			continue;
		any = 1;
		char fig[64];
		keep_figure(fig, sizeof fig, c->text.s + it->voff, it->vlen);
		buf_reset(&c->detail);
		buf_adds(&c->detail, "indicator ");
		buf_add(&c->detail, c->text.s + it->off, it->len);
		if (ru->kind == K_PCT) {
			buf_adds(&c->detail, " in ");
			buf_adds(&c->detail, UNIT_PCT);
			buf_adds(&c->detail, " vs 100");
			if (judge(c, ru, it->num, hundred, it->tol, fig, UNIT_PCT))
				return -1;
			continue;
		}
		buf_adds(&c->detail, " in ");
		buf_adds(&c->detail, VOCAB_MONEY_CANON);
		buf_adds(&c->detail, " vs ");
		const acc *r = &c->a[ru->rhs];
		describe(&c->detail, r, ru->rhs);
		const char *f;
		dec tol = wider(it->tol, fig, r->tol, r->fig, &f);
		if (r->nnum == 0)
			emit(c, ru->name, S_SKIP, NULL, NULL, NULL, VOCAB_MONEY_CANON);
		else if (judge(c, ru, it->num, r->sum, tol, f, VOCAB_MONEY_CANON))
			return -1;
	}
	if (!any) {
		buf_reset(&c->detail);
		if (ru->kind == K_PCT)
			buf_printf(&c->detail, "no indicator in %s", UNIT_PCT);
		else
			buf_printf(&c->detail, "no %s indicator in %s", COST_LEVEL,
			           VOCAB_MONEY_CANON);
		emit(c, ru->name, S_SKIP, NULL, NULL, NULL,
		     ru->kind == K_PCT ? UNIT_PCT : VOCAB_MONEY_CANON);
	}
	return 0;
}

/* A family check's row (lib/sumfam) through emit. */
static void fam_emit(void *ctx, const sumfam_row *row)
{
	sum_checker *c = ctx;
	buf_reset(&c->detail);
	buf_adds(&c->detail, row->detail);
	emit(c, row->check, (int)row->status, row->lhs, row->rhs, row->diff, row->unit);
}

/* Emit the rows of the document just read. */
static int end_doc(sum_checker *c)
{
	c->in_doc = 0;
	int form = c->project.len ? F_PROJ : F_DEPT;
	for (const struct rule *ru = rules; ru->name; ru++) {
		if (!(ru->forms & form))
			continue;
		if (ru->kind != K_SUM) {
			if (run_fact_rule(c, ru))
				return -1;
			continue;
		}
		const acc *l = &c->a[ru->lhs], *r = &c->a[ru->rhs];
		buf_reset(&c->detail);
		describe(&c->detail, l, ru->lhs);
		buf_adds(&c->detail, " vs ");
		describe(&c->detail, r, ru->rhs);
		const char *fig;
		dec tol = wider(l->tol, l->fig, r->tol, r->fig, &fig);
		if (l->nnum == 0 || r->nnum == 0)
			emit(c, ru->name, S_SKIP, NULL, NULL, NULL, VOCAB_MONEY_CANON);
		else if (judge(c, ru, l->sum, r->sum, tol, fig, VOCAB_MONEY_CANON))
			return -1;
	}
	if (sumfam_run(c->fam, c->o.exact, fam_emit, c, c->err, sizeof c->err) < 0) {
		c->line = c->last_line;
		return -1;
	}
	return 0;
}

int sum_check_stream(sum_checker *c, tsv_reader *r)
{
	int rc;
	c->in_doc = 0;
	while ((rc = tsv_read(r)) == 1) {
		dec num = {0, 0};
		int has;
		if (check_record(r, &num, &has, c->err, sizeof c->err) < 0) {
			c->line = r->line;
			return -1;
		}
		if (!c->in_doc || r->len[COL_DOC] != c->doc.len ||
		    memcmp(r->f[COL_DOC], c->doc.s, c->doc.len) != 0) {
			if (c->in_doc && end_doc(c) < 0)
				return -1;
			start_doc(c, r);
		}
		c->last_line = r->line;
		if (take(c, r, &num, has) < 0)
			return -1;
	}
	if (rc < 0) {
		snprintf(c->err, sizeof c->err, "%s", r->err);
		c->line = r->line;
		return -1;
	}
	return c->in_doc ? end_doc(c) : 0;
}

/* ---- totals ---- */

typedef struct {
	uint64_t hash;
	size_t off;         /* encoded key in sum_totals.keys */
	uint32_t len;       /* its length */
	long docs;          /* documents that contributed */
	unsigned long last; /* number of the last document that did */
	dec sum;
	int overflow; /* the sum went out of range: the group is not written */
} group;

struct sum_totals {
	int cols[SUM_MAX_GROUP_COLS];
	int ncols;
	int all_units;
	group *g;
	size_t ng, capg;
	uint32_t *slot; /* 1 + index into g, 0 for empty; nslot a power of 2 */
	size_t nslot;
	buf keys;    /* encoded keys: per column a 4-byte length, then the bytes */
	buf scratch; /* the key being looked up */
	buf doc;     /* the current document's doc value */
	int in_doc;
	unsigned long docno;
	char err[256];
	long line;
};

int sum_parse_cols(const char *spec, int *cols, char *err, size_t errsz)
{
	int n = 0;
	const char *p = spec;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int found = -1;
		for (int i = 0; i < FACT_NCOLS; i++)
			if (strlen(FACT_COLS[i]) == len && memcmp(FACT_COLS[i], p, len) == 0)
				found = i;
		if (found < 0) {
			snprintf(err, errsz,
			         "unknown column '%.*s' (one of doc, year, dept, "
			         "project, section, key, field, value, op, num, unit, src)",
			         (int)(len > 40 ? 40 : len), p);
			return -1;
		}
		for (int i = 0; i < n; i++) {
			if (cols[i] == found) {
				snprintf(err, errsz, "column '%s' named twice", FACT_COLS[found]);
				return -1;
			}
		}
		cols[n++] = found; /* n < FACT_NCOLS: no column twice */
		if (!comma)
			return n;
		p = comma + 1;
	}
}

sum_totals *sum_totals_new(const int *cols, int ncols, int all_units)
{
	sum_totals *t = xcalloc(1, sizeof *t);
	memcpy(t->cols, cols, (size_t)ncols * sizeof *cols);
	t->ncols = ncols;
	t->all_units = all_units;
	t->nslot = 1024;
	t->slot = xcalloc(t->nslot, sizeof *t->slot);
	return t;
}

void sum_totals_free(sum_totals *t)
{
	if (!t)
		return;
	free(t->g);
	free(t->slot);
	buf_free(&t->keys);
	buf_free(&t->scratch);
	buf_free(&t->doc);
	free(t);
}

const char *sum_totals_error(const sum_totals *t)
{
	return t->err;
}

long sum_totals_error_line(const sum_totals *t)
{
	return t->line;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h ^ (h >> 29);
}

static void rehash(sum_totals *t)
{
	size_t n = t->nslot * 2;
	uint32_t *s = xcalloc(n, sizeof *s);
	for (size_t i = 0; i < t->ng; i++) {
		size_t j = t->g[i].hash & (n - 1);
		while (s[j])
			j = (j + 1) & (n - 1);
		s[j] = (uint32_t)(i + 1);
	}
	free(t->slot);
	t->slot = s;
	t->nslot = n;
}

/* The group of the key in t->scratch, created (sum 0, no docs) if new. */
static group *lookup(sum_totals *t)
{
	const char *k = t->scratch.s;
	size_t kn = t->scratch.len;
	uint64_t h = hash_bytes(k, kn);
	size_t j = h & (t->nslot - 1);
	while (t->slot[j]) {
		group *g = &t->g[t->slot[j] - 1];
		if (g->hash == h && g->len == kn && memcmp(t->keys.s + g->off, k, kn) == 0)
			return g;
		j = (j + 1) & (t->nslot - 1);
	}
	if (t->ng >= UINT32_MAX - 1)
		return NULL;
	if (t->ng == t->capg) {
		t->capg = t->capg ? t->capg * 2 : 256;
		t->g = xreallocarray(t->g, t->capg, sizeof *t->g);
	}
	group *g = &t->g[t->ng++];
	memset(g, 0, sizeof *g);
	g->hash = h;
	g->off = t->keys.len;
	g->len = (uint32_t)kn;
	buf_add(&t->keys, k, kn);
	t->slot[j] = (uint32_t)t->ng;
	if (t->ng * 2 > t->nslot)
		rehash(t);
	return &t->g[t->ng - 1];
}

static int tfail(sum_totals *t, long line, const char *msg)
{
	snprintf(t->err, sizeof t->err, "%s", msg);
	t->line = line;
	return -1;
}

int sum_totals_add(sum_totals *t, tsv_reader *r)
{
	int rc;
	t->in_doc = 0;
	while ((rc = tsv_read(r)) == 1) {
		dec num;
		int has;
		if (check_record(r, &num, &has, t->err, sizeof t->err) < 0) {
			t->line = r->line;
			return -1;
		}
		if (!t->in_doc || r->len[COL_DOC] != t->doc.len ||
		    memcmp(r->f[COL_DOC], t->doc.s, t->doc.len) != 0) {
			set_buf(&t->doc, r->f[COL_DOC], r->len[COL_DOC]);
			t->in_doc = 1;
			t->docno++;
		}
		if (!has) /* no num, or a date */
			continue;
		if (!t->all_units && !field_is(r, COL_UNIT, VOCAB_MONEY_CANON))
			continue;
		buf_reset(&t->scratch);
		for (int i = 0; i < t->ncols; i++) {
			int col = t->cols[i];
			if (r->len[col] > UINT32_MAX)
				return tfail(t, r->line, "field too long to group by");
			uint32_t n = (uint32_t)r->len[col];
			buf_add(&t->scratch, &n, sizeof n);
			buf_add(&t->scratch, r->f[col], n);
		}
		group *g = lookup(t);
		if (!g)
			return tfail(t, r->line, "too many groups");
		if (g->last != t->docno) {
			g->last = t->docno;
			g->docs++;
		}
		if (g->overflow)
			continue;
		if (dec_add(g->sum, num, &g->sum) != DEC_OK && (g->overflow = 1))
			return tfail(
			    t, r->line,
			    "number out of range: the group's sum exceeds " DEC_MAX_DIGITS_S
			    " digits");
	}
	if (rc < 0)
		return tfail(t, r->line, r->err);
	return 0;
}

/* Column i of an encoded key: sets *s, *n; returns the rest. */
static const char *key_col(const char *k, const char **s, uint32_t *n)
{
	memcpy(n, k, sizeof *n);
	*s = k + sizeof *n;
	return *s + *n;
}

static int cmp_groups(const void *pa, const void *pb, void *arg)
{
	const sum_totals *t = arg;
	const group *a = &t->g[*(const size_t *)pa], *b = &t->g[*(const size_t *)pb];
	const char *ka = t->keys.s + a->off, *kb = t->keys.s + b->off;
	for (int i = 0; i < t->ncols; i++) {
		const char *sa, *sb;
		uint32_t na, nb;
		ka = key_col(ka, &sa, &na);
		kb = key_col(kb, &sb, &nb);
		int c = memcmp(sa, sb, na < nb ? na : nb);
		if (c)
			return c;
		if (na != nb)
			return na < nb ? -1 : 1;
	}
	return 0;
}

void sum_totals_write(const sum_totals *t, FILE *out, int rows)
{
	for (int i = 0; i < t->ncols; i++)
		fprintf(out, "%s\t", FACT_COLS[t->cols[i]]);
	fputs("docs\tsum\n", out);
	if (!rows)
		return;
	size_t *order = xreallocarray(NULL, t->ng ? t->ng : 1, sizeof *order);
	for (size_t i = 0; i < t->ng; i++)
		order[i] = i;
	qsort_r(order, t->ng, sizeof *order, cmp_groups, (void *)t);
	for (size_t i = 0; i < t->ng; i++) {
		const group *g = &t->g[order[i]];
		if (g->overflow) /* never a wrong number: no row */
			continue;
		const char *k = t->keys.s + g->off;
		for (int c = 0; c < t->ncols; c++) {
			const char *s;
			uint32_t n;
			k = key_col(k, &s, &n);
			tsv_escape(out, s, n);
			putc('\t', out);
		}
		char nb[DEC_BUFSZ];
		dec_format(g->sum, nb);
		fprintf(out, "%ld\t%s\n", g->docs, nb);
	}
	free(order);
}
