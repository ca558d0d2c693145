/* SPDX-License-Identifier: MIT */
/* frames: framed lines that are not rows. A page's text may frame its
 * cells as `| a | b |` lines and still have lost the table's rows: the
 * renderer broke its lines at other places than row ends, so that a row is
 * broken over several lines and several rows share a line (real 15: `… |
 * 一级指标 | 二级指标 | … | 度量单位 | 产出指标 | 数量指标 | 学生受资助人数 |
 * ≧ | 735 | …`). This stage only decides, from the form's own words, that the
 * lines of such a text are not rows; regrid then reads its cells as a
 * stream and rebuilds the rows from the words, as it does for one cell per
 * line. It does not cut, read or re-align anything. Rules in
 * docs/regrid.md section 1c. */
#ifndef PG_FRAMES_H
#define PG_FRAMES_H

#include <stddef.h>

/* 1 when the `|`-framed lines of text[0..n) are not the table's rows: some
 * line holds an indicator header word or an extra column's name (一级指标,
 * 指标值, 权重, 备注 ...) and, after it in the same line, a level name
 * (产出指标, 数量指标 ...), i.e. a header row and a data row on one line;
 * or a level column word (一级指标, 二级指标) with a cell before it that is
 * neither the indicator table's label (绩效指标 ...) nor a header word,
 * i.e. the end of another row on the header's line; or a form's title
 * (vocab_title_words) and, after it in the same line, a block label
 * (项目名称, 部门名称 ...), i.e. the title's row, which holds the title
 * alone in a form's grid, and the next row on one line (a form without an
 * indicator table, or whose lines break elsewhere than at its header).
 * 0 otherwise (a line is a
 * row, as regrid reads framed lines). Looks at most FRAMES_MAX_CELLS cells
 * of a line. */
int frames_not_rows(const char *text, size_t n);

/* Cells of one line looked at by frames_not_rows (a longer line's rest is
 * not looked at: the decision stays bounded on a hostile line). */
#define FRAMES_MAX_CELLS 512

#endif
