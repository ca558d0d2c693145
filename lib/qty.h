/* SPDX-License-Identifier: MIT */
/* qty: the quantity a canonical value states (FORMAT.md section 4): a
 * comparator, a number or a date, and a unit. `[prefix] NUMBER [unit]
 * [suffix]` must match the whole value; money is converted exactly to 万元;
 * otherwise the first valid date anywhere in the value counts. The words
 * come from lib/vocab's tables. This module neither canonicalises text (its
 * input is already canonical, lib/text) nor knows which fields hold
 * quantities; it allocates nothing per call (the date pattern is compiled
 * once per process, on first use). */
#ifndef PG_QTY_H
#define PG_QTY_H

#include <stddef.h>

#include "dec.h"
#include "vocab.h"

#define QTY_MAX_UNIT 8   /* longest unit text after a number, in characters */
#define QTY_MAX_WORDS 64 /* most words per vocab table that qty reads */

enum { QTY_NONE = 0, QTY_NUM = 1, QTY_DATE = 2, QTY_ERANGE = -1 };

typedef struct {
	enum cmp_op op;      /* OP_NONE when no quantity */
	char num[DEC_BUFSZ]; /* canonical decimal or YYYY-MM-DD; "" when none */
	size_t num_len;
	const char *unit; /* not NUL-terminated: points into the value, the unit
	                   * column, or a constant; "" when none */
	size_t unit_len;
} qty;

/* Parse the canonical value v[0..n). unit[0..un) is the extract's unit
 * column (used when the value has no unit text); year[0..yn) is the
 * document's year column (used by dates without a year; ignored unless it
 * is four digits). Fills *q (q->unit may point into v or unit, so it lives
 * as long as they do). Returns QTY_NUM, QTY_DATE, QTY_NONE, or QTY_ERANGE
 * when the value has the form of a quantity but its number does not fit
 * lib/dec (more than DEC_MAX_DIGITS digits, more than DEC_MAX_SCALE after
 * the point, also after a money conversion); *q is then empty. */
int qty_parse(const char *v, size_t n, const char *unit, size_t un, const char *year, size_t yn,
              qty *q);

/* Release the compiled date pattern (for leak checkers; optional). */
void qty_cleanup(void);

#endif
