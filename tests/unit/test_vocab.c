/* SPDX-License-Identifier: MIT */
/* Unit tests for vocab_match: a whole-key entry first, else the longest
 * entry that prefixes the key (prefix 1) or is followed by one remark
 * (prefix 2), whatever the table's order; and the labels of real forms 03
 * and 05 (docs/real.md) as the blocks the form stage reads them in; the
 * year line under a title (vocab_year_line) and a form's name without its
 * 表 (vocab_title_ends, real 19). */
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

	/* year lines: bracketed 2, bare 1 (keys: blanks already removed) */
	char y[8] = "";
	CHECK_INT(vocab_year_line("(2021年度)", y), 2);
	CHECK_STR(y, "2021");
	CHECK_INT(vocab_year_line("(2019年)", y), 2);
	CHECK_STR(y, "2019");
	CHECK_INT(vocab_year_line("2022年度", y), 1);
	CHECK_STR(y, "2022");
	CHECK_INT(vocab_year_line("2017年度)", NULL), 1); /* its `(` lost by the page */
	CHECK_INT(vocab_year_line("(2021年度", NULL), 0);
	CHECK_INT(vocab_year_line("(2021年度)绩效自评", NULL), 0);
	CHECK_INT(vocab_year_line("(202年度)", NULL), 0);
	CHECK_INT(vocab_year_line("2021年12月", NULL), 0);
	CHECK_INT(vocab_year_line("", NULL), 0);
	/* a form's name without its 表: at the key's end only */
	CHECK_INT(vocab_ends_with(vocab_title_ends,
	                          "车辆购置税收入补助地方资金(普通省道公路建设)绩效目标自评"),
	          1);
	CHECK_INT(vocab_ends_with(vocab_title_ends, "项目支出绩效自评"), 1);
	CHECK_INT(vocab_ends_with(vocab_title_ends, "绩效自评情况"), 0);
	CHECK_INT(vocab_ends_with(vocab_title_ends, "自评"), 0);
	CHECK_INT(vocab_ends_with(vocab_title_ends, ""), 0);
	T_END();
}
