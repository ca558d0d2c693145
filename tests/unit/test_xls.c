/* SPDX-License-Identifier: MIT */
/* Unit tests for the XLS reader (ole2.c, xls.c) on workbooks built here,
 * record by record, in a compound file built here: the number rules
 * through the XLS path (float noise, percent by a built-in and by a custom
 * format, dates, a grouping format ignored, RK integers and x100, MULRK, a
 * formula's cached number, string, boolean and error), strings (SST with a
 * string split over a CONTINUE record that switches to UTF-16, LABEL, a
 * surrogate pair), merged cells as spans, a formatted blank extending its
 * row; the stream in the mini stream and in regular sectors; each limit of
 * xls_limit lowered and reached; damaged compound files (a sector chain
 * that loops, sector numbers and sizes out of range, a file cut short) and
 * workbooks not read (encrypted, BIFF5), each with its message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ole2.h"
#include "reader.h"
#include "t.h"
#include "xls.h"

static void put16(buf *b, unsigned v)
{
	buf_addc(b, (int)(v & 0xFF));
	buf_addc(b, (int)(v >> 8 & 0xFF));
}

static void put32(buf *b, uint32_t v)
{
	put16(b, v & 0xFFFF);
	put16(b, v >> 16);
}

static void set32(buf *b, size_t at, uint32_t v)
{
	unsigned char *p = (unsigned char *)b->s + at;
	p[0] = v & 0xFF, p[1] = v >> 8 & 0xFF, p[2] = v >> 16 & 0xFF, p[3] = v >> 24;
}

/* A record: type, then its data d[0..n). */
static void rec(buf *b, unsigned type, const buf *d)
{
	put16(b, type);
	put16(b, (unsigned)d->len);
	buf_add(b, d->s, d->len);
}

/* A cell record's first fields. */
static void cellhead(buf *d, unsigned rw, unsigned col, unsigned xf)
{
	buf_reset(d);
	put16(d, rw);
	put16(d, col);
	put16(d, xf);
}

static void put_double(buf *d, double v)
{
	uint64_t u;
	memcpy(&u, &v, sizeof u);
	put32(d, (uint32_t)u);
	put32(d, (uint32_t)(u >> 32));
}

/* An XLUnicodeString of ASCII text, one byte a character. */
static void put_str8(buf *d, const char *s)
{
	put16(d, (unsigned)strlen(s));
	buf_addc(d, 0);
	buf_adds(d, s);
}

enum { CFB_MINI = 1, CFB_LOOP = 2, CFB_BIGSIZE = 4, CFB_BADDIR = 8, CFB_MANYFAT = 16 };

/* A version 3 compound file (512-byte sectors) holding stream ws as
 * `Workbook`: in the mini stream when it is under 4096 bytes, else in
 * regular sectors; flags break it on purpose. Sector 0 is the FAT, 1 the
 * directory; then (mini) the mini FAT and the mini stream, or the stream. */
static void cfb(buf *out, const buf *ws, int flags)
{
	int mini = ws->len < 4096;
	size_t ns = mini ? (ws->len + 63) / 64 * 64 : ws->len; /* bytes in sectors */
	uint32_t k = (uint32_t)((ns + 511) / 512);             /* data sectors */
	uint32_t first = mini ? 3 : 2;
	buf_reset(out);
	buf_add(out, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
	for (int i = 0; i < 16; i++)
		buf_addc(out, 0);
	put16(out, 0x3E), put16(out, 3), put16(out, 0xFFFE), put16(out, 9), put16(out, 6);
	for (int i = 0; i < 10; i++)
		buf_addc(out, 0);
	put32(out, flags & CFB_MANYFAT ? 100000 : 1); /* FAT sectors */
	put32(out, flags & CFB_BADDIR ? 5000 : 1);    /* first directory sector */
	put32(out, 0);
	put32(out, 4096);
	put32(out, mini ? 2 : 0xFFFFFFFE), put32(out, mini ? 1 : 0);
	put32(out, 0xFFFFFFFE), put32(out, 0);
	put32(out, 0);
	for (int i = 1; i < 109; i++)
		put32(out, 0xFFFFFFFF);
	/* sector 0: the FAT */
	size_t fat = out->len;
	for (int i = 0; i < 128; i++)
		put32(out, 0xFFFFFFFF);
	set32(out, fat, 0xFFFFFFFD);
	set32(out, fat + 4, 0xFFFFFFFE);
	if (mini)
		set32(out, fat + 8, 0xFFFFFFFE);
	for (uint32_t i = 0; i < k; i++)
		set32(out, fat + 4 * (first + i), i + 1 < k ? first + i + 1 : 0xFFFFFFFE);
	if (flags & CFB_LOOP) /* the directory's chain: sector 1 is its own next */
		set32(out, fat + 4, 1);
	/* sector 1: the directory: root, Workbook, two empty entries */
	for (int e = 0; e < 4; e++) {
		size_t at = out->len;
		const char *nm = e == 0 ? "Root Entry" : e == 1 ? "Workbook" : "";
		for (int i = 0; i < 32; i++)
			put16(out, (size_t)i < strlen(nm) ? (unsigned)nm[i] : 0);
		put16(out, nm[0] ? 2 * ((unsigned)strlen(nm) + 1) : 0);
		buf_addc(out, e == 0 ? 5 : e == 1 ? 2 : 0);
		buf_addc(out, 1);
		put32(out, 0xFFFFFFFF), put32(out, 0xFFFFFFFF), put32(out, e == 0 ? 1 : 0xFFFFFFFF);
		while (out->len < at + 116)
			buf_addc(out, 0);
		uint32_t start = e == 0 ? (mini ? 3 : 0xFFFFFFFE) : e == 1 ? (mini ? 0 : 2) : 0;
		uint32_t size = e == 0 ? (mini ? (uint32_t)ns : 0) : e == 1 ? (uint32_t)ws->len : 0;
		if (e == 1 && (flags & CFB_BIGSIZE))
			size = 1u << 30;
		put32(out, start), put32(out, size), put32(out, 0);
	}
	if (mini) { /* sector 2: the mini FAT */
		size_t mf = out->len;
		for (int i = 0; i < 128; i++)
			put32(out, 0xFFFFFFFF);
		uint32_t q = (uint32_t)(ns / 64);
		for (uint32_t i = 0; i < q; i++)
			set32(out, mf + 4 * i, i + 1 < q ? i + 1 : 0xFFFFFFFE);
	}
	buf_add(out, ws->s, ws->len);
	while ((out->len - 512) % 512)
		buf_addc(out, 0);
}

/* The text of the cell at sheet row, col (1-based) that is no span copy. */
static const char *at(const grid *g, int row, int col)
{
	for (int i = 0; i < g->n; i++)
		for (int j = 0; j < g->rows[i].n; j++) {
			const cell *c = &g->rows[i].cells[j];
			if (c->trow == row && c->tcol == col &&
			    !(c->flags & (CELL_HSPAN | CELL_VSPAN)))
				return c->text;
		}
	return "(none)";
}

/* The globals (with a FORMAT `0.0%` as 164 and XFs general, percent 9,
 * custom 164, date 14, grouping 4, BOUNDSHEET 表1 and an SST of three
 * strings, the third split over a CONTINUE that goes on in UTF-16), then
 * the sheet; pad bytes of an unknown record push it past 4096 when big. */
static void workbook(buf *ws, int big, int extra)
{
	buf d = {0};
	buf_reset(ws);
	put16(&d, 0x0600), put16(&d, 0x0005), put32(&d, 0), put32(&d, 0), put32(&d, 0);
	rec(ws, 0x0809, &d);
	if (extra == 1) { /* FILEPASS */
		buf_reset(&d);
		put16(&d, 1);
		rec(ws, 0x002F, &d);
	}
	buf_reset(&d);
	put16(&d, 0);
	rec(ws, 0x0022, &d); /* DATEMODE 1900 */
	buf_reset(&d);
	put16(&d, 164);
	put_str8(&d, "0.0%");
	rec(ws, 0x041E, &d);
	static const unsigned ifmt[] = {0, 9, 164, 14, 4};
	for (int i = 0; i < 5; i++) {
		buf_reset(&d);
		put16(&d, 0), put16(&d, ifmt[i]);
		for (int j = 0; j < 16; j++)
			buf_addc(&d, 0);
		rec(ws, 0x00E0, &d);
	}
	if (big) {
		buf_reset(&d);
		for (int i = 0; i < 5000; i++)
			buf_addc(&d, 'x');
		rec(ws, 0x1234, &d);
	}
	/* BOUNDSHEET8: its offset set below; name 表1 in UTF-16 */
	size_t bs = ws->len + 4;
	buf_reset(&d);
	put32(&d, 0), buf_addc(&d, 0), buf_addc(&d, 0);
	buf_addc(&d, 2), buf_addc(&d, 1), put16(&d, 0x8868), put16(&d, '1');
	rec(ws, 0x0085, &d);
	/* SST: "项目", "a", "ab" + "目标" with the split after "ab" */
	buf_reset(&d);
	put32(&d, 3), put32(&d, 3);
	put16(&d, 2), buf_addc(&d, 1), put16(&d, 0x9879), put16(&d, 0x76EE);
	put16(&d, 1), buf_addc(&d, 0), buf_addc(&d, 'a');
	put16(&d, 4), buf_addc(&d, 0), buf_add(&d, "ab", 2);
	rec(ws, 0x00FC, &d);
	buf_reset(&d);
	buf_addc(&d, 1), put16(&d, 0x76EE), put16(&d, 0x6807);
	rec(ws, 0x003C, &d);
	buf_reset(&d);
	rec(ws, 0x000A, &d);
	set32(ws, bs, (uint32_t)ws->len);
	/* the sheet */
	buf_reset(&d);
	put16(&d, extra == 2 ? 0x0500 : 0x0600), put16(&d, 0x0010), put32(&d, 0), put32(&d, 0),
	    put32(&d, 0);
	rec(ws, 0x0809, &d);
	cellhead(&d, 0, 0, 0), put32(&d, 0);
	rec(ws, 0x00FD, &d); /* A1 LABELSST 项目 (merged A1:B1) */
	cellhead(&d, 0, 2, 0), put32(&d, 2);
	rec(ws, 0x00FD, &d); /* C1 abc目标 */
	cellhead(&d, 0, 3, 0), put32(&d, 99);
	rec(ws, 0x00FD, &d); /* D1: an index past the SST: nothing */
	cellhead(&d, 1, 0, 0), put_double(&d, 82800.920000000013);
	rec(ws, 0x0203, &d); /* A2 */
	cellhead(&d, 1, 1, 1), put_double(&d, 0.95);
	rec(ws, 0x0203, &d); /* B2 95% */
	cellhead(&d, 1, 2, 2), put32(&d, 1u << 2 | 2);
	rec(ws, 0x027E, &d); /* C2 RK integer 1, 0.0%: 100% */
	cellhead(&d, 1, 3, 0), put32(&d, 1234u << 2 | 2 | 1);
	rec(ws, 0x027E, &d); /* D2 RK 1234 / 100 */
	cellhead(&d, 1, 4, 4), put_double(&d, 10891.615675);
	rec(ws, 0x0203, &d); /* E2 #,##0.00: kept whole */
	cellhead(&d, 1, 5, 3), put_double(&d, 45292);
	rec(ws, 0x0203, &d); /* F2 date */
	/* row 3: MULRK B3..C3: -7 and the double 1.5 (high 32 bits) */
	buf_reset(&d);
	put16(&d, 2), put16(&d, 1);
	put16(&d, 0), put32(&d, (uint32_t)(-7 * 4) | 2);
	put16(&d, 0), put32(&d, 0x3FF80000u);
	put16(&d, 2);
	rec(ws, 0x00BD, &d);
	/* row 4: formulas: a number, a string (STRING), a boolean, an error */
	cellhead(&d, 3, 0, 1), put_double(&d, 0.5), put16(&d, 0), put32(&d, 0), put16(&d, 0);
	rec(ws, 0x0006, &d);
	cellhead(&d, 3, 1, 0);
	put16(&d, 0), put16(&d, 0), put16(&d, 0), put16(&d, 0xFFFF);
	put16(&d, 0), put32(&d, 0), put16(&d, 0);
	rec(ws, 0x0006, &d);
	buf_reset(&d);
	put_str8(&d, "cached");
	rec(ws, 0x0207, &d);
	cellhead(&d, 3, 2, 0);
	put16(&d, 1), put16(&d, 1), put16(&d, 0), put16(&d, 0xFFFF);
	put16(&d, 0), put32(&d, 0), put16(&d, 0);
	rec(ws, 0x0006, &d);
	cellhead(&d, 3, 3, 0), buf_addc(&d, 0x07), buf_addc(&d, 1);
	rec(ws, 0x0205, &d); /* BOOLERR #DIV/0! */
	/* row 5: LABEL with a surrogate pair, a BLANK at F5 */
	cellhead(&d, 4, 0, 0), put16(&d, 3), buf_addc(&d, 1);
	put16(&d, 'x'), put16(&d, 0xD83D), put16(&d, 0xDE00);
	rec(ws, 0x0204, &d);
	cellhead(&d, 4, 5, 0);
	rec(ws, 0x0201, &d);
	if (extra == 4) { /* a cell at the sheet's last row and column */
		cellhead(&d, 65535, 255, 0), put_double(&d, 1);
		rec(ws, 0x0203, &d);
	}
	/* MERGECELLS: A1:B1, a range reversed (ignored); extra 3 and 4: one
	 * over the whole sheet */
	buf_reset(&d);
	put16(&d, extra >= 3 ? 3 : 2);
	put16(&d, 0), put16(&d, 0), put16(&d, 0), put16(&d, 1);
	put16(&d, 5), put16(&d, 3), put16(&d, 0), put16(&d, 0);
	if (extra >= 3)
		put16(&d, 1), put16(&d, 65535), put16(&d, 0), put16(&d, 255);
	rec(ws, 0x00E5, &d);
	buf_reset(&d);
	rec(ws, 0x000A, &d);
	buf_free(&d);
}

/* xls_read on file f: its status; the message or first grid via o. */
static int readf(const buf *f, reader_out *o, warnings *wn)
{
	memset(o, 0, sizeof *o);
	o->warn = wn;
	return xls_read(f->s, f->len, "t", o);
}

int main(void)
{
	buf ws = {0}, f = {0};
	warnings wn = {0};
	reader_out o;
	for (int big = 0; big <= 1; big++) {
		workbook(&ws, big, 0);
		CHECK(big ? ws.len >= 4096 : ws.len < 4096);
		cfb(&f, &ws, 0);
		CHECK(reader_pick(f.s, f.len)->read == xls_read);
		CHECK_INT(readf(&f, &o, &wn), 0);
		CHECK_INT(o.n, 1);
		CHECK_STR(o.name[0], "表1");
		const grid *g = o.g[0];
		CHECK_STR(at(g, 1, 1), "项目");
		CHECK_STR(at(g, 1, 3), "ab目标");
		CHECK_STR(at(g, 2, 1), "82800.92");
		CHECK_STR(at(g, 2, 2), "95%");
		CHECK_STR(at(g, 2, 3), "100%");
		CHECK_STR(at(g, 2, 4), "12.34");
		CHECK_STR(at(g, 2, 5), "10891.615675");
		CHECK_STR(at(g, 2, 6), "2024-01-01");
		CHECK_STR(at(g, 3, 2), "-7");
		CHECK_STR(at(g, 3, 3), "1.5");
		CHECK_STR(at(g, 4, 1), "50%");
		CHECK_STR(at(g, 4, 2), "cached");
		CHECK_STR(at(g, 4, 3), "TRUE");
		CHECK_STR(at(g, 4, 4), "#DIV/0!");
		CHECK_STR(at(g, 5, 1), "x\xF0\x9F\x98\x80");
		/* A1:B1 merged: B1 is A1's span copy; D1 has nothing; the blank
		 * F5 makes row 5 reach column F */
		CHECK(g->rows[0].n >= 2 && (g->rows[0].cells[1].flags & CELL_HSPAN));
		CHECK_INT(g->rows[0].n, 3);
		CHECK_INT(g->rows[4].n, 6);
		CHECK_INT(g->n, 5);
		reader_out_free(&o);
	}
	/* --- limits, each lowered and reached */
	workbook(&ws, 0, 0);
	cfb(&f, &ws, 0);
	xls_limit.strings = 2;
	CHECK_INT(readf(&f, &o, &wn), -1);
	CHECK_STR(o.err, "XLS: more than 2 shared strings");
	reader_out_free(&o);
	xls_limit.strings = SHEET_MAX_STRINGS;
	xls_limit.cells = 3;
	CHECK_INT(readf(&f, &o, &wn), 0);
	CHECK_STR(at(o.g[0], 2, 1), "82800.92");
	CHECK_STR(at(o.g[0], 2, 2), "(none)");
	CHECK(wn.n >= 1 &&
	      strcmp(wn.v[wn.n - 1].msg, "sheet 表1: more than 3 cells: rest ignored") == 0);
	reader_out_free(&o);
	xls_limit.cells = SHEET_MAX_CELLS;
	xls_limit.merges = 0;
	CHECK_INT(readf(&f, &o, &wn), 0);
	/* 项目, an empty B1 (no span copy), ab目标 */
	CHECK(o.g[0]->rows[0].n == 3 && !(o.g[0]->rows[0].cells[1].flags & CELL_HSPAN) &&
	      o.g[0]->rows[0].cells[1].len == 0);
	CHECK(strcmp(wn.v[wn.n - 1].msg,
	             "sheet 表1: more than 0 merged ranges: the rest read as written") == 0);
	reader_out_free(&o);
	xls_limit.merges = SHEET_MAX_MERGES;
	xls_limit.sheets = 0;
	CHECK_INT(readf(&f, &o, &wn), 0);
	CHECK_INT(o.n, 0);
	CHECK_STR(wn.v[wn.n - 1].msg, "more than 0 worksheets: the rest not read");
	reader_out_free(&o);
	xls_limit.sheets = SHEET_MAX_SHEETS;
	/* --- a merged range over the whole sheet reaches the last row and
	 * column that hold something; merged ranges cover at most
	 * SHEET_MAX_SPAN_CELLS cells together */
	workbook(&ws, 0, 3);
	cfb(&f, &ws, 0);
	CHECK_INT(readf(&f, &o, &wn), 0);
	CHECK_INT(o.g[0]->n, 5);
	CHECK_INT(o.g[0]->ncells, 3 + 6 + 6 + 6 + 6); /* A2:F5 are one range's */
	CHECK_STR(o.g[0]->err, "");
	reader_out_free(&o);
	workbook(&ws, 0, 4);
	cfb(&f, &ws, 0);
	CHECK_INT(readf(&f, &o, &wn), 0);
	CHECK_STR(o.g[0]->err,
	          "merged ranges covering more than 200000 cells: the rest read as written");
	CHECK(o.g[0]->ncells < 100);
	reader_out_free(&o);
	/* --- damaged compound files, workbooks not read */
	static const struct {
		int big, extra, flags;
		const char *err;
	} bad[] = {
	    {1, 0, CFB_LOOP, "XLS: damaged compound file: a sector chain loops"},
	    {0, 0, CFB_LOOP, "XLS: damaged compound file: a sector chain loops"},
	    {1, 0, CFB_BIGSIZE, "XLS: damaged compound file: a stream larger than the file"},
	    {0, 0, CFB_BADDIR, "XLS: damaged compound file: sector number 5000 out of range"},
	    {0, 0, CFB_MANYFAT, "XLS: damaged compound file: 100000 FAT sectors in a file of 5"},
	    {0, 1, 0, "XLS: an encrypted workbook, not read: save it without a password first"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		workbook(&ws, bad[i].big, bad[i].extra);
		cfb(&f, &ws, bad[i].flags);
		CHECK_INT(readf(&f, &o, &wn), -1);
		CHECK_STR(o.err, bad[i].err);
		reader_out_free(&o);
	}
	/* a file cut short: the stream's last sectors missing */
	workbook(&ws, 1, 0);
	cfb(&f, &ws, 0);
	f.len -= 1024;
	CHECK_INT(readf(&f, &o, &wn), -1);
	CHECK(strstr(o.err, "past the end of the file") != NULL);
	reader_out_free(&o);
	/* a sheet whose BOF is not BIFF8's: the sheet is read as the globals say
	 * (its records are BIFF8's); a BIFF5 globals BOF is named */
	workbook(&ws, 0, 0);
	((unsigned char *)ws.s)[5] = 0x05; /* the globals BOF's version 0x0500 */
	cfb(&f, &ws, 0);
	CHECK_INT(readf(&f, &o, &wn), -1);
	CHECK(strncmp(o.err, "XLS: not a BIFF8 workbook (BOF version 0x0500", 45) == 0);
	reader_out_free(&o);
	/* every prefix of a workbook stream: never out of bounds (ASan), a
	 * message or a read */
	workbook(&ws, 0, 0);
	for (size_t k = 0; k <= ws.len; k += 7) {
		buf cut = {0};
		buf_add(&cut, ws.s, k);
		cfb(&f, &cut, 0);
		int rc = readf(&f, &o, &wn);
		CHECK(rc == 0 || o.err[0]);
		reader_out_free(&o);
		buf_free(&cut);
	}
	/* ole2_stream: a name not there */
	{
		static const char *const nm[] = {"Nothing", NULL};
		char err[200];
		buf s = {0};
		cfb(&f, &ws, 0);
		CHECK_INT(ole2_stream(f.s, f.len, nm, &s, err, sizeof err), -1);
		CHECK_STR(err, "no Nothing stream in the compound file");
		buf_free(&s);
	}
	warn_free(&wn);
	buf_free(&ws);
	buf_free(&f);
	T_END();
}
