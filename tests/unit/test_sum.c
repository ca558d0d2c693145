/* SPDX-License-Identifier: MIT */
/* Unit tests for sum: the canonical-number parser and its limits, the fast
 * decimal formatter against dec_format, the not-normalised test, cost-key
 * matching, column lists, escaping, and the totals hash table through many
 * groups. Includes sum.c itself to reach its static helpers. */
#include <stdlib.h>
#include <string.h>

#include "sum.c"
#include "t.h"

static int parse(const char *s)
{
	dec d;
	return num_parse(s, strlen(s), &d);
}

/* add_dec and dec_format must agree on a. */
static void same_format(dec a)
{
	char want[DEC_BUFSZ];
	dec_format(a, want);
	buf b = {0};
	add_dec(&b, dec_reduce(a));
	CHECK_STR(buf_str(&b), want);
	buf_free(&b);
}

/* Run text through the totals grouped by cols; returns the output. */
static char *totals_of(const char *text, const int *cols, int ncols, int all_units)
{
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	tsv_reader r;
	tsv_reader_init(&r, in, "mem", FACT_HEADER);
	sum_totals *t = sum_totals_new(cols, ncols, all_units);
	CHECK_INT(sum_totals_add(t, &r), 0);
	char *out = NULL;
	size_t n = 0;
	FILE *o = open_memstream(&out, &n);
	sum_totals_write(t, o, 1);
	fclose(o);
	sum_totals_free(t);
	tsv_reader_free(&r);
	fclose(in);
	return out;
}

int main(void)
{
	/* canonical decimals only */
	const char *good[] = {"0",
	                      "5",
	                      "-5",
	                      "1621.95",
	                      "0.05",
	                      "-0.5",
	                      "10",
	                      "100.01",
	                      "999999999999999999999999999999999999",
	                      "0.000000000000000001"};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		CHECK_INT(parse(good[i]), DEC_OK);
	const char *bad[] = {"",    "-",        "-0",  "+1", "01", "00",   "1.",  ".5",   "1.50",
	                     "1.0", "1,621.95", "1e5", " 1", "1 ", "0x10", "--1", "1.2.3"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		CHECK_INT(parse(bad[i]), DEC_ESYNTAX);
	CHECK_INT(parse("1000000000000000000000000000000000000"), DEC_ERANGE); /* 37 digits */
	CHECK_INT(parse("0.0000000000000000001"), DEC_ERANGE);                 /* 19 decimals */
	CHECK_INT(parse("1.00000000000000000000000000000000001"), DEC_ERANGE);
	dec d;
	CHECK_INT(num_parse("-1621.95", 8, &d), DEC_OK);
	CHECK(d.m == -162195 && d.scale == 2);

	/* dates */
	CHECK(is_iso_date("2024-12-31", 10));
	CHECK(!is_iso_date("2024-13-01", 10));
	CHECK(!is_iso_date("2024-12-00", 10));
	CHECK(!is_iso_date("2024-1-31", 9));
	CHECK(!is_iso_date("2024/12/31", 10));

	/* the fast formatter */
	const char *vals[] = {"0",
	                      "1",
	                      "-1",
	                      "0.05",
	                      "-0.05",
	                      "12.5",
	                      "100",
	                      "1621.95",
	                      "-810.07",
	                      "9223372036854775807",
	                      "-9223372036854775807",
	                      "9223372036854775808",
	                      "-9223372036854775808",
	                      "0.000000000000000001",
	                      "999999999999999999999999999999999999",
	                      "123456789012345678.9"};
	for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
		CHECK_INT(dec_parse(vals[i], strlen(vals[i]), &d), DEC_OK);
		same_format(d);
	}
	for (long m = -1000; m <= 1000; m += 7)
		for (int sc = 0; sc <= DEC_MAX_SCALE; sc += 3)
			same_format((dec){m, sc});
	same_format((dec){(__int128)INT64_MIN, 2});
	same_format((dec){(__int128)INT64_MIN + 1, 0});

	/* the not-normalised test: only values pg-normalize must have parsed */
	const char *num[] = {"477.01", "1,621.95", " 5 ", "95%", "15000元", "1.2亿元", "-3", "0"};
	for (size_t i = 0; i < sizeof num / sizeof *num; i++)
		CHECK(holds_number(num[i], strlen(num[i])));
	const char *notnum[] = {"",       "≥95%",    "长期",  "2024年12月31日前",
	                        "12人次", "95%左右", "第1批", "-",
	                        ".",      "1.2.3"};
	for (size_t i = 0; i < sizeof notnum / sizeof *notnum; i++)
		CHECK(!holds_number(notnum[i], strlen(notnum[i])));

		/* cost keys */
#define KP(k, lvl) key_part_is(k, strlen(k), lvl, COST_LEVEL)
	CHECK(KP("产出指标|成本指标|支出金额", 1));
	CHECK(!KP("产出指标|成本指标|支出金额", 0));
	CHECK(KP("成本指标|经济成本指标|x", 0));
	CHECK(!KP("成本指标|经济成本指标|x", 1));
	CHECK(KP("产出指标|成本指标#2", 1));
	CHECK(!KP("产出指标|成本指标#", 1));
	CHECK(!KP("产出指标|成本指标x|y", 1));
	CHECK(!KP("产出指标", 1));
	CHECK(!KP("成本", 0));

	/* column lists */
	int cols[SUM_MAX_GROUP_COLS];
	char err[256];
	CHECK_INT(sum_parse_cols("year,dept", cols, err, sizeof err), 2);
	CHECK(cols[0] == COL_YEAR && cols[1] == COL_DEPT);
	CHECK_INT(sum_parse_cols("doc,year,dept,project,section,key,field,value,op,num,unit,src",
	                         cols, err, sizeof err),
	          12);
	CHECK_INT(sum_parse_cols("year,Dept", cols, err, sizeof err), -1);
	CHECK(strstr(err, "'Dept'") != NULL);
	CHECK_INT(sum_parse_cols("", cols, err, sizeof err), -1);
	CHECK_INT(sum_parse_cols("key,key", cols, err, sizeof err), -1);

	/* escaping round-trips through the reader's unescape */
	const char *raw = "a\tb\\c\nd\re|中";
	buf e = {0};
	add_escaped(&e, raw, strlen(raw));
	CHECK_STR(e.s, "a\\tb\\\\c\\nd\\re|中");
	size_t en = e.len;
	CHECK_INT(tsv_unescape(e.s, &en), 0);
	CHECK_STR(e.s, raw);
	buf_free(&e);

	/* totals through many groups (the table rehashes several times): group
	 * g gets amounts g and 0.01 from two documents, and a date and a %
	 * that do not count */
	buf in = {0};
	buf_adds(&in, FACT_HEADER);
	buf_addc(&in, '\n');
	enum { NG = 5000 };
	for (int doc = 0; doc < 2; doc++) {
		for (int g = 0; g < NG; g++) {
			const char *v = doc ? "0.01" : NULL;
			char nb[32];
			snprintf(nb, sizeof nb, "%d", g);
			buf_printf(&in, "d%d\t2024\t\t\tbudget\tk%05d\tamount\tx\t=\t%s\t万元\t\n",
			           doc, g, v ? v : nb);
			buf_printf(
			    &in,
			    "d%d\t2024\t\t\tindicator\tk%05d\tamount\tx\t=\t2024-01-01\tdate\t\n",
			    doc, g);
			buf_printf(&in, "d%d\t2024\t\t\tbudget\tk%05d\tamount\tx\t=\t5\t%%\t\n",
			           doc, g);
		}
	}
	int kc[1] = {COL_KEY};
	char *out = totals_of(in.s, kc, 1, 0);
	buf want = {0};
	buf_adds(&want, "key\tdocs\tsum\n");
	for (int g = 0; g < NG; g++)
		buf_printf(&want, "k%05d\t2\t%d.01\n", g, g);
	CHECK_STR(out, want.s);
	free(out);
	/* --all-units: the % rows count too, dates never */
	out = totals_of(in.s, (int[]){COL_UNIT}, 1, 1);
	CHECK_STR(out, "unit\tdocs\tsum\n%\t2\t50000\n万元\t2\t12497550\n");
	free(out);
	buf_free(&want);
	buf_free(&in);
	T_END();
}
