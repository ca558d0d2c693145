/* SPDX-License-Identifier: MIT */
/* dec: exact decimal numbers for money and quantities. A value is an integer
 * mantissa m scaled by 10^-scale. Every operation checks for overflow and
 * reports it instead of wrapping; there is no binary floating point here.
 * Limits: at most DEC_MAX_DIGITS significant digits, at most DEC_MAX_SCALE
 * digits after the point. This module does not know about units. */
#ifndef PG_DEC_H
#define PG_DEC_H

#include <stddef.h>

#define DEC_MAX_DIGITS 36
#define DEC_MAX_SCALE 18
#define DEC_BUFSZ 48 /* enough for any formatted dec, with sign, point and NUL */

typedef struct {
	__int128 m;
	int scale; /* 0..DEC_MAX_SCALE */
} dec;

enum { DEC_OK = 0, DEC_ESYNTAX = -1, DEC_ERANGE = -2 };

/* Parse [+-]digits[.digits] where digits may contain ',' group separators
 * (skipped). Returns DEC_OK, DEC_ESYNTAX, or DEC_ERANGE when the value has
 * more digits than the limits allow. The result is reduced (dec_reduce). */
int dec_parse(const char *s, size_t n, dec *out);
/* Drop trailing fractional zeros. */
dec dec_reduce(dec a);
/* Write the canonical form (no '+', no grouping, no leading zeros, no
 * trailing fractional zeros or '.', "-0" as "0") into buf (DEC_BUFSZ bytes).
 * Returns its length. */
size_t dec_format(dec a, char *buf);
int dec_add(dec a, dec b, dec *out);
int dec_sub(dec a, dec b, dec *out);
/* a * 10^k (k may be negative: exact while the scale stays in range). */
int dec_shift(dec a, int k, dec *out);
/* -1, 0, 1 as a <, =, > b. Exact for all representable values. */
int dec_cmp(dec a, dec b);
int dec_is_zero(dec a);
/* num / den * 100, rounded half away from zero to 2 decimals. DEC_ERANGE on
 * division by zero or overflow. */
int dec_pct(dec num, dec den, dec *out);

#endif
