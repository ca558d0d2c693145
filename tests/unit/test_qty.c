/* SPDX-License-Identifier: MIT */
/* Unit tests for qty: every quantity example of FORMAT.md section 4 -- each
 * prefix and suffix word, grouping, sign, leading zeros, -0, exact money
 * conversions, every date form with month ends and leap years, deadline
 * words, no-quantity values -- and the limits (unit length, 36 digits). */
#include <stdio.h>
#include <string.h>

#include "qty.h"
#include "t.h"
#include "text.h"
#include "util.h"

/* "op|num|unit" for value v (canonicalised first) with unit column u and
 * year column y; "ERANGE" for an out-of-range number. */
static const char *q3(const char *v, const char *u, const char *y)
{
	static char out[256];
	buf c = {0};
	text_canon(&c, v, strlen(v));
	qty q;
	int rc = qty_parse(c.s, c.len, u, strlen(u), y, strlen(y), &q);
	if (rc == QTY_ERANGE)
		snprintf(out, sizeof out, "ERANGE");
	else
		snprintf(out, sizeof out, "%s|%s|%.*s", vocab_op_text[q.op], q.num, (int)q.unit_len,
		         q.unit);
	CHECK(rc != QTY_NONE || (q.op == OP_NONE && !q.num[0] && !q.unit_len));
	buf_free(&c);
	return out;
}

#define Q(v, want) CHECK_STR(q3(v, "", "2024"), want)
#define QU(v, unit, want) CHECK_STR(q3(v, unit, "2024"), want)
#define QY(v, year, want) CHECK_STR(q3(v, "", year), want)

int main(void)
{
	/* prefixes */
	Q("≥95%", ">=|95|%");
	Q("≧95%", ">=|95|%");
	Q(">=95%", ">=|95|%");
	Q("不低于95%", ">=|95|%");
	Q("不少于3个工作日", ">=|3|个工作日");
	Q("不小于10", ">=|10|");
	Q("大于等于10人", ">=|10|人");
	Q("≤1621.95万元", "<=|1621.95|万元");
	Q("≦5", "<=|5|");
	Q("<=5", "<=|5|");
	Q("不高于5%", "<=|5|%");
	Q("不超过5天", "<=|5|天");
	Q("不多于5次", "<=|5|次");
	Q("不大于5", "<=|5|");
	Q("小于等于5", "<=|5|");
	Q(">5", ">|5|");
	Q("大于5", ">|5|");
	Q("高于5", ">|5|");
	Q("超过5", ">|5|");
	Q("<5", "<|5|");
	Q("小于5", "<|5|");
	Q("低于5", "<|5|");
	Q("少于5", "<|5|");
	Q("=5", "=|5|");
	Q("═5", "=|5|");
	Q("等于5", "=|5|");
	Q("５", "=|5|");
	Q("＞＝５", ">=|5|"); /* full width folds to >= */
	Q("≥ 400 人次", ">=|400|人次");
	/* suffixes */
	Q("95%以上", ">=|95|%");
	Q("95%及以上", ">=|95|%");
	Q("5%以下", "<=|5|%");
	Q("5%及以下", "<=|5|%");
	Q("3天以内", "<=|3|天");
	Q("3天之内", "<=|3|天");
	Q("3以内", "<=|3|");
	QU("100以上", "人次", ">=|100|人次");
	Q("≥95%以上", ">=|95|%"); /* both: the prefix wins */
	Q("≤95%以上", "<=|95|%");
	/* no comparator */
	Q("41", "=|41|");
	Q("≥400人次", ">=|400|人次");
	Q("≥4批", ">=|4|批");
	/* numbers */
	Q("1,621.950", "=|1621.95|");
	Q("1,234,567", "=|1234567|");
	Q("12,345.5", "=|12345.5|");
	Q("1,2345", "||");   /* not groups of three: no quantity */
	Q("1234,567", "||"); /* groups after more than three digits */
	Q("1,23", "||");
	Q("+5", "=|5|");
	Q("-5", "=|-5|");
	Q("-0", "=|0|");
	Q("-0.00", "=|0|");
	Q("007", "=|7|");
	Q("0.50", "=|0.5|");
	Q("5.", "=|5|");
	Q("5.0%", "=|5|%");
	Q("00.10", "=|0.1|");
	Q(".5", "||");
	Q("5 km", "=|5|km");
	Q("5km/h", "=|5|km/h");
	/* money, exact, always 万元 */
	Q("15000元", "=|1.5|万元");
	QU("15000", "元", "=|1.5|万元");
	QU("15,000", "元", "=|1.5|万元");
	Q("1元", "=|0.0001|万元");
	Q("0.01元", "=|0.000001|万元");
	Q("25千元", "=|2.5|万元");
	Q("1.5亿元", "=|15000|万元");
	Q("0.000001亿元", "=|0.01|万元");
	Q("477.01万元", "=|477.01|万元");
	QU("477.01", "万元", "=|477.01|万元");
	Q("≤1621.95万元", "<=|1621.95|万元");
	Q("100000000000000000000000000000亿元", "=|1000000000000000000000000000000000|万元");
	Q("0.00000000000000001元", "ERANGE"); /* 10^-21 万元: below the scale */
	Q("999999999999999999999999999999999亿元", "ERANGE");
	/* unit column only when the value has no unit text */
	QU("5%", "万元", "=|5|%");
	QU("长期", "万元", "||");
	QU("", "万元", "||");
	/* limits: 36 digits fit, 37 do not */
	Q("123456789012345678901234567890123456", "=|123456789012345678901234567890123456|");
	Q("1234567890123456789012345678901234567", "ERANGE");
	Q("≥1234567890123456789012345678901234567万元", "ERANGE");
	Q("0.123456789012345678", "=|0.123456789012345678|");
	Q("0.1234567890123456789", "ERANGE");
	Q("0000000000000000000000000000000000000001", "=|1|"); /* leading zeros are free */
	/* unit text: at most QTY_MAX_UNIT characters, no digits or punctuation */
	Q("1一二三四五六七八", "=|1|一二三四五六七八");
	Q("1一二三四五六七八九", "||");
	Q("100%,完成任务", "||");
	Q("100%。", "||");
	Q("5“个”", "||");
	Q("5 k m", "||");
	/* dates, anywhere in the value */
	Q("2024年12月31日前完成任务", "<=|2024-12-31|date");
	Q("2024年12月31日", "=|2024-12-31|date");
	Q("于2024年6月1日开展", "=|2024-06-01|date");
	Q("2024年2月底", "=|2024-02-29|date"); /* leap year */
	Q("2023年2月底", "=|2023-02-28|date");
	Q("1900年2月底", "=|1900-02-28|date"); /* not leap: /100 */
	Q("2000年2月底", "=|2000-02-29|date"); /* leap: /400 */
	Q("2024年4月底前", "<=|2024-04-30|date");
	Q("2024年底", "=|2024-12-31|date");
	Q("2024年底前", "<=|2024-12-31|date");
	Q("2024-12-31", "=|2024-12-31|date");
	Q("2024-1-5", "=|2024-01-05|date");
	Q("2024.1.5", "=|2024-01-05|date");
	Q("2024/1/5", "=|2024-01-05|date");
	Q("2024/1-5", "||"); /* mixed separators */
	Q("2024-12-31前", "<=|2024-12-31|date");
	Q("12月31日前", "<=|2024-12-31|date");
	QY("12月31日前", "2023", "<=|2023-12-31|date");
	QY("2月29日", "2023", "||"); /* not a date in 2023 */
	QY("2月29日", "2024", "=|2024-02-29|date");
	QY("12月31日", "", "||"); /* no year to take */
	QY("12月31日", "24", "||");
	Q("6月底前", "<=|2024-06-30|date");
	Q("6月底", "=|2024-06-30|date");
	/* deadline words */
	Q("2024年12月31日之前", "<=|2024-12-31|date");
	Q("2024年12月31日以前", "<=|2024-12-31|date");
	Q("2024年12月31日止", "<=|2024-12-31|date");
	Q("2024年12月底前", "<=|2024-12-31|date");
	Q("截至2024年12月31日", "=|2024-12-31|date");
	Q("2024年12月31日后", "=|2024-12-31|date");
	/* invalid dates are not dates; a later valid one still counts */
	Q("2月30日", "||");
	Q("2024年2月30日", "||");
	Q("2024年13月1日", "||");
	Q("2024年0月1日", "||");
	Q("2024年4月31日", "||");
	Q("2024-02-30", "||");
	Q("2024年2月30日或2024年3月1日前", "<=|2024-03-01|date");
	Q("12024年1月1日", "||"); /* five-digit year */
	Q("0999年1月1日", "||");
	/* a number that starts a date is the date, not a quantity */
	Q("2024年", "=|2024|年");
	Q("12月", "=|12|月");
	Q("3年", "=|3|年");
	/* no quantity */
	Q("长期", "||");
	Q("有效提升", "||");
	Q("", "||");
	Q("≥", "||");
	Q("大于等于", "||");
	Q("第1名", "||");
	Q("2024年市人大代表参加培训率100%", "||");
	Q("1-2次", "||");
	Q("\xFF"
	  "5",
	  "||");
	Q("5\xFF", "||");
	Q("2024年12月31日\xFF", "=|2024-12-31|date");
	/* limit: qty reads at most QTY_MAX_WORDS words of each vocab table */
	int np = 0, ns = 0, nd = 0;
	while (vocab_prefix_ops[np].word)
		np++;
	while (vocab_suffix_ops[ns].word)
		ns++;
	while (vocab_deadline_words[nd])
		nd++;
	CHECK(np < QTY_MAX_WORDS && ns < QTY_MAX_WORDS && nd < QTY_MAX_WORDS);
	/* a prefix word is never the beginning of a later one (first hit wins) */
	for (int i = 0; i < np; i++)
		for (int j = i + 1; j < np; j++)
			CHECK(strncmp(vocab_prefix_ops[j].word, vocab_prefix_ops[i].word,
			              strlen(vocab_prefix_ops[i].word)) != 0);
	/* a suffix word is never the ending of a later one */
	for (int i = 0; i < ns; i++)
		for (int j = i + 1; j < ns; j++) {
			size_t li = strlen(vocab_suffix_ops[i].word),
			       lj = strlen(vocab_suffix_ops[j].word);
			CHECK(li > lj || memcmp(vocab_suffix_ops[j].word + lj - li,
			                        vocab_suffix_ops[i].word, li) != 0);
		}
	qty_cleanup();
	T_END();
}
