/* SPDX-License-Identifier: MIT */
/* ole2: recognising an OLE2 compound file (legacy .xls, .doc, .ppt) by its
 * signature and the names in its directory, without reading its streams.
 * Used to pick a reader and to name the kinds that are not read. */
#ifndef PG_OLE2_H
#define PG_OLE2_H

#include <stddef.h>

enum { OLE2_OTHER, OLE2_XLS, OLE2_DOC, OLE2_PPT };

/* Nonzero when bytes start with the OLE2 signature D0 CF 11 E0 A1 B1 1A E1. */
int ole2_sniff(const char *bytes, size_t n);
/* Which Office kind the file is, by the directory entry names it holds
 * (Workbook or Book; WordDocument; PowerPoint Document). OLE2_OTHER when
 * none, or when it is not OLE2. */
int ole2_kind(const char *bytes, size_t n);

#endif
