/* SPDX-License-Identifier: MIT */
/* reader: content-based kind detection and the table of readers. See
 * reader.h. The unread kinds live here: each is a bid on a signature and a
 * read that only explains what the file is and how to convert it. */
#include "reader.h"

#include "pdf.h"

#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "ole2.h"
#include "textdoc.h"
#include "xls.h"
#include "xlsx.h"
#include "ooxml.h"
#include "zipr.h"

void reader_add(reader_out *o, grid *g, const char *name)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 4;
		o->g = xreallocarray(o->g, (size_t)o->cap, sizeof *o->g);
		o->name = xreallocarray(o->name, (size_t)o->cap, sizeof *o->name);
	}
	o->g[o->n] = g;
	o->name[o->n] = name ? xstrdup(name) : NULL;
	o->n++;
}

void reader_out_free(reader_out *o)
{
	if (!o)
		return;
	for (int i = 0; i < o->n; i++) {
		grid_free(o->g[i]);
		free(o->name[i]);
	}
	free(o->g);
	free(o->name);
	free(o->own);
	o->g = NULL;
	o->name = NULL;
	o->own = NULL;
	o->n = o->cap = 0;
}

/* ---- kinds that are recognised but not read ---- */

/* name quoted for a shell when it needs it ("FILE" for standard input). */
static void shell_name(buf *b, const char *name)
{
	if (!name || strcmp(name, "-") == 0) {
		buf_adds(b, "FILE");
		return;
	}
	if (strspn(name,
	           "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-/+,:@%") ==
	    strlen(name)) {
		buf_adds(b, name);
		return;
	}
	buf_addc(b, '\'');
	for (const char *p = name; *p; p++)
		if (*p == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addc(b, *p);
	buf_addc(b, '\'');
}

/* o->err = "WHAT, not read: CONVERT" with NAME in convert replaced by the
 * input's name. Returns -1. */
static int not_read(reader_out *o, const char *what, const char *convert, const char *name)
{
	buf b = {0};
	buf_printf(&b, "%s, not read", what);
	if (convert) {
		buf_adds(&b, ": convert it first: ");
		for (const char *p = convert; *p;) {
			const char *q = strstr(p, "NAME");
			if (!q) {
				buf_adds(&b, p);
				break;
			}
			buf_add(&b, p, (size_t)(q - p));
			shell_name(&b, name);
			p = q + 4;
		}
	}
	snprintf(o->err, sizeof o->err, "%s", buf_str(&b));
	buf_free(&b);
	return -1;
}

static int pdf_bid(const char *b, size_t n)
{
	return pdf_sniff(b, n) ? 100 : 0;
}

/* The PDF reader (lib/pdf.c) into one grid: a document's tables, joined over
 * page breaks, and the text around them. */
static int pdf_grid(const char *b, size_t n, const char *name, reader_out *o)
{
	(void)name;
	grid *g = grid_new();
	if (pdf_read(b, n, NULL, g, o->warn, o->err, sizeof o->err) < 0) {
		grid_free(g);
		return -1;
	}
	reader_add(o, g, NULL);
	return 0;
}

static int ole2_other_bid(const char *b, size_t n)
{
	return ole2_sniff(b, n) ? 50 : 0;
}

/* The kinds not read, by what ole2_kind / ooxml_kind say: what the file is
 * and the command that converts it (NAME: the input's name). The row with
 * kind -1 ends a table and takes any other kind. */
typedef struct {
	int kind;
	const char *what, *convert;
} unread;

static const unread ole2_unread[] = {
    {OLE2_DOC, "a legacy Word document (.doc)", "soffice --headless --convert-to docx NAME"},
    {OLE2_PPT, "a legacy PowerPoint presentation (.ppt)",
     "soffice --headless --convert-to pdf NAME, then pdftotext -layout"},
    {OLE2_XLS5, "an Excel 5.0/95 workbook (.xls, BIFF5)",
     "soffice --headless --convert-to xlsx NAME"},
    {-1, "an OLE2 compound file (legacy Office) of unknown kind",
     "soffice --headless --convert-to pdf NAME"},
};

static const unread zip_unread[] = {
    {OOXML_ODS, "an OpenDocument spreadsheet (.ods)", "soffice --headless --convert-to xlsx NAME"},
    {OOXML_ODT, "an OpenDocument text (.odt)", "soffice --headless --convert-to docx NAME"},
    {OOXML_PPTX, "a PowerPoint presentation (.pptx)",
     "soffice --headless --convert-to pdf NAME, then pdftotext -layout"},
    {-1, "a ZIP archive that is no XLSX or DOCX", "unzip NAME"},
};

static int not_read_kind(const unread *t, int kind, const char *name, reader_out *o)
{
	while (t->kind != kind && t->kind != -1)
		t++;
	return not_read(o, t->what, t->convert, name);
}

static int ole2_other_read(const char *b, size_t n, const char *name, reader_out *o)
{
	return not_read_kind(ole2_unread, ole2_kind(b, n), name, o);
}

static int zip_other_bid(const char *b, size_t n)
{
	return zipr_sniff(b, n) ? 50 : 0;
}

static int zip_other_read(const char *b, size_t n, const char *name, reader_out *o)
{
	char type[300];
	int k = ooxml_kind(b, n, type, sizeof type);
	if (k == OOXML_BAD) {
		char what[400];
		snprintf(what, sizeof what, "a ZIP archive that cannot be read (%s)", type);
		return not_read(o, what, NULL, name);
	}
	return not_read_kind(zip_unread, k, name, o);
}

static int rtf_bid(const char *b, size_t n)
{
	return n >= 5 && memcmp(b, "{\\rtf", 5) == 0 ? 100 : 0;
}

static int rtf_read(const char *b, size_t n, const char *name, reader_out *o)
{
	return not_read(o, "an RTF document", "soffice --headless --convert-to docx NAME", name);
}

/* Image signatures: a scan, not a form's text. */
static const struct {
	const char *sig;
	size_t len;
	const char *what;
} images[] = {
    {"\x89PNG\r\n\x1a\n", 8, "a PNG image"},
    {"\xFF\xD8\xFF", 3, "a JPEG image"},
    {"GIF87a", 6, "a GIF image"},
    {"GIF89a", 6, "a GIF image"},
    {"II*\0", 4, "a TIFF image"},
    {"MM\0*", 4, "a TIFF image"},
    {"BM", 2, NULL /* too short to be sure */},
};

static const char *image_what(const char *b, size_t n)
{
	for (size_t i = 0; i < sizeof images / sizeof *images; i++)
		if (images[i].what && n >= images[i].len &&
		    memcmp(b, images[i].sig, images[i].len) == 0)
			return images[i].what;
	return NULL;
}

static int image_bid(const char *b, size_t n)
{
	return image_what(b, n) ? 100 : 0;
}

static int image_read(const char *b, size_t n, const char *name, reader_out *o)
{
	return not_read(
	    o, image_what(b, n),
	    "an OCR program, e.g. tesseract NAME out -l chi_sim, then pg-extract out.txt", name);
}

const reader_format reader_formats[] = {
    {"XLSX workbook", xlsx_bid, xlsx_read},
    {"DOCX document", docx_bid, docx_read},
    {"XLS workbook", xls_bid, xls_read},
    {"PDF document", pdf_bid, pdf_grid},
    {"OLE2 file", ole2_other_bid, ole2_other_read},
    {"ZIP archive", zip_other_bid, zip_other_read},
    {"RTF document", rtf_bid, rtf_read},
    {"image", image_bid, image_read},
    {"text", textdoc_bid, textdoc_read},
    {NULL, NULL, NULL},
};

const reader_format *reader_pick(const char *bytes, size_t n)
{
	const reader_format *best = NULL;
	int top = 0;
	for (const reader_format *f = reader_formats; f->kind; f++) {
		int b = f->bid(bytes, n);
		if (b > top)
			top = b, best = f;
	}
	return best ? best : &reader_formats[sizeof reader_formats / sizeof *reader_formats - 2];
}
