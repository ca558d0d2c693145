/* SPDX-License-Identifier: MIT */
/* xlsx: Office Open XML workbooks (.xlsx, .xlsm) -> one grid per worksheet,
 * named by the sheet (src `Sheet1!E22`). Cells: shared strings, inline
 * strings and rich-text runs (phonetic runs left out), line breaks kept,
 * numbers by numfmt.c's rules (formula cells: the cached value; booleans
 * TRUE/FALSE; errors as written), merged cells as spans through
 * grid_table_*. Hidden rows, columns and sheets are read like visible
 * ones; rows and leading columns with nothing in them are left out. Every
 * XML part is parsed streaming (xml.c) from the archive (zipr.c). It knows
 * nothing of forms. */
#ifndef PG_XLSX_H
#define PG_XLSX_H

#include "reader.h"
#include "sheet.h"

/* The limits in force (sheet.h's SHEET_MAX_*); the unit tests lower them. */
extern sheet_limits xlsx_limit;

/* 100 when bytes are a ZIP package whose main part is a spreadsheet, else 0. */
int xlsx_bid(const char *bytes, size_t n);
/* Read every worksheet of the workbook into o, one grid each, named by
 * the sheet. Returns 0, or -1 with o->err set (damaged package, a limit). */
int xlsx_read(const char *bytes, size_t n, const char *name, reader_out *o);

#endif
