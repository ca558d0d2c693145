/* SPDX-License-Identifier: MIT */
/* qty: quantity parsing. See qty.h. The number form is hand code (a small
 * scanner reads it faster and clearer than a pattern would); a date anywhere
 * in the value is found with one PCRE2 pattern through lib/re. */
#include "qty.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "re.h"
#include "util.h"

static const char UNIT_DATE[] = "date";

/* Groups: 1-3 Y年M月D日 / Y年M月底 / Y年底; 4-7 Y-M-D Y.M.D Y/M/D (5 is the
 * separator, the same twice); 8-9 M月D日 / M月底 in the document's year. An
 * unset day means the month's last day; an unset month means 12-31. */
static const char DATE_PATTERN[] =
    "(?<![0-9])([1-9][0-9]{3})年(?:([0-9]{1,2})月(?:([0-9]{1,2})日|底)|底)"
    "|(?<![0-9])([1-9][0-9]{3})([-./])([0-9]{1,2})\\g{5}([0-9]{1,2})(?![0-9])"
    "|(?<![0-9年])([0-9]{1,2})月(?:([0-9]{1,2})日|底)";

static re *date_re;

static re *date_pattern(void)
{
	if (!date_re) {
		char err[200];
		date_re = re_new(DATE_PATTERN, err, sizeof err);
		if (!date_re) { /* a bug in the constant above, not bad data */
			fprintf(stderr, "qty: date pattern: %s\n", err);
			abort();
		}
	}
	return date_re;
}

void qty_cleanup(void)
{
	re_free(date_re);
	date_re = NULL;
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* w (length wl) starts / ends s[0..n). The first or last byte is tested
 * before memcmp: most values fail there. */
static int starts_with(const char *s, size_t n, const char *w, size_t wl)
{
	return wl <= n && s[0] == w[0] && memcmp(s, w, wl) == 0;
}

static int ends_with(const char *s, size_t n, const char *w, size_t wl)
{
	return wl <= n && s[n - 1] == w[wl - 1] && memcmp(s + n - wl, w, wl) == 0;
}

/* Word lengths of the vocab tables, measured once. */
#define MAX_WORDS QTY_MAX_WORDS
static size_t prefix_len[MAX_WORDS], suffix_len[MAX_WORDS], deadline_len[MAX_WORDS];

static void measure_words(void)
{
	static int done;
	if (done)
		return;
	for (int i = 0; i < MAX_WORDS && vocab_prefix_ops[i].word; i++)
		prefix_len[i] = strlen(vocab_prefix_ops[i].word);
	for (int i = 0; i < MAX_WORDS && vocab_suffix_ops[i].word; i++)
		suffix_len[i] = strlen(vocab_suffix_ops[i].word);
	for (int i = 0; i < MAX_WORDS && vocab_deadline_words[i]; i++)
		deadline_len[i] = strlen(vocab_deadline_words[i]);
	done = 1;
}

/* Unit text: 1..QTY_MAX_UNIT characters, valid UTF-8, no digit, no space;
 * of ASCII only letters, '%' and '/'; no CJK punctuation (U+3000-U+303F) or
 * curly quotes (U+2018-U+201F). So `年12月31日前完成任务` or `%,完成任务`
 * are not units, and a value carrying them is not a `NUMBER unit`. */
static int valid_unit(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	int chars = 0;
	while (p < end) {
		size_t len;
		long cp = utf8_decode(p, (size_t)(end - p), &len);
		if (cp < 0 || ++chars > QTY_MAX_UNIT)
			return 0;
		if (cp < 0x80) {
			if (!((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '%' ||
			      cp == '/'))
				return 0;
		} else if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x2018 && cp <= 0x201F)) {
			return 0;
		}
		p += len;
	}
	return 1;
}

static int num_at(const char *s, size_t b, size_t e)
{
	int v = 0;
	for (size_t i = b; i < e; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

static int year_of(const char *y, size_t yn)
{
	if (yn != 4)
		return -1;
	for (size_t i = 0; i < 4; i++)
		if (!is_digit(y[i]))
			return -1;
	return num_at(y, 0, 4);
}

/* Read the date of the last match of date_re in v. Returns 1 and sets
 * *y *m *d when it is a valid calendar date, else 0. */
static int read_date(const re *r, const char *v, int docyear, int *y, int *m, int *d)
{
	size_t b, e;
	int yg, mg, dg;
	if (re_group(r, 1, &b, &e))
		yg = 1, mg = 2, dg = 3;
	else if (re_group(r, 4, &b, &e))
		yg = 4, mg = 6, dg = 7;
	else
		yg = 0, mg = 8, dg = 9;
	if (yg) {
		re_group(r, yg, &b, &e);
		*y = num_at(v, b, e);
	} else if ((*y = docyear) < 0) {
		return 0;
	}
	*m = re_group(r, mg, &b, &e) ? num_at(v, b, e) : 12;
	if (*m < 1 || *m > 12)
		return 0;
	int last = month_days(*y, *m);
	*d = re_group(r, dg, &b, &e) ? num_at(v, b, e) : last;
	return *d >= 1 && *d <= last;
}

/* The first valid date in v[0..n) from offset start (anchored there when
 * anchored). Fills q and returns QTY_DATE, or returns QTY_NONE. */
static int find_date(const char *v, size_t n, size_t start, int anchored, int docyear, qty *q)
{
	re *r = date_pattern();
	while (start < n && re_match(r, v, n, start, anchored) == 1) {
		size_t b, e;
		int y, m, d;
		re_group(r, 0, &b, &e);
		if (read_date(r, v, docyear, &y, &m, &d)) {
			q->num_len =
			    (size_t)snprintf(q->num, sizeof q->num, "%04d-%02d-%02d", y, m, d);
			q->unit = UNIT_DATE;
			q->unit_len = sizeof UNIT_DATE - 1;
			q->op = OP_EQ;
			for (int i = 0; i < MAX_WORDS && vocab_deadline_words[i]; i++) {
				if (starts_with(v + e, n - e, vocab_deadline_words[i],
				                deadline_len[i])) {
					q->op = OP_LE;
					break;
				}
			}
			return QTY_DATE;
		}
		if (anchored)
			break;
		start = e; /* an invalid date: look further on */
	}
	return QTY_NONE;
}

static void clear(qty *q)
{
	q->op = OP_NONE;
	q->num[0] = 0;
	q->num_len = 0;
	q->unit = "";
	q->unit_len = 0;
}

/* End of the NUMBER starting at v[p] (sign, digits, ',' groups of three
 * after 1-3 leading digits, '.' fraction, a trailing '.' only at the end of
 * the value); p itself when there is none. */
static size_t scan_number(const char *v, size_t n, size_t p)
{
	size_t i = p;
	if (i < n && (v[i] == '+' || v[i] == '-'))
		i++;
	size_t d0 = i;
	while (i < n && is_digit(v[i]))
		i++;
	if (i == d0)
		return p;
	if (i - d0 <= 3)
		while (i + 3 < n && v[i] == ',' && is_digit(v[i + 1]) && is_digit(v[i + 2]) &&
		       is_digit(v[i + 3]) && (i + 4 == n || !is_digit(v[i + 4])))
			i += 4;
	if (i < n && v[i] == '.') {
		if (i + 1 < n && is_digit(v[i + 1])) {
			i++;
			while (i < n && is_digit(v[i]))
				i++;
		} else if (i + 1 == n) {
			i++;
		}
	}
	return i;
}

int qty_parse(const char *v, size_t n, const char *unit, size_t un, const char *year, size_t yn,
              qty *q)
{
	clear(q);
	/* fast path: both forms need a digit */
	size_t k = 0;
	while (k < n && !is_digit(v[k]))
		k++;
	if (k == n)
		return QTY_NONE;
	int docyear = year_of(year, yn);

	measure_words();
	size_t p = 0;
	enum cmp_op op = OP_NONE;
	if (!is_digit(v[0]) && v[0] != '-' && v[0] != '+')
		for (int i = 0; i < MAX_WORDS && vocab_prefix_ops[i].word; i++)
			if (starts_with(v, n, vocab_prefix_ops[i].word, prefix_len[i])) {
				op = vocab_prefix_ops[i].op;
				p = prefix_len[i];
				break;
			}
	if (p < n && v[p] == ' ')
		p++;
	size_t ns = p, ne = scan_number(v, n, p);
	if (ne == ns)
		return find_date(v, n, 0, 0, docyear, q);

	const char *u = v + ne;
	size_t ul = n - ne;
	if (ul && *u == ' ')
		u++, ul--;
	for (int i = 0; ul && i < MAX_WORDS && vocab_suffix_ops[i].word; i++)
		if (ends_with(u, ul, vocab_suffix_ops[i].word, suffix_len[i])) {
			if (op == OP_NONE)
				op = vocab_suffix_ops[i].op;
			ul -= suffix_len[i];
			break;
		}
	/* A number that starts a date (2024年底, 6月底) is the date. Only a
	 * plain-digit number followed by non-ASCII unit text can be one. */
	int maybe_date = ul && (unsigned char)*u >= 0x80 && is_digit(v[ns]);
	for (size_t j = ns; maybe_date && j < ne; j++)
		maybe_date = is_digit(v[j]);
	if (!valid_unit(u, ul) || (maybe_date && find_date(v, n, ns, 1, docyear, q) == QTY_DATE)) {
		clear(q);
		return find_date(v, n, 0, 0, docyear, q);
	}
	if (ul == 0)
		u = unit, ul = un;

	dec d;
	int rc = dec_parse(v + ns, ne - ns, &d);
	if (rc == DEC_ERANGE)
		return QTY_ERANGE;
	if (rc != DEC_OK) /* not expected: the scanner admits only valid syntax */
		return QTY_NONE;
	const vocab_money *money = ul ? vocab_find_money(u, ul) : NULL;
	if (money) {
		if (dec_shift(d, money->shift, &d) != DEC_OK)
			return QTY_ERANGE;
		u = VOCAB_MONEY_CANON;
		ul = strlen(VOCAB_MONEY_CANON);
	}
	q->op = op == OP_NONE ? OP_EQ : op;
	q->num_len = dec_format(d, q->num);
	q->unit = u;
	q->unit_len = ul;
	return QTY_NUM;
}
