/* SPDX-License-Identifier: MIT */
/* pdf: the text layer of a PDF -> grid rows, through poppler-glib and cairo
 * (the only module that includes their headers). Each page gives its
 * characters with their boxes (poppler) and its ruling lines (found on a
 * rendering of the page with the text boxes blanked, as camelot's lattice
 * mode does: poppler-glib does not expose vector paths). Lines that cross
 * make a table: its rows and columns are the lines' positions, a cell with
 * no line between it and its neighbour is merged with it (a span: copies
 * flagged CELL_HSPAN / CELL_VSPAN as the HTML reader makes them), a cell's
 * wrapped lines are joined into one text. A table that goes on at the top of
 * the next page with the same columns is joined to it, its repeated header
 * row dropped. A page without ruling lines is read as a table from its
 * words' alignment (columns where runs of text start, rows from the cells'
 * lines, labels centred over the rows they span). Text outside tables
 * becomes one-cell rows; page numbers in
 * the page's margins (`— 1 —`, `第1页`, `1/3`) are left out. Cells carry
 * page, and row/column in their (joined) table. It does not know forms,
 * and it does not OCR: a PDF with no text layer is an error. */
#ifndef PG_PDF_H
#define PG_PDF_H

#include <stddef.h>

#include "grid.h"

#define PDF_MAX_PAGES 1000        /* pages read; the rest is left, with a warning */
#define PDF_MAX_PAGE_RUNS 50000   /* runs of text (show-text operations) on one page */
#define PDF_MAX_PAGE_CHARS 100000 /* characters on one page; a page over either is skipped */
#define PDF_MAX_PAGE_MS 10000     /* a page slower than this stops the reading */
#define PDF_RENDER_SCALE 2        /* pixels per point of the rendering for lines */
#define PDF_MAX_STREAM_RUNS                                                                        \
	20000 /* runs of text on a page without ruling lines read as a table                       \
	       */

/* The limits pdf_read works under (pdf_limits_default: the values above). */
typedef struct {
	int max_pages;
	long max_page_runs;
	long max_page_chars;
	long max_page_ms;
	long max_stream_runs; /* over it, a page without ruling lines is read as lines */
} pdf_limits;

extern const pdf_limits pdf_limits_default;

/* Nonzero when bytes[0..n) is a PDF: `%PDF-` within its first 1024 bytes. */
int pdf_sniff(const char *bytes, size_t n);

/* Read the PDF bytes[0..n) into g (appending rows), under lim (NULL: the
 * defaults). Returns the number of pages read (>= 1), or -1 with err set
 * (encrypted, damaged, not a PDF, no text layer, text that cannot be
 * decoded); limits hit add warnings (line 0) to warn. Nothing to free
 * beyond g. */
int pdf_read(const char *bytes, size_t n, const pdf_limits *lim, grid *g, warnings *warn, char *err,
             size_t errsz);

#endif
