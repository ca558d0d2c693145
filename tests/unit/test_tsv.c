/* SPDX-License-Identifier: MIT */
/* Unit tests for tsv: escape/unescape round trips, header handling, field
 * counts, bad escapes, long lines. */
#include <stdlib.h>
#include <string.h>

#include "tsv.h"
#include "t.h"
#include "util.h"

static char *escaped(const char *s, size_t n, size_t *outn)
{
	char *p = NULL;
	size_t sz = 0;
	FILE *m = open_memstream(&p, &sz);
	tsv_escape(m, s, n);
	fclose(m);
	*outn = sz;
	return p;
}

static void roundtrip(const char *s, size_t n)
{
	size_t en;
	char *e = escaped(s, n, &en);
	CHECK(memchr(e, '\t', en) == NULL && memchr(e, '\n', en) == NULL &&
	      memchr(e, '\r', en) == NULL);
	CHECK(tsv_unescape(e, &en) == 0);
	CHECK(en == n && memcmp(e, s, n) == 0);
	free(e);
}

/* Read all records of text; returns the count, or -1 on error with msg. */
static int read_all(const char *text, const char *header, char *msg, long *line, char *last)
{
	FILE *m = fmemopen((void *)text, strlen(text), "r");
	tsv_reader r;
	tsv_reader_init(&r, m, "mem", header);
	int n = 0, rc;
	while ((rc = tsv_read(&r)) == 1) {
		n++;
		if (last) {
			strcpy(last, r.f[0]);
			for (int i = 1; i < r.nf; i++)
				strcat(strcat(last, "|"), r.f[i]);
		}
	}
	if (rc < 0) {
		strcpy(msg, r.err);
		*line = r.line;
		n = -1;
	}
	tsv_reader_free(&r);
	fclose(m);
	return n;
}

int main(void)
{
	const char *cases[] = {"",         "plain",       "a\tb",
	                       "a\nb\r\n", "back\\slash", "\\t literal",
	                       "\\",       "\t\t",        "中文\t值\\n"};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		roundtrip(cases[i], strlen(cases[i]));
	char all[256];
	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	roundtrip(all, sizeof all);

	size_t en;
	char *e = escaped("a\\b\tc\nd\re", 9, &en);
	CHECK_STR(e, "a\\\\b\\tc\\nd\\re");
	free(e);

	char bad1[] = "abc\\", bad2[] = "a\\xb";
	size_t n1 = 4, n2 = 4;
	CHECK(tsv_unescape(bad1, &n1) == -1);
	CHECK(tsv_unescape(bad2, &n2) == -1);

	char msg[256] = "", last[512] = "";
	long line = 0;
	const char *h = "a\tb\tc";
	CHECK_INT(read_all("a\tb\tc\n1\t2\t3\n", h, msg, &line, last), 1);
	CHECK_STR(last, "1|2|3");
	/* repeated header skipped; missing final LF accepted */
	CHECK_INT(read_all("a\tb\tc\n1\t2\t3\na\tb\tc\nx\\ty\t\t\\\\", h, msg, &line, last), 2);
	CHECK_STR(last, "x\ty||\\");
	/* wrong field count names the line */
	CHECK_INT(read_all("a\tb\tc\n1\t2\t3\n1\t2\n", h, msg, &line, NULL), -1);
	CHECK_STR(msg, "expected 3 fields, found 2");
	CHECK_INT(line, 3);
	CHECK_INT(read_all("a\tb\tc\n1\t2\t3\t4\t5\n", h, msg, &line, NULL), -1);
	CHECK_STR(msg, "expected 3 fields, found 5");
	/* no header */
	CHECK_INT(read_all("1\t2\t3\n", h, msg, &line, NULL), -1);
	CHECK(strstr(msg, "not the header") != NULL);
	CHECK_INT(line, 1);
	CHECK_INT(read_all("", h, msg, &line, NULL), -1);
	CHECK(strstr(msg, "empty input") != NULL);
	/* header only: zero records, fine */
	CHECK_INT(read_all("a\tb\tc\n", h, msg, &line, NULL), 0);
	/* unterminated escape */
	CHECK_INT(read_all("a\tb\tc\n1\t2\t3\\\n", h, msg, &line, NULL), -1);
	CHECK(strstr(msg, "escape") != NULL);
	CHECK_INT(line, 2);
	/* the fact header has 12 columns */
	int cols = 1;
	for (const char *p = FACT_HEADER; *p; p++)
		cols += *p == '\t';
	CHECK_INT(cols, FACT_NCOLS);
	char joined[256] = "";
	for (int i = 0; i < FACT_NCOLS; i++)
		strcat(strcat(joined, i ? "\t" : ""), FACT_COLS[i]);
	CHECK_STR(joined, FACT_HEADER);

	/* a line longer than the limit is an error, not unbounded memory */
	size_t big = TSV_MAX_LINE + 10;
	char *longl = malloc(big + 8);
	memcpy(longl, "a\tb\tc\n", 6);
	memset(longl + 6, 'x', big);
	longl[6 + big] = 0;
	CHECK_INT(read_all(longl, h, msg, &line, NULL), -1);
	CHECK(strstr(msg, "longer than") != NULL);
	free(longl);
	T_END();
}
