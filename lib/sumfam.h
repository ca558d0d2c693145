/* SPDX-License-Identifier: MIT */
/* sumfam: pg-sum's checks for the families of FORMAT.md section 2c (B-F),
 * and the rounding-aware comparison every pg-sum check uses. The caller
 * (lib/sum.c) hands in one document's quantity facts (sections info, budget
 * and indicator) as it reads them; at the document's end sumfam_run judges
 * the rules of its table and hands each result row back through a
 * callback. A rule is emitted only for a document that has at least one of
 * its inputs, so forms of other families get none of these rows. This
 * module reads no stream and writes nothing: output is the caller's. */
#ifndef PG_SUMFAM_H
#define PG_SUMFAM_H

#include <stddef.h>

#include "dec.h"
#include "tsv.h"
#include "util.h"

/* Row statuses, in the order of their names in sum_status_name. */
enum sum_status { SUM_OK, SUM_FAIL, SUM_WARN, SUM_SKIP, SUM_NSTATUS };
extern const char *const sum_status_name[];

/* How two sides are compared. */
enum sum_rel { SUM_EQ, SUM_LE, SUM_GE, SUM_LT, SUM_GT };

/* Half a unit in the last decimal place of the number written in value
 * (trailing zeros count: `72807.380` gives 0.0005), in the unit of num: a
 * money value written in 元 or 亿元 is scaled like num (`15000元` gives
 * 0.00005 万元) when unit is 万元. Returns 1 and sets *tol, or 0 when value
 * holds no number. */
int sum_value_tol(const char *value, size_t vn, const char *unit, size_t un, dec *tol);

/* Judge lhs rel rhs allowing |lhs - rhs| <= tol (tol 0: exact). Sets *diff
 * (lhs - rhs). Returns 1 when the relation holds, 0 when not, -1 when the
 * difference overflows. `<` and `>` are strict and take no tolerance. */
int sum_judge(dec lhs, dec rhs, enum sum_rel rel, dec tol, dec *diff);

/* Append to b the words that say how the tolerance decided the relation
 * rel given diff (lhs - rhs): nothing when it holds exactly or tol is 0;
 * else `; within ±TOL (half the last place of FIGURE)` when held,
 * `; beyond ±TOL ...` when not. */
void sum_tol_words(buf *b, int held, enum sum_rel rel, dec diff, dec tol, const char *figure);

/* One result row, handed to the caller's callback. */
typedef struct sumfam_row {
	const char *check;
	enum sum_status status;
	const dec *lhs, *rhs, *diff; /* NULL: empty */
	const char *unit;            /* the unit of lhs and rhs, for people ("" none) */
	const char *detail;
} sumfam_row;
typedef void (*sumfam_emit)(void *ctx, const sumfam_row *row);

typedef struct sumfam sumfam;

/* A collector of one document's facts. Free with sumfam_free (NULL no-op). */
sumfam *sumfam_new(void);
void sumfam_free(sumfam *f);
/* Forget the document's facts. */
void sumfam_reset(sumfam *f);
/* Keep record r when it is a fact some rule reads; has: r's num is a
 * decimal (*num) -- 0 for no num or a date. */
void sumfam_take(sumfam *f, const tsv_reader *r, const dec *num, int has);
/* Judge the rules over the document's facts, in table order, calling emit
 * for each row. exact: no rounding tolerance. Returns 0, or -1 when a sum
 * overflows (message in err, errsz bytes). */
int sumfam_run(sumfam *f, int exact, sumfam_emit emit, void *ctx, char *err, size_t errsz);

#endif
