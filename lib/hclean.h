/* SPDX-License-Identifier: MIT */
/* hclean: an HTML text -> the HTML text gumbo is given (the first step of
 * html.c). gumbo 0.10 has no limits of its own: it recurses on deep trees,
 * each tag walks its stack of open elements (a deep stack and many tags take
 * minutes), its formatting-element rules (adoption agency, reconstruction)
 * make elements the markup does not hold, and its tree is about 20 times the
 * markup. So the text is tokenized here as the HTML5 tokenizer does it
 * (comments, `<!-->` included; quotes only around attribute values; the raw
 * text of script, style, title, textarea, xmp ...) and written anew holding
 * only the elements the grid builder looks at: tables and their parts, the
 * blocks that break lines, the document's frame, noscript. Every other tag
 * (formatting, unknown, SVG ...) is dropped and its text kept; a kept tag is
 * written with only its colspan and rowspan; script and style keep no
 * content; template is dropped with its content. A stack of the kept
 * elements that nest then bounds what gumbo builds from that text: the
 * rewrite stops (the rest is not read) at the tag that opens one element
 * more than max_depth, after max_tags tags, or when the sum over the tags of
 * the depth they are met at (gumbo's work) passes max_work. Runs of text
 * longer than GRID_MAX_CELL_TEXT are cut. A run of spaces and TABs between
 * two parts of a table (`</td> <td>`), where HTML puts it in the table as a
 * text node nobody reads, is not written (it cost gumbo a token and a node
 * each). Line breaks are all kept (inside a
 * kept tag, or as a comment where a dropped one held some), so gumbo's line
 * numbers are the input's. It builds no tree and knows nothing of forms. */
#ifndef PG_HCLEAN_H
#define PG_HCLEAN_H

#include <stddef.h>

#include "util.h"

enum { HCLEAN_CUT_NONE, HCLEAN_CUT_DEPTH, HCLEAN_CUT_TAGS, HCLEAN_CUT_WORK };

typedef struct {
	int max_depth; /* nesting elements open at once */
	long max_tags; /* tags and comments written */
	long max_work; /* sum of the depths the written tags are met at */
	/* tables nested at most this deep are read as tables, not as text
	 * (html.c: HTML_MAX_TABLE_DEPTH): blank runs between their parts are
	 * not written (0: all are written) */
	int table_depth;
} hclean_limits;

typedef struct {
	int why;             /* HCLEAN_CUT_*: why the text was cut */
	size_t cut;          /* input offset of the cut (the text's length when none) */
	long cut_line;       /* its line, 1-based within the text; 0 when none */
	int runs_cut;        /* text runs cut at GRID_MAX_CELL_TEXT bytes */
	long run_line;       /* line of the first, 1-based; 0 when none */
	int depth;           /* deepest nesting met */
	long tags, work;     /* tags written, work counted */
	long template_table; /* line of a table inside a dropped <template>, or 0 */
} hclean_result;

/* Rewrite text[0..n) into out (appended, NUL-terminated) as described above,
 * within lim; r says where and why it stopped. The text gumbo builds from
 * out nests at most HCLEAN_FLAT_FACTOR * (r->depth + 1) + 3 elements deep. */
void hclean(const char *text, size_t n, const hclean_limits *lim, buf *out, hclean_result *r);

/* Elements the stack does not count (p, li, tbody, tr, td ...: each closed by
 * the next of its kind) can stand at most this many deep between two that
 * it counts: table > tbody > tr > td > li > p. */
#define HCLEAN_FLAT_FACTOR 6

#endif
