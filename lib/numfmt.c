/* SPDX-License-Identifier: MIT */
/* numfmt: spreadsheet numbers to text. See numfmt.h. */
#include "numfmt.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int numfmt_kind_id(int id)
{
	if (id == 9 || id == 10)
		return NUMFMT_PERCENT;
	if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 34 || id == 35 ||
	    id == 36 || (id >= 50 && id <= 58))
		return NUMFMT_DATE;
	return NUMFMT_GENERAL;
}

int numfmt_kind_code(const char *code)
{
	int pct = 0, ymd = 0, m = 0;
	/* only the first section (positive numbers) decides */
	for (const char *p = code; *p && *p != ';'; p++) {
		switch (*p) {
		case '"': /* literal text */
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
			break;
		case '[': /* colour, condition, locale: [Red], [$-804], [DBNum1] */
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1])
				p++;
			break;
		case '%':
			pct = 1;
			break;
		case 'y':
		case 'Y':
		case 'G':
		case 'g': /* General */
			if (strncasecmp(p, "general", 7) == 0)
				p += 6;
			break;
		case 'd':
		case 'D':
			ymd = 1;
			break;
		case 'm':
		case 'M':
			m = 1;
			break;
		default:
			break;
		}
	}
	if (pct)
		return NUMFMT_PERCENT;
	if (ymd)
		return NUMFMT_DATE;
	(void)m; /* m alone is minutes or months: not a date we can tell */
	return NUMFMT_GENERAL;
}

/* days since 1970-01-01 -> civil date (H. Hinnant's algorithm) */
static void civil(long z, long *y, int *mo, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*mo = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*mo <= 2);
}

int numfmt_date(long day, int date1904, buf *b)
{
	long y;
	int mo, d;
	if (!date1904 && day == 60) {
		buf_adds(b, "1900-02-29"); /* the day Lotus 1-2-3 invented */
		return 0;
	}
	if (day < (date1904 ? 0 : 1) || day > 2958465)
		return -1;
	/* 1900 system: day 1 = 1900-01-01 = -25567 since 1970; after the
	 * phantom 29 February, one day less */
	long since = date1904 ? day - 24107 : day - 25569 + (day < 60);
	civil(since, &y, &mo, &d);
	if (y < 1900 || y > 9999)
		return -1;
	buf_printf(b, "%04ld-%02d-%02d", y, mo, d);
	return 0;
}

/* The decimal s as digits dg[0..nd) (no leading zeros) and exponent e:
 * value = 0.dg x 10^e. Returns 0, or -1 when s is not a number. */
static int parse_dec(const char *s, int *neg, char *dg, int *nd, long *e, int cap)
{
	const char *p = s;
	*neg = 0;
	if (*p == '-' || *p == '+')
		*neg = *p++ == '-';
	int n = 0, any = 0, seen_dot = 0;
	long ex = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			any = 1;
			if (n == 0 && *p == '0') {
				if (seen_dot)
					ex--;
				continue;
			}
			if (n < cap)
				dg[n++] = *p;
			if (!seen_dot)
				ex++;
		} else if (*p == '.' && !seen_dot) {
			seen_dot = 1;
		} else {
			break;
		}
	}
	if (!any)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		int eneg = 0;
		if (*p == '-' || *p == '+')
			eneg = *p++ == '-';
		long v = 0;
		if (!(*p >= '0' && *p <= '9'))
			return -1;
		for (; *p >= '0' && *p <= '9'; p++)
			if (v < 100000)
				v = v * 10 + (*p - '0');
		ex += eneg ? -v : v;
	}
	if (*p)
		return -1;
	*nd = n;
	*e = ex;
	return 0;
}

int numfmt_number(const char *s, int kind, int date1904, buf *b)
{
	char dg[64];
	int neg, nd;
	long e;
	if (parse_dec(s, &neg, dg, &nd, &e, (int)sizeof dg) < 0) {
		buf_adds(b, s);
		return -1;
	}
	if (kind == NUMFMT_DATE) {
		/* the whole days: digits before the point */
		long day = 0;
		for (long i = 0; i < e && i < 12; i++)
			day = day * 10 + (i < nd ? dg[i] - '0' : 0);
		if (!neg && e <= 12 && numfmt_date(day, date1904, b) == 0)
			return 0;
		kind = NUMFMT_GENERAL;
	}
	/* round half up at NUMFMT_DIGITS significant digits */
	if (nd > NUMFMT_DIGITS) {
		int up = dg[NUMFMT_DIGITS] >= '5';
		nd = NUMFMT_DIGITS;
		for (int i = nd - 1; up && i >= 0; i--) {
			if (dg[i] == '9') {
				dg[i] = '0';
			} else {
				dg[i]++;
				up = 0;
			}
		}
		if (up) { /* 999... -> 1000... */
			memmove(dg + 1, dg, (size_t)nd);
			dg[0] = '1';
			e++;
		}
	}
	while (nd > 0 && dg[nd - 1] == '0')
		nd--;
	if (nd == 0) {
		buf_adds(b, kind == NUMFMT_PERCENT ? "0%" : "0");
		return 0;
	}
	if (kind == NUMFMT_PERCENT)
		e += 2;
	if (neg)
		buf_addc(b, '-');
	if (e > 30 || e < -30) { /* no one enters these: scientific, as stored */
		buf_printf(b, "%c%s%.*sE%s%ld", dg[0], nd > 1 ? "." : "", nd - 1, dg + 1,
		           e - 1 >= 0 ? "+" : "", e - 1);
	} else if (e <= 0) {
		buf_adds(b, "0.");
		for (long i = e; i < 0; i++)
			buf_addc(b, '0');
		buf_add(b, dg, (size_t)nd);
	} else if (e >= nd) {
		buf_add(b, dg, (size_t)nd);
		for (long i = nd; i < e; i++)
			buf_addc(b, '0');
	} else {
		buf_add(b, dg, (size_t)e);
		buf_addc(b, '.');
		buf_add(b, dg + e, (size_t)(nd - e));
	}
	if (kind == NUMFMT_PERCENT)
		buf_addc(b, '%');
	return 0;
}

/* Multiply the base-1e9 number l[0..*n) (least significant limb first) by
 * f (< 2^31). */
static void big_mul(uint32_t *l, int *n, uint32_t f)
{
	uint64_t carry = 0;
	for (int i = 0; i < *n; i++) {
		uint64_t v = (uint64_t)l[i] * f + carry;
		l[i] = (uint32_t)(v % 1000000000u);
		carry = v / 1000000000u;
	}
	while (carry) {
		l[(*n)++] = (uint32_t)(carry % 1000000000u);
		carry /= 1000000000u;
	}
}

int numfmt_double(double v, int kind, int date1904, buf *b)
{
	/* The exact decimal value of v, without the C library's locale-bound
	 * conversions: v = m x 2^e, computed as m x 2^e or m x 5^-e / 10^-e in
	 * base 10^9, then rounded by numfmt_number. */
	if (v != v || v - v != 0) { /* NaN, infinity */
		buf_adds(b, v != v ? "NaN" : v < 0 ? "-Infinity" : "Infinity");
		return -1;
	}
	int neg = signbit(v) != 0, e;
	double f = frexp(neg ? -v : v, &e); /* v = f x 2^e, 0.5 <= f < 1 */
	uint64_t m = (uint64_t)ldexp(f, 53);
	e -= 53;
	uint32_t l[140];
	int n = 0;
	l[n++] = (uint32_t)(m % 1000000000u);
	if (m / 1000000000u)
		l[n++] = (uint32_t)(m / 1000000000u % 1000000000u);
	if (m / 1000000000000000000u)
		l[n++] = (uint32_t)(m / 1000000000000000000u);
	long point = 0; /* decimal digits after the point */
	for (; e > 0; e -= e > 30 ? 30 : e)
		big_mul(l, &n, 1u << (e > 30 ? 30 : e));
	for (; e < 0; e += e < -13 ? 13 : -e) {
		int k = e < -13 ? 13 : -e;
		uint32_t p5 = 1;
		for (int i = 0; i < k; i++)
			p5 *= 5;
		big_mul(l, &n, p5);
		point += k;
	}
	buf d = {0};
	if (neg)
		buf_addc(&d, '-');
	char t[16];
	for (int i = n - 1; i >= 0; i--) {
		int k = 0;
		for (uint32_t x = l[i], j = 0; j < 9; j++, x /= 10)
			t[8 - j] = (char)('0' + x % 10);
		k = 9;
		buf_add(&d, t, (size_t)k);
	}
	buf_printf(&d, "E-%ld", point);
	int rc = numfmt_number(d.s, kind, date1904, b);
	buf_free(&d);
	return rc;
}
