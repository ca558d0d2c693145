/* SPDX-License-Identifier: MIT */
/* pdfgen: write a small, valid PDF to standard output, for the hostile-PDF
 * tests and the PDF benchmark: many pages, many words on a page, a page that
 * is only an image (a scan), or text in a font without a Unicode map. Not
 * a form maker (fixtures/pdf/make.sh exports real forms with LibreOffice).
 *
 *   pdfgen [--pages N] [--words W] [--scan] [--garbage] [--footer] [--norules]
 *
 * Each page holds W words ("w1 w2 ..." in 6 pt Helvetica, 100 to a line;
 * over 2,000 words, 170 to a line on a page 4,800 x 8,000 pt, so that all
 * stay on the page: poppler drops characters under 3 pt after 50,000) and a ruled 2x2 table; --scan
 * draws a gray image instead of any text; --garbage writes the words in a font whose codes are 1 to
 * 31 and whose glyph names mean nothing (no Unicode map); --norules sets
 * every word apart (100 columns 40 pt apart, rows 12 pt apart) without any
 * line: a table without ruling lines of W cells. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static long *offs;
static long nobj, pos;

static void out(const char *s, size_t n)
{
	fwrite(s, 1, n, stdout);
	pos += (long)n;
}

static void outs(const char *s)
{
	out(s, strlen(s));
}

static void obj_begin(long id)
{
	offs[id] = pos;
	char b[64];
	snprintf(b, sizeof b, "%ld 0 obj\n", id);
	outs(b);
}

int main(int argc, char **argv)
{
	long pages = 1, words = 20;
	int scan = 0, garbage = 0, footer = 0, norules = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--pages") == 0 && i + 1 < argc)
			pages = atol(argv[++i]);
		else if (strcmp(argv[i], "--words") == 0 && i + 1 < argc)
			words = atol(argv[++i]);
		else if (strcmp(argv[i], "--scan") == 0)
			scan = 1;
		else if (strcmp(argv[i], "--garbage") == 0)
			garbage = 1;
		else if (strcmp(argv[i], "--footer") == 0)
			footer = 1;
		else if (strcmp(argv[i], "--norules") == 0)
			norules = 1;
		else {
			fprintf(stderr, "usage: pdfgen [--pages N] [--words W] [--scan] "
			                "[--garbage] [--footer] [--norules]\n");
			return 2;
		}
	}
	if (pages < 1 || pages > 100000 || words < 0 || words > 10000000)
		return 2;
	/* objects: 1 catalog, 2 pages, 3 font, 4 image, 5 a glyph, then per
	 * page: page, content */
	nobj = 5 + 2 * pages;
	offs = xcalloc((size_t)nobj + 1, sizeof *offs);
	outs("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
	obj_begin(1);
	outs("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	obj_begin(2);
	outs("<< /Type /Pages /Count ");
	char b[256];
	snprintf(b, sizeof b, "%ld /Kids [", pages);
	outs(b);
	for (long p = 0; p < pages; p++) {
		snprintf(b, sizeof b, " %ld 0 R", 6 + 2 * p);
		outs(b);
	}
	outs(" ] >>\nendobj\n");
	obj_begin(3);
	if (garbage) {
		/* a Type3 font: codes 1 to 31 (as a subset font numbers its glyphs)
		 * each draw a box, under a name Unicode does not know */
		outs(
		    "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 "
		    "0.001 0 0] /CharProcs << /qzA 5 0 R >> /Encoding << /Type /Encoding "
		    "/Differences "
		    "[1");
		for (int k = 1; k < 32; k++)
			outs(" /qzA");
		outs("] >> /FirstChar 1 /LastChar 31 /Widths [");
		for (int k = 1; k < 32; k++)
			outs(" 500");
		outs("] /Resources << >> >>\nendobj\n");
	} else {
		outs("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
	}
	obj_begin(4);
	outs("<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
	     "/BitsPerComponent 8 /Length 4096 >>\nstream\n");
	char img[4096];
	for (int i = 0; i < 4096; i++)
		img[i] = (char)((i * 7 + i / 64 * 13) & 0xff);
	out(img, sizeof img);
	outs("\nendstream\nendobj\n");
	obj_begin(5);
	outs(
	    "<< /Length 31 >>\nstream\n500 0 0 0 500 700 d1 0 0 400 600 re f\nendstream\nendobj\n");
	buf c = {0};
	for (long p = 0; p < pages; p++) {
		obj_begin(6 + 2 * p);
		snprintf(
		    b, sizeof b,
		    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s] /Resources << /Font "
		    "<< /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents %ld 0 R >>\nendobj\n",
		    words > 2000 || norules ? "4800 8000" : "595 842", 7 + 2 * p);
		outs(b);
		buf_reset(&c);
		if (scan) {
			buf_adds(&c, "q 500 0 0 700 40 80 cm /Im1 Do Q\n");
		} else if (norules) {
			/* every word a cell of a table without lines: 100 columns
			 * 40 pt apart, rows 12 pt apart; words of different widths
			 * (w1, w2W, w3WW, w4 ...), as a column's texts are */
			buf_adds(&c, "BT /F1 6 Tf\n");
			for (long w = 0; w < words; w++)
				buf_printf(&c, "1 0 0 1 %ld %ld Tm (w%ld%s) Tj\n",
				           20 + w % 100 * 40, 7900 - w / 100 * 12, w + 1,
				           "WW" + 2 - w % 3);
			buf_adds(&c, "ET\n");
		} else {
			/* a ruled 2x2 table at the top, then the words */
			buf_adds(&c,
			         "0.5 w 50 800 m 300 800 l 50 780 m 300 780 l 50 760 m 300 760 l "
			         "50 800 m 50 760 l 175 800 m 175 760 l 300 800 m 300 760 l S\n");
			if (garbage)
				buf_adds(&c, "BT /F1 10 Tf 55 785 Td (\\001\\002\\003) Tj 125 0 Td "
				             "(\\004\\005) Tj ET\n");
			else
				buf_adds(
				    &c,
				    "BT /F1 10 Tf 55 785 Td (cell one) Tj 125 0 Td (cell two) Tj "
				    "ET\n");
			double size = 6;
			long per = words > 2000 ? 170 : 100;
			buf_printf(&c, "BT /F1 %g Tf %g TL 20 %d Td\n", size, size * 1.1,
			           words > 2000 ? 7900 : 740);
			for (long w = 0; w < words; w++) {
				if (garbage)
					buf_printf(&c, "(\\%03lo\\%03lo ) Tj\n", 1 + w % 31,
					           1 + w / 31 % 31);
				else
					buf_printf(&c, "(w%ld ) Tj\n", w + 1);
				if (w % per == per - 1)
					buf_adds(&c, "T*\n");
			}
			buf_adds(&c, "ET\n");
		}
		if (footer)
			buf_printf(&c,
			           "BT /F1 9 Tf 280 30 Td (- %ld -) Tj ET BT /F1 9 Tf 480 820 Td "
			           "(Page %ld "
			           "of %ld) Tj ET\n",
			           p + 1, p + 1, pages);
		obj_begin(7 + 2 * p);
		snprintf(b, sizeof b, "<< /Length %zu >>\nstream\n", c.len);
		outs(b);
		out(c.s, c.len);
		outs("\nendstream\nendobj\n");
	}
	buf_free(&c);
	long xref = pos;
	snprintf(b, sizeof b, "xref\n0 %ld\n0000000000 65535 f \n", nobj + 1);
	outs(b);
	for (long i = 1; i <= nobj; i++) {
		snprintf(b, sizeof b, "%010ld 00000 n \n", offs[i]);
		outs(b);
	}
	snprintf(b, sizeof b, "trailer\n<< /Size %ld /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n",
	         nobj + 1, xref);
	outs(b);
	free(offs);
	return 0;
}
