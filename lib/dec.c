/* SPDX-License-Identifier: MIT */
/* dec: exact decimals. See dec.h. */
#include "dec.h"

#include <stdint.h>
#include <string.h>

typedef __int128 i128;

/* 10^36: mantissas are kept strictly below this in magnitude. */
static i128 pow10i(int k)
{
	i128 p = 1;
	while (k-- > 0)
		p *= 10;
	return p;
}

static int in_range(i128 m)
{
	static i128 lim;
	if (!lim)
		lim = pow10i(DEC_MAX_DIGITS);
	return m < lim && m > -lim;
}

dec dec_reduce(dec a)
{
	if (a.m >= INT64_MIN && a.m <= INT64_MAX) {
		int64_t m = (int64_t)a.m; /* 64-bit division is no library call */
		while (a.scale > 0 && m % 10 == 0) {
			m /= 10;
			a.scale--;
		}
		a.m = m;
	} else {
		while (a.scale > 0 && a.m % 10 == 0) {
			a.m /= 10;
			a.scale--;
		}
	}
	if (a.m == 0)
		a.scale = 0;
	return a;
}

int dec_parse(const char *s, size_t n, dec *out)
{
	size_t i = 0;
	int neg = 0, digits = 0, scale = 0, point = 0, sig = 0;
	i128 m = 0;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	for (; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			digits++;
			if (point) {
				if (c == '0') {
					/* defer trailing zeros: count them, apply only if a
					 * nonzero digit follows */
					size_t j = i;
					while (j < n && s[j] == '0')
						j++;
					if (j == n || s[j] < '0' || s[j] > '9') {
						digits += (int)(j - i) - 1;
						i = j - 1;
						continue;
					}
				}
				scale++;
				if (scale > DEC_MAX_SCALE)
					return DEC_ERANGE;
			}
			if (m || c != '0')
				sig++;
			if (sig > DEC_MAX_DIGITS)
				return DEC_ERANGE;
			m = m * 10 + (c - '0');
		} else if (c == ',' && !point && digits > 0) {
			continue;
		} else if (c == '.' && !point) {
			point = 1;
		} else {
			return DEC_ESYNTAX;
		}
	}
	if (!digits || (n && s[n - 1] == ','))
		return DEC_ESYNTAX;
	out->m = neg ? -m : m;
	out->scale = scale;
	*out = dec_reduce(*out);
	return DEC_OK;
}

size_t dec_format(dec a, char *buf)
{
	char tmp[DEC_BUFSZ];
	a = dec_reduce(a);
	i128 m = a.m < 0 ? -a.m : a.m;
	int n = 0;
	/* 128-bit division is a library call; the usual amount fits 64 bits */
	for (; m > (i128)UINT64_MAX; m /= 10)
		tmp[n++] = (char)('0' + (int)(m % 10));
	uint64_t u = (uint64_t)m;
	do {
		tmp[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u);
	while (n <= a.scale)
		tmp[n++] = '0';
	size_t o = 0;
	if (a.m < 0)
		buf[o++] = '-';
	for (int i = n - 1; i >= 0; i--) {
		buf[o++] = tmp[i];
		if (i == a.scale && a.scale > 0)
			buf[o++] = '.';
	}
	buf[o] = 0;
	return o;
}

/* Bring a and b to a common scale; DEC_ERANGE on overflow. */
static int align(dec *a, dec *b)
{
	while (a->scale < b->scale) {
		if (__builtin_mul_overflow(a->m, (i128)10, &a->m))
			return DEC_ERANGE;
		a->scale++;
	}
	while (b->scale < a->scale) {
		if (__builtin_mul_overflow(b->m, (i128)10, &b->m))
			return DEC_ERANGE;
		b->scale++;
	}
	return DEC_OK;
}

int dec_add(dec a, dec b, dec *out)
{
	if (align(&a, &b))
		return DEC_ERANGE;
	i128 m;
	if (__builtin_add_overflow(a.m, b.m, &m) || !in_range(m))
		return DEC_ERANGE;
	out->m = m;
	out->scale = a.scale;
	*out = dec_reduce(*out);
	return DEC_OK;
}

int dec_sub(dec a, dec b, dec *out)
{
	b.m = -b.m;
	return dec_add(a, b, out);
}

int dec_shift(dec a, int k, dec *out)
{
	while (k > 0) {
		if (a.scale > 0) {
			a.scale--;
		} else if (__builtin_mul_overflow(a.m, (i128)10, &a.m) || !in_range(a.m)) {
			return DEC_ERANGE;
		}
		k--;
	}
	while (k < 0) {
		a.scale++;
		k++;
	}
	a = dec_reduce(a);
	if (a.scale > DEC_MAX_SCALE)
		return DEC_ERANGE;
	*out = a;
	return DEC_OK;
}

int dec_cmp(dec a, dec b)
{
	/* integer parts first, then fractions at scale DEC_MAX_SCALE: neither
	 * step can overflow, whatever the two scales are */
	i128 pa = pow10i(a.scale), pb = pow10i(b.scale);
	i128 ia = a.m / pa, ib = b.m / pb;
	if (ia != ib)
		return ia < ib ? -1 : 1;
	i128 fa = (a.m % pa) * pow10i(DEC_MAX_SCALE - a.scale);
	i128 fb = (b.m % pb) * pow10i(DEC_MAX_SCALE - b.scale);
	return (fa > fb) - (fa < fb);
}

int dec_is_zero(dec a)
{
	return a.m == 0;
}

int dec_pct(dec num, dec den, dec *out)
{
	if (den.m == 0)
		return DEC_ERANGE;
	/* num/den*100 with 2 decimals = round(num.m * 10^den.scale * 10^4 /
	 * (den.m * 10^num.scale)) / 100 */
	i128 n = num.m, d = den.m;
	for (int i = 0; i < den.scale + 4; i++)
		if (__builtin_mul_overflow(n, (i128)10, &n))
			return DEC_ERANGE;
	for (int i = 0; i < num.scale; i++)
		if (__builtin_mul_overflow(d, (i128)10, &d))
			return DEC_ERANGE;
	if (d < 0)
		n = -n, d = -d;
	i128 q = n / d, r = n % d;
	if (r < 0)
		r = -r;
	if (r * 2 >= d) /* half away from zero; r < d so r*2 fits */
		q += n < 0 ? -1 : 1;
	out->m = q;
	out->scale = 2;
	*out = dec_reduce(*out);
	return DEC_OK;
}
