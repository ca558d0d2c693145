/* SPDX-License-Identifier: MIT */
/* regrid: text whose grid was lost -> grid. A form's text often reaches the
 * user without its table: one cell per line (a web page's text, docx2txt,
 * pdftotext without -layout), rows flattened with `|` (padding pipes from
 * spans), TAB-separated text copied from a browser (a merged cell written
 * once, continuation rows without it), or rows a line with single spaces
 * between cells and inside them (sprow.h), with site noise around the form.
 * This stage decides from the whole text whether it is such text and which
 * shape, cuts it into cells, and rebuilds the rows from the form's own
 * words (vocab.h): block labels start rows, the indicator header row gives
 * the column count and roles, level names are recognised and a row that
 * lost its leading merged cells gets empty cells in their place (the form
 * readers fill them down, as for a spreadsheet export). It knows form words,
 * not form templates; it never reads values. Rules in docs/regrid.md. */
#ifndef PG_REGRID_H
#define PG_REGRID_H

#include <stddef.h>

#include "grid.h"
#include "util.h"

/* Cells and row ends read from one text; the rest is ignored, with a
 * warning. Bounds the stage's own memory (a token is 32 bytes) to 64 MB,
 * whatever the text (256 MiB of empty lines). */
#define REGRID_MAX_TOKENS GRID_MAX_CELLS

/* Shapes of text regrid reads (regrid_sniff's answer). */
enum {
	REGRID_NONE = 0,   /* not lost-grid text: a delimited table, or not a form */
	REGRID_LINES = 1,  /* one cell per line */
	REGRID_PIPES = 2,  /* cells separated or followed by `|` */
	REGRID_COPY = 3,   /* TAB-separated rows of uneven length (browser copy) */
	REGRID_SPACED = 4, /* columns aligned by runs of spaces (spaced.h) */
	REGRID_WORDS = 5,  /* cells separated by spaces, rows lost */
	REGRID_GLUED = 6,  /* a form glued onto long lines, cut at its words (glued.h) */
	REGRID_SPROW = 7,  /* a row a line, cells separated by single spaces (sprow.h) */
};

/* Which lost-grid shape text[0..n) (UTF-8) is in, from the whole text's
 * structure; REGRID_NONE when it should be read as delimited text. */
int regrid_sniff(const char *text, size_t n);

/* Read text[0..n) in shape (regrid_sniff's answer) into g: one grid row per
 * rebuilt form row, each cell with its input line. Warnings (glued cells,
 * limits) go to warn. Returns the number of rows added. */
int regrid_read(const char *text, size_t n, int shape, grid *g, warnings *warn);

#endif
