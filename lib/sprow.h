/* SPDX-License-Identifier: MIT */
/* sprow: text whose lines are rows and whose cells are separated by single
 * spaces -> rows of cells. A page's text sometimes keeps a form's rows as
 * lines but writes one space between cells, and single spaces also sit
 * inside cells (`合 计 130 300`, `项 目 上年度安排资金 本年度申请资金`,
 * `项目属性 新增项目□ 延续项目R`). This stage decides whether a text is in
 * that shape, and cuts each line into cells by the form's own words
 * (vocab.h): pieces between spaces that make a word of the vocabulary
 * together are one cell (`合 计`), a word is a cell, the numbers at a line's
 * end are cells (amounts), and the text between words is one cell (a
 * value), except in an indicator table, where every piece is a cell. It
 * knows words, not rows: placing the cells (a row that lost its label
 * cell, a line that goes on with a cell) is regrid's, as for a browser
 * copy. Rules in docs/regrid.md section 1h. */
#ifndef PG_SPROW_H
#define PG_SPROW_H

#include <stddef.h>

/* Pieces between spaces of one line that are looked at: the rest of a
 * longer line is one cell (regrid warns). Bounds the work per line. */
#define SPROW_MAX_PIECES 1024

/* Pieces between single spaces joined into one word at most (`项 目 名
 * 称`). */
#define SPROW_JOIN 4

/* Lines a text needs that start with a block label followed by another
 * cell (`项目属性 新增项目□`) to be in this shape. */
#define SPROW_MIN_LABELS 3

/* A cell of a row, or a row's end. */
typedef struct {
	size_t off, len; /* its text's bytes in the input */
	long line;       /* its input line */
	int col;         /* its place in its line, 1-based */
	int end;         /* 1: the end of a row, no cell */
} sprow_cell;

typedef struct {
	sprow_cell *v;
	size_t n, cap;
	long cut;    /* the input line where max_cells was reached, or 0 */
	long longer; /* a line with more than SPROW_MAX_PIECES pieces, or 0 */
} sprow_out;

/* Is text[0..n) (UTF-8) in this shape: SPROW_MIN_LABELS lines or more whose
 * first cell is a block label (vocab_block_labels) with another cell after
 * it, and a header row: a line holding two column headers or more as cells
 * (上年度安排资金 本年度申请资金, 一级指标 二级指标 ...)? (The caller checks
 * first that the text is in none of the other shapes.) */
int sprow_text(const char *text, size_t n);

/* Read text[0..n) into o (zero-initialised): each non-blank line a row of
 * its cells, a row end after it; a line whose first cell is a text vocab
 * does not know and whose second is a block label (`项目基本情况 项目名称
 * X`: a group's heading written on its first row) gives the heading a row
 * of its own. At most max_cells cells and row ends (then o->cut is the line
 * where it stopped). */
void sprow_read(const char *text, size_t n, long max_cells, sprow_out *o);

void sprow_out_free(sprow_out *o);

#endif
