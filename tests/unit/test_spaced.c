/* SPDX-License-Identifier: MIT */
/* Unit tests for spaced: display widths, lines cut at runs of two spaces,
 * the shape's line count, columns found from cell starts aligned across a
 * table's lines (empty cells between, rows as wide as their table), a table
 * ending where another's columns start, rows that may go on with the row
 * before, and the limits (SPACED_MAX_COLS, max_cells). */
#include <string.h>

#include "spaced.h"
#include "t.h"
#include "util.h"

/* The rows of text as cells joined by "|", rows by " / ", a row that may go
 * on with the one before marked "+". */
static const char *rows(const char *text, long max)
{
	static buf b;
	spaced_out o = {0};
	buf_reset(&b);
	buf_adds(&b, "");
	spaced_read(text, strlen(text), max, &o);
	int start = 1;
	for (size_t i = 0; i < o.n; i++) {
		const spaced_cell *c = &o.v[i];
		if (c->end) {
			buf_adds(&b, c->end == 2 ? " +/ " : " / ");
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
	spaced_out_free(&o);
	return buf_str(&b);
}

int main(void)
{
	CHECK_INT(spaced_width("ab", 2), 2);
	CHECK_INT(spaced_width("数量", 6), 4);
	CHECK_INT(spaced_width("１%", 4), 3); /* full-width digit, then ASCII */

	spaced_piece p[4];
	CHECK_INT(spaced_cut("  a b  c   数量", 17, p, 4), 3);
	CHECK_INT(p[0].col, 2);
	CHECK_INT(p[0].len, 3); /* a single space stays inside the cell */
	CHECK_INT(p[1].col, 7);
	CHECK_INT(p[2].col, 11);
	CHECK_INT(spaced_cut("a  b  c  d  e", 13, p, 2), 5); /* counted past max */
	CHECK_INT(spaced_cut("   ", 3, p, 4), 0);

	CHECK_INT(spaced_lines("标题\n一级指标  二级指标\n产出指标  数量指标\n", 52), 1);
	CHECK_INT(spaced_lines("a b c\nd e f\n", 12), 0);           /* single spaces: no columns */
	CHECK_INT(spaced_lines("a  b\nc\nd\ne\nf\ng\nh\n", 18), 0); /* one line only */

	/* columns from the starts of all the table's lines: the row without a
	 * level-1 cell gets an empty first cell, every row after the title as
	 * wide as the table */
	CHECK_STR(rows("标题\n"
	               "一级指标  二级指标  指标值\n"
	               "产出指标  数量指标  10\n"
	               "          质量指标  20\n",
	               1000),
	          "标题 / 一级指标|二级指标|指标值 / 产出指标|数量指标|10 / |质量指标|20 +/ ");
	/* an empty cell in the middle and at the end (rows with fewer cells
	 * than the row before, all under its cells, are marked: regrid decides
	 * by their words whether they go on with it) */
	CHECK_STR(rows("名称  数量  金额  备注\n甲          1\n乙    2\n", 1000),
	          "名称|数量|金额|备注 / 甲||1| +/ 乙|2|| +/ ");
	/* a line whose cells all sit under the row before's and are fewer: it
	 * may go on with it (regrid decides by the words) */
	CHECK_STR(rows("任务1:会议  召开会议、    10\n"
	               "            伙食费\n"
	               "任务2:培训  办班          5\n",
	               1000),
	          "任务1:会议|召开会议、|10 / |伙食费| +/ 任务2:培训|办班|5 / ");
	/* a second table whose columns are not the first's starts a table of
	 * its own */
	CHECK_STR(rows("a  b  c\nd  e  f\nxxxxxxxxxxxx  y\nzzzzzzzzzzzz  w\n", 1000),
	          "a|b|c / d|e|f / xxxxxxxxxxxx|y / zzzzzzzzzzzz|w / ");
	/* a cell that starts between two columns makes a column of its own */
	CHECK_STR(rows("a   b\n  c\n", 1000), "a||b / |c| / ");

	/* limits: at most SPACED_MAX_COLS columns in a table, max_cells cells */
	buf wide = {0};
	for (int i = 0; i < SPACED_MAX_COLS + 40; i++)
		buf_adds(&wide, "x  ");
	buf_adds(&wide, "\n");
	spaced_out o = {0};
	spaced_read(wide.s, wide.len, 1000000, &o);
	CHECK_INT((long)o.n, SPACED_MAX_COLS + 1); /* the cells kept, and the end */
	spaced_out_free(&o);
	CHECK_STR(rows("a  b\nc  d\ne  f\ng  h\n", 5), "a|b / c|d / cut at 2");
	buf_free(&wide);
	T_END();
}
