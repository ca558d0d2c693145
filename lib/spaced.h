/* SPDX-License-Identifier: MIT */
/* spaced: space-aligned text -> TAB-separated rows. The text of a PDF read
 * with `pdftotext -layout`, or a plain-text page, keeps a table's rows as
 * lines and its columns as runs of spaces: a cell starts where the text
 * starts again after two spaces or more, and an empty cell is only blank
 * space. This stage cuts each line at its runs of spaces, finds a table's
 * columns from the cell starts aligned across its lines, and gives each
 * line's cells in their columns (an empty cell where a column has none),
 * rows shown, for regrid to read as it reads a browser copy; cells keep
 * their input lines. It knows nothing of form words:
 * deciding that a text is in this shape (regrid_sniff, which also wants an
 * indicator header among the cells) and rebuilding the form's rows are
 * regrid's. Rules in docs/regrid.md section 1b. */
#ifndef PG_SPACED_H
#define PG_SPACED_H

#include <stddef.h>

#include "util.h"

/* Distinct column starts kept for one table; a cell that starts past them
 * goes to the column before it. Bounds the columns of a row, and so the
 * empty fields written for one line. */
#define SPACED_MAX_COLS 512

/* A cell of one line: its text's bytes and the display column it starts at. */
typedef struct {
	size_t off, len; /* bytes in the line */
	long col;        /* display column of its first character, 0-based */
} spaced_piece;

/* Display width of s[0..n): two columns for a wide (CJK, full-width)
 * character, one for any other. */
long spaced_width(const char *s, size_t n);

/* Cut line s[0..n) into its cells: the runs of text between runs of two
 * spaces or more (single spaces stay inside a cell). Writes at most max
 * pieces to out; returns how many cells the line holds (may be more). */
size_t spaced_cut(const char *s, size_t n, spaced_piece *out, size_t max);

/* Does text[0..n) look space-aligned: at least two lines, and a third of its
 * non-blank lines or more, hold a run of two spaces or more between two
 * cells? (Form words are regrid's to check.) */
int spaced_lines(const char *text, size_t n);

/* A cell of a row, or a row's end. */
typedef struct {
	size_t off, len; /* its text's bytes in the input */
	long line;       /* its input line */
	int col;         /* its column, 1-based */
	/* 0: a cell; 1: the end of a row; 2: the end of a row whose cells all
	 * sit under cells of the row before and are fewer: perhaps the rest of
	 * those cells, their text wrapped (regrid decides by their words) */
	signed char end;
} spaced_cell;

typedef struct {
	spaced_cell *v;
	size_t n, cap;
	long cut; /* the input line where max_cells was reached, or 0 */
} spaced_out;

/* Read text[0..n) as space-aligned rows into o (zero-initialised): each line
 * a row (blank lines are rows without cells), each cell in the column of
 * the table's column start it is aligned with, empty cells before it. A row
 * with a cell past the first column is as wide as its table. A row that may
 * go on with the row before ends with end 2. At most max_cells cells and row ends
 * are read (then o->cut is the line where it stopped). */
void spaced_read(const char *text, size_t n, long max_cells, spaced_out *o);

void spaced_out_free(spaced_out *o);

#endif
