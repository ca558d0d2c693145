/* SPDX-License-Identifier: MIT */
/* docx: Word documents (Office Open XML, .docx) -> one grid. Tables
 * (w:tbl) become rows with gridSpan and vMerge expanded as spans through
 * grid_table_*; a table inside a cell becomes that cell's nested grid (up
 * to DOCX_MAX_TABLE_DEPTH, deeper ones are read as the cell's text);
 * paragraphs between tables (titles, `单位：万元` lines) become one-cell
 * rows. A cell's paragraphs are joined with line breaks. src: `T2:R3C4`
 * (table 2 of the document, counting nested ones, row 3, column 4) or
 * `P5` (body paragraph 5). Tracked deletions are left out, insertions
 * read. document.xml is parsed streaming (xml.c). It knows nothing of
 * forms. */
#ifndef PG_DOCX_H
#define PG_DOCX_H

#include "reader.h"

#define DOCX_MAX_TABLE_DEPTH 16 /* tables inside table cells, as HTML_MAX_TABLE_DEPTH */

/* 100 when bytes are a ZIP package whose main part is a Word document. */
int docx_bid(const char *bytes, size_t n);
/* Read the document body into one grid in o. Returns 0, or -1 with o->err. */
int docx_read(const char *bytes, size_t n, const char *name, reader_out *o);

#endif
