/* SPDX-License-Identifier: MIT */
/* xls: BIFF8 records -> grids. See xls.h. */
#include "xls.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"
#include "ole2.h"
#include "sheet.h"

enum { XLS_LAST_COL = 255 }; /* BIFF8's columns are 0 to 255 */

sheet_limits xls_limit = {SHEET_MAX_STRINGS, SHEET_MAX_CELLS, SHEET_MAX_MERGES, SHEET_MAX_SHEETS};

/* record types ([MS-XLS] 2.3) */
enum {
	R_FORMULA = 0x0006,
	R_EOF = 0x000A,
	R_DATEMODE = 0x0022,
	R_FILEPASS = 0x002F,
	R_CONTINUE = 0x003C,
	R_BOUNDSHEET = 0x0085,
	R_MULRK = 0x00BD,
	R_MULBLANK = 0x00BE,
	R_RSTRING = 0x00D6,
	R_XF = 0x00E0,
	R_MERGECELLS = 0x00E5,
	R_SST = 0x00FC,
	R_LABELSST = 0x00FD,
	R_BLANK = 0x0201,
	R_ARRAY = 0x0221,
	R_TABLE = 0x0236,
	R_SHRFMLA = 0x04BC,
	R_NUMBER = 0x0203,
	R_LABEL = 0x0204,
	R_BOOLERR = 0x0205,
	R_STRING = 0x0207,
	R_RK = 0x027E,
	R_FORMAT = 0x041E,
	R_BOF = 0x0809,
};

static unsigned le16(const unsigned char *p)
{
	return p[0] | (unsigned)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static double le_double(const unsigned char *p)
{
	uint64_t u = le32(p) | (uint64_t)le32(p + 4) << 32;
	double d;
	memcpy(&d, &u, sizeof d);
	return d;
}

/* ---- records, and data that runs on into CONTINUE records ---- */

/* A cursor over the stream: the current record's data (p, left) and where
 * the next record starts. */
typedef struct {
	const unsigned char *s;
	size_t n, next;
	unsigned type;
	const unsigned char *p; /* the current record's data not yet taken */
	size_t len, left;
	int bad; /* data ran past the records that hold it */
} cur;

/* Step to the record at c->next. Returns 0, or -1 at the stream's end (or
 * a record that runs past it). */
static int rec_next(cur *c)
{
	if (c->next + 4 > c->n)
		return -1;
	const unsigned char *h = c->s + c->next;
	size_t len = le16(h + 2);
	if (len > c->n - c->next - 4)
		return -1;
	c->type = le16(h);
	c->p = h + 4;
	c->len = c->left = len;
	c->next += 4 + len;
	c->bad = 0;
	return 0;
}

/* The current record is used up: go on into a CONTINUE record after it.
 * Returns 1 with data there, 0 (c->bad set) when there is none. */
static int more(cur *c)
{
	while (!c->left) {
		if (c->next + 4 > c->n || le16(c->s + c->next) != R_CONTINUE || rec_next(c) < 0) {
			c->bad = 1;
			return 0;
		}
		c->type = R_CONTINUE;
	}
	return 1;
}

/* k bytes into d (may be NULL: skipped), across CONTINUE records. */
static int take(cur *c, unsigned char *d, size_t k)
{
	while (k) {
		if (!more(c))
			return -1;
		size_t t = k < c->left ? k : c->left;
		if (d)
			memcpy(d, c->p, t), d += t;
		c->p += t;
		c->left -= t;
		k -= t;
	}
	return 0;
}

static unsigned take16(cur *c)
{
	unsigned char b[2] = {0, 0};
	take(c, b, 2);
	return le16(b);
}

static uint32_t take32(cur *c)
{
	unsigned char b[4] = {0, 0, 0, 0};
	take(c, b, 4);
	return le32(b);
}

/* cch characters (fHighByte in flags: UTF-16LE, else one byte each, the
 * low byte of a UTF-16 unit) as UTF-8 onto out. Where they run on into a
 * CONTINUE record, that record starts with its own flags byte. Surrogate
 * pairs are joined; a lone surrogate becomes U+FFFD. */
static void take_chars(cur *c, size_t cch, unsigned flags, buf *out)
{
	unsigned hi = 0; /* a high surrogate waiting for its pair */
	for (size_t i = 0; i < cch; i++) {
		if (!c->left) {
			if (!more(c))
				break;
			flags = c->p[0];
			c->p++, c->left--;
			if (!more(c))
				break;
		}
		unsigned u;
		if (flags & 1) {
			unsigned char b[2];
			if (take(c, b, 2) < 0)
				break;
			u = le16(b);
		} else {
			u = *c->p++;
			c->left--;
		}
		if (hi && u >= 0xDC00 && u <= 0xDFFF) {
			utf8_put(out, 0x10000 + ((long)(hi - 0xD800) << 10) + (u - 0xDC00));
			hi = 0;
			continue;
		}
		if (hi)
			utf8_put(out, 0xFFFD);
		hi = 0;
		if (u >= 0xD800 && u <= 0xDBFF)
			hi = u;
		else if (u >= 0xDC00 && u <= 0xDFFF)
			utf8_put(out, 0xFFFD);
		else if (u) /* a NUL is no text */
			utf8_put(out, u);
	}
	if (hi)
		utf8_put(out, 0xFFFD);
}

/* An XLUnicodeString (16-bit count) or, short, a ShortXLUnicodeString
 * (8-bit count), onto out. */
static void take_string(cur *c, int short_count, buf *out)
{
	size_t cch;
	if (short_count) {
		unsigned char k = 0;
		take(c, &k, 1);
		cch = k;
	} else {
		cch = take16(c);
	}
	unsigned char f = 0;
	take(c, &f, 1);
	size_t runs = f & 8 ? take16(c) : 0;
	uint32_t ext = f & 4 ? take32(c) : 0;
	take_chars(c, cch, f, out);
	/* the formatting runs and phonetic data after the characters */
	take(c, NULL, 4 * runs);
	take(c, NULL, ext);
}

/* ---- the workbook globals ---- */

typedef struct {
	int id, kind;
} fmt;

typedef struct {
	const char *err;
	buf sst;      /* the shared strings, one after another */
	size_t *soff; /* string i is sst[soff[i] .. soff[i + 1]) */
	long nstr, ocap;
	fmt *fmt;
	int nfmt, fcap;
	unsigned short *xf; /* per XF: its number format id */
	long nxf, xcap;
	int date1904;
	uint32_t *spos; /* per worksheet: its BOF's offset in the stream */
	char **sname;
	int nsheet, scap;
} book;

static void book_free(book *b)
{
	buf_free(&b->sst);
	free(b->soff);
	free(b->fmt);
	free(b->xf);
	for (int i = 0; i < b->nsheet; i++)
		free(b->sname[i]);
	free(b->sname);
	free(b->spos);
}

/* The number-format kind of XF index i. */
static int xf_kind(const book *b, unsigned i)
{
	if (i >= b->nxf)
		return NUMFMT_GENERAL;
	int id = b->xf[i];
	for (int k = b->nfmt - 1; k >= 0; k--)
		if (b->fmt[k].id == id)
			return b->fmt[k].kind;
	return numfmt_kind_id(id);
}

/* The SST record and its CONTINUE records -> b->sst. Returns 0, or -1 with
 * b->err past xls_limit.strings. */
static int read_sst(cur *c, book *b)
{
	take32(c); /* cstTotal */
	uint32_t n = take32(c);
	for (uint32_t i = 0; i < n && !c->bad; i++) {
		if (b->nstr >= xls_limit.strings) {
			b->err = "shared strings";
			return -1;
		}
		if (!c->left && (c->next + 4 > c->n || le16(c->s + c->next) != R_CONTINUE))
			break; /* fewer strings than the count: the rest are missing */
		if (b->nstr + 2 > b->ocap) {
			b->ocap = b->ocap ? b->ocap * 2 : 256;
			b->soff = xreallocarray(b->soff, (size_t)b->ocap, sizeof *b->soff);
		}
		b->soff[b->nstr] = b->sst.len;
		take_string(c, 0, &b->sst);
		b->soff[++b->nstr] = b->sst.len;
	}
	return 0;
}

/* The globals substream, from the first BOF to its EOF. Returns 0, or -1
 * with o->err. */
static int read_globals(cur *c, book *b, reader_out *o)
{
	if (rec_next(c) < 0 || c->type != R_BOF || c->len < 4) {
		snprintf(o->err, sizeof o->err,
		         "XLS: the Workbook stream does not start with a BOF record");
		return -1;
	}
	unsigned vers = le16(c->p), dt = le16(c->p + 2);
	if (vers != 0x0600 || dt != 0x0005) {
		snprintf(o->err, sizeof o->err,
		         "XLS: not a BIFF8 workbook (BOF version 0x%04X, type 0x%04X), not read: "
		         "convert it first: soffice --headless --convert-to xlsx",
		         vers, dt);
		return -1;
	}
	buf t = {0};
	while (rec_next(c) == 0 && c->type != R_EOF) {
		switch (c->type) {
		case R_FILEPASS:
			snprintf(o->err, sizeof o->err,
			         "XLS: an encrypted workbook, not read: save it without a password "
			         "first");
			buf_free(&t);
			return -1;
		case R_DATEMODE:
			if (c->len >= 2)
				b->date1904 = le16(c->p) == 1;
			break;
		case R_FORMAT: {
			if (c->len < 2)
				break;
			int id = (int)take16(c);
			buf_reset(&t);
			take_string(c, 0, &t);
			if (b->nfmt == b->fcap) {
				b->fcap = b->fcap ? b->fcap * 2 : 32;
				b->fmt = xreallocarray(b->fmt, (size_t)b->fcap, sizeof *b->fmt);
			}
			b->fmt[b->nfmt++] = (fmt){id, numfmt_kind_code(buf_str(&t))};
			break;
		}
		case R_XF:
			if (c->len < 4 || b->nxf > 0xFFFF)
				break; /* an index is 16 bits: a later XF is never used */
			if (b->nxf == b->xcap) {
				b->xcap = b->xcap ? b->xcap * 2 : 64;
				b->xf = xreallocarray(b->xf, (size_t)b->xcap, sizeof *b->xf);
			}
			b->xf[b->nxf++] = (unsigned short)le16(c->p + 2);
			break;
		case R_BOUNDSHEET: {
			if (c->len < 8 || c->p[5] != 0) /* a worksheet, not a chart or macros */
				break;
			if (b->nsheet >= xls_limit.sheets) {
				if (b->nsheet == xls_limit.sheets)
					warn_add(o->warn, 0,
					         "more than %d worksheets: the rest not read",
					         xls_limit.sheets);
				b->nsheet++;
				break;
			}
			uint32_t pos = le32(c->p);
			take(c, NULL, 6);
			buf_reset(&t);
			take_string(c, 1, &t);
			if (b->nsheet == b->scap) {
				b->scap = b->scap ? b->scap * 2 : 8;
				b->spos = xreallocarray(b->spos, (size_t)b->scap, sizeof *b->spos);
				b->sname =
				    xreallocarray(b->sname, (size_t)b->scap, sizeof *b->sname);
			}
			b->spos[b->nsheet] = pos;
			b->sname[b->nsheet] = t.len ? xstrdup(buf_str(&t)) : xstrdup("Sheet");
			b->nsheet++;
			break;
		}
		case R_SST:
			if (read_sst(c, b) < 0) {
				snprintf(o->err, sizeof o->err, "XLS: more than %ld shared strings",
				         xls_limit.strings);
				buf_free(&t);
				return -1;
			}
			break;
		default:
			break;
		}
	}
	if (b->nsheet > xls_limit.sheets)
		b->nsheet = xls_limit.sheets;
	buf_free(&t);
	return 0;
}

/* ---- one worksheet ---- */

typedef struct {
	const book *b;
	sheet_data d;
	long cells;
	int full;
} xsheet;

/* The text at d.text from off on is the cell's at rw, col (0-based). */
static void put(xsheet *s, unsigned rw, unsigned col, size_t off)
{
	if (s->d.text.len == off)
		return;
	if (s->cells >= xls_limit.cells) {
		s->full = 1;
		s->d.text.len = off;
		return;
	}
	s->cells++;
	sheet_add_cell(&s->d, (long)rw + 1, (int)col + 1, off, 0);
}

static void put_number(xsheet *s, unsigned rw, unsigned col, unsigned ixfe, double v)
{
	size_t off = s->d.text.len;
	numfmt_double(v, xf_kind(s->b, ixfe), s->b->date1904, &s->d.text);
	put(s, rw, col, off);
}

/* An RK number ([MS-XLS] 2.5.217): a 30-bit integer or the high 30 bits of
 * a double, maybe divided by 100. */
static double rk_value(uint32_t rk)
{
	double v;
	if (rk & 2) {
		v = (double)((int32_t)rk >> 2);
	} else {
		uint64_t u = (uint64_t)(rk & 0xFFFFFFFCu) << 32;
		memcpy(&v, &u, sizeof v);
	}
	return rk & 1 ? v / 100 : v;
}

static const char *error_text(unsigned e)
{
	switch (e) {
	case 0x00:
		return "#NULL!";
	case 0x07:
		return "#DIV/0!";
	case 0x0F:
		return "#VALUE!";
	case 0x17:
		return "#REF!";
	case 0x1D:
		return "#NAME?";
	case 0x24:
		return "#NUM!";
	case 0x2A:
		return "#N/A";
	default:
		return "#ERROR!";
	}
}

/* A boolean or error value (BOOLERR, a FORMULA's cached one). */
static void put_boolerr(xsheet *s, unsigned rw, unsigned col, unsigned v, int is_error)
{
	size_t off = s->d.text.len;
	buf_adds(&s->d.text, is_error ? error_text(v) : v ? "TRUE" : "FALSE");
	put(s, rw, col, off);
}

/* The worksheet substream at pos: its cells and merges -> s. */
static void read_sheet(cur *c, xsheet *s, reader_out *o, const char *name)
{
	int depth = 0;    /* BOF/EOF nesting: charts embedded in the sheet */
	long str_rw = -1; /* a FORMULA whose string value a STRING record holds */
	unsigned str_col = 0;
	while (rec_next(c) == 0) {
		const unsigned char *p = c->p;
		size_t len = c->len;
		if (c->type == R_BOF) {
			depth++;
			continue;
		}
		if (c->type == R_EOF) {
			if (--depth <= 0)
				break;
			continue;
		}
		if (depth != 1)
			continue;
		unsigned rw = len >= 4 ? le16(p) : 0, col = len >= 4 ? le16(p + 2) : 0;
		/* BIFF8 has 256 columns: a cell record past them is damaged */
		if (col > XLS_LAST_COL && c->type != R_MERGECELLS && c->type != R_STRING &&
		    c->type != R_CONTINUE)
			continue;
		/* between a FORMULA and its STRING may come the formula's own
		 * records (SHRFMLA, ARRAY, TABLE) */
		if (c->type != R_STRING && c->type != R_CONTINUE && c->type != R_SHRFMLA &&
		    c->type != R_ARRAY && c->type != R_TABLE)
			str_rw = -1;
		switch (c->type) {
		case R_LABELSST:
			if (len >= 10) {
				uint32_t i = le32(p + 6);
				if (i < (uint32_t)s->b->nstr) {
					size_t off = s->d.text.len;
					buf_add(&s->d.text, s->b->sst.s + s->b->soff[i],
					        s->b->soff[i + 1] - s->b->soff[i]);
					put(s, rw, col, off);
				}
			}
			break;
		case R_LABEL:
		case R_RSTRING:
			if (len >= 9) {
				size_t off = s->d.text.len;
				take(c, NULL, 6);
				take_string(c, 0, &s->d.text);
				put(s, rw, col, off);
			}
			break;
		case R_NUMBER:
			if (len >= 14)
				put_number(s, rw, col, le16(p + 4), le_double(p + 6));
			break;
		case R_RK:
			if (len >= 10)
				put_number(s, rw, col, le16(p + 4), rk_value(le32(p + 6)));
			break;
		case R_MULRK:
			/* rw, colFirst, (ixfe, rk)..., colLast */
			for (size_t k = 0;
			     len >= 6 && 4 + 6 * (k + 1) <= len - 2 && col + k <= XLS_LAST_COL; k++)
				put_number(s, rw, col + (unsigned)k, le16(p + 4 + 6 * k),
				           rk_value(le32(p + 6 + 6 * k)));
			break;
		case R_FORMULA:
			if (len < 20)
				break;
			if (p[12] == 0xFF && p[13] == 0xFF) {
				if (p[6] == 0)
					str_rw = rw, str_col = col;
				else if (p[6] == 1 || p[6] == 2)
					put_boolerr(s, rw, col, p[8], p[6] == 2);
			} else {
				put_number(s, rw, col, le16(p + 4), le_double(p + 6));
			}
			break;
		case R_STRING:
			if (str_rw >= 0) {
				size_t off = s->d.text.len;
				take_string(c, 0, &s->d.text);
				put(s, (unsigned)str_rw, str_col, off);
				str_rw = -1;
			}
			break;
		case R_BOOLERR:
			if (len >= 8)
				put_boolerr(s, rw, col, p[6], p[7] != 0);
			break;
		case R_BLANK:
			if (len >= 6)
				sheet_add_blank(&s->d, (long)rw + 1, (int)col + 1);
			break;
		case R_MULBLANK:
			if (len >= 8 && le16(p + len - 2) <= XLS_LAST_COL)
				sheet_add_blank(&s->d, (long)rw + 1, (int)le16(p + len - 2) + 1);
			break;
		case R_MERGECELLS: {
			size_t k = len >= 2 ? le16(p) : 0, fit = len >= 2 ? (len - 2) / 8 : 0;
			if (k > fit) /* more ranges said than the record holds */
				k = fit;
			for (size_t i = 0; i < k; i++) {
				const unsigned char *m = p + 2 + 8 * i;
				sheet_merge r = {(long)le16(m) + 1, (long)le16(m + 2) + 1,
				                 (int)le16(m + 4) + 1, (int)le16(m + 6) + 1};
				if (r.r2 < r.r1 || r.c2 < r.c1 || r.c2 > XLS_LAST_COL + 1)
					continue;
				if (s->d.nm >= xls_limit.merges) {
					warn_add(o->warn, 0,
					         "sheet %s: more than %ld merged ranges: the rest "
					         "read as "
					         "written",
					         name, xls_limit.merges);
					break;
				}
				sheet_add_merge(&s->d, r);
			}
			break;
		}
		default:
			break;
		}
	}
}

/* ---- the workbook ---- */

int xls_bid(const char *bytes, size_t n)
{
	return ole2_kind(bytes, n) == OLE2_XLS ? 100 : 0;
}

int xls_read(const char *bytes, size_t n, const char *name, reader_out *o)
{
	static const char *const names[] = {"Workbook", NULL};
	char err[256] = "";
	buf wb = {0};
	if (ole2_stream(bytes, n, names, &wb, err, sizeof err) < 0) {
		snprintf(o->err, sizeof o->err, "XLS: %s", err);
		buf_free(&wb);
		return -1;
	}
	book b = {0};
	cur c = {(const unsigned char *)wb.s, wb.len, 0, 0, NULL, 0, 0, 0};
	int rc = -1;
	if (read_globals(&c, &b, o) < 0)
		goto out;
	for (int i = 0; i < b.nsheet; i++) {
		xsheet s = {0};
		s.b = &b;
		cur sc = {(const unsigned char *)wb.s, wb.len, b.spos[i], 0, NULL, 0, 0, 0};
		if (b.spos[i] >= wb.len || wb.len - b.spos[i] < 8 ||
		    le16(sc.s + b.spos[i]) != R_BOF) {
			warn_add(o->warn, 0,
			         "sheet %s: no worksheet where the workbook says: not read",
			         b.sname[i]);
			continue;
		}
		read_sheet(&sc, &s, o, b.sname[i]);
		if (s.full)
			warn_add(o->warn, 0, "sheet %s: more than %ld cells: rest ignored",
			         b.sname[i], xls_limit.cells);
		grid *g = grid_new();
		sheet_to_grid(&s.d, g);
		sheet_free(&s.d);
		reader_add(o, g, b.sname[i]);
	}
	rc = 0;
out:
	book_free(&b);
	buf_free(&wb);
	(void)name;
	return rc;
}
