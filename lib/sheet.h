/* SPDX-License-Identifier: MIT */
/* sheet: a spreadsheet's cells and merged ranges, collected in any order by
 * a workbook reader (xlsx.c, xls.c), -> the rows of a grid. Merged ranges
 * become spans through grid_table_* (the span code HTML uses); rows that
 * hold nothing and no merge covers are left out, and so are the columns
 * before the first used one; a row reaches its last cell, value or
 * formatted blank (an empty cell at the end of a table row is kept, as in
 * the HTML the sheet was made from). Cells carry their sheet row and column
 * (CELL_SHEET), for src `Sheet1!E22`. It knows nothing of file formats. */
#ifndef PG_SHEET_H
#define PG_SHEET_H

#include <stddef.h>

#include "grid.h"
#include "util.h"

/* Cells that merged ranges cover in one sheet, together (each clamped to
 * the last row and column that hold something): the span copies a grid
 * gets, so that one range over a whole sheet cannot fill the grid's cell
 * cap. Ranges past it are read as written; g->err says so. */
#define SHEET_MAX_SPAN_CELLS 200000L

/* A workbook reader's limits (xlsx.c, xls.c: one instance each, so that a
 * unit test lowers one reader's). Past strings the workbook is an error;
 * past cells or merges the rest of that sheet is ignored or read as
 * written; past sheets the later sheets are not read. */
#define SHEET_MAX_STRINGS 1000000L /* shared strings in one workbook */
#define SHEET_MAX_CELLS 2000000L   /* cells with a value in one sheet (GRID_MAX_CELLS) */
#define SHEET_MAX_MERGES 100000L   /* merged ranges in one sheet */
#define SHEET_MAX_SHEETS 1000      /* worksheets read from one workbook */
typedef struct {
	long strings, cells, merges;
	int sheets;
} sheet_limits;

typedef struct {
	long row;        /* 1-based */
	int col;         /* 1-based */
	size_t off, len; /* its text in sheet_data.text */
	int cut;         /* the text was cut at a limit */
} sheet_cell;

typedef struct {
	long r1, r2; /* 1-based, r1 <= r2 */
	int c1, c2;  /* 1-based, c1 <= c2 */
} sheet_merge;

typedef struct {
	long row; /* 1-based */
	int col;  /* the last column the row writes (an empty, formatted cell) */
} sheet_extent;

typedef struct {
	buf text; /* the cells' texts, one after another */
	sheet_cell *c;
	long nc, ccap;
	sheet_merge *m;
	long nm, mcap;
	sheet_extent *e; /* at most one per row: empty cells the sheet writes */
	long ne, ecap;
} sheet_data;

/* Record a cell at row, col (1-based) whose text is s->text from off to
 * its end (the caller appended it). */
void sheet_add_cell(sheet_data *s, long row, int col, size_t off, int cut);
/* Record an empty cell the sheet writes (a formatted blank): it holds
 * nothing, but its row reaches that far, as an HTML row's empty cells do. A
 * row with nothing else is still left out. */
void sheet_add_blank(sheet_data *s, long row, int col);
/* Record a merged range (checked by the caller: 1-based, ordered). */
void sheet_add_merge(sheet_data *s, sheet_merge m);
/* The cells and merges of s -> rows of g (s's arrays are sorted in
 * place). The grid's own caps (cells, columns) apply. */
void sheet_to_grid(sheet_data *s, grid *g);
/* Free what s holds and zero it. */
void sheet_free(sheet_data *s);

#endif
