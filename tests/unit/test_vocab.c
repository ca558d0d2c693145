/* SPDX-License-Identifier: MIT */
/* Unit tests for vocab_match: a whole-key entry first, else the longest
 * entry that prefixes the key (prefix 1) or is followed by one remark
 * (prefix 2), whatever the table's order; and the labels of real forms 03
 * and 05 (docs/real.md) as the blocks the form stage reads them in. */
#include <stddef.h>

#include "t.h"
#include "vocab.h"

static const char *word(const vocab_word *v)
{
	return v ? v->word : "(none)";
}

int main(void)
{
	/* the shorter word first in the table: the longer still wins */
	static const vocab_word t[] = {
	    {"填报单位", 1, 1}, {"填报单位(盖章):", 2, 1},
	    {"单位", 3, 2},     {"单位名称", 4, 0},
	    {"资金", 5, 2},     {NULL, 0, 0},
	};
	CHECK_STR(word(vocab_match(t, "填报单位(盖章):某局")), "填报单位(盖章):");
	CHECK_STR(word(vocab_match(t, "填报单位:某局")), "填报单位");
	CHECK_STR(word(vocab_match(t, "单位名称")), "单位名称"); /* the whole key */
	CHECK_STR(word(vocab_match(t, "单位(万元)")), "单位");   /* a remark after it */
	/* a score band in brackets leaves a word whole (Sichuan's
	 * `绩效指标(90分)`, `(0-20)分`); another remark does not */
	CHECK_STR(word(vocab_match(vocab_block_labels, "绩效指标(90分)")), "绩效指标");
	CHECK_STR(word(vocab_match(vocab_block_labels, "预算执行情况(10分)")), "预算执行情况");
	CHECK_STR(word(vocab_match(vocab_block_labels, "绩效指标(0-20)分")), "绩效指标");
	CHECK(vocab_match(vocab_block_labels, "绩效指标(说明)") == NULL);
	CHECK(vocab_match(vocab_block_labels, "绩效指标(分)") == NULL);
	CHECK_STR(word(vocab_match(t, "单位名称X")), "(none)");  /* neither */
	CHECK_STR(word(vocab_match(t, "资金用途")), "(none)");   /* prefix 2: a remark only */
	CHECK(vocab_match(t, "") == NULL);

	/* the labels of real 03 (Hunan) and 05 (Gansu) are the blocks they
	 * head: header pairs, labelled texts, money, goals, indicators */
	static const struct {
		const char *label;
		int kind;
	} want[] = {
	    {"主管部门编码", BLK_PINFO},       {"项目单位", BLK_PINFO},
	    {"组织实施单位", BLK_PINFO},       {"监督管理单位", BLK_PINFO},
	    {"立项情况", BLK_LTEXT},           {"项目立项的依据", BLK_LTEXT},
	    {"项目申报的可行性", BLK_LTEXT},   {"项目申报的必要性", BLK_LTEXT},
	    {"项目实施进度计划", BLK_LTEXT},   {"基本情况", BLK_LTEXT},
	    {"项目立项必要性", BLK_LTEXT},     {"保证项目实施的制度措施", BLK_LTEXT},
	    {"政策依据", BLK_LTEXT},           {"其他依据", BLK_LTEXT},
	    {"需要说明的其他问题", BLK_LTEXT}, {"资金总额及构成", BLK_FUNDS},
	    {"项目绩效目标", BLK_GOAL},        {"长期绩效指标", BLK_INDICATOR},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const vocab_word *v = vocab_match(vocab_block_labels, want[i].label);
		CHECK_STR(word(v), want[i].label);
		CHECK_INT(v ? v->kind : -1, want[i].kind);
	}
	/* money rows are words of their own, not block labels */
	CHECK_STR(word(vocab_match(vocab_funds_labels, "中央补助安排")), "中央补助安排");
	CHECK(vocab_match(vocab_block_labels, "中央补助安排") == NULL);
	T_END();
}
