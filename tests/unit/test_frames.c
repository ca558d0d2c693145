/* SPDX-License-Identifier: MIT */
/* Unit tests for frames.c (are framed lines rows?) and pairsplit.c (where
 * a glued label/value cell splits). */
#include <stdio.h>
#include <string.h>

#include "frames.h"
#include "pairsplit.h"
#include "t.h"

static int fnr(const char *s)
{
	return frames_not_rows(s, strlen(s));
}

/* The pieces of s, joined with " / ", or "-" when it is not split. */
static const char *pieces(const char *s)
{
	static char out[512];
	size_t cut[PAIRSPLIT_MAX_CUTS];
	int k = pairsplit_cuts(s, strlen(s), cut, PAIRSPLIT_MAX_CUTS);
	if (!k)
		return "-";
	size_t a = 0, o = 0;
	for (int j = 0; j <= k; j++) {
		size_t e = j < k ? cut[j] : strlen(s);
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s", j ? " / " : "",
		                      (int)(e - a), s + a);
		a = e;
	}
	return out;
}

int main(void)
{
	/* framed rows, a row a line: rows */
	CHECK_INT(fnr("| 项目名称 | X | 主管部门 | Y |\n"
	              "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
	              "| | 产出指标 | 数量指标 | 人数 | 10人 |\n"),
	          0);
	/* a two-row header, each row a line: rows */
	CHECK_INT(fnr("| 绩效指标 | 年度指标值 | 实际完成值 |\n"
	              "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 |\n"),
	          0);
	/* a header row and a data row on one line */
	CHECK_INT(fnr("| 一级指标 | 二级指标 | 三级指标 | 产出指标 | 数量指标 |\n"), 1);
	/* an extra column's name, then a level name */
	CHECK_INT(fnr("| *指标解释 | 备注 | 产出指标 | 数量指标 | 人数 |\n"), 1);
	/* another row's end before the level columns (real 15) */
	CHECK_INT(fnr("| — | 年度 总体 目标 | 预期目标 | 绩效指标 | 年度指标值 | 一级指标 |\n"), 1);
	/* the indicator label and header words before it are not another row */
	CHECK_INT(fnr("| 本年度绩效指标 | 一级指标 | 二级指标 |\n"), 0);
	/* a level name before the header words is a data row, not a header */
	CHECK_INT(fnr("| 产出指标 | 数量指标 | 人数 | 10人 |\n"), 0);
	/* a form's title, then a block label: the title row and the next row
	 * on one line */
	CHECK_INT(fnr("| 2025年项目支出绩效目标表 | 填报单位:某局 | 项目名称 | 测试 |\n"
	              "| 项目资金 | 年度资金总额 | 150000 |\n"),
	          1);
	/* the title alone on its line (padding after it), or beside a line
	 * above the table: rows */
	CHECK_INT(
	    fnr("| 2025年项目支出绩效目标表 | | | |\n| 项目名称 | 测试 | 主管部门 | 某局 |\n"), 0);
	CHECK_INT(fnr("| 2025年项目支出绩效目标表 | 单位:万元 |\n| 项目名称 | 测试 |\n"), 0);
	CHECK_INT(fnr(""), 0);

	/* glued label/value cells (real 19) */
	CHECK_STR(pieces("中央主管部门财政部"), "中央主管部门 / 财政部");
	CHECK_STR(pieces("地方主管部门阆中市交通运输局资金使用单位阆中市交通运输局"),
	          "地方主管部门 / 阆中市交通运输局 / 资金使用单位 / 阆中市交通运输局");
	CHECK_STR(pieces("转移支付(项目)名称车辆购置税收入补助地方资金"),
	          "转移支付(项目)名称 / 车辆购置税收入补助地方资金");
	/* a label alone, or a longer label of the vocabulary, is not split */
	CHECK_STR(pieces("主管部门"), "-");
	CHECK_STR(pieces("主管部门及代码"), "-");
	CHECK_STR(pieces("项目名称"), "-");
	/* `label:value` is the pair readers' */
	CHECK_STR(pieces("项目名称:道路养护"), "-");
	/* a rest that is itself a label is not a value */
	CHECK_STR(pieces("实施单位项目名称"), "-");
	/* a label not in the table is not guessed */
	CHECK_STR(pieces("财政部"), "-");
	/* a later label without a value stays in the value */
	CHECK_STR(pieces("主管部门某局实施单位"), "主管部门 / 某局实施单位");
	/* more pairs than the cap: the rest stays in the last piece */
	size_t cut[PAIRSPLIT_MAX_CUTS];
	const char *s = "中央主管部门甲地方主管部门乙";
	CHECK_INT(pairsplit_cuts(s, strlen(s), cut, 2), 1);
	CHECK_INT(pairsplit_cuts(s, strlen(s), cut, 3), 3);
	T_END();
}
