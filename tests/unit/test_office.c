/* SPDX-License-Identifier: MIT */
/* Unit tests for the office readers' limits and kind detection: each limit
 * of zipr.c and xlsx.c lowered (zipr_limit, xlsx_limit) and reached with a
 * small archive built in memory (zipw); XML depth at its exact value;
 * reader_pick on each kind; grid_table's spans without HTML. */
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "reader.h"
#include "t.h"
#include "xlsx.h"
#include "xml.h"
#include "zipr.h"

static const char CT[] =
    "<Types><Override PartName=\"/xl/workbook.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
    "sheet.main+xml\"/></Types>";
static const char WB[] = "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S1\" r:id=\"rId1\"/><sheet "
                         "name=\"S2\" r:id=\"rId2\"/></sheets></workbook>";
static const char RELS[] =
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
    "Target=\"worksheets/s1.xml\"/><Relationship Id=\"rId2\" Type=\"x/worksheet\" "
    "Target=\"worksheets/s1.xml\"/><Relationship Id=\"rId3\" Type=\"x/sharedStrings\" "
    "Target=\"sst.xml\"/></Relationships>";

/* An XLSX with sheet XML sheet (both sheets) and shared strings sst. */
static void xlsx(buf *out, const char *sheet, const char *sst)
{
	zipw *w = zipw_new();
	zipw_add(w, "[Content_Types].xml", CT, strlen(CT));
	zipw_add(w, "xl/workbook.xml", WB, strlen(WB));
	zipw_add(w, "xl/_rels/workbook.xml.rels", RELS, strlen(RELS));
	zipw_add(w, "xl/worksheets/s1.xml", sheet, strlen(sheet));
	zipw_add(w, "xl/sst.xml", sst, strlen(sst));
	char err[200];
	buf_reset(out);
	zipw_finish(w, out, err, sizeof err);
}

static int count_text(const grid *g)
{
	int n = 0;
	for (int i = 0; i < g->n; i++)
		for (int j = 0; j < g->rows[i].n; j++)
			n += g->rows[i].cells[j].len > 0;
	return n;
}

int main(void)
{
	char err[300];
	buf a = {0};
	/* --- zipr: members, member size, total, ratio */
	{
		zipw *w = zipw_new();
		for (int i = 0; i < 5; i++) {
			char nm[8] = {'m', (char)('0' + i), 0};
			zipw_add(w, nm, "0123456789", 10);
		}
		zipw_finish(w, &a, err, sizeof err);
		zipr_limit.members = 5;
		zipr *z = zipr_open(a.s, a.len, err, sizeof err);
		CHECK(z != NULL);
		zipr_close(z);
		zipr_limit.members = 4;
		CHECK(zipr_open(a.s, a.len, err, sizeof err) == NULL);
		CHECK_STR(err, "more than 4 members in the archive");
		zipr_limit.members = ZIPR_MAX_MEMBERS;
	}
	{
		static char zeros[200000];
		zipw *w = zipw_new();
		zipw_add(w, "a", zeros, 2000);
		zipw_add(w, "b", zeros, 2000);
		zipw_add(w, "z", zeros, sizeof zeros);
		buf_reset(&a);
		zipw_finish(w, &a, err, sizeof err);
		zipr *z = zipr_open(a.s, a.len, err, sizeof err);
		char *m;
		size_t n;
		zipr_limit.member = 2000;
		CHECK_INT(zipr_read(z, "a", 1L << 20, &m, &n, err, sizeof err), 0);
		free(m);
		zipr_limit.member = 1999;
		CHECK_INT(zipr_read(z, "a", 1L << 20, &m, &n, err, sizeof err), -1);
		CHECK_STR(err, "member a larger than 1999 bytes uncompressed");
		zipr_limit.member = ZIPR_MAX_MEMBER;
		zipr_close(z);
		z = zipr_open(a.s, a.len, err, sizeof err);
		zipr_limit.total = 3999;
		CHECK_INT(zipr_read(z, "a", 1L << 20, &m, &n, err, sizeof err), 0);
		free(m);
		CHECK_INT(zipr_read(z, "b", 1L << 20, &m, &n, err, sizeof err), -1);
		CHECK_STR(err, "archive larger than 3999 bytes uncompressed");
		zipr_limit.total = ZIPR_MAX_TOTAL;
		/* 200,000 zeros deflate to a few hundred bytes */
		zipr_limit.ratio_floor = 100000;
		CHECK_INT(zipr_read(z, "z", 1L << 20, &m, &n, err, sizeof err), -1);
		CHECK_STR(err, "member z inflates more than 200 times its size: a zip bomb?");
		zipr_limit.ratio_floor = ZIPR_RATIO_FLOOR;
		CHECK_INT(zipr_read(z, "z", 1L << 20, &m, &n, err, sizeof err), 0);
		free(m);
		zipr_close(z);
	}
	/* --- xlsx: shared strings, cells per sheet, merges, sheets */
	{
		const char *sheet =
		    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
		    "<c r=\"B1\" t=\"s\"><v>2</v></c><c r=\"C1\"><v>3</v></c></row>"
		    "<row r=\"2\"><c r=\"A2\"><v>4</v></c><c r=\"B2\"><v>5</v></c></row>"
		    "</sheetData><mergeCells><mergeCell ref=\"C1:C2\"/>"
		    "<mergeCell ref=\"A3:B3\"/></mergeCells></worksheet>";
		const char *sst =
		    "<sst><si><t>a</t></si><si><t>b</t></si><si><r><t>c</t></r><r><t>d</t></r>"
		    "</si></sst>";
		xlsx(&a, sheet, sst);
		CHECK(reader_pick(a.s, a.len)->read == xlsx_read);
		warnings wn = {0};
		reader_out o = {0};
		o.warn = &wn;
		CHECK_INT(xlsx_read(a.s, a.len, "t", &o), 0);
		CHECK_INT(o.n, 2);
		CHECK_STR(o.name[0], "S1");
		CHECK_INT(count_text(o.g[0]), 5);
		/* row 1: a cd 3; row 2: 4 5 and C1's span copy; row 3 a merge */
		CHECK_INT(o.g[0]->n, 3);
		CHECK_STR(o.g[0]->rows[0].cells[1].text, "cd");
		CHECK(o.g[0]->rows[1].n == 3 && (o.g[0]->rows[1].cells[2].flags & CELL_VSPAN));
		CHECK(o.g[0]->rows[2].n == 2 && (o.g[0]->rows[2].cells[1].flags & CELL_HSPAN));
		reader_out_free(&o);
		xlsx_limit.strings = 2;
		CHECK_INT(xlsx_read(a.s, a.len, "t", &o), -1);
		CHECK_STR(o.err, "XLSX: xl/sst.xml: more than 2 shared strings");
		reader_out_free(&o);
		xlsx_limit.strings = SHEET_MAX_STRINGS;
		xlsx_limit.cells = 4;
		CHECK_INT(xlsx_read(a.s, a.len, "t", &o), 0);
		CHECK_INT(count_text(o.g[0]), 4);
		CHECK(wn.n >= 1 &&
		      strcmp(wn.v[0].msg, "sheet S1: more than 4 cells: rest ignored") == 0);
		reader_out_free(&o);
		xlsx_limit.cells = SHEET_MAX_CELLS;
		xlsx_limit.merges = 1; /* A3:B3 ignored: row 3 not there */
		CHECK_INT(xlsx_read(a.s, a.len, "t", &o), 0);
		CHECK_INT(o.g[0]->n, 2);
		reader_out_free(&o);
		xlsx_limit.merges = SHEET_MAX_MERGES;
		xlsx_limit.sheets = 1;
		CHECK_INT(xlsx_read(a.s, a.len, "t", &o), 0);
		CHECK_INT(o.n, 1);
		reader_out_free(&o);
		xlsx_limit.sheets = SHEET_MAX_SHEETS;
		warn_free(&wn);
	}
	/* --- XML depth: XML_MAX_DEPTH open elements are fine, one more is not */
	{
		static const xml_ops ops = {NULL, NULL, NULL};
		for (int d = XML_MAX_DEPTH; d <= XML_MAX_DEPTH + 1; d++) {
			buf x = {0};
			for (int i = 0; i < d; i++)
				buf_adds(&x, "<a>");
			for (int i = 0; i < d; i++)
				buf_adds(&x, "</a>");
			xml_parser *p = xml_new(&ops, NULL);
			int rc = xml_feed(p, x.s, x.len, 1);
			CHECK_INT(rc, d == XML_MAX_DEPTH ? 0 : -1);
			if (rc)
				CHECK_STR(xml_error(p), "XML elements nested deeper than 256");
			xml_free(p);
			buf_free(&x);
		}
		xml_parser *p = xml_new(&ops, NULL);
		const char *bomb = "<!DOCTYPE a [<!ENTITY x \"xx\">]><a>&x;</a>";
		CHECK_INT(xml_feed(p, bomb, strlen(bomb), 1), -1);
		CHECK_STR(xml_error(p), "XML with a DOCTYPE (not used by office documents)");
		xml_free(p);
	}
	/* --- kinds by content */
	{
		CHECK_STR(reader_pick("%PDF-1.7\n", 9)->kind, "PDF document");
		CHECK_STR(reader_pick("<html>", 6)->kind, "text");
		CHECK_STR(reader_pick("PK\3\4garbage", 11)->kind, "ZIP archive");
		CHECK_STR(reader_pick("{\\rtf1", 6)->kind, "RTF document");
		warnings wn = {0};
		reader_out o = {0};
		o.warn = &wn;
		CHECK_INT(reader_pick("%PDF-1.7\n", 9)->read("%PDF-1.7\n", 9, "a b.pdf", &o), -1);
		/* read by the PDF reader (lib/pdf.c): nine bytes are no PDF */
		CHECK(strncmp(o.err, "damaged PDF", 11) == 0);
	}
	/* --- grid_table: a 2x2 merge at the top left of a 3x3 table */
	{
		grid *g = grid_new();
		grid_table t;
		grid_table_init(&t, 3, 0);
		for (int y = 0; y < 3; y++) {
			grid_row *r = grid_add_row(g, y + 1);
			grid_table_row(&t, y);
			for (int x = 0; x < 3; x++) {
				if (y < 2 && x < 2 && !(y == 0 && x == 0))
					continue; /* covered */
				grid_table_before(g, r, &t);
				grid_table_cell(g, r, &t, "v", 1, y == 0 && x == 0 ? 2 : 1,
				                y == 0 && x == 0 ? 2 : 1);
			}
			grid_table_row_end(g, r, &t);
		}
		CHECK(g->rows[0].n == 3 && g->rows[1].n == 3 && g->rows[2].n == 3);
		CHECK(g->rows[0].cells[1].flags & CELL_HSPAN);
		CHECK((g->rows[1].cells[0].flags & CELL_VSPAN) &&
		      (g->rows[1].cells[1].flags & CELL_VSPAN));
		CHECK_INT(g->rows[1].cells[2].tcol, 3);
		CHECK_INT(count_text(g), 6);
		long cs = 5000, rs = 0;
		CHECK_INT(grid_span_clamp(&cs, &rs, 7), 1);
		CHECK(cs == GRID_MAX_COLSPAN && rs == 7);
		grid_table_free(&t);
		grid_free(g);
	}
	/* --- docx: a nested table is its cell's grid; DOCX_MAX_TABLE_DEPTH */
	{
		static const char dct[] =
		    "<Types><Override PartName=\"/word/document.xml\" "
		    "ContentType=\"application/vnd.openxmlformats-officedocument."
		    "wordprocessingml.document.main+xml\"/></Types>";
		for (int depth = 2; depth <= DOCX_MAX_TABLE_DEPTH + 1;
		     depth += DOCX_MAX_TABLE_DEPTH - 1) {
			buf d = {0};
			buf_adds(&d, "<w:document xmlns:w=\"w\"><w:body>");
			for (int i = 0; i < depth; i++)
				buf_printf(
				    &d, "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>t%d</w:t></w:r></w:p>",
				    i + 1);
			for (int i = 0; i < depth; i++)
				buf_adds(&d, "</w:tc></w:tr></w:tbl>");
			buf_adds(&d, "</w:body></w:document>");
			zipw *w = zipw_new();
			zipw_add(w, "[Content_Types].xml", dct, strlen(dct));
			zipw_add(w, "word/document.xml", d.s, d.len);
			buf_reset(&a);
			zipw_finish(w, &a, err, sizeof err);
			CHECK(reader_pick(a.s, a.len)->read == docx_read);
			warnings wn = {0};
			reader_out o = {0};
			o.warn = &wn;
			CHECK_INT(docx_read(a.s, a.len, "t", &o), 0);
			/* walk down the nested grids */
			const grid *g = o.g[0];
			int levels = 0;
			const cell *c = NULL;
			while (g && g->n) {
				c = &g->rows[0].cells[0];
				levels++;
				g = c->sub;
			}
			if (depth == 2) {
				CHECK_INT(levels, 2);
				CHECK_STR(o.g[0]->rows[0].cells[0].text, "t1");
				CHECK_STR(c->text, "t2");
				CHECK_INT(c->col, 2); /* table 2 of the document */
				CHECK_INT(wn.n, 0);
			} else {
				/* the innermost table is the deepest cell's text */
				CHECK_INT(levels, DOCX_MAX_TABLE_DEPTH);
				CHECK(c && strstr(c->text, "t17") != NULL);
				CHECK(wn.n == 1 &&
				      strcmp(wn.v[0].msg, "tables nested deeper than 16: inner "
				                          "ones read as text") == 0);
			}
			reader_out_free(&o);
			warn_free(&wn);
			buf_free(&d);
		}
	}
	buf_free(&a);
	T_END();
}
