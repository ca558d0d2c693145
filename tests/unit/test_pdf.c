/* SPDX-License-Identifier: MIT */
/* Unit tests for pdf: sniffing, the grid of a ruled form over two pages
 * (spans, page and table places, rows numbered on over the page break),
 * page numbers left out, and each limit (pages, runs, characters, time)
 * with its warning. PDFs from fixtures/pdf and bench/pdfgen (run from the
 * top directory, as tests/run.sh does). */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "pdf.h"
#include "t.h"

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *d = NULL, err[256];
	if (!f || extract_slurp(f, &d, n, err, sizeof err) < 0) {
		printf("FAIL cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	return d;
}

/* The PDF made by `pdfgen ARGS` (bench/pdfgen under $BUILD, written to
 * $OUT). New bytes, *n their length. */
static char *gen(const char *args, size_t *n)
{
	const char *b = getenv("BUILD"), *o = getenv("OUT");
	char cmd[1024], path[512];
	snprintf(path, sizeof path, "%s/test_pdf.pdf", o ? o : "/tmp");
	snprintf(cmd, sizeof cmd, "%s/bench/pdfgen %s > %s", b ? b : ".", args, path);
	if (system(cmd) != 0) {
		printf("FAIL %s\n", cmd);
		exit(1);
	}
	return slurp(path, n);
}

static const cell *at(const grid *g, int r, int c)
{
	return r < g->n && c < g->rows[r].n ? &g->rows[r].cells[c] : NULL;
}

/* Does any cell of g hold s? */
static int holds(const grid *g, const char *s)
{
	for (int i = 0; i < g->n; i++)
		for (int j = 0; j < g->rows[i].n; j++)
			if (strstr(g->rows[i].cells[j].text, s))
				return 1;
	return 0;
}

static int warned(const warnings *w, const char *s)
{
	for (size_t i = 0; i < w->n; i++)
		if (strstr(w->v[i].msg, s))
			return 1;
	return 0;
}

int main(void)
{
	CHECK(pdf_sniff("%PDF-1.4\n", 9));
	CHECK(pdf_sniff("\xef\xbb\xbf junk %PDF-1.7", 17));
	CHECK(!pdf_sniff("%PDF", 4));
	CHECK(!pdf_sniff("<html>%PD", 9));

	size_t n;
	char *d = slurp("fixtures/pdf/seed.pdf", &n);
	grid *g = grid_new();
	warnings w = {0};
	char err[256] = "";
	CHECK_INT(pdf_read(d, n, NULL, g, &w, err, sizeof err), 2);
	CHECK_INT(w.n, 0);
	/* the title row spans the 8 columns of the table */
	CHECK_STR(at(g, 0, 0)->text, "2024年市级部门整体预算绩效目标表");
	CHECK_INT(g->rows[0].n, 8);
	CHECK(at(g, 0, 7)->flags & CELL_HSPAN);
	CHECK_INT(at(g, 0, 0)->page, 1);
	CHECK_INT(at(g, 0, 0)->trow, 1);
	CHECK_STR(at(g, 2, 1)->text, "财政供养人员数");
	CHECK_STR(at(g, 2, 3)->text, "41");
	/* 预算整体情况 spans six rows: copies below it */
	CHECK_STR(at(g, 3, 0)->text, "预算整体情况");
	CHECK(at(g, 4, 0)->flags & CELL_VSPAN);
	/* a wrapped cell is one text, without line breaks */
	CHECK(holds(g, "召开市人代会所需的会议场地租金,车辆交通"));
	/* the last row: page 2, numbered on from page 1 */
	const grid_row *last = &g->rows[g->n - 1];
	CHECK_INT(last->cells[0].page, 2);
	CHECK_INT(last->cells[0].trow, g->n);
	CHECK(holds(g, "人大代表及工作人员满意度"));
	grid_free(g);
	warn_free(&w);

	/* limits: pages */
	pdf_limits lim = pdf_limits_default;
	lim.max_pages = 1;
	g = grid_new();
	CHECK_INT(pdf_read(d, n, &lim, g, &w, err, sizeof err), 1);
	CHECK(warned(&w, "2 pages: only the first 1 are read (PDF_MAX_PAGES)"));
	CHECK(!holds(g, "人大代表及工作人员满意度"));
	grid_free(g);
	warn_free(&w);
	/* time: every page is slower than 0 ms */
	lim = pdf_limits_default;
	lim.max_page_ms = -1;
	g = grid_new();
	CHECK_INT(pdf_read(d, n, &lim, g, &w, err, sizeof err), 1);
	CHECK(warned(&w, "(PDF_MAX_PAGE_MS is -1): pages 2 to 2 are not read"));
	grid_free(g);
	warn_free(&w);
	/* runs of text, characters: every page over, nothing read */
	lim = pdf_limits_default;
	lim.max_page_runs = 10;
	g = grid_new();
	CHECK_INT(pdf_read(d, n, &lim, g, &w, err, sizeof err), -1);
	CHECK(warned(&w, "page 1: more than 10 runs of text (PDF_MAX_PAGE_RUNS): page not read"));
	CHECK_STR(err, "nothing read: every page with text is over a limit (2 pages)");
	grid_free(g);
	warn_free(&w);
	lim = pdf_limits_default;
	lim.max_page_chars = 500;
	g = grid_new();
	CHECK_INT(pdf_read(d, n, &lim, g, &w, err, sizeof err), 2);
	CHECK(warned(&w, "page 1: more than 500 characters (PDF_MAX_PAGE_CHARS): page not read"));
	CHECK(!warned(&w, "page 2:"));
	CHECK(!holds(g, "财政供养人员数"));
	CHECK(holds(g, "人大代表及工作人员满意度"));
	grid_free(g);
	warn_free(&w);
	free(d);

	/* page numbers in the margins are left out, the rest is kept */
	d = gen("--pages 2 --words 3 --footer", &n);
	g = grid_new();
	CHECK_INT(pdf_read(d, n, NULL, g, &w, err, sizeof err), 2);
	CHECK(holds(g, "w1 w2 w3"));
	CHECK(holds(g, "cell two"));
	CHECK(!holds(g, "Page"));
	CHECK(!holds(g, "- 1 -"));
	CHECK(!holds(g, "- 2 -"));
	grid_free(g);
	free(d);
	/* a table without ruling lines: 1,050 words in 100 columns, 11 rows:
	 * a row a line, a cell a word; over max_stream_runs, lines of text
	 * with a warning */
	d = gen("--norules --words 1050", &n);
	g = grid_new();
	CHECK_INT(pdf_read(d, n, NULL, g, &w, err, sizeof err), 1);
	CHECK_INT(g->n, 11);
	CHECK_INT(g->rows[0].n, 100);
	CHECK(at(g, 0, 0) && strcmp(at(g, 0, 0)->text, "w1") == 0);
	CHECK(at(g, 1, 99) && strcmp(at(g, 1, 99)->text, "w200W") == 0);
	CHECK(at(g, 10, 49) && strcmp(at(g, 10, 49)->text, "w1050WW") == 0);
	CHECK(at(g, 10, 49) && at(g, 10, 49)->trow == 11 && at(g, 10, 49)->tcol == 50);
	CHECK(!at(g, 10, 50) || at(g, 10, 50)->text[0] == 0);
	CHECK(!warned(&w, "PDF_MAX_STREAM_RUNS"));
	grid_free(g);
	lim = pdf_limits_default;
	lim.max_stream_runs = 1049;
	g = grid_new();
	CHECK_INT(pdf_read(d, n, &lim, g, &w, err, sizeof err), 1);
	CHECK(warned(&w, "page 1: more than 1049 runs of text and no ruling lines "
	                 "(PDF_MAX_STREAM_RUNS): read as lines, not as a table"));
	CHECK(holds(g, "w1050WW"));
	grid_free(g);
	warn_free(&w);
	free(d);
	/* a scan, a font without a Unicode map */
	d = gen("--scan", &n);
	g = grid_new();
	CHECK_INT(pdf_read(d, n, NULL, g, &w, err, sizeof err), -1);
	CHECK_STR(err, "no text in this PDF (scanned?): OCR it first, e.g. with ocrmypdf");
	grid_free(g);
	free(d);
	d = gen("--garbage", &n);
	g = grid_new();
	CHECK_INT(pdf_read(d, n, NULL, g, &w, err, sizeof err), -1);
	CHECK(strstr(err, "cannot be decoded") != NULL);
	grid_free(g);
	free(d);
	warn_free(&w);
	T_END();
}
