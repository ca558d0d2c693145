/* SPDX-License-Identifier: MIT */
/* xls: Excel 97-2003 workbooks (BIFF8, an OLE2 compound file) -> one grid
 * per worksheet, named by the sheet (src `Sheet1!E22`), through libfreexl
 * (the only module that includes freexl.h). libfreexl reports neither
 * merged cells nor number formats: a merged range is read as its cells are
 * written (the text once, in its first cell: the form reader fills such
 * cells as it does for delimited exports), numbers as the shortest decimal
 * of at most 15 digits (a percent-formatted 0.95 stays `0.95`), dates as
 * YYYY-MM-DD. libfreexl reads from a file name, so the bytes are handed to
 * it through an anonymous in-memory file (memfd). It knows nothing of
 * forms. */
#ifndef PG_XLS_H
#define PG_XLS_H

#include "reader.h"

#define XLS_MAX_CELLS 2000000L /* cells with a value in one sheet */
#define XLS_MAX_SCAN 50000000L /* cell positions looked at in one sheet */

/* 100 for an OLE2 file holding a Workbook (or Book) stream, else 0. */
int xls_bid(const char *bytes, size_t n);
/* Read every worksheet into o. Returns 0, or -1 with o->err set. */
int xls_read(const char *bytes, size_t n, const char *name, reader_out *o);

#endif
