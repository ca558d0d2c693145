/* SPDX-License-Identifier: MIT */
/* numfmt: a spreadsheet's numeric cell as its author entered it. The stored
 * number (decimal text, or a double from a binary workbook) becomes the
 * shortest decimal of at most 15 significant digits, never binary-float
 * noise (`82800.920000000013` -> `82800.92`); a percent number format gives
 * the number x 100 and `%`; a date format gives `YYYY-MM-DD`. Any other
 * display format (grouping, fixed decimals, currency) is ignored: the
 * value is kept whole (`10891.615675`, shown `10,891.62`, stays). The
 * arithmetic is on decimal digits, never in floating point. It knows
 * number formats, not where cells come from. */
#ifndef PG_NUMFMT_H
#define PG_NUMFMT_H

#include "util.h"

#define NUMFMT_DIGITS 15 /* significant digits kept, as spreadsheets do */

enum { NUMFMT_GENERAL, NUMFMT_PERCENT, NUMFMT_DATE };

/* Kind of a built-in number format id (ECMA-376 18.8.30, with the CJK
 * date ids 27-36 and 50-58). */
int numfmt_kind_id(int id);
/* Kind of a format code: percent when a `%` stands outside quotes,
 * brackets and escapes; date when a y or d does (outside the word
 * General); else general (m alone, time-only formats). */
int numfmt_kind_code(const char *code);
/* Append number text s (`82800.920000000013`, `-1.5E-3`) formatted by kind
 * to b; date1904 picks the workbook's date system. Returns 0, or -1 when s
 * is not a number or the date is out of range (s is appended as it is). */
int numfmt_number(const char *s, int kind, int date1904, buf *b);
/* numfmt_number for a double (a binary workbook's cell). */
int numfmt_double(double v, int kind, int date1904, buf *b);
/* Append the date of serial day number `day` (1 = 1900-01-01, with the
 * 1900 leap-year bug: 60 = 1900-02-29; date1904: 0 = 1904-01-01) as
 * YYYY-MM-DD. Returns 0, or -1 outside years 1900..9999. */
int numfmt_date(long day, int date1904, buf *b);

#endif
