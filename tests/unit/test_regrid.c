/* SPDX-License-Identifier: MIT */
/* Unit tests for regrid: the shape told from the whole text (and a CSV, a
 * spreadsheet TSV or the seed's shape left to dsv), pipes and padding cut
 * into cells, rows rebuilt from one cell per line, and rows re-aligned by
 * their level names under an indicator header. */
#include <string.h>

#include "grid.h"
#include "regrid.h"
#include "t.h"
#include "util.h"

#define SNIFF(s) regrid_sniff(s, strlen(s))

/* The grid as rows of cells joined by "|", rows by " / "; a colspan's
 * copy (CELL_HSPAN) is written `^`, a rowspan's (CELL_VSPAN) `v`. */
static const char *dump(const grid *g)
{
	static buf b;
	buf_reset(&b);
	buf_adds(&b, "");
	for (int i = 0; i < g->n; i++) {
		if (i)
			buf_adds(&b, " / ");
		for (int j = 0; j < g->rows[i].n; j++)
			buf_printf(&b, "%s%s%s%s", j ? "|" : "", g->rows[i].cells[j].text,
			           g->rows[i].cells[j].flags & CELL_HSPAN ? "^" : "",
			           g->rows[i].cells[j].flags & CELL_VSPAN ? "v" : "");
	}
	return buf_str(&b);
}

static char warned[1024]; /* the last read's warnings, "LINE: msg" joined by "; " */

/* The grid regrid reads from s in shape (regrid_sniff's when -1). */
static const char *read_as(const char *s, int shape)
{
	grid *g = grid_new();
	warnings w = {0};
	regrid_read(s, strlen(s), shape < 0 ? regrid_sniff(s, strlen(s)) : shape, g, &w);
	static char out[4096];
	snprintf(out, sizeof out, "%s", dump(g));
	warned[0] = 0;
	for (size_t i = 0; i < w.n; i++)
		snprintf(warned + strlen(warned), sizeof warned - strlen(warned), "%s%ld: %s",
		         i ? "; " : "", w.v[i].line, w.v[i].msg);
	grid_free(g);
	warn_free(&w);
	return out;
}

static const char *read(const char *s)
{
	return read_as(s, -1);
}

int main(void)
{
	/* shapes */
	CHECK_INT(SNIFF("标题\n部门名称\n某局\n\n绩效指标\n一级指标\n"), REGRID_LINES);
	CHECK_INT(SNIFF("标题\n部门名称\n某局\n\n绩效指标\n"), REGRID_NONE); /* no anchor */
	/* no header word, but a form's title and labels each followed by its
	 * value on the next line: one cell per line */
	CHECK_INT(SNIFF("2025年项目支出绩效目标表\n项目名称\n测试\n主管部门\n某局\n"),
	          REGRID_LINES);
	CHECK_INT(SNIFF("项目名称\n测试\n主管部门\n某局\n"), REGRID_NONE); /* no title */
	CHECK_INT(SNIFF("2025年项目支出绩效目标表\n项目名称\n测试\n主管部门\n"),
	          REGRID_NONE); /* one label and its value only */
	CHECK_INT(SNIFF("2025年项目支出绩效目标表\n项目名称\n测试\n主管部门\n项目资金\n"),
	          REGRID_NONE); /* a label then a word: a list of words */
	CHECK_INT(SNIFF("2025年项目支出绩效目标表\n项目名称\n\n测试\n\n主管部门\n\n某局\n"),
	          REGRID_NONE); /* blank lines between every cell: no empty cell shown */
	/* the same space-aligned: a label's value is the next piece of its line */
	CHECK_INT(SNIFF("2025年项目支出绩效目标表\n项目名称  测试\n主管部门  某局\n"),
	          REGRID_SPACED);
	CHECK_STR(read("2025年项目支出绩效目标表\n项目名称  测试\n主管部门  某局\n"),
	          "2025年项目支出绩效目标表 / 项目名称|测试 / 主管部门|某局");
	CHECK_INT(SNIFF("2025年项目支出绩效目标表\n项目名称  项目资金\n主管部门  绩效指标\n"),
	          REGRID_NONE);
	CHECK_INT(SNIFF("标题 | ||||\n部门名称 | 某局 | |||\n"), REGRID_PIPES);
	CHECK_INT(SNIFF("部门名称\t某局\n基本支出\t1\t财政拨款\t2\n"), REGRID_COPY);
	CHECK_INT(SNIFF("a,b,c\nd,e,f\ng,\"h,i\",j\n"), REGRID_NONE); /* a CSV */
	CHECK_INT(SNIFF("a\tb\tc\nd\te\tf\n"), REGRID_NONE);          /* a spreadsheet TSV */
	CHECK_INT(SNIFF("基本信息\t<table><tr><td>x</td></tr></table>\tx\n"),
	          REGRID_NONE);                         /* seed */
	CHECK_INT(SNIFF("a\t\"b\nc\"\n"), REGRID_NONE); /* quoted: a spreadsheet's */
	/* space-aligned columns with an indicator header among the cells */
	CHECK_INT(SNIFF("标题\n一级指标  二级指标  指标值\n产出指标  数量指标  10\n"),
	          REGRID_SPACED);
	CHECK_INT(SNIFF("标题\n单位  数量\n甲  10\n"), REGRID_NONE); /* no anchor */
	/* cells separated by single spaces, rows lost: enough cells, and an
	 * indicator header among them */
	CHECK_INT(SNIFF("一级指标 二级指标 指标值\n产出指标 数量指标 10\n"), REGRID_NONE);
	CHECK_INT(
	    SNIFF("绩效指标 一级指标 二级指标 三级指标 指标值 产出指标 数量指标 人数 10 a b c d "
	          "e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9 10 11\n"),
	    REGRID_WORDS);
	CHECK_INT(SNIFF("a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9 10 "
	                "11 12 13 14 15\n"),
	          REGRID_NONE); /* no anchor */
	/* a row a line, cells separated by single spaces (sprow.h): lines that
	 * start with a block label and go on, and a header row of column words;
	 * read as a browser copy: a value over two lines joined, a 项目资金 row's
	 * label under the header's 项目 column, its empty cells at the end back */
	const char *sr = "项目名称 X\n项目属性 新增项目□ 延续项目R\n项目类型 A类 □\nB类 R\n"
	                 "项目资金情况 项目资金申请(万元) 项 目 上年度安排资金 本年度申请资金\n"
	                 "合 计 1 2\n其他资金\n";
	CHECK_INT(SNIFF(sr), REGRID_SPROW);
	CHECK_STR(read(sr), "项目名称|X / 项目属性|新增项目□ 延续项目R / 项目类型|A类 □\nB类 R / "
	                    "项目资金情况|项目资金申请(万元)|项 目|上年度安排资金|本年度申请资金 / "
	                    "||合 计|1|2 / ||其他资金||");
	/* the same words aligned by runs of spaces, no indicator header: not
	 * this shape (dsv) */
	CHECK_INT(SNIFF("项目名称  X\n项目属性  新增\n主管部门  某局\n项目资金  上年度安排资金  "
	                "本年度申请资金\n"),
	          REGRID_NONE);
	/* a whole form glued onto one long line (glued.h): cut at its words,
	 * rows rebuilt as for one cell per line; a row whose values are fewer
	 * than the header's columns after the levels is glued: a row of its
	 * own past the table's columns, with a warning */
	const char *gl =
	    "页首\n项目支出绩效目标表项目名称道路养护工程项目属性延续项目主管部门某局"
	    "年度绩效目标完成道路养护任务绩效指标一级指标二级指标三级指标指标值"
	    "产出指标数量指标养护里程≥120公里质量指标路面完好率≥85%效益指标社会效益指标"
	    "群众出行条件改善\n";
	CHECK_INT(SNIFF(gl), REGRID_GLUED);
	CHECK_STR(read(gl),
	          "页首 / 项目支出绩效目标表 / 项目名称|道路养护工程|项目属性|延续项目|"
	          "主管部门|某局 / 年度绩效目标 / |完成道路养护任务 / 绩效指标|一级指标|二级指标|"
	          "三级指标|指标值 / |产出指标|数量指标|养护里程|≥120公里 / ||质量指标|"
	          "路面完好率|≥85% / |效益指标|社会效益指标 / |||||群众出行条件改善");
	CHECK(strstr(warned,
	             "2: glued cells not split (their text goes to extra): 群众出行条件改善"));

	/* pipes: padding dropped, ` |` lines are cells of one row */
	CHECK_STR(read("部门名称 | 某局 | |||\n预算部门 |\n某局 |\n|\n||\n"),
	          "部门名称|某局 / 预算部门|某局|");

	/* pipes, a cell a line: rows end at the table's width in pipes, found
	 * from the rows' padding (`|||`); a full row (no padding) ends there too */
	CHECK_STR(
	    read("|\n项目名称 |\n某项目 |\n|||\n|\n绩效指标 |\n一级指标 |\n二级指标 |\n三级指标 |\n"
	         "指标值 |\n|\n产出指标 |\n数量指标 |\n人数 |\n1 |\n|\n|\n质量指标 |\n合格率 |\n"
	         "100% |\n||\n|\n备注 |\n无 |\n|||\n"),
	    "项目名称|某项目 / 绩效指标|一级指标|二级指标|三级指标|指标值 / "
	    "|产出指标|数量指标|人数|1| / ||质量指标|合格率|100% / 备注|无");
	/* pipes, a row a line: a row broken over two lines is one row */
	CHECK_STR(read("某某项目绩效目标表 | ||||\n项目名称 |\n某项目 | 预算 | 9 | ||\n"),
	          "某某项目绩效目标表 / 项目名称|某项目|预算|9");
	/* pipes: a line break inside a cell (the line leaves its cell open, with
	 * no pipe after it) and a label cut at a row's start are one cell */
	CHECK_STR(
	    read("年度重点工作任务 | 名称 | 主要实施内容 | 拟投入的资金 | 期望达到的目标 |\n"
	         "任务1:会议 | 召开会议、\n食宿\n交通 | 110 | 完成 | |\n"
	         "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
	         "效益指标 | 社会效益 指标 | 满意 | 有效 |\n生态效益\n指标 | 绿化 | 好 | ||\n"),
	    "年度重点工作任务|名称|主要实施内容|拟投入的资金|期望达到的目标 / "
	    "|任务1:会议|召开会议、\n食宿\n交通|110|完成 / "
	    "绩效指标|一级指标|二级指标|三级指标|指标值 / |效益指标|社会效益 指标|满意|有效 / "
	    "||生态效益\n指标|绿化|好");
	/* pipes, two forms of different widths: a title row spans its table,
	 * so its pipes give the width of the rows after it */
	CHECK_STR(
	    read("甲项目绩效目标表 | |||\n项目名称 | 甲 | 主管部门 | 某局 |\n"
	         "乙项目绩效目标表 | ||\n项目名称 | 乙 | 预算 |\n主管部门 | 某局 | 1 |\n"),
	    "甲项目绩效目标表 / 项目名称|甲|主管部门|某局 / 乙项目绩效目标表 / 项目名称|乙|预算 / "
	    "主管部门|某局|1");
	/* cells followed by ` |`: a label cut by a line break is one cell again
	 * (the pipe between its parts left out) */
	CHECK_STR(read("部门名称 |\n某局 |\n年度预算申请 |\n(万元) |\n资金总额:300 |\n绩效指标 |\n"
	               "一级指标 |\n"),
	          "部门名称|某局 / 年度预算申请\n(万元)|资金总额:300 / 绩效指标|一级指标");
	/* pipes framing each line: a line is a row */
	CHECK_STR(read("| 项目名称 | 某项目 |\n| 主管部门 | 某局 |\n"),
	          "项目名称|某项目 / 主管部门|某局");

	/* one cell per line: rows rebuilt, levels filled by empty cells */
	CHECK_STR(read("绩效指标\n一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n人数\n"
	               "≥10人\n次数\n≥4次\n质量指标\n合格率\n100%\n"),
	          "绩效指标|一级指标|二级指标|三级指标|指标值 / |产出指标|数量指标|人数|≥10人 / "
	          "|||次数|≥4次 / ||质量指标|合格率|100%");
	/* a row that lost a cell does not derail the next: the level name
	 * starts its row again */
	CHECK_STR(read("绩效指标\n一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n人数\n"
	               "质量指标\n合格率\n100%\n"),
	          "绩效指标|一级指标|二级指标|三级指标|指标值 / |产出指标|数量指标|人数 / "
	          "||质量指标|合格率|100%");
	/* browser copy: rows kept, a continuation row re-aligned; 成本指标 is a
	 * level 2 unless a level 2 follows it */
	CHECK_STR(
	    read("绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t人数\t1\n"
	         "成本指标\t支出\t≤5万元\n成本指标\t经济成本指标\t支出\t≤5万元\n"),
	    "绩效指标|一级指标|二级指标|三级指标|指标值 / |产出指标|数量指标|人数|1 / "
	    "||成本指标|支出|≤5万元 / |成本指标|经济成本指标|支出|≤5万元");
	/* rows that kept an empty label cell but lost their level cells, or
	 * gained empty cells, are placed by their level names too */
	CHECK_STR(
	    read("绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t人数\t1\n"
	         "\t质量指标\t合格率\t100%\n\t\t\t\t效益指标\t社会效益指标\t满意\t有效\n"),
	    "绩效指标|一级指标|二级指标|三级指标|指标值 / |产出指标|数量指标|人数|1 / "
	    "||质量指标|合格率|100% / |效益指标|社会效益指标|满意|有效");
	/* 收入构成 / 支出构成 tables (family B) head their own columns: a title
	 * alone on a line anchors one cell per line, a title among a line's
	 * cells space-aligned text (docs/regrid.md section 1) */
	CHECK_INT(SNIFF("标题\n部门总体资金情况\n收入构成\n当年金额\n财政拨款\n1\n"), REGRID_LINES);
	CHECK_INT(SNIFF("标题\n部门总体资金情况  收入构成  当年金额\n  财政拨款  1\n"),
	          REGRID_SPACED);
	CHECK_INT(SNIFF("标题\n部门总体资金情况\n按收入性质分\n财政拨款\n1\n"),
	          REGRID_NONE); /* a budget group of pairs is no anchor */
	/* one cell per line: two such tables side by side; the header row (both
	 * titles and their columns) gives the data rows' width */
	CHECK_STR(
	    read("部门总体资金情况(万元)\n收入构成\n当年金额\n占比\n支出构成\n当年金额\n占比\n"
	         "财政拨款\n9\n90%\n基本支出\n8\n80%\n合计\n10\n100%\n合计\n10\n100%\n"
	         "部门职能职责概述\n管理\n"),
	    "部门总体资金情况(万元)|收入构成|当年金额|占比|支出构成|当年金额|占比 / "
	    "|财政拨款|9|90%|基本支出|8|80% / |合计|10|100%|合计|10|100% / 部门职能职责概述|管理");
	/* columns vocab does not name (`近两年收支金额`) stay in such a header: it
	 * ends at the first cell that starts a row (a budget label, 合计, a
	 * number, an empty cell) */
	CHECK_STR(
	    read("部门总体资金情况\n收入构成\n当年金额\n近两年收支金额\n占比\n其他资金\n1\n2\n"
	         "10%\n\n合计\n10\n20\n100%\n"),
	    "部门总体资金情况|收入构成|当年金额|近两年收支金额|占比 / |其他资金|1|2|10% / "
	    "|合计|10|20|100%");
	CHECK_STR(
	    read("部门总体资金情况\n收入构成\n当年金额\n近两年收支金额\n支出构成\n当年金额\n"
	         "近两年收支金额\n财政拨款\n1\n2\n基本支出\n3\n4\n部门名称\n某局\n"),
	    "部门总体资金情况|收入构成|当年金额|近两年收支金额|支出构成|当年金额|近两年收支金额 / "
	    "|财政拨款|1|2|基本支出|3|4 / 部门名称|某局"); /* side by side, real 20's column */
	CHECK_STR(read("部门总体资金情况\n收入构成\nc1\nc2\n\n甲\n1\n2\n部门名称\n某局\n"),
	          "部门总体资金情况|收入构成|c1|c2 / |甲|1|2 / 部门名称|某局");
	CHECK_STR(read("收入构成\n当年金额\n近两年收支金额\n其他资金\n1\n2\n合计\n1\n2\n"),
	          "收入构成|当年金额|近两年收支金额 / 其他资金|1|2 / 合计|1|2"); /* no label */
	/* one cell per line: a task table whose first column vocab does not name
	 * (序号) and whose names have no `任务N:`: the header row ends where no
	 * header word follows, and gives the rows' width */
	CHECK_STR(
	    read("年度重点工作任务\n序号\n任务名称\n主要实施内容\n拟投入的资金\n期望达到的目标\n"
	         "1\n日常办公\n保障办公\n20\n正常运转\n2\n专项工作\n专项内容\n5\n完成\n"
	         "绩效指标\n一级指标\n"),
	    "年度重点工作任务|序号|任务名称|主要实施内容|拟投入的资金|期望达到的目标 / "
	    "|1|日常办公|保障办公|20|正常运转 / |2|专项工作|专项内容|5|完成 / 绩效指标|一级指标");
	/* space-aligned: two task rows under their header, each as many cells
	 * as the row above, are two rows, not one task's text wrapped */
	CHECK_STR(
	    read("年度重点工作任务  名称      主要实施内容  拟投入的资金  期望达到的目标\n"
	         "                  甲        办公          20            运转\n"
	         "                  乙        专项          5             完成\n"
	         "绩效指标          一级指标  二级指标      三级指标      指标值\n"),
	    "年度重点工作任务|名称|主要实施内容|拟投入的资金|期望达到的目标 / |甲|办公|20|运转 / "
	    "|乙|专项|5|完成 / 绩效指标|一级指标|二级指标|三级指标|指标值");
	/* an indicator table without a header row has the default columns: a
	 * row that starts with a level-2 name lost its level-1 cell too */
	CHECK_STR(read("标题 | ||||\n绩效指标 | 产出指标 | 数量指标 | 办件数 | ≥100件 |\n"
	               " |  | 质量指标 | 准确率 | 100% |\n"),
	          "标题 / 绩效指标|产出指标|数量指标|办件数|≥100件 / ||质量指标|准确率|100%");
	/* prose indicators (a level name, a colon, its sentence) end a row; a
	 * level name goes on in the row before it, and such a cell is not glued */
	CHECK_STR(read_as("年度绩效指标\n产出指标\n数量指标:保障1200人就学\n时效指标:年底前完成\n"
	                  "效益指标\n服务对象满意度指标:满意度90%以上\n部门名称\n",
	                  REGRID_LINES),
	          "年度绩效指标 / |产出指标|数量指标:保障1200人就学 / |时效指标:年底前完成 / "
	          "|效益指标|服务对象满意度指标:满意度90%以上 / 部门名称");
	CHECK_STR(warned, "");
	/* one cell per line: a task cell or goal cells over several lines are
	 * put back in their columns by the amount and by the goal markers;
	 * goal lines whose markers do not say their column go past the header's
	 * columns (the goal reader takes them for annual goals), with a warning */
	CHECK_STR(
	    read("年度重点工作任务\n名称\n主要实施内容\n拟投入的资金\n期望达到的目标\n任务1:会议\n"
	         "召开会议、\n食宿交通\n110\n完成\n任务2:培训\n办班\n5\n结业\n绩效指标\n"),
	    "年度重点工作任务|名称|主要实施内容|拟投入的资金|期望达到的目标 / "
	    "|任务1:会议|召开会议、\n食宿交通|110|完成 / |任务2:培训|办班|5|结业 / 绩效指标");
	CHECK_STR(
	    read("总体目标\n年度目标\n实施期目标\n目标1:修路\n目标2:养护\n建立长效机制\n绩效指标\n"
	         "一级指标\n"),
	    "总体目标|年度目标|实施期目标 / |目标1:修路\n目标2:养护|建立长效机制 / "
	    "绩效指标|一级指标");
	CHECK_STR(warned, "");
	CHECK_STR(
	    read("总体目标\n年度目标\n实施期目标\n(1)修路;\n（2）养护。\n1.建立机制\n2、长效养护\n"
	         "绩效指标\n一级指标\n"),
	    "总体目标|年度目标|实施期目标 / |(1)修路;\n（2）养护。|1.建立机制\n2、长效养护 / "
	    "绩效指标|一级指标");
	CHECK_STR(
	    read("总体目标\n年度目标\n实施期目标\n修路\n养护\n建立长效机制\n绩效指标\n一级指标\n"),
	    "总体目标|年度目标|实施期目标 / |||修路|养护|建立长效机制 / 绩效指标|一级指标");
	CHECK_STR(warned,
	          "4: 3 goal lines under 2 goal columns, and no markers to say which column "
	          "each is in: all read as annual goals (年度目标)");
	/* the limit of fit_goal (docs/limits.md): goal lines without markers
	 * start a column each, counted up to 64; a row of more is left as it
	 * is, past the header's columns, with the same warning */
	{
		buf gb = {0};
		buf_adds(&gb, "总体目标\n年度目标\n实施期目标\n");
		for (int i = 0; i < 100; i++)
			buf_printf(&gb, "修路%d\n", i);
		buf_adds(&gb, "绩效指标\n一级指标\n");
		const char *got = read(buf_str(&gb));
		const char *head = "总体目标|年度目标|实施期目标 / |||修路0|修路1|";
		CHECK(strncmp(got, head, strlen(head)) == 0);
		CHECK(strstr(got, "|修路99 / 绩效指标|一级指标") != NULL);
		CHECK_STR(warned,
		          "4: 100 goal lines under 2 goal columns, and no markers to say which "
		          "column each is in: all read as annual goals (年度目标)");
		buf_free(&gb);
	}
	/* browser copy: a line break inside a goal or task cell, or inside a
	 * label, goes on with the row before */
	CHECK_STR(read("总体绩效目标\t目标1:修路\n目标2:"
	               "养护\n年度重点工作任务\t名称\t主要实施内容\t拟投入的资金\t"
	               "期望达到的目标\n任务1:"
	               "会议\t召开会议、\n食宿交通\t110\t完成\n绩效指标\t一级指标\t二级指标\t"
	               "三级指标\t指标值\n效益指标\t生态效益\n指标\t绿化\t好\n"),
	          "总体绩效目标|目标1:修路\n目标2:养护 / "
	          "年度重点工作任务|名称|主要实施内容|拟投入的资金|期望达到的目标 / "
	          "|任务1:会议|召开会议、\n食宿交通|110|完成 / "
	          "绩效指标|一级指标|二级指标|三级指标|指标值 / "
	          "|效益指标|生态效益\n指标|绿化|好");
	/* 项目资金: a row of a label and an amount (or none) lost its label
	 * cell; a row of text after it is a label of its own */
	CHECK_STR(
	    read("项目资金\t年度资金总额\t100\n其中:财政拨款\t90\n其他资金\n立项依据\t某文件\n"),
	    "项目资金|年度资金总额|100 / |其中:财政拨款|90 / |其他资金 / 立项依据|某文件");
	/* 备注 after header words is a header column; a level with its score
	 * band (数量指标10分) is a level, not glued */
	CHECK_STR(
	    read("绩效指标\n一级指标\n二级指标\n三级指标\n指标值\n备注\n产出指标\n数量指标10分\n"
	         "人数\n1\n\n"),
	    "绩效指标|一级指标|二级指标|三级指标|指标值|备注 / |产出指标|数量指标10分|人数|1|");
	CHECK_STR(warned, "");
	/* a note under the table ends it: not an indicator row */
	CHECK_STR(
	    read("绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t人数\t1\n"
	         "备注\t无\n"),
	    "绩效指标|一级指标|二级指标|三级指标|指标值 / |产出指标|数量指标|人数|1 / 备注|无");
	/* a label cut by a line break is one cell again; a remark joins its label */
	CHECK_STR(
	    read("绩效指标\n一级\n指标\n二级指标\n三级指标\n指标值\n产出指标\n数量\n指标\n人数\n"
	         "1\n"),
	    "绩效指标|一级\n指标|二级指标|三级指标|指标值 / |产出指标|数量\n指标|人数|1");
	/* a table without level columns: its header ends where the data starts,
	 * columns vocab does not name (指标权重) kept in it */
	CHECK_STR(read("绩效指标 |\n指标 |\n指标权重 |\n计量单位 |\n指标性质 |\n指标值 |\n发放人数 "
	               "|\n20 |\n"
	               "人 |\n≥ |\n80 |\n保障收入 |\n20 |\n|\n定性 |\n|\n"),
	          "绩效指标|指标|指标权重|计量单位|指标性质|指标值 / |发放人数|20|人|≥|80 / "
	          "|保障收入|20||定性|");
	/* the same as one cell per line, a data row's empty label cell written
	 * as a blank line: the header still ends before it */
	CHECK_STR(read("绩效指标\n指标\n指标权重\n指标值\n\n发放人数\n20\n≥80人\n\n保障收入\n10\n"
	               "有效\n"),
	          "绩效指标|指标|指标权重|指标值 / |发放人数|20|≥80人 / |保障收入|10|有效");
	/* a task table without a header row (the default order: name,
	 * content, amount, target): a row ends with the cell after its amount,
	 * a name without a 任务N: prefix included */
	CHECK_STR(
	    read("2025年部门整体支出绩效目标表\n部门名称\n某局\n年度重点工作任务\n任务一:办公\n"
	         "保障办公\n20\n正常运转\n\n任务12项工作\n其他\n0\n完成\n绩效指标\n"),
	    "2025年部门整体支出绩效目标表 / 部门名称|某局 / 年度重点工作任务 / "
	    "|任务一:办公|保障办公|20|正常运转 / |任务12项工作|其他|0|完成 / 绩效指标");
	/* budget groups listed one after the other (按收入性质分's items, then
	 * 按支出性质分's): each group word and each item a row, as one cell per
	 * line and as pipes; listed row by row, a header row of two columns */
	CHECK_STR(
	    read("2019年部门整体支出绩效目标申报表\n部门名称\n某馆\n年度预算申请\n资金总额:300\n"
	         "按收入性质分\n按支出性质分\n财政拨款:280\n其他收入:20\n人员经费:150\n"
	         "项目支出:100\n部门职能职责概述\n管理\n"),
	    "2019年部门整体支出绩效目标申报表 / 部门名称|某馆 / 年度预算申请|资金总额:300 / "
	    "|按收入性质分 / |按支出性质分 / |财政拨款:280 / |其他收入:20 / |人员经费:150 / "
	    "|项目支出:100 / 部门职能职责概述|管理");
	CHECK_STR(
	    read("年度预算申请 |\n资金总额:300 |\n按收入性质分 |\n按支出性质分 |\n财政拨款:280 |\n"
	         "其他收入:20 |\n人员经费:150 |\n项目支出:100 |\n部门职能职责概述 |\n"),
	    "年度预算申请|资金总额:300 / |按收入性质分 / |按支出性质分 / |财政拨款:280 / "
	    "|其他收入:20 / |人员经费:150 / |项目支出:100 / 部门职能职责概述");
	CHECK_STR(
	    read("2019年部门整体支出绩效目标申报表\n部门名称\n某馆\n年度预算申请\n资金总额:300\n"
	         "按收入性质分\n按支出性质分\n财政拨款:280\n人员经费:150\n其他收入:20\n"
	         "项目支出:100\n部门职能职责概述\n管理\n"),
	    "2019年部门整体支出绩效目标申报表 / 部门名称|某馆 / 年度预算申请|资金总额:300 / "
	    "|按收入性质分|按支出性质分 / |财政拨款:280|人员经费:150 / |其他收入:20|项目支出:100 / "
	    "部门职能职责概述|管理");
	/* a caption before the next form's title is not a row of the table */
	CHECK_STR(read("绩效指标 |\n指标 |\n指标值 |\n发放人数 |\n80 |\n表十二 |\n|\n"
	               "2023年项目绩效目标表 |\n"),
	          "绩效指标|指标|指标值 / |发放人数|80 / 表十二| / 2023年项目绩效目标表");
	/* a block label alone on its row, then a header row without a label
	 * column: the label spans the table (colspan copies, as in the form's
	 * grid), so that a row's empty first cell stays the level-1 column */
	CHECK_STR(read("绩效指标 | |||\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
	               "产出指标 | 数量指标 | 人数 | 1 |\n质量指标 | 合格率 | 100% | |\n"),
	          "绩效指标|^|^|^ / 一级指标|二级指标|三级指标|指标值 / 产出指标|数量指标|人数|1 / "
	          "|质量指标|合格率|100%");
	CHECK_STR(
	    read("绩效指标\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t人数\t1\n"
	         "质量指标\t合格率\t100%\n"),
	    "绩效指标|^|^|^ / 一级指标|二级指标|三级指标|指标值 / 产出指标|数量指标|人数|1 / "
	    "|质量指标|合格率|100%");
	/* 备注 after a column vocab does not name (评(扣)分标准) is still a column
	 * of the header, which has not reached its data rows */
	CHECK_STR(
	    read("绩效指标\n一级指标\n二级指标\n三级指标\n指标值\n评(扣)分标准\n备注\n产出指标\n"
	         "数量指标\n人数\n1\n好\n\n质量指标\n合格率\n100%\n好\n\n"),
	    "绩效指标|一级指标|二级指标|三级指标|指标值|评(扣)分标准|备注 / "
	    "|产出指标|数量指标|人数|1|好| / ||质量指标|合格率|100%|好|");
	/* a line above the table (预算单位:X, 单位:万元) is a row of its own */
	CHECK_STR(
	    read("某项目绩效目标批复表\n(2019年度)\n预算单位:某局\n单位:万元\n项目名称\n某项目\n"
	         "绩效指标\n一级指标\n二级指标\n"),
	    "某项目绩效目标批复表 / (2019年度) / 预算单位:某局 / 单位:万元 / 项目名称|某项目 / "
	    "绩效指标|一级指标|二级指标");
	/* a multi-project table: its header row of project columns and
	 * indicator columns (权重 too) is one row; a row is placed by its first
	 * level name, the project's cells (on its first row only) before it */
	CHECK_STR(
	    read("2023年项目支出绩效目标表\n单位名称\n项目名称\n预算数(万元)\n一级指标\n二级指标\n"
	         "三级指标\n指标值\n权重\n某局\n甲项目\n12\n产出指标\n数量指标\n人数\n80人\n30\n"
	         "时效指标\n及时率\n100%\n30\n乙项目\n45\n效益指标\n社会效益指标\n条件\n改善\n"
	         "40\n"),
	    "2023年项目支出绩效目标表 / "
	    "单位名称|项目名称|预算数(万元)|一级指标|二级指标|三级指标|指标值|权重 / "
	    "某局|甲项目|12|产出指标|数量指标|人数|80人|30 / ||||时效指标|及时率|100%|30 / "
	    "|乙项目|45|效益指标|社会效益指标|条件|改善|40");
	CHECK_STR(
	    read("单位名称 | 项目名称 | 预算数(万元) | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
	         "某局 | 甲项目 | 12 | 产出指标 | 数量指标 | 人数 | 80人 |\n"
	         "时效指标 | 及时率 | 100% | ||||\n乙项目 | 45 | 效益指标 | 社会效益指标 | 条件 | "
	         "改善 | |\n"),
	    "单位名称|项目名称|预算数(万元)|一级指标|二级指标|三级指标|指标值 / "
	    "某局|甲项目|12|产出指标|数量指标|人数|80人 / ||||时效指标|及时率|100% / "
	    "|乙项目|45|效益指标|社会效益指标|条件|改善");
	/* a label/value row that starts with 单位名称 is not a multi-project header */
	CHECK_STR(read("单位名称\n某局\n项目名称\n某项目\n绩效指标\n一级指标\n"),
	          "单位名称|某局 / 项目名称|某项目 / 绩效指标|一级指标");
	/* limit: a multi-project header row holds at most REGRID_MULTI_HEADS
	 * (64) cells; the next header word starts a row of its own */
	{
		static char big[4096];
		strcpy(big, "单位名称\n项目名称\n");
		for (int i = 0; i < 63; i++)
			strcat(big, i % 2 ? "二级指标\n" : "一级指标\n");
		const char *got = read(strcat(big, "某局\n"));
		const char *end = strstr(got, " / ");
		int bars = 0;
		for (const char *p = got; end && p < end; p++)
			bars += *p == '|';
		CHECK_INT(bars, 63);
		CHECK_STR(end ? end : "", " / 一级指标|某局");
	}
	/* a goal header row written before the row of its label */
	CHECK_STR(read("中期目标 | 年度目标 | ||\n总体目标 | 三年内完成 | 当年完成 |\n"),
	          "总体目标|中期目标|年度目标 / |三年内完成|当年完成");
	/* glued cells are not split: a row of their own, past the table's
	 * columns (the readers send it to extra), with a warning; the table goes
	 * on after it */
	CHECK_STR(
	    read("绩效指标\n一级指标\n二级指标\n三级指标\n指标值\n数量指标建设公路32.1公里2020\n"
	         "产出指标\n数量指标\n人数\n1\n"),
	    "绩效指标|一级指标|二级指标|三级指标|指标值 / |||||数量指标建设公路32.1公里2020 / "
	    "|产出指标|数量指标|人数|1");
	CHECK_STR(
	    warned,
	    "6: glued cells not split (their text goes to extra): 数量指标建设公路32.1公里2020");
	read("项目资金\n年度资金总额:40004000100%\n一级指标\n");
	CHECK_STR(warned,
	          "2: glued cells not split (their text goes to extra): 年度资金总额:40004000100%");
	/* a self-evaluation's score pair glued to the indicator's name (分值 and
	 * 得分 equal: one number written twice) */
	CHECK_STR(read("绩效指标\n一级指标\n二级指标\n三级指标\n分值\n得分\n效益指标\n"
	               "社会效益指标\n基本公共服务水平1010\n\n\n"),
	          "绩效指标|一级指标|二级指标|三级指标|分值|得分 / |效益指标|社会效益指标 / "
	          "||||||基本公共服务水平1010");
	CHECK_STR(warned,
	          "9: glued cells not split (their text goes to extra): 基本公共服务水平1010");
	/* not score pairs: a year alone, after ASCII, two different numbers, a
	 * run too short or too long */
	read("绩效指标\n一级指标\n2020\nG2020\n村容村貌3028\n人数11\n编号1234512345\n");
	CHECK_STR(warned, "");
	read("项目资金\n全年预算数(A)全年执行数(B)预算执行率(B/A)\n一级指标\n");
	CHECK_STR(warned, "2: glued cells not split (their text goes to extra): "
	                  "全年预算数(A)全年执行数(B)预算执行率(B/A)");
	read("年度重点工作任务\n名称\n任务1:服务站\n镇(街道)、村(社区)服务站运行经费\n");
	CHECK_STR(warned, ""); /* remarks that are not column letters */
	read("项目资金\n索引号\n11511181008798440B/2022-00034\n一级指标\n");
	CHECK_STR(warned, ""); /* an identifier's digits are not glued numbers */
	/* space-aligned: columns from the cells' starts; a level-2 row without
	 * its level-1 cell gets an empty one; a wrapped label (`社会效益` over
	 * `指标`) is one cell again, its lines run together (the break is the
	 * layout's, not the cell's); a row of a label alone under a label is a
	 * row of its own (`市级资金`) */
	CHECK_STR(read("绩效指标  一级指标  二级指标      三级指标  指标值\n"
	               "          产出指标  数量指标      人数      10\n"
	               "                    质量指标      合格率    100%\n"
	               "          效益指标  社会效益      知晓率    90%\n"
	               "                    指标\n"),
	          "绩效指标|一级指标|二级指标|三级指标|指标值 / |产出指标|数量指标|人数|10 / "
	          "||质量指标|合格率|100% / |效益指标|社会效益指标|知晓率|90%");
	/* a wrapped name (`沿线群众满意` over `度`) beside a wrapped label is
	 * one text too; Latin words keep their line break */
	CHECK_STR(read("绩效指标  一级指标    二级指标      三级指标      指标值\n"
	               "          满意度指标  服务对象满    沿线群众满意  ≥90%\n"
	               "                      意度指标      度\n"
	               "          效益指标    社会效益      PM2.5 annual  10\n"
	               "                      指标          mean\n"),
	          "绩效指标|一级指标|二级指标|三级指标|指标值 / "
	          "|满意度指标|服务对象满意度指标|沿线群众满意度|≥90% / "
	          "|效益指标|社会效益指标|PM2.5 annual\nmean|10");
	/* an indicator header in two rows, with rows shown or not: the upper
	 * row's word that names a lower column again stands over it, the
	 * label's copies over the other lower columns; the upper row's own
	 * columns come after, with row-span copies under them */
	CHECK_STR(read("绩效指标\n年度指标值\n实际完成值\n分值\n一级指标\n二级指标\n三级指标\n"
	               "指标性质\n指标值\n度量单位\n产出指标\n数量指标\n人数\n≥\n10\n人\n9\n20\n"),
	          "绩效指标|^|^|^|^|年度指标值|^|实际完成值|分值 / "
	          "v|一级指标|二级指标|三级指标|指标性质|指标值|度量单位|v|v / "
	          "|产出指标|数量指标|人数|≥|10|人|9|20");
	CHECK_STR(read("绩效指标\t年度指标值\t实际完成值\t分值\n"
	               "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\n"
	               "\t产出指标\t数量指标\t人数\t≥\t10\t人\t9\t20\n"),
	          "绩效指标|^|^|^|^|年度指标值|^|实际完成值|分值 / "
	          "v|一级指标|二级指标|三级指标|指标性质|指标值|度量单位|v|v / "
	          "|产出指标|数量指标|人数|≥|10|人|9|20");
	CHECK_STR(read("项目资金  项目      上年度安排资金  本年度申请资金\n"
	               "          区级资金  130             300\n"
	               "          市级资金\n"
	               "一级指标  二级指标\n"),
	          "项目资金|项目|上年度安排资金|本年度申请资金 / |区级资金|130|300 / "
	          "|市级资金|| / 一级指标|二级指标||"); /* as wide as its table */
	/* a wrapped task content is joined in its task row */
	CHECK_STR(
	    read("年度重点工作任务  名称        主要实施内容  拟投入的资金\n"
	         "                  任务1:会议  召开会议、    10\n"
	         "                              伙食费\n"
	         "一级指标  二级指标\n"),
	    "年度重点工作任务|名称|主要实施内容|拟投入的资金 / |任务1:会议|召开会议、\n伙食费|10 / "
	    "一级指标|二级指标");
	/* cells separated by single spaces: rebuilt as one cell per line is */
	CHECK_STR(
	    read("某表 绩效指标 一级指标 二级指标 三级指标 指标值 产出指标 数量指标 人数 10 "
	         "质量指标 "
	         "合格率 100% 效益指标 社会效益指标 知晓率 90% a b c d e f g h i j k l m n o p "
	         "q r s t u v w\n"),
	    "某表 / 绩效指标|一级指标|二级指标|三级指标|指标值 / |产出指标|数量指标|人数|10 / "
	    "||质量指标|合格率|100% / |效益指标|社会效益指标|知晓率|90% / |||a|b / |||c|d / "
	    "|||e|f / |||g|h / |||i|j / |||k|l / |||m|n / |||o|p / |||q|r / |||s|t / |||u|v / "
	    "|||w");
	T_END();
}
