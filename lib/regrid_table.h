/* SPDX-License-Identifier: MIT */
/* regrid_table: the words regrid reads a form's tables by, beyond labels,
 * levels and header words: the title of a 收入构成 / 支出构成 table (family
 * B: such a table, or two of them side by side, heads its own columns), the
 * cells that start a row of such a table rather than head a column, and a
 * prose indicator (`数量指标:…`, a level name, a colon, its sentence). Each
 * predicate looks at one label key (regrid_key); they decide nothing about rows: regrid uses them
 * where it cuts rows and tells shapes apart (docs/regrid.md sections 1 and 3). */
#ifndef PG_REGRID_TABLE_H
#define PG_REGRID_TABLE_H

#include <stddef.h>

#include "util.h"

/* The label key of s[0..n) as regrid and frames read a cell: canonical
 * text (text_canon), a leading `*` (a required-field star) and every blank
 * dropped, traditional characters and pinyin folded (hant_fold). Written
 * into out (reset first); returns out's text, valid until out changes. */
const char *regrid_key(buf *out, const char *s, size_t n);

/* A set of words' starts: a bit per hash of a word's first three bytes
 * (one CJK character), so that most cells, which start no word of the
 * vocabulary, are not looked up in its tables. Zeroed: empty. */
typedef struct {
	unsigned char bit[512];
} regrid_starts;

/* Add word's start to st. */
void regrid_starts_add(regrid_starts *st, const char *word);

/* May key start a word added to st? (0: certainly not.) */
int regrid_starts_may(const regrid_starts *st, const char *key);

/* Is key the title of a table with its own column headers: 收入构成,
 * 支出构成 (vocab_budget_groups of kind BG_TABLE)? */
int regrid_table_title(const char *key);

/* Under such a title, does cell key start the table's rows instead of
 * heading a column: empty, a number, the total row's label (合计) or a
 * budget label vocab names (vocab_budget_nature: 财政拨款, 基本支出 ...)? */
int regrid_table_row_cell(const char *key);

/* Is key a prose indicator: a level name (vocab_indicator_levels, with a
 * remark such as a score band after it), a colon, and text after it
 * (`数量指标:保障在校学生12000人正常就学`; FORMAT.md 2c)? */
int regrid_prose(const char *key);

#endif
