/* SPDX-License-Identifier: MIT */
/* ole2: OLE2 compound files ([MS-CFB]: legacy .xls, .doc, .ppt). Recognising
 * one by its signature and the names in its directory (to pick a reader and
 * to name the kinds that are not read), and reading one named stream out of
 * it: the header, the FAT (its sector list from the header and the DIFAT
 * chain), the directory, the mini FAT and mini stream for streams under the
 * cutoff. Every sector number, offset and length is checked against the
 * file: the sectors are those the file holds (a FAT claiming more is
 * damaged), a chain visits at most that many (more is a loop), a stream is
 * at most the file's size. It knows nothing of what the streams hold. */
#ifndef PG_OLE2_H
#define PG_OLE2_H

#include <stddef.h>

#include "util.h"

enum { OLE2_OTHER, OLE2_XLS, OLE2_XLS5, OLE2_DOC, OLE2_PPT };

/* Nonzero when bytes start with the OLE2 signature D0 CF 11 E0 A1 B1 1A E1. */
int ole2_sniff(const char *bytes, size_t n);
/* Which Office kind the file is, by the directory entry names it holds
 * (Workbook: BIFF8; Book alone: BIFF5 and older; WordDocument; PowerPoint
 * Document). OLE2_OTHER when
 * none, or when it is not OLE2. */
int ole2_kind(const char *bytes, size_t n);

/* Read the first of names[] (NULL-ended; matched without regard to ASCII
 * case, as [MS-CFB] compares names) that the directory holds as a stream
 * into out (emptied first). Returns its index in names, or -1 with a
 * message in err (not a compound file, damaged, a sector chain that loops,
 * no such stream). */
int ole2_stream(const char *bytes, size_t n, const char *const *names, buf *out, char *err,
                size_t esz);

#endif
