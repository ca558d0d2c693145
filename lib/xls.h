/* SPDX-License-Identifier: MIT */
/* xls: Excel 97-2003 workbooks (BIFF8 in an OLE2 compound file, [MS-XLS])
 * -> one grid per worksheet, named by the sheet (src `Sheet1!E22`). The
 * Workbook stream comes out of the compound file through ole2.c; this
 * module reads its records: the globals (BOUNDSHEET8, SST with its
 * CONTINUE records, FORMAT, XF, DATEMODE, FILEPASS) and each worksheet's
 * cells (LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, FORMULA with its
 * cached value and STRING, BOOLERR, BLANK, MULBLANK) and MERGECELLS.
 * Numbers follow numfmt.c's rules as in XLSX (shortest decimal of at most
 * 15 digits, a percent format x 100 with `%`, a date format YYYY-MM-DD);
 * merged ranges are spans and formatted blanks extend their row, through
 * sheet.c as in XLSX. Hidden sheets, rows and columns are read like
 * visible ones. Every length and index is checked against the record that
 * holds it; a record cut short is ignored, a stream cut short ends the
 * sheet. BIFF5 and older, and encrypted workbooks, are named, not read. It
 * knows nothing of forms. */
#ifndef PG_XLS_H
#define PG_XLS_H

#include "reader.h"
#include "sheet.h"

/* The limits in force (sheet.h's SHEET_MAX_*); the unit tests lower them. */
extern sheet_limits xls_limit;

/* 100 for an OLE2 file holding a Workbook stream, else 0. */
int xls_bid(const char *bytes, size_t n);
/* Read every worksheet into o, one grid each, named by the sheet. Returns
 * 0, or -1 with o->err set (damaged compound file, not BIFF8, encrypted,
 * too many shared strings). */
int xls_read(const char *bytes, size_t n, const char *name, reader_out *o);

#endif
