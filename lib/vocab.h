/* vocab: the domain vocabulary as data. Every word the tools recognise --
 * comparator words, money units, date suffixes, section labels, budget
 * groups, indicator levels, column headers -- lives in the tables of
 * vocab.c, and code walks these tables instead of spelling words in if
 * chains. Entries are UTF-8 in canonical text (FORMAT.md section 3), so
 * callers compare them with canonical cell text. */
#ifndef PG_VOCAB_H
#define PG_VOCAB_H

#include <stddef.h>

/* Comparators, FORMAT.md section 4. */
enum cmp_op { OP_NONE, OP_GE, OP_LE, OP_GT, OP_LT, OP_EQ };
extern const char *const vocab_op_text[]; /* indexed by cmp_op: "", ">=", ... */

typedef struct {
	const char *word;
	enum cmp_op op;
} vocab_op;
/* Words before a number (longest first), and after a number+unit. NULL-terminated. */
extern const vocab_op vocab_prefix_ops[];
extern const vocab_op vocab_suffix_ops[];

/* Money units and their power of ten relative to 万元. NULL-terminated. */
typedef struct {
	const char *unit;
	int shift; /* value in 万元 = value * 10^shift */
} vocab_money;
extern const vocab_money vocab_money_units[];
extern const char VOCAB_MONEY_CANON[]; /* "万元" */

/* Words after a date that make it a deadline (op <=). NULL-terminated. */
extern const char *const vocab_deadline_words[];

/* Look up word (length n) in a NULL-terminated op table: exact match. */
const vocab_op *vocab_find_op(const vocab_op *table, const char *word, size_t n);
/* The money unit entry for unit (length n), or NULL. */
const vocab_money *vocab_find_money(const char *unit, size_t n);

/* Fields whose value may state a quantity (FORMAT.md section 4): section and
 * field names. Terminated by an entry with section NULL. */
typedef struct {
	const char *section, *field;
} vocab_field;
extern const vocab_field vocab_qty_fields[];
/* 1 when section/field (lengths sn, fn) is in vocab_qty_fields. */
int vocab_is_qty_field(const char *section, size_t sn, const char *field, size_t fn);

#endif
