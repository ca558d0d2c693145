/* SPDX-License-Identifier: MIT */
/* Unit tests for dsv: delimiter sniffing, quoting (delimiters, doubled quotes,
 * line breaks inside quotes, literal quotes mid-field), LF / CRLF / lone CR,
 * line and field numbers (also after a multi-line field), empty lines and
 * trailing empty fields, errors with their lines, every limit, and the seed
 * document. Tests run from the top directory. */
#include <stdlib.h>
#include <string.h>

#include "dsv.h"
#include "grid.h"
#include "t.h"
#include "util.h"

/* The grid as one string: rows "@LINE[cells]" joined by " ", cells
 * "LINE.COL:TEXT" joined by "|". Owned by a static buffer. */
static const char *dump(const grid *g)
{
	static buf b;
	buf_reset(&b);
	buf_adds(&b, "");
	for (int i = 0; i < g->n; i++) {
		const grid_row *r = &g->rows[i];
		buf_printf(&b, "%s@%ld[", i ? " " : "", r->line);
		for (int j = 0; j < r->n; j++)
			buf_printf(&b, "%s%ld.%d:%s", j ? "|" : "", r->cells[j].line,
			           r->cells[j].col, r->cells[j].text);
		buf_adds(&b, "]");
	}
	return buf_str(&b);
}

/* An error as the messages show it: "line N: what", or "what" without a line. */
static const char *E(const dsv_err *e)
{
	static char b[300];
	if (e->line)
		snprintf(b, sizeof b, "line %ld: %s", e->line, e->msg);
	else
		snprintf(b, sizeof b, "%s", e->msg);
	return b;
}

/* Read text (delim, flags) and compare the dump; rc must be want_rc. */
static void expect(const char *text, int delim, unsigned flags, int want_rc, const char *want)
{
	grid *g = grid_new();
	dsv_err err;
	int rc = dsv_read_flags(text, strlen(text), delim, flags, g, &err);
	CHECK_INT(rc, want_rc);
	if (rc != want_rc)
		printf("  err: %s\n", E(&err));
	CHECK_STR(dump(g), want);
	grid_free(g);
}

/* Reading must fail with exactly this message. */
static void expect_err(const char *text, size_t n, int delim, unsigned flags, const char *want)
{
	grid *g = grid_new();
	dsv_err err;
	CHECK_INT(dsv_read_flags(text, n, delim, flags, g, &err), -1);
	CHECK_STR(E(&err), want);
	grid_free(g);
}

/* dsv_sniff as first written, a byte at a time: the reference its faster
 * scan (runs of plain bytes and quoted text skipped at once) must agree
 * with. */
static int sniff_ref(const char *text, size_t n)
{
	size_t i = n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (n > DSV_SNIFF_BYTES)
		n = DSV_SNIFF_BYTES;
	long tabs[DSV_SNIFF_LINES], commas[DSV_SNIFF_LINES], t = 0, c = 0, ttot = 0, ctot = 0;
	int lines = 0, inq = 0, fstart = 1, content = 0;
	for (; i < n && lines < DSV_SNIFF_LINES; i++) {
		char ch = text[i];
		if (inq) {
			if (ch == '"') {
				if (i + 1 < n && text[i + 1] == '"')
					i++;
				else
					inq = 0;
			}
			continue;
		}
		if (ch == '\r' || ch == '\n') {
			if (content) {
				tabs[lines] = t, commas[lines] = c, lines++;
				ttot += t, ctot += c;
			}
			t = c = content = 0;
			fstart = 1;
			continue;
		}
		if (ch == ' ')
			continue;
		content = 1;
		if (ch == '\t' || ch == ',') {
			t += ch == '\t';
			c += ch == ',';
			fstart = 1;
		} else if (ch == '"' && fstart) {
			inq = 1;
			fstart = 0;
		} else {
			fstart = 0;
		}
	}
	if (content && lines < DSV_SNIFF_LINES) {
		tabs[lines] = t, commas[lines] = c, lines++;
		ttot += t, ctot += c;
	}
	int csame = lines >= 2 && commas[0] > 0, tsame = lines >= 2 && tabs[0] > 0;
	for (int k = 1; k < lines; k++) {
		csame &= commas[k] == commas[0];
		tsame &= tabs[k] == tabs[0];
	}
	if (csame && !tsame)
		return ',';
	if (ttot > 0)
		return '\t';
	return ctot > 0 ? ',' : '\t';
}

/* Random texts over the bytes that matter (and plain runs of every length
 * around the 8-byte step): the scan gives the reference's delimiter. */
static void test_sniff_same(void)
{
	static const char alpha[] = "\t,\" \n\rab\xE4";
	unsigned long long x = 42;
	char s[300];
	int bad = 0;
	for (int round = 0; round < 20000; round++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		size_t n = (size_t)(x >> 33) % sizeof s;
		for (size_t i = 0; i < n; i++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			unsigned r = (unsigned)(x >> 40);
			/* mostly plain bytes, in runs, as real lines are */
			s[i] = r % 4 ? "ab \xE4"[r / 4 % 4] : alpha[r / 4 % (sizeof alpha - 1)];
		}
		if (dsv_sniff(s, n) != sniff_ref(s, n) && bad++ < 3)
			printf("sniff differs on %zu bytes (round %d)\n", n, round);
	}
	CHECK_INT(bad, 0);
	/* Texts of whole lines (a title, CSV lines with two or three commas,
	 * TSV lines, lines with both), up to 30 of them: the sniff that stops
	 * once its answer is decided gives the whole sample's answer. */
	static const char *const kinds[] = {"title\n",    "a,b,c\n",        "a,b,c,d\n", "a\tb\n",
	                                    "a,b\tc,d\n", "\"x\ty\",z,w\n", "\n",        " \t\n"};
	buf b = {0};
	bad = 0;
	for (int round = 0; round < 20000; round++) {
		buf_reset(&b);
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		int lines = (int)((x >> 33) % 31);
		for (int i = 0; i < lines; i++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			unsigned r = (unsigned)(x >> 40);
			/* mostly one kind, as a real file is */
			buf_adds(&b, kinds[r % 3 ? (unsigned)(round % 4) + 1 : r / 3 % 8]);
		}
		if (dsv_sniff(b.s ? b.s : "", b.len) != sniff_ref(b.s ? b.s : "", b.len) &&
		    bad++ < 3)
			printf("sniff differs on lines of round %d: %s\n", round, b.s);
	}
	buf_free(&b);
	CHECK_INT(bad, 0);
}

static void test_sniff(void)
{
	const char *s;
	CHECK_INT(dsv_sniff("a\tb\nc\td\n", 8), '\t');
	CHECK_INT(dsv_sniff("a,b\nc,d\n", 8), ',');
	CHECK_INT(dsv_sniff("", 0), '\t');
	CHECK_INT(dsv_sniff("abc\n", 4), '\t');
	CHECK_INT(dsv_sniff("abc,def", 7), ',');
	/* a TSV whose numbers have grouping commas */
	s = "名称\t金额\n基本支出\t1,621.95\n项目支出\t1,144.94\n";
	CHECK_INT(dsv_sniff(s, strlen(s)), '\t');
	/* TABs inside quoted fields do not count */
	s = "\"a\tb\",c\n\"d\",\"e\t\"\n";
	CHECK_INT(dsv_sniff(s, strlen(s)), ',');
	/* an unquoted TAB in one CSV cell: the comma counts agree, TABs do not */
	s = "a,b\tx,c\nd,e,f\ng,h,i\n";
	CHECK_INT(dsv_sniff(s, strlen(s)), ',');
	/* a quote mid-field does not open a quoted field */
	s = "<td style=\"a\tb\">x</td>\n";
	CHECK_INT(dsv_sniff(s, strlen(s)), '\t');
	/* only the first DSV_SNIFF_LINES lines count */
	buf b = {0};
	for (int i = 0; i < DSV_SNIFF_LINES; i++)
		buf_adds(&b, "a,b,c\n");
	buf_adds(&b, "x\ty\n");
	CHECK_INT(dsv_sniff(b.s, b.len), ',');
	buf_reset(&b);
	for (int i = 0; i < DSV_SNIFF_LINES - 1; i++)
		buf_adds(&b, "a,b,c\n");
	buf_adds(&b, "x\ty\n");
	CHECK_INT(dsv_sniff(b.s, b.len), '\t');
	/* the answer decided early (a title line without commas, then a TAB):
	 * TAB, whatever the lines after it hold */
	s = "标题\na\tb\nc,d\nc,d\nc,d\n";
	CHECK_INT(dsv_sniff(s, strlen(s)), '\t');
	/* commas alike in every line, a TAB in one: comma (no early answer) */
	s = "a,b\na\tx,b\na,b\n";
	CHECK_INT(dsv_sniff(s, strlen(s)), ',');
	/* the second line's count differs: the TAB after it decides */
	s = "a,b\na,b,c\nx,y\nx\ty\nx,y\n";
	CHECK_INT(dsv_sniff(s, strlen(s)), '\t');
	buf_free(&b);
	/* sniffing inside dsv_read */
	expect("a,b\n", 0, 0, 0, "@1[1.1:a|1.2:b]");
	expect("a,b\tc\n", 0, 0, 0, "@1[1.1:a,b|1.2:c]");
}

static void test_quotes(void)
{
	expect("a,\"b,c\",d\n", ',', 0, 0, "@1[1.1:a|1.2:b,c|1.3:d]");
	expect("\"say \"\"hi\"\"\",x\n", ',', 0, 0, "@1[1.1:say \"hi\"|1.2:x]");
	expect("\"\",\"\"\"\"\n", ',', 0, 0, "@1[1.1:|1.2:\"]");
	/* a quote inside an unquoted field is literal (the seed's HTML) */
	expect("a,b\"c\"d,e\n", ',', 0, 0, "@1[1.1:a|1.2:b\"c\"d|1.3:e]");
	expect("x\t<td style=\"width: 30%;\">a</td>\ty\n", '\t', 0, 0,
	       "@1[1.1:x|1.2:<td style=\"width: 30%;\">a</td>|1.3:y]");
	/* a TAB inside a quoted TSV field */
	expect("\"a\tb\"\tc\n", '\t', 0, 0, "@1[1.1:a b|1.2:c]");
	/* DSV_NO_QUOTES: quotes are text */
	expect("\"a,b\",c\n", ',', DSV_NO_QUOTES, 0, "@1[1.1:\"a|1.2:b\"|1.3:c]");
}

static void test_lines(void)
{
	/* a field after a multi-line field starts on the line its record
	 * reached; the next record's line counts the breaks inside quotes */
	expect("a,\"x\ny\",b\nc,d\n", ',', 0, 0, "@1[1.1:a|1.2:x\ny|2.3:b] @3[3.1:c|3.2:d]");
	expect("a,\"1\n2\n3\",b,c\nd\n", ',', 0, 0, "@1[1.1:a|1.2:1\n2\n3|3.3:b|3.4:c] @4[4.1:d]");
	expect("\"one\ntwo\"\n", ',', 0, 0, "@1[1.1:one\ntwo]");
	/* a multi-line field that starts after a line break inside quotes */
	expect("\"a\nb\",\"c\nd\",e\n", ',', 0, 0, "@1[1.1:a\nb|2.2:c\nd|3.3:e]");
	/* CRLF, inside quotes and as line ends */
	expect("a,\"x\r\ny\"\r\nb,c\r\n", ',', 0, 0, "@1[1.1:a|1.2:x\ny] @3[3.1:b|3.2:c]");
	/* lone CR line ends */
	expect("a,b\rc,d\r", ',', 0, 0, "@1[1.1:a|1.2:b] @2[2.1:c|2.2:d]");
	expect("a,\"x\ry\"\rb\n", ',', 0, 0, "@1[1.1:a|1.2:x\ny] @3[3.1:b]");
	/* empty and blank lines are empty rows; no row after the last line end */
	expect("a\n\nb\n", ',', 0, 0, "@1[1.1:a] @2[] @3[3.1:b]");
	expect("\n\r\n  \na\n", ',', 0, 0, "@1[] @2[] @3[] @4[4.1:a]");
	expect("a\nb", ',', 0, 0, "@1[1.1:a] @2[2.1:b]");
	expect("a\n  ", ',', 0, 0, "@1[1.1:a]");
	expect("", ',', 0, 0, "");
	/* with TAB as delimiter, a line of TABs is fields, not blank */
	expect("\t\n", '\t', 0, 0, "@1[1.1:|1.2:]");
	/* trailing empty fields are kept */
	expect("a,b,,\n", ',', 0, 0, "@1[1.1:a|1.2:b|1.3:|1.4:]");
	expect("a\t\t\n", '\t', 0, 0, "@1[1.1:a|1.2:|1.3:]");
	expect("a,", ',', 0, 0, "@1[1.1:a|1.2:]");
	/* whitespace cleaned by the grid */
	expect("  a  \t b  ,c\n", ',', 0, 0, "@1[1.1:a b|1.2:c]");
	/* other delimiters */
	expect("a;b\n", ';', 0, 0, "@1[1.1:a|1.2:b]");
}

static void test_encoding_edges(void)
{
	/* BOM-less CSV in Chinese, and a UTF-8 BOM skipped before a quote */
	expect("部门名称,廉江市人民代表大会\n财政供养人员数,41\n", 0, 0, 0,
	       "@1[1.1:部门名称|1.2:廉江市人民代表大会] @2[2.1:财政供养人员数|2.2:41]");
	expect("\xEF\xBB\xBF\"a,b\",c\n", 0, 0, 0, "@1[1.1:a,b|1.2:c]");
}

static void test_errors(void)
{
	expect_err("a\nb,\"cc\nd\n", 10, ',', 0, "line 2: quoted field never closed");
	/* a field that opens with a quote and goes on after the closing one
	 * stays quoted (libcsv): here it swallows the rest */
	expect_err("\"abc\" def,x\ny\n", 14, ',', 0, "line 1: quoted field never closed");
	expect("\"abc\" def,x\ny\n", ',', DSV_NO_QUOTES, 0, "@1[1.1:\"abc\" def|1.2:x] @2[2.1:y]");
	expect_err("a\r\nb\0c\n", 7, ',', 0, "line 2: NUL byte in the text");
	expect_err("a\n", 2, '"', 0, "bad delimiter (byte 34)");
	expect_err("a\n", 2, '\n', 0, "bad delimiter (byte 10)");
	expect_err("a\n", 2, 0xE4, 0, "bad delimiter (byte 228)");
	/* a quote as delimiter is allowed when quotes are off */
	expect("a\"b\n", '"', DSV_NO_QUOTES, 0, "@1[1.1:a|1.2:b]");
}

static void test_limits(void)
{
	grid *g;
	dsv_err err;
	buf b = {0};

	/* GRID_MAX_COLS: the rest of the row dropped, later rows read */
	for (int i = 0; i < GRID_MAX_COLS; i++)
		buf_adds(&b, "x,");
	buf_adds(&b, "y\nz\n");
	g = grid_new();
	CHECK_INT(dsv_read(b.s, b.len, ',', g, &err), 1);
	CHECK_STR(E(&err), "line 1: more than 20000 cells in one row: rest ignored");
	CHECK_INT(g->n, 2);
	if (g->n == 2) {
		CHECK_INT(g->rows[0].n, GRID_MAX_COLS);
		CHECK_STR(g->rows[1].cells[0].text, "z");
	}
	grid_free(g);

	/* exactly GRID_MAX_COLS is fine */
	buf_reset(&b);
	for (int i = 0; i < GRID_MAX_COLS - 1; i++)
		buf_adds(&b, "x,");
	buf_adds(&b, "y\n");
	g = grid_new();
	CHECK_INT(dsv_read(b.s, b.len, ',', g, &err), 0);
	CHECK_INT(g->n == 1 ? g->rows[0].n : -1, GRID_MAX_COLS);
	grid_free(g);

	/* runs of empty fields (added at once, unquoted text): the same cells,
	 * lines and field numbers as one by one, and the same limits */
	buf_reset(&b);
	buf_adds(&b, "a\t\t\t\tb\t\t\n\t\t\tc\n");
	g = grid_new();
	CHECK_INT(dsv_read_flags(b.s, b.len, '\t', DSV_NO_QUOTES, g, &err), 0);
	CHECK_INT(g->n, 2);
	if (g->n == 2) {
		CHECK_INT(g->rows[0].n, 7);
		CHECK_INT(g->rows[0].cells[4].col, 5);
		CHECK_STR(g->rows[0].cells[4].text, "b");
		CHECK_INT(g->rows[0].cells[6].col, 7);
		CHECK_INT(g->rows[1].cells[2].line, 2);
		CHECK_INT(g->rows[1].cells[2].col, 3);
		CHECK_INT(g->rows[1].n, 4);
	}
	grid_free(g);
	buf_reset(&b);
	for (int i = 0; i < GRID_MAX_COLS + 5; i++)
		buf_addc(&b, '\t');
	buf_adds(&b, "y\nz\n");
	g = grid_new();
	CHECK_INT(dsv_read_flags(b.s, b.len, '\t', DSV_NO_QUOTES, g, &err), 1);
	CHECK_STR(E(&err), "line 1: more than 20000 cells in one row: rest ignored");
	CHECK_INT(g->n == 2 ? g->rows[0].n : -1, GRID_MAX_COLS);
	grid_free(g);
	g = grid_new();
	g->ncells = GRID_MAX_CELLS - 2;
	CHECK_INT(dsv_read_flags("\t\t\t\tx\n", 6, '\t', DSV_NO_QUOTES, g, &err), 1);
	CHECK_STR(E(&err), "line 1: more than 2000000 cells in one table: rest ignored");
	CHECK_INT(g->n == 1 ? g->rows[0].n : -1, 2);
	grid_free(g);

	/* GRID_MAX_CELLS: reading stops */
	g = grid_new();
	g->ncells = GRID_MAX_CELLS - 2; /* as if the grid were nearly full */
	CHECK_INT(dsv_read("a,b,c\nd\n", 8, ',', g, &err), 1);
	CHECK_STR(E(&err), "line 1: more than 2000000 cells in one table: rest ignored");
	CHECK_INT(g->n == 1 ? g->rows[0].n : -1, 2);
	grid_free(g);

	/* GRID_MAX_CELL_TEXT: a long quoted field is cut, later fields read */
	buf_reset(&b);
	buf_adds(&b, "a,\"");
	for (long i = 0; i < GRID_MAX_CELL_TEXT + 10; i++)
		buf_addc(&b, 'x');
	buf_adds(&b, "\",b\n");
	g = grid_new();
	CHECK_INT(dsv_read(b.s, b.len, ',', g, &err), 1);
	CHECK_STR(E(&err), "line 1: field 2 longer than 1048576 bytes: cut");
	CHECK_INT(g->n == 1 ? g->rows[0].n : -1, 3);
	if (g->n == 1 && g->rows[0].n == 3) {
		CHECK_INT(g->rows[0].cells[1].len, GRID_MAX_CELL_TEXT);
		CHECK(g->rows[0].cells[1].flags & CELL_CUT);
		CHECK_STR(g->rows[0].cells[2].text, "b");
	}
	grid_free(g);

	/* DSV_MAX_ROWS: empty lines count */
	buf_reset(&b);
	for (long i = 0; i < DSV_MAX_ROWS; i++)
		buf_addc(&b, '\n');
	buf_adds(&b, "a\n");
	g = grid_new();
	CHECK_INT(dsv_read(b.s, b.len, ',', g, &err), 1);
	CHECK_STR(E(&err), "line 2000001: more than 2000000 rows: rest ignored");
	CHECK_INT(g->n, DSV_MAX_ROWS);
	grid_free(g);
	buf_free(&b);
}

static void test_seed(void)
{
	FILE *f = fopen("fixtures/seed/000_d5b089058c1ce7ac.txt", "rb");
	CHECK(f != NULL);
	if (!f)
		return;
	buf b = {0};
	char chunk[4096];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, k);
	fclose(f);

	CHECK_INT(dsv_sniff(b.s, b.len), '\t');
	grid *g = grid_new();
	dsv_err err;
	CHECK_INT(dsv_read(b.s, b.len, 0, g, &err), 0);
	/* 37 physical lines (the last has no line end), one row each */
	CHECK_INT(g->n, 37);
	if (g->n != 37) {
		grid_free(g);
		buf_free(&b);
		return;
	}
	int inorder = 1;
	for (int i = 0; i < g->n; i++)
		inorder &= g->rows[i].line == i + 1;
	CHECK(inorder);
	CHECK_INT(g->rows[0].n, 0);
	CHECK_INT(g->rows[2].n, 1);
	CHECK_STR(g->rows[2].cells[0].text, "2024年市级部门整体预算绩效目标表");
	CHECK_INT(g->rows[36].n, 35);
	CHECK_STR(g->rows[36].cells[0].text, "满意度指标");

	/* line 9: 35 cells; cell 2 is the raw <table> text, whitespace cleaned */
	const grid_row *r = &g->rows[8];
	CHECK_INT(r->line, 9);
	CHECK_INT(r->n, 35);
	CHECK_STR(r->cells[0].text, "预算整体情况");
	const char *l9 = b.s;
	for (int i = 1; i < 9; i++)
		l9 = strchr(l9, '\n') + 1;
	const char *f2 = strchr(l9, '\t') + 1, *f2end = strchr(f2, '\t');
	char *want = xmemdup(f2, (size_t)(f2end - f2));
	grid_clean_text(want, strlen(want));
	CHECK(strncmp(want, "<table border=\"1\" style=\"width: 100%;", 37) == 0);
	CHECK_STR(r->cells[1].text, want);
	CHECK_INT(r->cells[1].line, 9);
	CHECK_INT(r->cells[1].col, 2);
	CHECK_INT(r->cells[34].col, 35);
	free(want);
	grid_free(g);

	/* the same bytes with CRLF line ends read the same */
	buf c = {0};
	for (size_t i = 0; i < b.len; i++) {
		if (b.s[i] == '\n')
			buf_addc(&c, '\r');
		buf_addc(&c, b.s[i]);
	}
	grid *g1 = grid_new(), *g2 = grid_new();
	CHECK_INT(dsv_read(b.s, b.len, 0, g1, &err), 0);
	CHECK_INT(dsv_read(c.s, c.len, 0, g2, &err), 0);
	char *d1 = xstrdup(dump(g1));
	CHECK_STR(dump(g2), d1);
	/* and the same with quoting off: the seed has no quoted fields */
	grid *g3 = grid_new();
	CHECK_INT(dsv_read_flags(b.s, b.len, '\t', DSV_NO_QUOTES, g3, &err), 0);
	CHECK_STR(dump(g3), d1);
	grid_free(g3);
	free(d1);
	grid_free(g1);
	grid_free(g2);
	buf_free(&c);
	buf_free(&b);
}

int main(void)
{
	test_sniff();
	test_sniff_same();
	test_quotes();
	test_lines();
	test_encoding_edges();
	test_errors();
	test_limits();
	test_seed();
	T_END();
}
