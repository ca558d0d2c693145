/* SPDX-License-Identifier: MIT */
/* Unit tests for sprow: lines cut into cells at the form's words (pieces
 * joined into a word, words and amounts as cells, the texts between words
 * one cell, every piece a cell in an indicator table, a group's heading a
 * row of its own), the shape told from the whole text, and the limits
 * (SPROW_MAX_PIECES, max_cells). */
#include <string.h>

#include "sprow.h"
#include "t.h"
#include "util.h"

/* The rows of text as cells joined by "|", rows by " / ". */
static const char *rows(const char *text, long max)
{
	static buf b;
	sprow_out o = {0};
	buf_reset(&b);
	buf_adds(&b, "");
	sprow_read(text, strlen(text), max, &o);
	int start = 1;
	for (size_t i = 0; i < o.n; i++) {
		const sprow_cell *c = &o.v[i];
		if (c->end) {
			buf_adds(&b, " / ");
			start = 1;
			continue;
		}
		if (!start)
			buf_addc(&b, '|');
		buf_add(&b, text + c->off, c->len);
		start = 0;
	}
	if (o.cut)
		buf_printf(&b, "cut at %ld", o.cut);
	if (o.longer)
		buf_printf(&b, "longer at %ld", o.longer);
	sprow_out_free(&o);
	return buf_str(&b);
}

int main(void)
{
	/* pieces that make a word together are one cell; amounts are cells */
	CHECK_STR(rows("合 计 130 300\n", 100), "合 计|130|300 / ");
	CHECK_STR(rows("项目资金 项 目 上年度安排资金 本年度申请资金\n", 100),
	          "项目资金|项 目|上年度安排资金|本年度申请资金 / ");
	/* a prefix word does not join what follows it */
	CHECK_STR(rows("项目负责人 黄黎明 联系电话 2293555\n", 100),
	          "项目负责人|黄黎明|联系电话|2293555 / ");
	/* the texts between words are one cell, spaces and all */
	CHECK_STR(rows("项目属性 新增项目□       延续项目R \n", 100),
	          "项目属性|新增项目□       延续项目R / ");
	/* a number alone inside a text stays in it; numbers side by side,
	 * or at the line's end, are amounts */
	CHECK_STR(rows("年度绩效目标 完成 12 个站点\n", 100), "年度绩效目标|完成 12 个站点 / ");
	CHECK_STR(rows("1、音响设备 15 36 12套×3万元\n", 100), "1、音响设备|15|36|12套×3万元 / ");
	/* a line without words is one cell */
	CHECK_STR(rows("来源:区发改局 2021-06-16 15:34\n", 100),
	          "来源:区发改局 2021-06-16 15:34 / ");
	/* a group's heading on its block's first line: a row of its own */
	CHECK_STR(rows("项目基本情况 项目名称 某项目\n", 100), "项目基本情况 / 项目名称|某项目 / ");
	/* in an indicator table every piece is a cell, until another block */
	CHECK_STR(
	    rows("绩效指标 一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 站点 数 12个\n"
	         "质量指标 合格 率 100%\n项目概况 a b c\n",
	         100),
	    "绩效指标|一级指标|二级指标|三级指标|指标值 / 产出指标|数量指标|站点|数|12个 / "
	    "质量指标|合格|率|100% / 项目概况|a b c / ");
	/* blank lines are no rows */
	CHECK_STR(rows("\n   \n项目名称 X\n", 100), "项目名称|X / ");

	/* the shape: three lines that start with a block label and go on, and
	 * a header row of column words */
	const char *form =
	    "项目名称 X\n项目属性 新增\n主管部门 某局\n项目资金 项 目 上年度安排资金 "
	    "本年度申请资金\n合 计 1 2\n";
	CHECK_INT(sprow_text(form, strlen(form)), 1);
	const char *nohead = "项目名称 X\n项目属性 新增\n主管部门 某局\n合 计 1 2\n";
	CHECK_INT(sprow_text(nohead, strlen(nohead)), 0);
	const char *twolab =
	    "项目名称 X\n项目属性 新增\n项目资金 项 目 上年度安排资金 本年度申请资金\n";
	CHECK_INT(sprow_text(twolab, strlen(twolab)), 1); /* 项目资金 goes on too */
	const char *alone =
	    "项目名称\nX\n项目属性\n新增\n主管部门\n某局\n上年度安排资金 本年度申请资金\n";
	CHECK_INT(sprow_text(alone, strlen(alone)), 0); /* labels alone on their lines */
	CHECK_INT(sprow_text("", 0), 0);

	/* max_cells: the cut line is reported */
	CHECK_STR(rows("项目名称 X\n项目属性 Y\n", 3), "项目名称|X / cut at 2");

	/* SPROW_MAX_PIECES: the rest of a longer line is its last piece */
	buf big = {0};
	buf_adds(&big, "项目名称");
	for (int i = 0; i < SPROW_MAX_PIECES + 10; i++)
		buf_adds(&big, " x");
	buf_addc(&big, '\n');
	sprow_out o = {0};
	sprow_read(big.s, big.len, 1000000, &o);
	CHECK_INT(o.longer, 1);
	CHECK_INT(o.n, 3); /* 项目名称, the rest as one text, the row end */
	CHECK_INT(o.v[1].off + o.v[1].len, big.len - 1);
	sprow_out_free(&o);
	buf_free(&big);
	T_END();
}
