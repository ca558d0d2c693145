/* SPDX-License-Identifier: MIT */
/* Unit tests for csvw: RFC 4180 quoting of one record, and the streaming
 * TSV -> CSV converter (the BOM once, escapes undone, any split of the
 * input into pieces giving the same bytes, a last line without LF). */
#include <stdlib.h>
#include <string.h>

#include "csvw.h"
#include "t.h"
#include "util.h"

static const char tsv[] = "a\tb\tc\n"
                          "plain\t\"quoted\"\tx,y\n"
                          "\t\\\\\tl1\\nl2\\r\\t\n"
                          "last\t\t";
static const char want[] = CSVW_BOM "a,b,c\r\n"
                                    "plain,\"\"\"quoted\"\"\",\"x,y\"\r\n"
                                    ",\\,\"l1\nl2\r\t\"\r\n"
                                    "last,,\r\n";

/* The converter fed tsv in pieces of step bytes. Caller frees. */
static char *convert(size_t step)
{
	csvw_conv c = {0};
	buf out = {0};
	size_t n = strlen(tsv);
	for (size_t i = 0; i < n; i += step)
		csvw_feed(&c, tsv + i, i + step <= n ? step : n - i, &out);
	csvw_end(&c, &out);
	return out.s;
}

int main(void)
{
	buf b = {0};
	char *f[] = {"", "a\"b", "1,5", "x\ny", "plain", " sp "};
	csvw_row(&b, f, NULL, 6);
	CHECK_STR(b.s, ",\"a\"\"b\",\"1,5\",\"x\ny\",plain, sp \r\n");
	buf_reset(&b);
	size_t len[] = {1, 3};
	char *g[] = {"\"", "a\0b"};
	csvw_row(&b, g, len, 2);
	CHECK(b.len == 10 && memcmp(b.s, "\"\"\"\",a\0b\r\n", 10) == 0);
	buf_free(&b);

	for (size_t step = 1; step <= sizeof tsv; step++) {
		char *got = convert(step);
		CHECK_STR(got, want);
		free(got);
	}
	/* nothing in, nothing out: not even the BOM */
	csvw_conv c = {0};
	buf out = {0};
	csvw_feed(&c, "", 0, &out);
	csvw_end(&c, &out);
	CHECK_INT(out.len, 0);
	buf_free(&out);
	/* a bad escape (never written by tsv.c) is kept, not dropped */
	csvw_feed(&c, "a\\q\tb\n", 6, &out);
	csvw_end(&c, &out);
	CHECK_STR(out.s, CSVW_BOM "a\\q,b\r\n");
	buf_free(&out);
	T_END();
}
