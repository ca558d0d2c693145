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
	CELL_VSPAN = 1, /* copy produced by a rowspan from the row above */
	CELL_HSPAN = 2, /* copy produced by a colspan from the cell to the left */
	CELL_CUT = 4,   /* text was cut at GRID_MAX_CELL_TEXT */
	CELL_USED = 8,  /* a reader of the grid has accounted for this cell */
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
	long ncells;            /* total cells, for GRID_MAX_CELLS */
	struct grid_chunk *mem; /* cell texts live here, freed with the grid */
	char err[256];          /* set when a limit was hit (the grid is still usable) */
} grid;

grid *grid_new(void);
/* Free g, its rows, cells, texts and nested grids. grid_free(NULL) is a no-op. */
void grid_free(grid *g);
/* Append an empty row starting at input line; returns it (valid until the
 * next grid_add_row). */
grid_row *grid_add_row(grid *g, long line);
/* Append a cell to row r with a copy of text[0..n) (normalised as described
 * above, kept in the grid's arena: no per-cell allocation); returns it, or
 * NULL when GRID_MAX_CELLS is reached (g->err set). */
cell *grid_add_cell(grid *g, grid_row *r, const char *text, size_t n);
/* Normalise cell text in place: blanks (space, TAB, NBSP, U+3000 ...) runs
 * to one space, CR/LF runs to one '\n', trimmed around line breaks and at
 * both ends. Returns the new length. */
size_t grid_clean_text(char *s, size_t n);

#endif
