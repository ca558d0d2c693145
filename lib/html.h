/* SPDX-License-Identifier: MIT */
/* html: HTML -> grid rows, through gumbo (the only module that includes
 * gumbo.h). Tables become grid rows with row and column spans expanded
 * (copies flagged CELL_VSPAN / CELL_HSPAN, with empty text); the rows of a
 * table inside a cell follow the row of that cell, which keeps its other
 * cells and its own text (a page's form is often inside a layout table,
 * and an inner table must not replace the form's row); text outside tables (titles, unit
 * lines) becomes one-cell rows in document order. It does not know what the
 * tables mean. Traversal is iterative, so nesting depth cannot overflow the
 * stack; tables nested deeper than HTML_MAX_TABLE_DEPTH are read as text.
 * gumbo itself has no limits (it recurses and slows down on deep trees, and
 * its tree is about 20 times the markup), so the text is first rewritten by
 * hclean (hclean.h) into one that holds only the elements read here, within
 * HTML_MAX_DEPTH nesting elements, HTML_MAX_TAGS tags and HTML_MAX_WORK
 * work; where a limit is passed the rest is not read, with a warning. */
#ifndef PG_HTML_H
#define PG_HTML_H

#include <stddef.h>

#include "grid.h"

#define HTML_MAX_TABLE_DEPTH 16
#define HTML_MAX_DEPTH 1000     /* nesting elements open at once, as hclean counts them */
#define HTML_MAX_TAGS 1000000   /* tags given to gumbo (about 280 MB of tree) */
#define HTML_MAX_WORK 10000000L /* sum over those tags of their depth (gumbo's time) */

/* Parse text[0..n) (a whole page or a fragment holding a <table>) and append
 * its rows to g. base_line is the input line where text starts and base_col
 * the input cell that holds it (0 for a whole file): cells get line =
 * base_line + their line in text - 1, col = base_col, and trow/tcol = their
 * place in their own table. Returns the number of tables read; warnings (a
 * limit hit) are added to warn. */
int html_read(const char *text, size_t n, long base_line, int base_col, grid *g, warnings *warn);

/* How deep the elements of the tree gumbo builds from text[0..n), as given
 * (not through hclean), nest: <html> is 1. For checking hclean's bound in
 * tests and the fuzz target; gumbo is not bounded here. */
int html_depth(const char *text, size_t n);

/* Nonzero when text is an HTML page: its first non-blank character is '<'. */
int html_sniff(const char *text, size_t n);

#endif
