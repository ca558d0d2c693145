/* SPDX-License-Identifier: MIT */
/* Unit tests for glued: a form glued onto one line cut at the vocabulary's
 * words (longest first, words of three characters or more), a title cell
 * ending after its word and remark, a line above a table kept with its
 * text, an indicator's name cut from its value at a comparator sign, value
 * cells fewer than the header's columns marked glued (`88100`), goal texts
 * fewer than their headers marked glued, a level name after a level-2 name
 * kept in the indicator's name; the sniffer's conditions; and the limit
 * GLUED_MAX_LINE (the rest of a longer line one piece). */
#include <stdlib.h>
#include <string.h>

#include "glued.h"
#include "t.h"
#include "util.h"

/* The pieces of line s joined by "|", a glued piece in brackets. */
static const char *cut(const char *s)
{
	static buf b;
	glued_out o = {0};
	buf_reset(&b);
	buf_adds(&b, "");
	glued_cut(s, strlen(s), &o);
	for (size_t i = 0; i < o.n; i++) {
		if (i)
			buf_addc(&b, '|');
		if (o.v[i].glued)
			buf_addc(&b, '[');
		buf_add(&b, s + o.v[i].off, o.v[i].len);
		if (o.v[i].glued)
			buf_addc(&b, ']');
	}
	if (o.longer)
		buf_adds(&b, " (longer)");
	glued_out_free(&o);
	return buf_str(&b);
}

/* s repeated until the line is at least GLUED_MIN_LINE bytes. */
static const char *padded(const char *s)
{
	static buf b;
	buf_reset(&b);
	buf_adds(&b, s);
	while (b.len < GLUED_MIN_LINE)
		buf_adds(&b, "一二三四五六七八九十");
	return buf_str(&b);
}

int main(void)
{
	/* labels, a title with its remark, a line above the table */
	CHECK_STR(cut("项目绩效目标表(2021年度)填报单位(盖章):"
	              "某镇人民政府项目名称道路建设项目属性新增项目"),
	          "项目绩效目标表(2021年度)|填报单位(盖章):某镇人民政府|项目名称|道路建设|项目属性|"
	          "新增项目");
	/* where words overlap, the one reaching further is cut: 资金用途 after
	 * the value's `项目`, not 项目资金; the title word 绩效目标表, not the
	 * label 项目绩效目标; the longest at one place still wins (二级项目名称,
	 * 组织实施单位 over 实施单位) */
	CHECK_STR(cut("项目分类其他项目资金用途业务类项目主管部门某局"),
	          "项目分类|其他项目|资金用途|业务类项目|主管部门|某局");
	CHECK_STR(cut("项目绩效目标表(2024年度)项目绩效目标年度目标完成维修"),
	          "项目绩效目标表(2024年度)|项目绩效目标|年度目标|完成维修");
	CHECK_STR(
	    cut("二级项目名称X项目实施计划组织实施单位某厅监督管理单位某局项目实施单位某馆"),
	    "二级项目名称|X|项目实施计划|组织实施单位|某厅|监督管理单位|某局|项目实施单位|某馆");
	/* project money rows (vocab_funds_labels) cut an amount from the next label */
	CHECK_STR(
	    cut("项目总投资20万元中央补助安排0省级财政安排0其他资金20万元预算申报数20万元"),
	    "项目总投资|20万元|中央补助安排|0|省级财政安排|0|其他资金|20万元|预算申报数|20万元");
	/* a year right after a title is the title's (`绩效目标表2023年度`) */
	CHECK_STR(cut("=99%省级项目支出绩效目标表2023年度项目名称X"),
	          "=99%省级项目支出绩效目标表2023年度|项目名称|X");
	CHECK_STR(cut("绩效目标表20231项目名称X"), "绩效目标表|20231|项目名称|X");
	/* a star inside a word is a mark: the word is still cut whole */
	CHECK_STR(cut("一*级项目名称文化专项二级项目名称博物馆"),
	          "一*级项目名称|文化专项|二级项目名称|博物馆");
	/* full-width forms fold: `（万元）` is a remark of the word */
	CHECK_STR(cut("项目资金（万元）120"), "项目资金（万元）|120");
	/* an indicator table: header, level names, names cut from values at a
	 * comparator sign before a number */
	CHECK_STR(
	    cut("一级指标二级指标三级指标指标值产出指标数量指标开放天数=300天质量指标完成率≥95%"),
	    "一级指标|二级指标|三级指标|指标值|产出指标|数量指标|开放天数|=300天|质量指标|完成率|"
	    "≥95%");
	/* a row with fewer value cells than the header's columns after the
	 * levels: glued, not guessed apart (`88100`: 88 and 100, or one) */
	CHECK_STR(
	    cut("一级指标二级指标指标内容指标值备注产出指标数量指标88100质量指标68100"),
	    "一级指标|二级指标|指标内容|指标值|备注|产出指标|数量指标|[88100]|质量指标|[68100]");
	/* a column vocab does not name counts (备注): three after the levels,
	 * so a name and a value (2 cells) are glued too */
	CHECK_STR(cut("一级指标二级指标指标内容指标值备注产出指标数量指标天数=3天"),
	          "一级指标|二级指标|指标内容|指标值|备注|产出指标|数量指标|[天数]|[=3天]");
	/* no comparator: a name and its value run together, glued */
	CHECK_STR(cut("一级指标二级指标三级指标指标值效益指标社会效益指标带动就业增加岗位"),
	          "一级指标|二级指标|三级指标|指标值|效益指标|社会效益指标|[带动就业增加岗位]");
	/* a level name right after a level-2 name is the indicator's name */
	CHECK_STR(
	    cut("一级指标二级指标三级指标指标值满意度指标服务对象满意度服务对象满意度%=99%"),
	    "一级指标|二级指标|三级指标|指标值|满意度指标|服务对象满意度|服务对象满意度%|=99%");
	/* ... and so is one after the start of a name, with a value after it;
	 * not one right after a cut (`数量指标88100`) or a value (`88100质量
	 * 指标68100`, above) */
	CHECK_STR(
	    cut("一级指标二级指标三级指标指标值满意度指标服务对象满意度指标沿线群众满意度≥90%"),
	    "一级指标|二级指标|三级指标|指标值|满意度指标|服务对象满意度指标|沿线群众满意度|"
	    "≥90%");
	/* 成本指标 then a level-2 name: both levels */
	CHECK_STR(cut("一级指标二级指标三级指标指标值成本指标经济成本指标资金使用率=100%"),
	          "一级指标|二级指标|三级指标|指标值|成本指标|经济成本指标|资金使用率|=100%");
	/* level names and comparators count only in an indicator table */
	CHECK_STR(cut("项目名称提高服务对象满意度=90"), "项目名称|提高服务对象满意度=90");
	/* a second table (年度 after 长期) starts again */
	CHECK_STR(
	    cut("一级指标二级指标指标值产出指标数量指标1年度绩效指标一级指标二级指标三级指标指标值"
	        "产出指标数量指标天数=3"),
	    "一级指标|二级指标|指标值|产出指标|数量指标|1|年度绩效指标|一级指标|二级指标|三级指"
	    "标|指标值|产出指标|数量指标|天数|=3");
	/* goal texts fewer than their columns' headers: glued */
	CHECK_STR(cut("绩效目标长期目标年度目标改善设施完成改造绩效指标"),
	          "绩效目标|长期目标|年度目标|[改善设施完成改造]|绩效指标");
	CHECK_STR(cut("绩效目标长期目标年度目标"), "绩效目标|长期目标|年度目标");
	/* two-character words are not cut at (指标, 名称, 资金) */
	CHECK_STR(cut("项目名称资金名称指标"), "项目名称|资金名称|指标");
	CHECK_STR(cut("名称指标资金"), "名称指标资金");

	/* the sniffer: long lines with few spaces, a title word, an
	 * indicator header word, a level name, GLUED_MIN_WORDS words */
	const char *form = "项目绩效目标表项目名称道路项目属性新增主管部门某局一级指标二级指标三级"
	                   "指标指标值产出指标数量指标天数=3";
	CHECK_INT(glued_text(padded(form), strlen(padded(form))), 1);
	CHECK_INT(glued_line(padded(form), strlen(padded(form))), 1);
	CHECK_INT(glued_text(form, strlen(form)), 0); /* shorter than GLUED_MIN_LINE */
	const char *notitle =
	    padded("项目名称道路项目属性新增主管部门某局一级指标二级指标三级指标指"
	           "标值产出指标数量指标天数=3");
	CHECK_INT(glued_text(notitle, strlen(notitle)), 0);
	const char *nolevel =
	    padded("项目绩效目标表项目名称道路项目属性新增主管部门某局一级指标二级"
	           "指标三级指标指标值");
	CHECK_INT(glued_text(nolevel, strlen(nolevel)), 0);
	/* a page's text with spaces between its cells is not glued */
	buf sp = {0};
	buf_adds(&sp, form);
	while (sp.len < GLUED_MIN_LINE)
		buf_adds(&sp, " 一 二 三");
	CHECK_INT(glued_text(buf_str(&sp), sp.len), 0);
	buf_free(&sp);
	/* words over several long lines count together; a line is cut when it
	 * holds GLUED_LINE_WORDS words */
	buf two = {0};
	buf_adds(&two, padded("项目绩效目标表项目名称道路项目属性新增"));
	buf_adds(&two, "\n");
	buf_adds(&two, padded("一级指标二级指标三级指标指标值产出指标数量指标天数=3"));
	CHECK_INT(glued_text(buf_str(&two), two.len), 1);
	buf_free(&two);
	CHECK_INT(glued_line(padded("项目名称道路"), strlen(padded("项目名称道路"))), 0);

	/* GLUED_MAX_LINE: the rest of a longer line is one piece */
	size_t big = GLUED_MAX_LINE + 100;
	char *l = malloc(big + 1);
	memset(l, 'x', big);
	memcpy(l, "项目名称", 12);
	memcpy(l + GLUED_MAX_LINE + 10, "项目名称", 12); /* past the limit: not cut */
	l[big] = 0;
	glued_out o = {0};
	glued_cut(l, big, &o);
	CHECK_INT(o.n, 3);
	CHECK_INT(o.longer, 1);
	CHECK_INT(o.v[1].off + o.v[1].len, GLUED_MAX_LINE);
	CHECK_INT(o.v[2].off, GLUED_MAX_LINE);
	CHECK_INT(o.v[2].len, 100);
	glued_out_free(&o);
	free(l);
	T_END();
}
