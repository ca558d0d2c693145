/* SPDX-License-Identifier: MIT */
/* grid: the one internal table model every reader produces (seed-shape text,
 * HTML pages, delimited exports), so that form recognition is written once.
 * A grid is a list of rows of cells in document order. A cell carries its
 * text (UTF-8; runs of blanks collapsed to one space, line breaks kept as
 * '\n', trimmed), where it came from (input line and cell number, HTML table
 * row/column), whether it is a copy made by expanding a row or column span,
 * and possibly a nested grid (a cell that holds a whole table). This module
 * owns memory and span bookkeeping; it knows nothing of forms or formats. */
#ifndef PG_GRID_H
#define PG_GRID_H

#include <stddef.h>

#include "util.h"

/* Limits, each tested. Spans follow the HTML standard's clamps. */
#define GRID_MAX_COLSPAN 1000
#define GRID_MAX_ROWSPAN 65534
#define GRID_MAX_CELLS 2000000L /* cells in one grid, span copies included */
#define GRID_MAX_COLS 20000     /* columns in one row */
#define GRID_MAX_CELL_TEXT                                                                         \
	(1L << 20) /* bytes of one cell's text; longer is cut, with a warning                      \
	            */

enum {
	CELL_VSPAN = 1,  /* copy produced by a rowspan from the row above */
	CELL_HSPAN = 2,  /* copy produced by a colspan from the cell to the left */
	CELL_CUT = 4,    /* text was cut at GRID_MAX_CELL_TEXT */
	CELL_USED = 8,   /* a reader of the grid has accounted for this cell */
	CELL_SHEET = 16, /* trow/tcol are a spreadsheet's row and column (src `Sheet1!E22`) */
	CELL_DOCX = 32,  /* col is the DOCX table number (src `T2:R3C4`), or with trow 0
	                  * the body paragraph's number (src `P5`) */
};

struct grid;

typedef struct cell {
	char *text; /* owned by the grid (its arena), NUL-terminated; read-only */
	size_t len;
	long line; /* input line where the cell starts, 1-based; 0 unknown */
	int col;   /* cell number within the input line (delimited/seed text), 1-based; 0 none */
	int trow, tcol;   /* row/column in its HTML table, 1-based; 0 none */
	int page;         /* PDF page, 1-based; 0 none */
	unsigned flags;   /* CELL_* */
	struct grid *sub; /* nested table held by this cell, owned; NULL if none */
} cell;

typedef struct grid_row {
	cell *cells;
	int n, cap;
	long line; /* input line where the row starts */
} grid_row;

struct grid_chunk;

typedef struct grid {
	grid_row *rows;
	int n, cap;
	long ncells;             /* total cells, for GRID_MAX_CELLS */
	struct grid_chunk *mem;  /* cell texts live here, freed with the grid */
	struct grid_chunk *cmem; /* and the rows' cells (grid.c) */
	char err[256];           /* set when a limit was hit (the grid is still usable) */
	long subs;               /* nested grids given with grid_set_sub (grid_free
	                          * looks for them only when not 0) */
} grid;

grid *grid_new(void);
/* Free g, its rows, cells, texts and nested grids. grid_free(NULL) is a no-op. */
void grid_free(grid *g);
/* Give cell c of g the nested grid sub (owned by g from now on; c->sub was
 * NULL). The one way to attach a nested grid to a grid's cell: grid_free
 * walks a grid's cells for nested grids only when it was given one (most
 * grids have none, and a seed-shape grid has a million empty cells). */
void grid_set_sub(grid *g, cell *c, grid *sub);
/* Append an empty row starting at input line; returns it (valid until the
 * next grid_add_row). */
grid_row *grid_add_row(grid *g, long line);
/* Append a cell to row r with a copy of text[0..n) (normalised as described
 * above, kept in the grid's arena: no per-cell allocation); returns it, or
 * NULL when GRID_MAX_CELLS is reached (g->err set). */
cell *grid_add_cell(grid *g, grid_row *r, const char *text, size_t n);
/* Append k empty cells (text "", line r->line, col numbered from col, or
 * 0 when col is 0; nothing else set) to row r at once; returns the first,
 * or NULL, adding none, when they would pass GRID_MAX_CELLS or
 * GRID_MAX_COLS (then add them one by one with grid_add_cell, which says
 * which limit and where). */
cell *grid_add_empty(grid *g, grid_row *r, int k, int col);
/* Span expansion, shared by every reader whose tables have merged cells
 * (HTML rowspan/colspan, XLSX mergeCell, DOCX gridSpan/vMerge, XLS merges),
 * following the HTML table model: a cell is placed at the first column of
 * its row that no rowspan from above covers; the columns it spans to the
 * right get CELL_HSPAN copies, the rows it spans below CELL_VSPAN copies,
 * all with empty text. Spans are clamped as the HTML standard clamps them
 * (colspan 1..GRID_MAX_COLSPAN, rowspan 0..GRID_MAX_ROWSPAN, 0 meaning to
 * the table's end) and never reach past the table's last row. Use:
 * grid_table_init, then per table row grid_add_row and grid_table_row; per
 * cell grid_table_before (the copies before it), then grid_table_cell; at the
 * row's end grid_table_row_end; finally grid_table_free. */
typedef struct grid_table {
	long nrows;   /* rows in the table */
	int base_col; /* col given to every cell made */
	int y, x;     /* current table row (0-based) and next column */
	int width;    /* columns with a pending entry */
	int pcap;     /* entries pd has room for */
	int plast;    /* no column past it has a rowspan pending */
	struct grid_pend *pd;
	int full;    /* a grid limit was reached: nothing more is added */
	int clamped; /* a span was clamped (the caller may warn once) */
} grid_table;

/* Clamp a cell's spans in place as grid_table_cell does; rows_left is the
 * number of table rows from the cell's down (rowspan 0 becomes it). Returns
 * 1 when the cell spans and a clamp reached GRID_MAX_COLSPAN or
 * GRID_MAX_ROWSPAN (worth a warning), else 0. */
int grid_span_clamp(long *cs, long *rs, long rows_left);
/* Start a table of nrows rows whose cells get col = base_col. */
void grid_table_init(grid_table *t, long nrows, int base_col);
/* Release t's bookkeeping (the grid keeps the cells). NULL-safe. */
void grid_table_free(grid_table *t);
/* Begin table row y (0-based) in grid row r. */
void grid_table_row(grid_table *t, int y);
/* Add to r the rowspan copies that come before the row's next cell.
 * Returns 0, or -1 when a grid limit was reached (t->full). */
int grid_table_before(grid *g, grid_row *r, grid_table *t);
/* Add the row's next cell with text[0..n), spanning cs columns and rs rows
 * (clamped as above; t->clamped set when a clamp reached a maximum of a
 * cell that spans), and its colspan copies. Returns the cell (trow/tcol set
 * to its place), or NULL when a grid limit was reached (t->full). */
cell *grid_table_cell(grid *g, grid_row *r, grid_table *t, const char *text, size_t n, long cs,
                      long rs);
/* End the row: copies of the rowspans that still cover columns at or after
 * the last cell, with empty cells kept in the holes before them so the
 * copies stay aligned. */
void grid_table_row_end(grid *g, grid_row *r, grid_table *t);

#define GRID_SRC_MAX 256 /* bytes of a src, its NUL included */

/* Where cell c came from, as FORMAT.md's src column gives it. Text and
 * HTML: `L12C3:R2C4` (input line, cell, table row and column; parts that
 * are 0 left out). CELL_SHEET: `SHEET!E22` (sheet the sheet's name, or no
 * prefix when NULL). CELL_DOCX: `T2:R3C4` (table, row, column) or `P5`
 * (paragraph). c NULL gives "". Writes it into b (bsz >= 32 bytes; a
 * sheet name too long for it is cut at a character boundary); returns b. */
char *grid_cell_src(const cell *c, const char *sheet, char *b, size_t bsz);
/* Spreadsheet column letters of col (1 -> A, 27 -> AA) into b (>= 8
 * bytes); returns b. */
char *grid_col_letters(int col, char *b);

/* Nonzero when some cell of g (nested grids too) has text. */
int grid_has_text(const grid *g);

/* Normalise cell text in place: blanks (space, TAB, NBSP, U+3000 ...) runs
 * to one space, CR/LF runs to one '\n', trimmed around line breaks and at
 * both ends. Returns the new length. */
size_t grid_clean_text(char *s, size_t n);

#endif
