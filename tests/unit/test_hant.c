/* SPDX-License-Identifier: MIT */
/* Unit tests for hant: traditional characters folded to simplified, pinyin
 * readings after a character dropped, other brackets and simplified text
 * left alone. */
#include <string.h>

#include "hant.h"
#include "t.h"

static const char *fold(const char *s)
{
	static char b[256];
	snprintf(b, sizeof b, "%s", s);
	size_t n = hant_fold(b, strlen(b));
	b[n] = 0;
	return b;
}

int main(void)
{
	CHECK_INT(hant_simplified(0x7E3E), 0x7EE9); /* 績 -> 绩 */
	CHECK_INT(hant_simplified(0x7EE9), 0x7EE9); /* 绩 stays */
	CHECK_INT(hant_simplified('A'), 'A');
	CHECK_STR(fold("績效目標(biāo)表"), "绩效目标表");
	CHECK_STR(fold("一級(jí)指標(biāo)"), "一级指标");
	CHECK_STR(fold("*評(píng)(扣)分標(biāo)準(zhǔn)"), "*评(扣)分标准");
	CHECK_STR(fold("項目資金(萬元)"), "项目资金(万元)"); /* a remark stays */
	CHECK_STR(fold("预算执行率(B/A)"), "预算执行率(B/A)");
	CHECK_STR(fold("指标(a)"), "指标(a)");       /* no tone mark: not a reading */
	CHECK_STR(fold("x(biāo)"), "x(biāo)");       /* not after a CJK character */
	CHECK_STR(fold("绩效目标表"), "绩效目标表"); /* simplified: unchanged */
	CHECK_INT(hant_first("绩效目标表", strlen("绩效目标表")), strlen("绩效目标表"));
	CHECK_INT(hant_first("绩效目標", strlen("绩效目標")), 9);
	CHECK_STR(fold("乾坤"), "乾坤"); /* also a simplified character: left */
	T_END();
}
