/* SPDX-License-Identifier: MIT */
/* Unit tests for enc: every step of the decoding rule (byte-order marks,
 * UTF-16 by zero bytes, valid UTF-8, both <meta> forms, the 4096-byte window,
 * mostly-UTF-8 repair and its 90% boundary, clean GB18030, the error), NUL
 * bytes, line ends left alone, the input size cap. Non-UTF-8 inputs are made
 * here with iconv from UTF-8 literals. */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "enc.h"
#include "t.h"
#include "util.h"

/* s converted from UTF-8 to charset `to`; caller frees; length in *n. */
static char *encode(const char *to, const char *s, size_t *n)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t inleft = strlen(s), cap = inleft * 4 + 16, oleft = cap;
	char *o = xmalloc(cap), *op = o, *in = (char *)s;
	size_t r = iconv(cd, &in, &inleft, &op, &oleft);
	iconv_close(cd);
	if (r == (size_t)-1) {
		free(o);
		return NULL;
	}
	*n = cap - oleft;
	return o;
}

/* prefix + body in a new buffer. */
static char *cat(const char *a, size_t an, const char *b, size_t bn, size_t *n)
{
	char *o = xmalloc(an + bn + 1);
	memcpy(o, a, an);
	memcpy(o + an, b, bn);
	*n = an + bn;
	return o;
}

static int valid_utf8(const char *s, size_t n)
{
	size_t i = 0, k;
	while (i < n) {
		if (utf8_decode((const unsigned char *)s + i, n - i, &k) < 0 || s[i] == 0)
			return 0;
		i += k;
	}
	return s[n] == 0;
}

/* Decode and check the result: text, encoding name and reason. */
static void expect(const char *bytes, size_t n, const char *text, const char *encoding,
                   const char *how)
{
	enc_result r;
	int rc = enc_decode(bytes, n, &r);
	CHECK_INT(rc, 0);
	if (rc != 0) {
		printf("  err: %s\n", r.err);
		return;
	}
	CHECK_STR(r.text, text);
	CHECK_INT(r.len, strlen(text));
	CHECK_STR(r.encoding, encoding);
	CHECK_STR(r.how, how);
	CHECK(valid_utf8(r.text, r.len));
	enc_result_free(&r);
	CHECK(r.text == NULL);
}

/* Decoding must fail with a message containing want. */
static void expect_err(const char *bytes, size_t n, const char *want)
{
	enc_result r;
	CHECK_INT(enc_decode(bytes, n, &r), -1);
	CHECK(r.text == NULL);
	if (!strstr(r.err, want)) {
		t_fail++;
		printf("FAIL error \"%s\" lacks \"%s\"\n", r.err, want);
	} else {
		t_pass++;
	}
	enc_result_free(&r);
}

static const char ZH[] = "2024年市级部门整体预算绩效目标表\t部门名称\r\n≥95%\t©\n";

static void test_boms(void)
{
	size_t n, m;
	char *b;

	/* UTF-8 mark stripped */
	b = cat("\xEF\xBB\xBF", 3, ZH, strlen(ZH), &n);
	expect(b, n, ZH, "UTF-8", "bom");
	free(b);
	/* a UTF-8 mark alone */
	expect("\xEF\xBB\xBF", 3, "", "UTF-8", "bom");

	/* UTF-8 mark with a bad byte: repaired, counted */
	enc_result r;
	CHECK_INT(enc_decode("\xEF\xBB\xBF"
	                     "a\xFF"
	                     "b",
	                     6, &r),
	          0);
	CHECK_STR(r.text, "a\xEF\xBF\xBD"
	                  "b");
	CHECK_INT(r.replaced, 1);
	enc_result_free(&r);

	/* UTF-16LE and BE, UTF-32LE and BE with their marks */
	const char *names[] = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"};
	const char *marks[] = {"\xFF\xFE", "\xFE\xFF", "\xFF\xFE\0\0", "\0\0\xFE\xFF"};
	size_t marklen[] = {2, 2, 4, 4};
	for (int i = 0; i < 4; i++) {
		char *e = encode(names[i], ZH, &m);
		CHECK(e != NULL);
		b = cat(marks[i], marklen[i], e, m, &n);
		expect(b, n, ZH, names[i], "bom");
		free(b);
		free(e);
	}

	/* a mark alone */
	expect("\xFF\xFE", 2, "", "UTF-16LE", "bom");

	/* UTF-16 mark with a truncated last character, and a lone surrogate */
	expect_err("\xFF\xFE"
	           "a\0b",
	           5, "incomplete UTF-16LE");
	expect_err("\xFF\xFE"
	           "a\0\x00\xD8"
	           "b\0",
	           8, "invalid UTF-16LE at byte 4");
}

static void test_utf16_nomark(void)
{
	size_t n;
	const char *tsv = "部门名称\t廉江市\n财政供养人员数\t41\n下属二级单位数\t0\n";
	char *e = encode("UTF-16LE", tsv, &n);
	expect(e, n, tsv, "UTF-16LE", "utf16-zeros");
	free(e);
	e = encode("UTF-16BE", tsv, &n);
	expect(e, n, tsv, "UTF-16BE", "utf16-zeros");
	free(e);
	/* NUL characters in UTF-16 are dropped like any other */
	enc_result r;
	CHECK_INT(enc_decode("a\0\0\0b\0c\0d\0e\0f\0g\0h\0", 18, &r), 0);
	CHECK_STR(r.text, "abcdefgh");
	CHECK_STR(r.encoding, "UTF-16LE");
	CHECK_INT(r.nuls, 1);
	enc_result_free(&r);
}

static void test_utf8(void)
{
	expect(ZH, strlen(ZH), ZH, "UTF-8", "valid");
	expect("", 0, "", "UTF-8", "valid");
	/* line ends untouched: CRLF, lone CR */
	expect("a\r\nb\rc\n", 7, "a\r\nb\rc\n", "UTF-8", "valid");
	/* an HTML page declaring GBK but valid UTF-8 stays UTF-8 */
	const char *page = "<meta charset=gbk><p>预算</p>";
	expect(page, strlen(page), page, "UTF-8", "valid");
	/* three-byte edges: U+0800, U+D7FF, U+E000, U+FFFF, U+1000 are valid;
	 * an overlong form (E0 80 80), a surrogate (ED A0 80) and a lead without
	 * its continuation bytes are not UTF-8 (each is read some other way) */
	const char *edges = "\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF\xE1\x80\x80";
	expect(edges, strlen(edges), edges, "UTF-8", "valid");
	static const char *const bad[] = {"\xE0\x80\x80", "\xED\xA0\x80", "\xE4\xB8",
	                                  "\xE4\x41\x80", "\xE4\xB8\xC0"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		enc_result r;
		int rc = enc_decode(bad[i], strlen(bad[i]), &r);
		CHECK(rc != 0 || strcmp(r.how, "valid") != 0);
		if (rc == 0)
			enc_result_free(&r);
	}
}

static void test_declared(void)
{
	size_t n;
	const char *p1 = "<html><head><meta charset=gb2312></head><td>部门名称</td>";
	char *e = encode("GB18030", p1, &n);
	expect(e, n, p1, "GB18030", "declared");
	free(e);

	const char *p2 = "<HTML><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
	                 "Charset = GBK\"><td>部门名称 ≥95%</td>";
	e = encode("GB18030", p2, &n);
	expect(e, n, p2, "GB18030", "declared");
	free(e);

	/* quoted with single quotes, Big5 */
	const char *p3 = "<meta charset='big5'><td>預算績效</td>";
	e = encode("BIG5", p3, &n);
	expect(e, n, p3, "BIG5-HKSCS", "declared");
	free(e);

	/* The same GB bytes read as Big5 when declared within the first 4096
	 * bytes, and as GB18030 (undeclared) when the <meta> is beyond. */
	buf b = {0};
	buf_adds(&b, "<meta charset=big5>");
	buf_adds(&b, "<p>中文</p>");
	e = encode("GB18030", b.s, &n);
	enc_result r;
	CHECK_INT(enc_decode(e, n, &r), 0);
	CHECK_STR(r.encoding, "BIG5-HKSCS");
	CHECK_STR(r.how, "declared");
	enc_result_free(&r);
	free(e);
	buf_reset(&b);
	for (int i = 0; i < ENC_SNIFF_BYTES; i++)
		buf_addc(&b, ' ');
	buf_adds(&b, "<meta charset=big5><p>中文</p>");
	e = encode("GB18030", b.s, &n);
	CHECK_INT(enc_decode(e, n, &r), 0);
	CHECK_STR(r.encoding, "GB18030");
	CHECK_STR(r.how, "gb18030-clean");
	CHECK(r.len == b.len && memcmp(r.text, b.s, b.len) == 0);
	enc_result_free(&r);
	free(e);
	/* just inside the window: "<meta charset=big5" ends at byte 4096 */
	buf_reset(&b);
	for (int i = 0; i < ENC_SNIFF_BYTES - 18; i++)
		buf_addc(&b, ' ');
	buf_adds(&b, "<meta charset=big5><p>中文</p>");
	e = encode("GB18030", b.s, &n);
	CHECK_INT(enc_decode(e, n, &r), 0);
	CHECK_STR(r.how, "declared");
	enc_result_free(&r);
	free(e);

	/* a single-byte charset grows 1 byte to 3 (the euro sign): the
	 * output buffer has to grow while converting */
	buf_reset(&b);
	buf_adds(&b, "<meta charset=windows-1252>");
	for (int i = 0; i < 100; i++)
		buf_addc(&b, '\x80');
	CHECK_INT(enc_decode(b.s, b.len, &r), 0);
	CHECK_STR(r.encoding, "WINDOWS-1252");
	CHECK_STR(r.how, "declared");
	CHECK_INT(r.len, 27 + 300);
	CHECK(r.len == 327 && memcmp(r.text + 27 + 297, "\xE2\x82\xAC", 3) == 0);
	CHECK(valid_utf8(r.text, r.len));
	enc_result_free(&r);

	/* declared GBK, but bytes invalid in GB18030: the error says so */
	expect_err("<meta charset=GBK>\x80\xFF", 20, "declared GBK: invalid GB18030 at byte 18");
	buf_free(&b);
	/* an unknown declared charset is ignored; the bytes decode as GB18030 */
	const char *p4 = "<meta charset=no-such-cs>部门";
	e = encode("GB18030", p4, &n);
	expect(e, n, p4, "GB18030", "gb18030-clean");
	free(e);
}

static void test_gb18030(void)
{
	size_t n;
	char *e = encode("GB18030", ZH, &n);
	CHECK(memchr(e, 0x81, n) != NULL); /* © is a four-byte sequence */
	expect(e, n, ZH, "GB18030", "gb18030-clean");
	free(e);
	/* undecodable: neither UTF-8 nor GB18030 */
	expect_err("abc\x80\xFF\xFE", 6, "cannot determine the text encoding");
	expect_err("\xFF", 1, "cannot determine the text encoding");
}

static void test_mostly_utf8(void)
{
	enc_result r;
	buf b = {0};
	/* 9 valid sequences and 1 bad byte: 90%, repaired */
	for (int i = 0; i < 9; i++)
		buf_adds(&b, "中");
	buf_adds(&b, "\xFF");
	buf_adds(&b, "文");
	CHECK_INT(enc_decode(b.s, b.len, &r), 0);
	CHECK_STR(r.how, "mostly-utf8");
	CHECK_STR(r.encoding, "UTF-8");
	CHECK_INT(r.replaced, 1);
	CHECK_STR(r.text, "中中中中中中中中中\xEF\xBF\xBD文");
	enc_result_free(&r);
	/* 8 valid and 1 bad: under 90%, and not GB18030 either */
	buf_reset(&b);
	for (int i = 0; i < 8; i++)
		buf_adds(&b, "中");
	buf_adds(&b, "\xFF");
	expect_err(b.s, b.len, "cannot determine the text encoding");
	/* a truncated sequence at the end counts byte by byte */
	buf_reset(&b);
	for (int i = 0; i < 40; i++)
		buf_adds(&b, "预算");
	buf_add(&b, "\xE4\xB8", 2);
	CHECK_INT(enc_decode(b.s, b.len, &r), 0);
	CHECK_STR(r.how, "mostly-utf8");
	CHECK_INT(r.replaced, 2);
	CHECK_INT(r.len, 40 * 6 + 6);
	enc_result_free(&r);
	/* the bad bytes first, then enough valid ones: still 90% (the count
	 * that stops early must count on what is still to come) */
	buf_reset(&b);
	buf_adds(&b, "\xFF\xFF\xFF\xFF\xFF");
	for (int i = 0; i < 45; i++)
		buf_adds(&b, "中");
	CHECK_INT(enc_decode(b.s, b.len, &r), 0);
	CHECK_STR(r.how, "mostly-utf8");
	CHECK_INT(r.replaced, 5);
	enc_result_free(&r);
	/* one valid sequence short of it: no */
	buf_reset(&b);
	buf_adds(&b, "\xFF\xFF\xFF\xFF\xFF");
	for (int i = 0; i < 44; i++)
		buf_adds(&b, "中");
	expect_err(b.s, b.len, "cannot determine the text encoding");
	buf_free(&b);
	/* a declared UTF-8 does not force repair of a mostly-invalid input */
	size_t n;
	const char *page = "<meta charset=utf-8><td>部门名称</td>";
	char *e = encode("GB18030", page, &n);
	expect(e, n, page, "GB18030", "gb18030-clean");
	free(e);
}

static void test_nuls(void)
{
	enc_result r;
	CHECK_INT(enc_decode("ab\0c\0\0d", 7, &r), 0);
	CHECK_STR(r.text, "abcd");
	CHECK_INT(r.len, 4);
	CHECK_INT(r.nuls, 3);
	CHECK_STR(r.how, "valid");
	enc_result_free(&r);
	/* NUL in GB18030 text */
	size_t n;
	char *e = encode("GB18030", "部门\n名称", &n);
	char *z = xmalloc(n + 1);
	memcpy(z, e, 4);
	z[4] = 0;
	memcpy(z + 5, e + 4, n - 4);
	CHECK_INT(enc_decode(z, n + 1, &r), 0);
	CHECK_STR(r.text, "部门\n名称");
	CHECK_INT(r.nuls, 1);
	CHECK_STR(r.encoding, "GB18030");
	enc_result_free(&r);
	free(z);
	free(e);
}

static void test_limits(void)
{
	enc_result r;
	char one = 'a';
	/* the size is checked before a byte is read (ASan would catch a read) */
	CHECK_INT(enc_decode(&one, ENC_MAX_INPUT + 1, &r), -1);
	CHECK(strstr(r.err, "input larger than 268435456 bytes") != NULL);
	CHECK(r.text == NULL);
	enc_result_free(&r);
	enc_result_free(NULL);
	CHECK_INT(enc_decode(&one, 1, &r), 0);
	CHECK_STR(r.text, "a");
	enc_result_free(&r);
	enc_result_free(&r); /* twice is harmless */
}

int main(void)
{
	test_boms();
	test_utf16_nomark();
	test_utf8();
	test_declared();
	test_gb18030();
	test_mostly_utf8();
	test_nuls();
	test_limits();
	T_END();
}
