/* SPDX-License-Identifier: MIT */
/* ooxml: package kind and relationships. See ooxml.h. */
#include "ooxml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xml.h"

static int feed_chunk(void *u, const char *s, size_t n)
{
	return xml_feed(u, s, n, 0) < 0;
}

int ooxml_feed(zipr *z, const char *member, xml_parser *p, char *err, size_t errsz)
{
	char zerr[300] = "";
	int rc = zipr_stream(z, member, feed_chunk, p, zerr, sizeof zerr);
	if (rc == 0 && xml_feed(p, "", 0, 1) < 0)
		rc = -1;
	if (rc < 0) {
		if (xml_error(p)[0])
			snprintf(err, errsz, "%s: %s", member, xml_error(p));
		else
			snprintf(err, errsz, "%s", zerr);
	}
	return rc;
}

int ooxml_parse(zipr *z, const char *member, const xml_ops *ops, void *u, char *err, size_t errsz)
{
	xml_parser *p = xml_new(ops, u);
	int rc = ooxml_feed(z, member, p, err, errsz);
	xml_free(p);
	return rc;
}

/* [Content_Types].xml: the Override whose type is a main document part. */
typedef struct {
	int kind;
	char part[512];
} ctypes;

static void ct_start(void *u, const char *name, const char **attrs)
{
	ctypes *c = u;
	if (strcmp(name, "Override") != 0)
		return;
	const char *t = xml_attr(attrs, "ContentType"), *pn = xml_attr(attrs, "PartName");
	if (!t || !pn)
		return;
	int k = OOXML_NONE;
	/* sheet.main, sheet.macroEnabled.main, template.main ... */
	if (strstr(t, "spreadsheetml.") && strstr(t, ".main+xml"))
		k = OOXML_XLSX;
	else if (strstr(t, "wordprocessingml.") && strstr(t, ".main+xml"))
		k = OOXML_DOCX;
	else if (strstr(t, "presentationml.") && strstr(t, ".main+xml"))
		k = OOXML_PPTX;
	if (k != OOXML_NONE && c->kind == OOXML_NONE) {
		c->kind = k;
		snprintf(c->part, sizeof c->part, "%s", pn[0] == '/' ? pn + 1 : pn);
	}
}

int ooxml_kind_of(zipr *z, char *part, size_t partsz, char *err, size_t errsz)
{
	if (zipr_has(z, "[Content_Types].xml")) {
		static const xml_ops ops = {ct_start, NULL, NULL};
		ctypes c = {OOXML_NONE, ""};
		if (ooxml_parse(z, "[Content_Types].xml", &ops, &c, err, errsz) < 0)
			return OOXML_BAD;
		snprintf(part, partsz, "%s", c.part);
		return c.kind == OOXML_NONE ? OOXML_OTHER : c.kind;
	}
	if (zipr_has(z, "mimetype")) {
		char *m;
		size_t len;
		if (zipr_read(z, "mimetype", 256, &m, &len, err, errsz) < 0)
			return OOXML_BAD;
		int k = strstr(m, "opendocument.spreadsheet") ? OOXML_ODS
		        : strstr(m, "opendocument.text")      ? OOXML_ODT
		                                              : OOXML_OTHER;
		free(m);
		return k;
	}
	return OOXML_OTHER;
}

int ooxml_kind(const char *bytes, size_t n, char *part, size_t partsz)
{
	if (!zipr_sniff(bytes, n))
		return OOXML_NONE;
	zipr *z = zipr_open(bytes, n, part, partsz);
	if (!z)
		return OOXML_BAD;
	char err[300];
	int k = ooxml_kind_of(z, part, partsz, err, sizeof err);
	if (k == OOXML_BAD)
		snprintf(part, partsz, "%s", err);
	zipr_close(z);
	return k;
}

int ooxml_bid(const char *bytes, size_t n, int kind)
{
	char part[512];
	return ooxml_kind(bytes, n, part, sizeof part) == kind ? 100 : 0;
}

zipr *ooxml_open(const char *bytes, size_t n, int kind, char *part, size_t partsz, char *err,
                 size_t errsz)
{
	zipr *z = zipr_open(bytes, n, err, errsz);
	if (!z)
		return NULL;
	err[0] = 0;
	if (ooxml_kind_of(z, part, partsz, err, errsz) != kind) {
		if (!err[0])
			snprintf(err, errsz, "no main part of the kind expected");
		zipr_close(z);
		return NULL;
	}
	return z;
}

/* ---- relationships ---- */

typedef struct {
	const char *base; /* directory of the part, with its '/' ("xl/") */
	size_t baselen;
	ooxml_rel *v;
	int n, cap;
} rels_ctx;

#define OOXML_MAX_RELS 100000

/* base + target with `..` and `.` segments folded; an absolute target
 * ("/xl/...") is from the package root. New string. */
static char *resolve(const char *base, size_t baselen, const char *target)
{
	buf b = {0};
	if (target[0] == '/')
		target++;
	else
		buf_add(&b, base, baselen);
	buf_adds(&b, target);
	/* fold segments in place */
	char *s = b.s, *w = s;
	for (char *p = s; *p;) {
		char *e = strchr(p, '/');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == 2 && p[0] == '.' && p[1] == '.') {
			if (w > s) {
				w--; /* the '/' after the last kept segment */
				while (w > s && w[-1] != '/')
					w--;
			}
		} else if (!(k == 1 && p[0] == '.') && k > 0) {
			memmove(w, p, k);
			w += k;
			if (e)
				*w++ = '/';
		}
		p += k + (e != NULL);
	}
	*w = 0;
	return s ? s : xstrdup("");
}

static void rel_start(void *u, const char *name, const char **attrs)
{
	rels_ctx *c = u;
	if (strcmp(name, "Relationship") != 0 || c->n >= OOXML_MAX_RELS)
		return;
	const char *id = xml_attr(attrs, "Id"), *t = xml_attr(attrs, "Target");
	const char *mode = xml_attr(attrs, "TargetMode"), *ty = xml_attr(attrs, "Type");
	if (!id || !t || (mode && strcmp(mode, "External") == 0))
		return;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = xreallocarray(c->v, (size_t)c->cap, sizeof *c->v);
	}
	c->v[c->n].id = xstrdup(id);
	c->v[c->n].target = resolve(c->base, c->baselen, t);
	const char *seg = ty ? strrchr(ty, '/') : NULL;
	c->v[c->n].type = xstrdup(seg ? seg + 1 : ty ? ty : "");
	c->n++;
}

int ooxml_rels(zipr *z, const char *part, ooxml_rel **rels, int *n, char *err, size_t errsz)
{
	const char *slash = strrchr(part, '/');
	size_t dl = slash ? (size_t)(slash - part + 1) : 0;
	buf rp = {0};
	buf_add(&rp, part, dl);
	buf_printf(&rp, "_rels/%s.rels", part + dl);
	rels_ctx c = {part, dl, NULL, 0, 0};
	int rc = 0;
	if (zipr_has(z, rp.s)) {
		static const xml_ops ops = {rel_start, NULL, NULL};
		rc = ooxml_parse(z, rp.s, &ops, &c, err, errsz);
	}
	buf_free(&rp);
	*rels = c.v;
	*n = c.n;
	return rc;
}

void ooxml_rels_free(ooxml_rel *rels, int n)
{
	for (int i = 0; i < n; i++)
		free(rels[i].id), free(rels[i].target), free(rels[i].type);
	free(rels);
}

const char *ooxml_rel_target(const ooxml_rel *rels, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(rels[i].id, id) == 0)
			return rels[i].target;
	return NULL;
}

const char *ooxml_rel_of_type(const ooxml_rel *rels, int n, const char *type)
{
	for (int i = 0; i < n; i++)
		if (strcmp(rels[i].type, type) == 0)
			return rels[i].target;
	return NULL;
}
