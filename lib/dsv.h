/* SPDX-License-Identifier: MIT */
/* dsv: delimited text (TSV or CSV exports of a spreadsheet, and the seed
 * shape: TAB-separated lines whose cells may hold HTML) -> grid rows. One
 * grid row per record, one cell per field, each cell knowing the physical
 * input line where it starts and its field number. Spreadsheet quoting is
 * understood (quoted fields with delimiters, line breaks and doubled quotes);
 * a quote inside an unquoted field is literal. The input must already be
 * UTF-8 (enc.h); this module does not decode, does not look inside cells
 * (HTML is the next stage's) and does not know forms. It is the only module
 * that uses libcsv. Rules in docs/readers.md. */
#ifndef PG_DSV_H
#define PG_DSV_H

#include <stddef.h>

#include "grid.h"

#define DSV_SNIFF_LINES 20          /* lines looked at to choose the delimiter */
#define DSV_SNIFF_BYTES 65536       /* ... and at most this many bytes */
#define DSV_MAX_ROWS GRID_MAX_CELLS /* records and empty lines in one input */

enum {
	DSV_NO_QUOTES = 1, /* '"' is an ordinary character everywhere */
};

/* Choose the delimiter of text[0..n): '\t' or ','. Looks at the first
 * DSV_SNIFF_LINES lines (at most DSV_SNIFF_BYTES), counting TABs and commas
 * outside quoted fields: comma when every line sampled (two or more) has the
 * same non-zero number of commas and the TAB counts differ; else TAB when
 * there is any TAB; else comma when there is any comma; else TAB. */
int dsv_sniff(const char *text, size_t n);

/* What stopped a read, or the first thing it cut or dropped: the message,
 * and the input line it is about (0 when none). */
typedef struct {
	long line;
	char msg[256];
} dsv_err;

/* Read text[0..n) (UTF-8; a leading UTF-8 byte-order mark is skipped) into
 * g, appending rows. delim is the field separator byte, or 0 to sniff it
 * (dsv_sniff). Equivalent to dsv_read_flags(text, n, delim, 0, g, err).
 * Returns 0 when all was read; 1 when all was read but something was cut or
 * dropped at a limit (a cell over GRID_MAX_CELL_TEXT bytes, a row over
 * GRID_MAX_COLS cells, more than GRID_MAX_CELLS cells or DSV_MAX_ROWS rows):
 * err holds the first such message and its line; -1 on an error (a NUL
 * byte, a quoted field never closed, a bad delimiter): err holds the message
 * and its line, and g holds the rows read before it. Nothing to free beyond
 * g. */
int dsv_read(const char *text, size_t n, int delim, grid *g, dsv_err *err);

/* dsv_read with flags (DSV_NO_QUOTES). */
int dsv_read_flags(const char *text, size_t n, int delim, unsigned flags, grid *g, dsv_err *err);

#endif
