/* vocab: the tables. See vocab.h. */
#include <stddef.h>
#include <string.h>

#include "vocab.h"

const char *const vocab_op_text[] = {"", ">=", "<=", ">", "<", "="};

/* Longest words first so a prefix scan may stop at the first hit. */
const vocab_op vocab_prefix_ops[] = {
    {"大于等于", OP_GE}, {"小于等于", OP_LE}, {"不低于", OP_GE}, {"不少于", OP_GE},
    {"不小于", OP_GE},   {"不高于", OP_LE},   {"不超过", OP_LE}, {"不多于", OP_LE},
    {"不大于", OP_LE},   {">=", OP_GE},       {"<=", OP_LE},     {"≥", OP_GE},
    {"≧", OP_GE},        {"≤", OP_LE},        {"≦", OP_LE},      {"大于", OP_GT},
    {"高于", OP_GT},     {"超过", OP_GT},     {"小于", OP_LT},   {"低于", OP_LT},
    {"少于", OP_LT},     {"等于", OP_EQ},     {">", OP_GT},      {"<", OP_LT},
    {"=", OP_EQ},        {"═", OP_EQ},        {NULL, OP_NONE},
};

const vocab_op vocab_suffix_ops[] = {
    {"及以上", OP_GE}, {"及以下", OP_LE}, {"以上", OP_GE}, {"以下", OP_LE},
    {"以内", OP_LE},   {"之内", OP_LE},   {NULL, OP_NONE},
};

const char VOCAB_MONEY_CANON[] = "万元";

const vocab_money vocab_money_units[] = {
    {"元", -4}, {"千元", -1}, {"万元", 0}, {"亿元", 4}, {NULL, 0},
};

const char *const vocab_deadline_words[] = {"之前", "以前", "底前", "前", "止", NULL};

const vocab_op *vocab_find_op(const vocab_op *table, const char *word, size_t n)
{
	for (const vocab_op *v = table; v->word; v++)
		if (strlen(v->word) == n && memcmp(v->word, word, n) == 0)
			return v;
	return NULL;
}

const vocab_money *vocab_find_money(const char *unit, size_t n)
{
	for (const vocab_money *v = vocab_money_units; v->unit; v++)
		if (strlen(v->unit) == n && memcmp(v->unit, unit, n) == 0)
			return v;
	return NULL;
}

const vocab_field vocab_qty_fields[] = {
    {"info", "value"},  {"budget", "amount"},   {"task", "no"},
    {"task", "amount"}, {"indicator", "value"}, {NULL, NULL},
};

int vocab_is_qty_field(const char *section, size_t sn, const char *field, size_t fn)
{
	for (const vocab_field *v = vocab_qty_fields; v->section; v++)
		if (sn && v->section[0] == section[0] && strncmp(v->section, section, sn) == 0 &&
		    !v->section[sn] && strncmp(v->field, field, fn) == 0 && !v->field[fn])
			return 1;
	return 0;
}
