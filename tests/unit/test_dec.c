/* SPDX-License-Identifier: MIT */
/* Unit tests for dec: parsing, canonical form, exact arithmetic, overflow. */
#include <string.h>

#include "dec.h"
#include "t.h"

static const char *fmt(const char *s)
{
	static char b[DEC_BUFSZ];
	dec d;
	int rc = dec_parse(s, strlen(s), &d);
	if (rc == DEC_ESYNTAX)
		return "ESYNTAX";
	if (rc == DEC_ERANGE)
		return "ERANGE";
	dec_format(d, b);
	return b;
}

static const char *op(const char *a, const char *b, int which)
{
	static char o[DEC_BUFSZ];
	dec x, y, r;
	dec_parse(a, strlen(a), &x);
	dec_parse(b, strlen(b), &y);
	int rc = which == 0   ? dec_add(x, y, &r)
	         : which == 1 ? dec_sub(x, y, &r)
	                      : dec_pct(x, y, &r);
	if (rc)
		return "ERANGE";
	dec_format(r, o);
	return o;
}

static const char *shift(const char *a, int k)
{
	static char o[DEC_BUFSZ];
	dec x, r;
	dec_parse(a, strlen(a), &x);
	if (dec_shift(x, k, &r))
		return "ERANGE";
	dec_format(r, o);
	return o;
}

static int cmp(const char *a, const char *b)
{
	dec x, y;
	dec_parse(a, strlen(a), &x);
	dec_parse(b, strlen(b), &y);
	return dec_cmp(x, y);
}

int main(void)
{
	/* canonical form: FORMAT.md section 4 */
	CHECK_STR(fmt("1,621.950"), "1621.95");
	CHECK_STR(fmt("+007"), "7");
	CHECK_STR(fmt("-0"), "0");
	CHECK_STR(fmt("-0.000"), "0");
	CHECK_STR(fmt("5."), "5");
	CHECK_STR(fmt("0.50"), "0.5");
	CHECK_STR(fmt(".5"), "0.5");
	CHECK_STR(fmt("-12.340"), "-12.34");
	CHECK_STR(fmt("100"), "100");
	CHECK_STR(fmt("0"), "0");
	CHECK_STR(fmt("000.000100"), "0.0001");
	CHECK_STR(fmt(""), "ESYNTAX");
	CHECK_STR(fmt("-"), "ESYNTAX");
	CHECK_STR(fmt("1.2.3"), "ESYNTAX");
	CHECK_STR(fmt("12a"), "ESYNTAX");
	CHECK_STR(fmt(",5"), "ESYNTAX");
	CHECK_STR(fmt("5,"), "ESYNTAX");
	CHECK_STR(fmt("1e5"), "ESYNTAX");
	/* limits */
	CHECK_STR(fmt("123456789012345678901234567890123456"),
	          "123456789012345678901234567890123456");
	CHECK_STR(fmt("1234567890123456789012345678901234567"), "ERANGE");
	CHECK_STR(fmt("1234567890123456789012345678901234567890"), "ERANGE");
	CHECK_STR(fmt("0.000000000000000001"), "0.000000000000000001");
	CHECK_STR(fmt("0.0000000000000000001"), "ERANGE");
	CHECK_STR(fmt("1.50000000000000000000000000"), "1.5");
	/* arithmetic */
	CHECK_STR(op("477.01", "1144.94", 0), "1621.95");
	CHECK_STR(op("0.1", "0.2", 0), "0.3");
	CHECK_STR(op("334.87", "1144.94", 1), "-810.07");
	CHECK_STR(op("95", "100", 1), "-5");
	CHECK_STR(op("1", "1", 1), "0");
	CHECK_STR(op("999999999999999999999999999999999999", "1", 0), "ERANGE");
	CHECK_STR(op("-999999999999999999999999999999999999", "1", 1), "ERANGE");
	/* pct: rounded half away from zero */
	CHECK_STR(op("5", "90", 2), "5.56");
	CHECK_STR(op("-5", "90", 2), "-5.56");
	CHECK_STR(op("1", "8", 2), "12.5");
	CHECK_STR(op("1", "3", 2), "33.33");
	CHECK_STR(op("2", "3", 2), "66.67");
	CHECK_STR(op("0.005", "1", 2), "0.5");
	CHECK_STR(op("0.00005", "1", 2), "0.01");
	CHECK_STR(op("-0.00005", "1", 2), "-0.01");
	CHECK_STR(op("0.00004", "1", 2), "0");
	CHECK_STR(op("1", "0", 2), "ERANGE");
	CHECK_STR(op("10", "-4", 2), "-250");
	/* shifts: unit conversions */
	CHECK_STR(shift("15000", -4), "1.5");
	CHECK_STR(shift("1621.95", -1), "162.195");
	CHECK_STR(shift("2.5", 4), "25000");
	CHECK_STR(shift("0.01", -4), "0.000001");
	CHECK_STR(shift("0.000000000000001", -4), "ERANGE");
	CHECK_STR(shift("999999999999999999999999999999999", 4), "ERANGE");
	/* comparison */
	CHECK_INT(cmp("1621.95", "1621.950"), 0);
	CHECK_INT(cmp("-1", "0.5"), -1);
	CHECK_INT(cmp("100", "95"), 1);
	CHECK_INT(cmp("0.000000000000000001", "0"), 1);
	CHECK_INT(cmp("123456789012345678901234567890123456", "0.000000000000000001"), 1);
	T_END();
}
