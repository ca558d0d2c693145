/* html: HTML -> grid rows, through gumbo (the only module that includes
 * gumbo.h). Tables become grid rows with row and column spans expanded
 * (copies flagged CELL_VSPAN / CELL_HSPAN, with empty text); a table inside a
 * cell becomes that cell's nested grid; text outside tables (titles, unit
 * lines) becomes one-cell rows in document order. It does not know what the
 * tables mean. Traversal is iterative, so nesting depth cannot overflow the
 * stack; tables nested deeper than HTML_MAX_TABLE_DEPTH are read as text.
 * gumbo itself recurses (and slows down quadratically) on deep nesting, so
 * the text is scanned first and cut where elements nest deeper than
 * HTML_MAX_DEPTH (html_cut): the part before is read, with a warning. The
 * same scan bounds memory: gumbo's tree takes about 20 times the markup of
 * a dense table, so a text is also cut after HTML_MAX_TAGS tags. */
#ifndef PG_HTML_H
#define PG_HTML_H

#include <stddef.h>

#include "grid.h"

#define HTML_MAX_TABLE_DEPTH 16
#define HTML_MAX_DEPTH 1000   /* open elements, as counted by html_cut */
#define HTML_MAX_TAGS 1000000 /* start and end tags in one text (about 280 MB of tree) */

enum { HTML_CUT_NONE, HTML_CUT_DEPTH, HTML_CUT_TAGS };

/* Parse text[0..n) (a whole page or a fragment holding a <table>) and append
 * its rows to g. base_line is the input line where text starts and base_col
 * the input cell that holds it (0 for a whole file): cells get line =
 * base_line + their line in text - 1, col = base_col, and trow/tcol = their
 * place in their own table. Returns the number of tables read; warnings (a
 * limit hit) are added to warn. */
int html_read(const char *text, size_t n, long base_line, int base_col, grid *g, warnings *warn);

/* Where text[0..n) must be cut before gumbo parses it, by a quick scan of
 * its tags (comments and the contents of <script>, <style> are skipped):
 * at the '<' of the tag that opens one element more than max_depth (void,
 * self-closed and implicitly closed elements such as <p>, <li>, <tr>, <td>
 * do not count), or of the tag after max_tags start and end tags. Returns
 * that offset and sets *why to HTML_CUT_DEPTH or HTML_CUT_TAGS; returns n
 * (*why HTML_CUT_NONE) when the text stays within both. */
size_t html_cut(const char *text, size_t n, int max_depth, long max_tags, int *why);

/* Nonzero when text is an HTML page: its first non-blank character is '<'. */
int html_sniff(const char *text, size_t n);

#endif
