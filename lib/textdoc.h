/* SPDX-License-Identifier: MIT */
/* textdoc: the reader for text documents -- the seed shape (TAB-separated
 * lines whose cells may hold HTML tables), saved web pages, and TSV/CSV
 * exports -- in any encoding enc.c knows. It decodes the bytes, then reads
 * them as HTML (html.c) or delimited text (dsv.c), and parses the HTML
 * tables held in delimited cells. One row of reader.c's table; it knows
 * nothing of forms. */
#ifndef PG_TEXTDOC_H
#define PG_TEXTDOC_H

#include "reader.h"

/* Bids 1 for any input: text is the fallback kind. */
int textdoc_bid(const char *bytes, size_t n);
/* Decode and read bytes[0..n) into one grid in o. Returns 0, or -1 with
 * o->err (and o->line) set: encoding unknown, quoted field never closed. */
int textdoc_read(const char *bytes, size_t n, const char *name, reader_out *o);

#endif
