/* SPDX-License-Identifier: MIT */
/* Unit tests for form_keys (the label-key memo): every key it gives is the
 * text form_labkey gives for the same text (plain, blanks, full-width, a
 * star, a trailing colon, traditional characters), the same text asked
 * again (also from another copy) gives the same pointer, a key stays valid
 * while later keys are made (past several table growths), past
 * FORM_KEYS_MAX texts the keys are still right and the memo stops growing,
 * and reset then free leave it usable and empty. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "t.h"

int main(void)
{
	static const char *texts[] = {
	    "项目名称", "预算 金额（万元）", "*指标值",   "年度资金总额：",    "產出指標", "  ",
	    "",         "ＡＢＣ１２３",      "质量指标:", "绩???效???指???标", NULL};
	form_keys m = {0};
	buf tmp = {0};
	for (int i = 0; texts[i]; i++) {
		char *want = xstrdup(form_labkey(texts[i], &tmp));
		CHECK_STR(form_key(&m, texts[i]), want);
		free(want);
	}
	/* the same text from another copy: the same key, not computed again */
	char *copy = xstrdup("预算 金额（万元）");
	const char *k1 = form_key(&m, "预算 金额（万元）");
	CHECK(form_key(&m, copy) == k1);
	CHECK_STR(k1, "预算金额(万元)");
	/* 5,000 more texts (the table grows several times): earlier keys stay */
	enum { N = 5000 };
	const char *keys[N];
	char t[64], want[64];
	for (int i = 0; i < N; i++) {
		snprintf(t, sizeof t, "指标 %d：", i);
		keys[i] = form_key(&m, t);
	}
	int bad = 0;
	for (int i = 0; i < N; i++) {
		snprintf(want, sizeof want, "指标%d", i);
		bad += strcmp(keys[i], want) != 0;
	}
	CHECK_INT(bad, 0);
	CHECK_STR(k1, "预算金额(万元)");
	CHECK_INT(m.used, N + 10);
	/* past FORM_KEYS_MAX texts: still the right keys, the memo full */
	bad = 0;
	for (int i = 0; i < FORM_KEYS_MAX + 100; i++) {
		snprintf(t, sizeof t, "目标 %d：", i);
		snprintf(want, sizeof want, "目标%d", i);
		bad += strcmp(form_key(&m, t), want) != 0;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(m.used, FORM_KEYS_MAX);
	CHECK(m.cap == 2 * FORM_KEYS_MAX);               /* the table grew no further */
	CHECK_STR(form_key(&m, copy), "预算金额(万元)"); /* an earlier one: still kept */
	CHECK(form_key(&m, copy) == k1);
	form_keys_reset(&m);
	CHECK_INT(m.used, 0);
	CHECK_STR(form_key(&m, copy), "预算金额(万元)");
	CHECK_INT(m.used, 1);
	form_keys_free(&m);
	CHECK(m.t == NULL && m.cap == 0 && m.used == 0);
	CHECK_STR(form_key(&m, "  项目 名称 "), "项目名称");
	form_keys_free(&m);
	free(copy);
	buf_free(&tmp);
	T_END();
}
