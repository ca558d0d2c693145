/* SPDX-License-Identifier: MIT */
/* Unit tests for numfmt: the office readers' number rules (issue 14), one
 * group per rule: 15 significant digits, shortest; percent; dates; the
 * display format ignored; doubles from binary workbooks. */
#include <string.h>

#include "numfmt.h"
#include "t.h"

static const char *num(const char *s, int kind)
{
	static buf b;
	buf_reset(&b);
	numfmt_number(s, kind, 0, &b);
	return buf_str(&b);
}

static const char *dbl(double v, int kind)
{
	static buf b;
	buf_reset(&b);
	numfmt_double(v, kind, 0, &b);
	return buf_str(&b);
}

int main(void)
{
	/* shortest decimal of at most 15 significant digits */
	CHECK_STR(num("82800.920000000013", NUMFMT_GENERAL), "82800.92");
	CHECK_STR(num("10891.615675", NUMFMT_GENERAL), "10891.615675");
	CHECK_STR(num("0.30000000000000004", NUMFMT_GENERAL), "0.3");
	CHECK_STR(num("1621.9499999999998", NUMFMT_GENERAL), "1621.95");
	CHECK_STR(num("123456789012345678", NUMFMT_GENERAL), "123456789012346000");
	CHECK_STR(num("999999999999999.7", NUMFMT_GENERAL), "1000000000000000");
	CHECK_STR(num("41", NUMFMT_GENERAL), "41");
	CHECK_STR(num("0", NUMFMT_GENERAL), "0");
	CHECK_STR(num("-0.5", NUMFMT_GENERAL), "-0.5");
	CHECK_STR(num("1.5E-3", NUMFMT_GENERAL), "0.0015");
	CHECK_STR(num("2E+3", NUMFMT_GENERAL), "2000");
	CHECK_STR(num("477.01000", NUMFMT_GENERAL), "477.01");
	CHECK_STR(num("abc", NUMFMT_GENERAL), "abc");
	{
		buf b = {0};
		CHECK_INT(numfmt_number("1.2.3", NUMFMT_GENERAL, 0, &b), -1);
		CHECK_STR(buf_str(&b), "1.2.3");
		buf_free(&b);
	}
	/* percent: x100 and % */
	CHECK_STR(num("1", NUMFMT_PERCENT), "100%");
	CHECK_STR(num("0.95", NUMFMT_PERCENT), "95%");
	CHECK_STR(num("0.123456", NUMFMT_PERCENT), "12.3456%");
	CHECK_STR(num("0.9500000000000001", NUMFMT_PERCENT), "95%");
	CHECK_STR(num("0", NUMFMT_PERCENT), "0%");
	/* dates: YYYY-MM-DD from the serial day (time of day dropped) */
	CHECK_STR(num("45292", NUMFMT_DATE), "2024-01-01");
	CHECK_STR(num("45657.75", NUMFMT_DATE), "2024-12-31");
	CHECK_STR(num("1", NUMFMT_DATE), "1900-01-01");
	CHECK_STR(num("59", NUMFMT_DATE), "1900-02-28");
	CHECK_STR(num("60", NUMFMT_DATE), "1900-02-29");
	CHECK_STR(num("61", NUMFMT_DATE), "1900-03-01");
	CHECK_STR(num("-3", NUMFMT_DATE), "-3"); /* no date: the number */
	{
		buf b = {0};
		numfmt_number("0", NUMFMT_DATE, 1, &b);
		CHECK_STR(buf_str(&b), "1904-01-01");
		buf_reset(&b);
		numfmt_number("43830", NUMFMT_DATE, 1, &b); /* 1904 system: 1462 days less */
		CHECK_STR(buf_str(&b), "2024-01-01");
		buf_free(&b);
	}
	/* which formats are which; any other display format is ignored */
	CHECK_INT(numfmt_kind_id(9), NUMFMT_PERCENT);
	CHECK_INT(numfmt_kind_id(10), NUMFMT_PERCENT);
	CHECK_INT(numfmt_kind_id(14), NUMFMT_DATE);
	CHECK_INT(numfmt_kind_id(57), NUMFMT_DATE);
	CHECK_INT(numfmt_kind_id(4), NUMFMT_GENERAL); /* #,##0.00 */
	CHECK_INT(numfmt_kind_code("0.00%"), NUMFMT_PERCENT);
	CHECK_INT(numfmt_kind_code("\"%\"0"), NUMFMT_GENERAL); /* a quoted % is text */
	CHECK_INT(numfmt_kind_code("yyyy\"年\"m\"月\"d\"日\""), NUMFMT_DATE);
	CHECK_INT(numfmt_kind_code("[$-804]yyyy/mm/dd"), NUMFMT_DATE);
	CHECK_INT(numfmt_kind_code("General"), NUMFMT_GENERAL);
	CHECK_INT(numfmt_kind_code("#,##0.00_);[Red]\\(#,##0.00\\)"), NUMFMT_GENERAL);
	CHECK_INT(numfmt_kind_code("h:mm:ss"), NUMFMT_GENERAL);
	CHECK_INT(numfmt_kind_code("[Red]0.0"), NUMFMT_GENERAL);
	/* doubles (XLS): the exact binary value, then the same rules */
	CHECK_STR(dbl(82800.92, NUMFMT_GENERAL), "82800.92");
	CHECK_STR(dbl(0.1 + 0.2, NUMFMT_GENERAL), "0.3");
	CHECK_STR(dbl(10891.615675, NUMFMT_GENERAL), "10891.615675");
	CHECK_STR(dbl(-1144.94, NUMFMT_GENERAL), "-1144.94");
	CHECK_STR(dbl(1e20, NUMFMT_GENERAL), "100000000000000000000");
	CHECK_STR(dbl(1.5e-7, NUMFMT_GENERAL), "0.00000015");
	CHECK_STR(dbl(0, NUMFMT_GENERAL), "0");
	CHECK_STR(dbl(0.95, NUMFMT_PERCENT), "95%");
	CHECK_STR(dbl(45292, NUMFMT_DATE), "2024-01-01");
	CHECK_STR(dbl(1e300, NUMFMT_GENERAL), "1E+300");
	T_END();
}
