/* SPDX-License-Identifier: MIT */
/* ooxml: what a ZIP archive holds, by its own declarations: the
 * `[Content_Types].xml` of an Office Open XML package (which part is the
 * main document, and so XLSX, DOCX or PPTX) or the `mimetype` member of an
 * OpenDocument file; and resolving a part's relationships. Built on zipr.c
 * and xml.c; it knows parts, not what sheets or paragraphs mean. */
#ifndef PG_OOXML_H
#define PG_OOXML_H

#include <stddef.h>

#include "xml.h"
#include "zipr.h"

enum {
	OOXML_NONE,
	OOXML_XLSX,
	OOXML_DOCX,
	OOXML_PPTX,
	OOXML_ODS,
	OOXML_ODT,
	OOXML_OTHER,
	OOXML_BAD
};

#define OOXML_MAX_SMALL_PART (16L << 20) /* bytes of [Content_Types].xml, a .rels part */

/* Kind of the archive in bytes[0..n): OOXML_NONE when it is no ZIP archive,
 * OOXML_BAD (part gets the reason) when it cannot be opened; for XLSX and
 * DOCX, part gets the main part's name (`xl/workbook.xml`). */
int ooxml_kind(const char *bytes, size_t n, char *part, size_t partsz);
/* ooxml_kind on an open archive. */
int ooxml_kind_of(zipr *z, char *part, size_t partsz, char *err, size_t errsz);

/* 100 when bytes are a package of that kind (OOXML_XLSX, OOXML_DOCX), else
 * 0: a reader's bid. */
int ooxml_bid(const char *bytes, size_t n, int kind);
/* Open bytes[0..n) as a package of that kind: returns the archive (close
 * with zipr_close) with its main part's name in part, or NULL with err set
 * (damaged, a limit, another kind). */
zipr *ooxml_open(const char *bytes, size_t n, int kind, char *part, size_t partsz, char *err,
                 size_t errsz);

/* One relationship of a part: its Id and its target, resolved to a member
 * name (`worksheets/sheet1.xml` of `xl/workbook.xml` -> `xl/worksheets/sheet1.xml`). */
typedef struct {
	char *id, *target;
	char *type; /* the Type's last path segment: "worksheet", "sharedStrings" ... */
} ooxml_rel;

/* The relationships of part (from `DIR/_rels/NAME.rels`) into *rels (*n of
 * them; free with ooxml_rels_free). A part without relationships gives 0
 * of them. Returns 0, or -1 with err set (damaged XML, limits). */
int ooxml_rels(zipr *z, const char *part, ooxml_rel **rels, int *n, char *err, size_t errsz);
void ooxml_rels_free(ooxml_rel *rels, int n);
/* The target of relationship id, or NULL. */
const char *ooxml_rel_target(const ooxml_rel *rels, int n, const char *id);
/* The target of the first relationship of type (last segment), or NULL. */
const char *ooxml_rel_of_type(const ooxml_rel *rels, int n, const char *type);
/* Feed a whole member to parser p and end the document. Returns 0, or -1
 * with err = "MEMBER: why" (or the archive's error). */
int ooxml_feed(zipr *z, const char *member, xml_parser *p, char *err, size_t errsz);
/* Parse a whole member with xml ops (xml.h), streaming. Returns 0, or -1
 * with err = "MEMBER: why". */
int ooxml_parse(zipr *z, const char *member, const xml_ops *ops, void *u, char *err, size_t errsz);

#endif
