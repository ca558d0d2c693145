/* SPDX-License-Identifier: MIT */
/* Unit tests for text: every canonical-text rule of FORMAT.md section 3,
 * keys, invalid UTF-8, and the idempotence property over many values. */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "text.h"
#include "util.h"

static const char *canon(const char *s)
{
	static buf b;
	buf_reset(&b);
	text_canon(&b, s, strlen(s));
	return b.s;
}

static const char *canon_key(const char *s)
{
	static buf b;
	buf_reset(&b);
	text_canon_key(&b, s, strlen(s));
	return b.s;
}

/* canon(canon(s)) == canon(s), on s[0..n) which may hold NULs or bad bytes;
 * and text_canon_ref, text_is_canon agree with text_canon. */
static int idempotent(const char *s, size_t n)
{
	buf a = {0}, b = {0}, t = {0};
	text_canon(&a, s, n);
	text_canon(&b, a.s, a.len);
	int same = a.len == b.len && memcmp(a.s, b.s, a.len) == 0 && a.len <= n;
	size_t rn;
	const char *r = text_canon_ref(&t, s, n, 0, &rn);
	same = same && rn == a.len && memcmp(r, a.s, rn) == 0;
	same = same && text_is_canon(s, n) == (a.len == n && memcmp(a.s, s, n) == 0);
	buf_free(&t);
	buf_free(&a);
	buf_free(&b);
	return same;
}

int main(void)
{
	/* 1. width folding: U+FF01..U+FF5E to ASCII, U+3000 to space */
	CHECK_STR(canon("\xEF\xBC\x81"), "!"); /* U+FF01 */
	CHECK_STR(canon("\xEF\xBD\x9E"), "~"); /* U+FF5E */
	CHECK_STR(canon("ＡＢＣ１２３"), "ABC123");
	CHECK_STR(canon("（万元）"), "(万元)");
	CHECK_STR(canon("１，６２１．９５"), "1,621.95");
	CHECK_STR(canon("≥９５％"), "≥95%");
	CHECK_STR(canon("\xEF\xBD\x9F"), "\xEF\xBD\x9F"); /* U+FF5F: outside the range */
	CHECK_STR(canon("\xEF\xBC\x80"), "\xEF\xBC\x80"); /* U+FF00: outside the range */
	CHECK_STR(canon("Ａ　Ｂ"), "A B");                /* U+3000 between letters */
	CHECK_STR(canon("中　文"), "中文");

	/* 2. every white-space character becomes a space; runs collapse; trim */
	const char *spaces[] = {"\t", "\n", "\r", "\v", "\f", " ", "\xC2\xA0", "\xE2\x80\x80",
	                        "\xE2\x80\x85", "\xE2\x80\x8A", "\xE2\x80\x8B", "\xE2\x80\xAF",
	                        "\xE2\x81\x9F", "\xE3\x80\x80", "\xEF\xBB\xBF",
	                        /* Unicode's other White_Space, and U+180E, U+2060
	                         * (invisible, as U+200B and U+FEFF are) */
	                        "\xC2\x85", "\xE1\x9A\x80", "\xE1\xA0\x8E", "\xE2\x80\xA8",
	                        "\xE2\x80\xA9", "\xE2\x81\xA0"};
	for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++) {
		char in[64];
		snprintf(in, sizeof in, "%sa%sb%s%sc%s", spaces[i], spaces[i], spaces[i], spaces[i],
		         spaces[i]);
		CHECK_STR(canon(in), "a b c");
		snprintf(in, sizeof in, "中%s文", spaces[i]);
		CHECK_STR(canon(in), "中文");
	}
	CHECK_STR(canon("\xE2\x80\x8C"), "\xE2\x80\x8C");         /* U+200C is not in the list */
	CHECK_STR(canon("\xE2\x80\x8D"), "\xE2\x80\x8D");         /* nor U+200D */
	CHECK_STR(canon("\xC2\x84\xC2\x86"), "\xC2\x84\xC2\x86"); /* nor U+0084, U+0086 */
	CHECK_STR(canon("\xE1\x9A\x81"), "\xE1\x9A\x81");         /* nor U+1681 */
	/* the text around the new spaces, in the same lead bytes, is kept */
	CHECK_STR(canon("\xE1\x84\x80 \xE2\x80\xA8\xE2\x80\xA7"), "\xE1\x84\x80\xE2\x80\xA7");
	CHECK_STR(canon("  a  \t\n b  "), "a b");
	CHECK_STR(canon(""), "");
	CHECK_STR(canon(" \t　 "), "");

	/* 3. a space stays only between two ASCII letters or digits */
	CHECK_STR(canon("完成市人大各项任务, 促进市人大发展。"),
	          "完成市人大各项任务,促进市人大发展。");
	CHECK_STR(canon("≥ 95 %"), "≥95%");
	CHECK_STR(canon("Version 2 . 0"), "Version 2.0");
	CHECK_STR(canon("a b"), "a b");
	CHECK_STR(canon("1 2"), "1 2");
	CHECK_STR(canon("a 中"), "a中");
	CHECK_STR(canon("中 a"), "中a");
	CHECK_STR(canon("a - b"), "a-b");
	CHECK_STR(canon("a_ b"), "a_b");
	CHECK_STR(canon("z 0"), "z 0");
	CHECK_STR(canon("Z\xC2\xA0\xC2\xA0"
	                "9"),
	          "Z 9");
	CHECK_STR(canon("é e"), "ée");    /* letters, but not ASCII */
	CHECK_STR(canon("１ ２"), "1 2"); /* folded first, then judged */

	/* invalid UTF-8 passes through, never read past the end */
	CHECK_STR(canon("\xFF"), "\xFF");
	CHECK_STR(canon("a\xC2"), "a\xC2"); /* truncated lead byte at the end */
	CHECK_STR(canon("\xE3\x80"), "\xE3\x80");
	CHECK_STR(canon("\xEF\xBC"), "\xEF\xBC");
	CHECK_STR(canon("\xC0\x80 x"), "\xC0\x80x");      /* overlong NUL stays bytes */
	CHECK_STR(canon("\xED\xA0\x80"), "\xED\xA0\x80"); /* surrogate */
	/* a dropped space must not glue stray bytes into U+3000 */
	CHECK_STR(canon("\xE3 \x80\x80"), "\xE3 \x80\x80");
	CHECK(idempotent("\xE3 \x80\x80", 4));
	CHECK(idempotent("\xE3\x80 \x80", 4));
	CHECK(idempotent("\xEF\xBC \x81", 4));

	/* keys: each '|'-part on its own; a folded U+FF5C becomes U+00A6 */
	CHECK_STR(canon_key("产出指标 | 数量指标 |全体 人数"), "产出指标|数量指标|全体人数");
	CHECK_STR(canon_key("a｜b|c"), "a¦b|c");
	CHECK_STR(canon_key("||"), "||");
	CHECK_STR(canon_key(" A | B "), "A|B");
	CHECK_STR(canon_key(""), "");
	CHECK_STR(canon("a｜b"), "a|b"); /* outside keys it is a plain '|' */

	CHECK(text_is_canon("a b", 3));
	CHECK(!text_is_canon("a  b", 4));
	CHECK(text_is_canon("", 0));
	CHECK(text_is_canon("a b中,文", strlen("a b中,文")));
	CHECK(!text_is_canon(" a", 2));
	CHECK(!text_is_canon("a ", 2));
	CHECK(!text_is_canon("中 文", strlen("中 文")));
	CHECK(!text_is_canon("Ａ", 3));
	{
		buf t = {0};
		size_t rn;
		const char *in = "已是a b文本";
		CHECK(text_canon_ref(&t, in, strlen(in), 0, &rn) == in); /* no copy */
		CHECK_STR(text_canon_ref(&t, " x ", 3, 0, &rn), "x");
		CHECK_STR(text_canon_ref(&t, "a ｜b", strlen("a ｜b"), 1, &rn), "a¦b");
		CHECK(text_canon_ref(&t, "a|b", 3, 1, &rn) != t.s);
		buf_free(&t);
	}

	/* idempotence over many values: every pair and triple of pieces */
	const char *pieces[] = {"",
	                        " ",
	                        "a",
	                        "Z",
	                        "9",
	                        "中",
	                        "　",
	                        "\xC2\xA0",
	                        "ＡＢ",
	                        "１",
	                        "，",
	                        "\t",
	                        "\xE2\x80\x8B",
	                        "\xEF\xBB\xBF",
	                        "\xE3",
	                        "\x80",
	                        "\xFF",
	                        "%",
	                        "≥",
	                        "|",
	                        "｜",
	                        ".",
	                        "\xEF\xBC",
	                        "\xC2"};
	size_t np = sizeof pieces / sizeof *pieces, bad = 0, total = 0;
	for (size_t i = 0; i < np; i++)
		for (size_t j = 0; j < np; j++)
			for (size_t k = 0; k < np; k++) {
				char in[64];
				int n = snprintf(in, sizeof in, "%s%s%s", pieces[i], pieces[j],
				                 pieces[k]);
				total++;
				if (!idempotent(in, (size_t)n)) {
					if (bad++ < 5)
						printf("not idempotent: [%s]\n", in);
				}
			}
	CHECK_INT(bad, 0);
	CHECK(total == np * np * np);
	/* and random byte strings, drawn from the bytes that matter */
	static const unsigned char alpha[] = {' ',  'a',  '1',  '\t', 0xC2, 0xA0, 0xE2, 0x80,
	                                      0x8B, 0xE3, 0xEF, 0xBC, 0xBD, 0x81, 0xBB, 0xBF,
	                                      0xE4, 0xB8, 0xAD, 0xFF, '|',  ','};
	srand(12345);
	bad = 0;
	for (int it = 0; it < 200000; it++) {
		char in[24];
		size_t n = (size_t)(rand() % 24);
		for (size_t i = 0; i < n; i++)
			in[i] = (char)alpha[rand() % sizeof alpha];
		if (!idempotent(in, n) && bad++ < 5) {
			printf("not idempotent:");
			for (size_t i = 0; i < n; i++)
				printf(" %02x", (unsigned char)in[i]);
			printf("\n");
		}
	}
	CHECK_INT(bad, 0);
	/* the eight-bytes-at-a-time test of plain text: one space, control or
	 * foldable character at every place of a long plain value (Chinese and
	 * ASCII), each agreeing with the slow path */
	static const char *const odd[] = {" ",
	                                  "\t",
	                                  "\n",
	                                  "  ",
	                                  "\x01",
	                                  "\xC2\xA0",
	                                  "\xE2\x80\x83",
	                                  "\xE2\x81\x9F",
	                                  "\xE3\x80\x80",
	                                  "\xEF\xBB\xBF",
	                                  "\xEF\xBC\x81",
	                                  "\xE3\x80\x81",
	                                  "\xE2\x80\x9C",
	                                  "\xFF"};
	const char *base = "预算绩效abc12中文目标";
	size_t bn = strlen(base), tried = 0;
	bad = 0;
	for (size_t o = 0; o < sizeof odd / sizeof odd[0]; o++)
		for (size_t at = 0; at <= bn; at++) {
			char in[64];
			size_t on = strlen(odd[o]);
			memcpy(in, base, at);
			memcpy(in + at, odd[o], on);
			memcpy(in + at + on, base + at, bn - at);
			tried++;
			if (!idempotent(in, bn + on) && bad++ < 5)
				printf("slow and fast paths differ: odd %zu at %zu\n", o, at);
		}
	CHECK_INT(bad, 0);
	CHECK_INT(tried, 14 * (bn + 1));
	T_END();
}
