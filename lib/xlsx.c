/* SPDX-License-Identifier: MIT */
/* xlsx: workbook parts -> grids. See xlsx.h. */
#include "xlsx.h"

#include <stdlib.h>
#include <string.h>

#include "numfmt.h"
#include "ooxml.h"
#include "sheet.h"
#include "xml.h"

sheet_limits xlsx_limit = {SHEET_MAX_STRINGS, SHEET_MAX_CELLS, SHEET_MAX_MERGES, SHEET_MAX_SHEETS};

/* A text being collected from XML character data, kept to at most
 * GRID_MAX_CELL_TEXT + 4 bytes (the grid cuts it, at a character boundary,
 * and flags the cell). */
#define TEXT_CAP (GRID_MAX_CELL_TEXT + 4)

static void text_add(buf *b, const char *s, size_t n, int *cut)
{
	if (b->len + n > TEXT_CAP) {
		*cut = 1;
		n = b->len < TEXT_CAP ? TEXT_CAP - b->len : 0;
	}
	buf_add(b, s, n);
}

/* OOXML's escape of characters XML cannot hold: `_xHHHH_` is U+HHHH
 * (`_x005F_` an underscore), decoded in place. */
static void unescape_x(buf *b)
{
	if (!b->len || !memchr(b->s, '_', b->len))
		return;
	buf o = {0};
	for (size_t i = 0; i < b->len; i++) {
		const char *p = b->s + i;
		if (*p == '_' && i + 7 <= b->len && p[1] == 'x' && p[6] == '_') {
			long cp = 0;
			int k = 2;
			for (; k < 6; k++) {
				char c = p[k];
				int v = c >= '0' && c <= '9'   ? c - '0'
				        : c >= 'a' && c <= 'f' ? c - 'a' + 10
				        : c >= 'A' && c <= 'F' ? c - 'A' + 10
				                               : -1;
				if (v < 0)
					break;
				cp = cp * 16 + v;
			}
			if (k == 6) {
				utf8_put(&o, cp == 0 ? 0xFFFD : cp);
				i += 6;
				continue;
			}
		}
		buf_addc(&o, *p);
	}
	buf_free(b);
	*b = o;
}

/* ---- workbook-wide parts ---- */

typedef struct {
	int id, kind;
} custom_fmt;

typedef struct {
	/* shared strings: texts in one buffer */
	buf sst;
	size_t *soff;
	long nstr, scap;
	int scut; /* a shared string was cut */
	/* styles: the number format kind of each cellXfs entry */
	int *xf;
	int nxf, xfcap;
	custom_fmt *fmt;
	int nfmt, fmtcap;
	int date1904;
	/* sheets: names and parts */
	char **sname, **spart;
	int nsheet, sheetcap;
	char err[400];
} book;

/* sharedStrings.xml */
typedef struct {
	book *b;
	xml_parser *p;
	int in_si, in_t, rph;
	buf cur;
	int cut;
} sst_ctx;

static void sst_start(void *u, const char *name, const char **attrs)
{
	sst_ctx *c = u;
	if (strcmp(name, "si") == 0) {
		c->in_si = 1;
		buf_reset(&c->cur);
	} else if (strcmp(name, "rPh") == 0) {
		c->rph++;
	} else if (strcmp(name, "t") == 0 && c->in_si && !c->rph) {
		c->in_t = 1;
	}
}

static void sst_end(void *u, const char *name)
{
	sst_ctx *c = u;
	book *b = c->b;
	if (strcmp(name, "t") == 0) {
		c->in_t = 0;
	} else if (strcmp(name, "rPh") == 0) {
		c->rph--;
	} else if (strcmp(name, "si") == 0 && c->in_si) {
		c->in_si = 0;
		if (b->nstr >= xlsx_limit.strings) {
			char m[100];
			snprintf(m, sizeof m, "more than %ld shared strings", xlsx_limit.strings);
			xml_stop(c->p, m);
			return;
		}
		unescape_x(&c->cur);
		if (b->nstr + 1 >= b->scap) {
			b->scap = b->scap ? b->scap * 2 : 256;
			b->soff = xreallocarray(b->soff, (size_t)b->scap, sizeof *b->soff);
		}
		b->soff[b->nstr++] = b->sst.len;
		buf_add(&b->sst, c->cur.s ? c->cur.s : "", c->cur.len);
		b->soff[b->nstr] = b->sst.len;
	}
}

static void sst_text(void *u, const char *s, size_t n)
{
	sst_ctx *c = u;
	if (c->in_t)
		text_add(&c->cur, s, n, &c->cut);
}

/* styles.xml: numFmts and cellXfs */
typedef struct {
	book *b;
	int in_xfs;
} sty_ctx;

static int fmt_kind(const book *b, int id)
{
	for (int i = 0; i < b->nfmt; i++)
		if (b->fmt[i].id == id)
			return b->fmt[i].kind;
	return numfmt_kind_id(id);
}

static void sty_start(void *u, const char *name, const char **attrs)
{
	sty_ctx *c = u;
	book *b = c->b;
	if (strcmp(name, "numFmt") == 0) {
		const char *id = xml_attr(attrs, "numFmtId"), *code = xml_attr(attrs, "formatCode");
		if (id && code && b->nfmt < 10000) {
			if (b->nfmt == b->fmtcap) {
				b->fmtcap = b->fmtcap ? b->fmtcap * 2 : 16;
				b->fmt = xreallocarray(b->fmt, (size_t)b->fmtcap, sizeof *b->fmt);
			}
			b->fmt[b->nfmt].id = atoi(id);
			b->fmt[b->nfmt].kind = numfmt_kind_code(code);
			b->nfmt++;
		}
	} else if (strcmp(name, "cellXfs") == 0) {
		c->in_xfs = 1;
	} else if (strcmp(name, "xf") == 0 && c->in_xfs && b->nxf < 100000) {
		const char *id = xml_attr(attrs, "numFmtId");
		if (b->nxf == b->xfcap) {
			b->xfcap = b->xfcap ? b->xfcap * 2 : 16;
			b->xf = xreallocarray(b->xf, (size_t)b->xfcap, sizeof *b->xf);
		}
		b->xf[b->nxf++] = id ? fmt_kind(b, atoi(id)) : NUMFMT_GENERAL;
	}
}

static void sty_end(void *u, const char *name)
{
	if (strcmp(name, "cellXfs") == 0)
		((sty_ctx *)u)->in_xfs = 0;
}

/* workbook.xml: sheets and the date system */
typedef struct {
	book *b;
	ooxml_rel *rels;
	int nrels;
} wb_ctx;

static void wb_start(void *u, const char *name, const char **attrs)
{
	wb_ctx *c = u;
	book *b = c->b;
	if (strcmp(name, "workbookPr") == 0) {
		const char *d = xml_attr(attrs, "date1904");
		b->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
	} else if (strcmp(name, "sheet") == 0 && b->nsheet < xlsx_limit.sheets) {
		const char *nm = xml_attr(attrs, "name"), *id = xml_attr(attrs, "id");
		const char *t = id ? ooxml_rel_target(c->rels, c->nrels, id) : NULL;
		/* chart sheets and dialog sheets hold no cells */
		int ws = 0;
		for (int i = 0; t && i < c->nrels; i++)
			if (strcmp(c->rels[i].id, id) == 0)
				ws = strcmp(c->rels[i].type, "worksheet") == 0;
		if (!t || !ws)
			return;
		if (b->nsheet == b->sheetcap) {
			b->sheetcap = b->sheetcap ? b->sheetcap * 2 : 8;
			b->sname = xreallocarray(b->sname, (size_t)b->sheetcap, sizeof *b->sname);
			b->spart = xreallocarray(b->spart, (size_t)b->sheetcap, sizeof *b->spart);
		}
		b->sname[b->nsheet] = xstrdup(nm ? nm : "");
		b->spart[b->nsheet] = xstrdup(t);
		b->nsheet++;
	}
}

static void book_free(book *b)
{
	buf_free(&b->sst);
	free(b->soff);
	free(b->xf);
	free(b->fmt);
	for (int i = 0; i < b->nsheet; i++)
		free(b->sname[i]), free(b->spart[i]);
	free(b->sname);
	free(b->spart);
}

/* ---- one worksheet ---- */

typedef struct {
	book *b;
	xml_parser *p;
	sheet_data d; /* cells and merges */
	int full;     /* xlsx_limit.cells reached */
	/* the cell being read */
	long row;
	int col;
	int style;
	char type[16];
	int in_c, in_v, in_is_t, in_is, rph;
	buf v;
	int cut;
} sheet;

/* Parse `E22` (or `E`, `22`): column and row, 0 when absent. Returns the
 * end of what was read. */
static const char *parse_ref(const char *s, int *col, long *row)
{
	long c = 0, r = 0;
	while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')) {
		if (c < 100000)
			c = c * 26 + ((*s | 0x20) - 'a' + 1);
		s++;
	}
	if (*s == '$')
		s++;
	while (*s >= '0' && *s <= '9') {
		if (r < 100000000)
			r = r * 10 + (*s - '0');
		s++;
	}
	*col = (int)c;
	*row = r;
	return s;
}

static void sh_start(void *u, const char *name, const char **attrs)
{
	sheet *s = u;
	if (strcmp(name, "c") == 0) {
		const char *r = xml_attr(attrs, "r"), *st = xml_attr(attrs, "s"),
		           *t = xml_attr(attrs, "t");
		int col = 0;
		long row = 0;
		if (r)
			parse_ref(r, &col, &row);
		s->col = col > 0 ? col : s->col + 1;
		if (row > 0)
			s->row = row;
		s->style = st ? atoi(st) : 0;
		snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
		s->in_c = 1;
		s->cut = 0;
		buf_reset(&s->v);
	} else if (strcmp(name, "row") == 0) {
		const char *r = xml_attr(attrs, "r");
		long v = r ? atol(r) : 0;
		s->row = v > 0 ? v : s->row + 1;
		s->col = 0;
	} else if (!s->in_c) {
		if (strcmp(name, "mergeCell") == 0) {
			const char *ref = xml_attr(attrs, "ref");
			sheet_merge m;
			if (!ref || s->d.nm >= xlsx_limit.merges)
				return;
			const char *e = parse_ref(ref, &m.c1, &m.r1);
			if (*e != ':')
				return;
			parse_ref(e + 1, &m.c2, &m.r2);
			if (m.c1 < 1 || m.r1 < 1 || m.c2 < m.c1 || m.r2 < m.r1)
				return;
			sheet_add_merge(&s->d, m);
		}
	} else if (strcmp(name, "v") == 0) {
		s->in_v = 1;
	} else if (strcmp(name, "is") == 0) {
		s->in_is = 1;
	} else if (strcmp(name, "rPh") == 0) {
		s->rph++;
	} else if (strcmp(name, "t") == 0 && s->in_is && !s->rph) {
		s->in_is_t = 1;
	}
}

/* The finished cell's text, by its type, appended to s->d.text. */
static void cell_value(sheet *s)
{
	book *b = s->b;
	const char *v = buf_str(&s->v);
	const char *t = s->type;
	if (strcmp(t, "s") == 0) {
		char *e;
		long i = strtol(v, &e, 10);
		if (e != v && i >= 0 && i < b->nstr)
			buf_add(&s->d.text, b->sst.s + b->soff[i], b->soff[i + 1] - b->soff[i]);
	} else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0 || strcmp(t, "e") == 0) {
		buf_add(&s->d.text, v, s->v.len);
	} else if (strcmp(t, "b") == 0) {
		if (s->v.len)
			buf_adds(&s->d.text, strcmp(v, "0") == 0 ? "FALSE" : "TRUE");
	} else if (strcmp(t, "d") == 0) { /* ISO 8601 date(-time): the date */
		buf_add(&s->d.text, v, s->v.len > 10 ? 10 : s->v.len);
	} else if (s->v.len) {
		int kind = s->style >= 0 && s->style < b->nxf ? b->xf[s->style] : NUMFMT_GENERAL;
		numfmt_number(v, kind, b->date1904, &s->d.text);
	}
}

static void sh_end(void *u, const char *name)
{
	sheet *s = u;
	if (strcmp(name, "c") == 0 && s->in_c) {
		s->in_c = s->in_v = s->in_is = s->in_is_t = 0;
		if (s->full)
			return;
		unescape_x(&s->v);
		size_t off = s->d.text.len;
		cell_value(s);
		if (s->d.text.len == off) {
			sheet_add_blank(&s->d, s->row, s->col);
			return;
		}
		if (s->d.nc >= xlsx_limit.cells) {
			s->full = 1;
			s->d.text.len = off;
			return;
		}
		sheet_add_cell(&s->d, s->row, s->col, off, s->cut);
	} else if (strcmp(name, "v") == 0) {
		s->in_v = 0;
	} else if (strcmp(name, "is") == 0) {
		s->in_is = 0;
	} else if (strcmp(name, "rPh") == 0) {
		s->rph--;
	} else if (strcmp(name, "t") == 0) {
		s->in_is_t = 0;
	}
}

static void sh_text(void *u, const char *t, size_t n)
{
	sheet *s = u;
	if (s->in_v || s->in_is_t)
		text_add(&s->v, t, n, &s->cut);
}

/* ---- the package ---- */

int xlsx_bid(const char *bytes, size_t n)
{
	return ooxml_bid(bytes, n, OOXML_XLSX);
}

int xlsx_read(const char *bytes, size_t n, const char *name, reader_out *o)
{
	char err[400] = "", part[512];
	zipr *z = ooxml_open(bytes, n, OOXML_XLSX, part, sizeof part, err, sizeof err);
	if (!z) {
		snprintf(o->err, sizeof o->err, "XLSX: %s", err);
		return -1;
	}
	book b = {0};
	ooxml_rel *rels = NULL;
	int nrels = 0, rc = -1;
	if (ooxml_rels(z, part, &rels, &nrels, err, sizeof err) < 0)
		goto out;
	const char *sst = ooxml_rel_of_type(rels, nrels, "sharedStrings");
	const char *sty = ooxml_rel_of_type(rels, nrels, "styles");
	if (sst && zipr_has(z, sst)) {
		static const xml_ops ops = {sst_start, sst_end, sst_text};
		sst_ctx c = {&b, NULL, 0, 0, 0, {0}, 0};
		c.p = xml_new(&ops, &c);
		int r = ooxml_feed(z, sst, c.p, err, sizeof err);
		if (c.cut)
			warn_add(o->warn, 0, "a shared string longer than %ld bytes: cut",
			         GRID_MAX_CELL_TEXT);
		xml_free(c.p);
		buf_free(&c.cur);
		if (r < 0)
			goto out;
	}
	if (sty && zipr_has(z, sty)) {
		static const xml_ops ops = {sty_start, sty_end, NULL};
		sty_ctx c = {&b, 0};
		if (ooxml_parse(z, sty, &ops, &c, err, sizeof err) < 0)
			goto out;
	}
	{
		static const xml_ops ops = {wb_start, NULL, NULL};
		wb_ctx c = {&b, rels, nrels};
		if (ooxml_parse(z, part, &ops, &c, err, sizeof err) < 0)
			goto out;
	}
	for (int i = 0; i < b.nsheet; i++) {
		static const xml_ops ops = {sh_start, sh_end, sh_text};
		sheet s = {0};
		s.b = &b;
		s.p = xml_new(&ops, &s);
		char serr[400] = "";
		int r = ooxml_feed(z, b.spart[i], s.p, serr, sizeof serr);
		if (r < 0)
			snprintf(err, sizeof err, "sheet %s: %s", b.sname[i], serr);
		else {
			grid *g = grid_new();
			sheet_to_grid(&s.d, g);
			if (s.full)
				warn_add(o->warn, 0, "sheet %s: more than %ld cells: rest ignored",
				         b.sname[i], xlsx_limit.cells);
			for (long j = 0; j < s.d.nc; j++)
				if (s.d.c[j].cut) {
					char col[8];
					warn_add(o->warn, s.d.c[j].row,
					         "cell %s!%s%ld longer than %ld bytes: cut",
					         b.sname[i], grid_col_letters(s.d.c[j].col, col),
					         s.d.c[j].row, GRID_MAX_CELL_TEXT);
					break;
				}
			reader_add(o, g, b.sname[i]);
		}
		xml_free(s.p);
		buf_free(&s.v);
		sheet_free(&s.d);
		if (r < 0)
			goto out;
	}
	rc = 0;
out:
	if (rc < 0)
		snprintf(o->err, sizeof o->err, "XLSX: %s", err[0] ? err : "no workbook part");
	ooxml_rels_free(rels, nrels);
	book_free(&b);
	zipr_close(z);
	(void)name;
	return rc;
}
