/* SPDX-License-Identifier: MIT */
/* enc: bytes -> UTF-8 by the rule in enc.h and docs/readers.md. Every
 * conversion goes through glibc iconv (GB18030's long ASCII runs aside,
 * copied as they are: gb18030_pieces); the only bytes rewritten by hand are
 * invalid bytes in mostly-UTF-8 input (U+FFFD) and NUL characters (dropped,
 * counted). Nothing here prints. */
#include "enc.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "util.h"

static void seterr(enc_result *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void seterr(enc_result *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->err, sizeof out->err, fmt, ap);
	va_end(ap);
}

/* Is s[0..n) valid UTF-8 (strict: no overlongs, surrogates or > U+10FFFF)? */
static int utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0, k;
	while (i < n) {
		if (s[i] < 0x80) {
			/* ASCII runs (markup) eight bytes at a time */
			uint64_t w;
			while (i + 8 <= n && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ull)))
				i += 8;
			while (i < n && s[i] < 0x80)
				i++;
			continue;
		}
		/* Chinese text: three-byte forms, E1..EC and EE..EF leads (no
		 * overlong or surrogate form starts with them), checked here */
		if (i + 3 <= n && s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if (utf8_decode(s + i, n - i, &k) < 0)
			return 0;
		i += k;
	}
	return 1;
}

/* Count the valid and invalid non-ASCII sequences of s[0..n); an invalid
 * byte counts as one invalid sequence. With stop set, the count ends once
 * the input cannot be mostly UTF-8 whatever follows (utf8_mostly): each
 * valid sequence still to come takes 2 bytes at least, so 9 bad ones per
 * good one can no longer be reached (a GB18030 text is told after a part
 * of it); the counts are then partial. */
static void utf8_census(const unsigned char *s, size_t n, size_t *good, size_t *bad, int stop)
{
	size_t i = 0, k;
	*good = *bad = 0;
	while (i < n) {
		if (s[i] < 0x80) { /* ASCII: 8 bytes a step while it lasts */
			uint64_t w;
			i++;
			while (i + 8 <= n && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ull)))
				i += 8;
		} else if (utf8_decode(s + i, n - i, &k) < 0) {
			++*bad;
			i++;
			if (stop &&
			    *bad > (*good + (n - i) / 2) / 9 + 1) /* 9 bad > every good left */
				return;
		} else {
			++*good;
			i += k;
		}
	}
}

/* Is s[0..n) mostly UTF-8: a valid sequence among its non-ASCII ones, and
 * at least 9 in 10 of them valid? */
static int utf8_mostly(const unsigned char *s, size_t n)
{
	size_t good, bad;
	utf8_census(s, n, &good, &bad, 1);
	return good > 0 && good * 10 >= (good + bad) * 9;
}

/* Copy s[0..n) into a new buffer of valid UTF-8, each invalid byte replaced
 * by U+FFFD; *replaced gets their count. Caller frees; *outn gets the length. */
static char *utf8_repair(const unsigned char *s, size_t n, size_t *outn, size_t *replaced)
{
	size_t good, bad;
	utf8_census(s, n, &good, &bad, 0);
	char *o = xmalloc(n + 2 * bad + 1); /* each bad byte grows to 3 */
	size_t i = 0, w = 0, k;
	*replaced = 0;
	while (i < n) {
		if (s[i] < 0x80) {
			o[w++] = (char)s[i++];
		} else if (utf8_decode(s + i, n - i, &k) < 0) {
			memcpy(o + w, "\xEF\xBF\xBD", 3);
			w += 3;
			i++;
			++*replaced;
		} else {
			memcpy(o + w, s + i, k);
			w += k;
			i += k;
		}
	}
	o[w] = 0;
	*outn = w;
	return o;
}

/* Convert s[0..n) from charset `from` to UTF-8 with iconv. Returns a new
 * NUL-terminated buffer (caller frees) with its length in *outn, or NULL with
 * a message in err (invalid or incomplete input at a byte offset, counted
 * from `base`, or an unknown charset). */
static char *conv(const char *from, const char *s, size_t n, size_t base, size_t *outn, char *err,
                  size_t errsz)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		snprintf(err, errsz, "unknown charset %s", from);
		return NULL;
	}
	size_t cap = n + n / 2 + 16, used = 0;
	char *o = xmalloc(cap);
	char *in = (char *)s;
	size_t inleft = n;
	for (;;) {
		char *op = o + used;
		size_t oleft = cap - used - 1; /* room for the NUL */
		size_t r = iconv(cd, inleft ? &in : NULL, &inleft, &op, &oleft);
		used = (size_t)(op - o);
		if (r != (size_t)-1 && inleft == 0) {
			/* flush any shift state */
			op = o + used;
			oleft = cap - used - 1;
			if (iconv(cd, NULL, NULL, &op, &oleft) != (size_t)-1) {
				used = (size_t)(op - o);
				break;
			}
		}
		if (r != (size_t)-1 && inleft != 0)
			errno = E2BIG; /* cannot happen with glibc; be safe */
		if (errno == E2BIG) {
			cap = cap * 2;
			o = xrealloc(o, cap);
			continue;
		}
		size_t at = base + (size_t)(in - s);
		if (errno == EINVAL)
			snprintf(err, errsz,
			         "incomplete %s sequence at the end of the input (byte %zu)", from,
			         at);
		else
			snprintf(err, errsz, "invalid %s at byte %zu", from, at);
		free(o);
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	o[used] = 0;
	*outn = used;
	return o;
}

/* Bytes of the GB18030 character at s[0..n) (n > 0), as its decoder reads
 * valid input: a byte below 0x80 is one character; a lead 0x81..0xFE takes
 * the next byte, and two more when that one is a digit 0x30..0x39 (the
 * four-byte form). Any other byte counts as one (it is invalid, and iconv
 * says so). Never more than n. */
static size_t gb_char_len(const unsigned char *s, size_t n)
{
	size_t k = 1;
	if (s[0] >= 0x81 && s[0] <= 0xFE && n >= 2)
		k = s[1] >= 0x30 && s[1] <= 0x39 ? 4 : 2;
	return k < n ? k : n;
}

/* Make room for need more bytes (and a NUL) after used in *o of *cap. */
static void out_room(char **o, size_t *cap, size_t used, size_t need)
{
	while (*cap - used <= need) {
		*cap *= 2;
		*o = xrealloc(*o, *cap);
	}
}

/* Convert s[0..n) with cd onto *o at *used (grown as needed). Returns 0, or
 * -1 when iconv fails other than for room. */
static int conv_piece(iconv_t cd, const char *s, size_t n, char **o, size_t *cap, size_t *used)
{
	char *in = (char *)s;
	size_t inleft = n;
	while (inleft) {
		char *op = *o + *used;
		size_t oleft = *cap - *used - 1; /* room for the NUL */
		size_t r = iconv(cd, &in, &inleft, &op, &oleft);
		*used = (size_t)(op - *o);
		if (r != (size_t)-1)
			continue;
		if (errno != E2BIG)
			return -1;
		out_room(o, cap, *used, *cap - *used);
	}
	return 0;
}

/* ASCII runs this long or longer are copied, not given to iconv: a call
 * costs about as much as converting that many bytes */
#define GB_ASCII_RUN 16

/* GB18030 -> UTF-8 as conv does it, with the long ASCII runs (markup, TABs
 * and numbers: most bytes of the seed shape) copied as they are and only
 * the text between them given to iconv. GB18030 has no shift state and a
 * character's length is told by its first two bytes (gb_char_len), so the
 * pieces, each ending where a character ends, decode as the whole does.
 * Returns the text as conv does, or NULL when any piece fails: the caller
 * then converts the whole with conv, for its message. */
static char *gb18030_pieces(const char *s, size_t n, size_t *outn)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return NULL;
	const unsigned char *u = (const unsigned char *)s;
	size_t cap = n + n / 2 + 16, used = 0, i = 0, start = 0; /* start: not yet written */
	char *o = xmalloc(cap);
	while (i < n) {
		if (u[i] >= 0x80) {
			i += gb_char_len(u + i, n - i);
			continue;
		}
		size_t a = i + 1; /* the ASCII run's end, eight bytes a step */
		uint64_t w;
		while (a + 8 <= n && (memcpy(&w, u + a, 8), !(w & 0x8080808080808080ull)))
			a += 8;
		while (a < n && u[a] < 0x80)
			a++;
		if (a - i >= GB_ASCII_RUN) {
			if (conv_piece(cd, s + start, i - start, &o, &cap, &used) < 0) {
				free(o);
				iconv_close(cd);
				return NULL;
			}
			out_room(&o, &cap, used, a - i);
			memcpy(o + used, s + i, a - i);
			used += a - i;
			start = a;
		}
		i = a;
	}
	int bad = conv_piece(cd, s + start, n - start, &o, &cap, &used);
	iconv_close(cd);
	if (bad) {
		free(o);
		return NULL;
	}
	o[used] = 0;
	*outn = used;
	return o;
}

/* Find a charset declared in a <meta> tag within the first ENC_SNIFF_BYTES:
 * <meta charset=NAME> or <meta ... content="...; charset=NAME">, any case,
 * NAME optionally quoted. Copies NAME into name; returns 1 if found. */
static int declared_charset(const char *s, size_t n, char *name, size_t namesz)
{
	if (n > ENC_SNIFF_BYTES)
		n = ENC_SNIFF_BYTES;
	for (size_t i = 0; i + 5 <= n; i++) {
		if (s[i] != '<' || strncasecmp(s + i + 1, "meta", 4) != 0)
			continue;
		size_t end = i + 5;
		while (end < n && s[end] != '>')
			end++;
		for (size_t j = i + 5; j + 7 <= end; j++) {
			if (strncasecmp(s + j, "charset", 7) != 0)
				continue;
			size_t k = j + 7;
			while (k < end && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k >= end || s[k] != '=')
				continue;
			k++;
			while (k < end &&
			       (s[k] == ' ' || s[k] == '\t' || s[k] == '"' || s[k] == '\''))
				k++;
			size_t b = k;
			while (k < end &&
			       (isalnum((unsigned char)s[k]) || (s[k] && strchr("._:-", s[k]))))
				k++;
			if (k > b && k - b < namesz) {
				memcpy(name, s + b, k - b);
				name[k - b] = 0;
				return 1;
			}
		}
		i = end;
	}
	return 0;
}

/* The iconv name to use for a declared charset name (rewritten in place to
 * upper case). GB2312 and GBK are read as GB18030, their superset; Big5 as
 * Big5-HKSCS; a declared UTF-16 means UTF-8 (HTML's rule: the bytes the
 * <meta> was read from are ASCII-compatible). */
static const char *charset_alias(char *name)
{
	static const char *const gb[] = {"GB2312",   "GBK",        "GB18030",     "X-GBK",
	                                 "CP936",    "MS936",      "WINDOWS-936", "EUC-CN",
	                                 "CSGB2312", "GB_2312-80", "X-EUC-CN",    "CHINESE"};
	static const char *const big5[] = {"BIG5", "BIG5-HKSCS", "CN-BIG5", "X-X-BIG5", "CSBIG5"};
	static const char *const utf8[] = {"UTF-8",  "UTF8",     "UNICODE-1-1-UTF-8",
	                                   "UTF-16", "UTF-16LE", "UTF-16BE"};
	for (char *p = name; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	for (size_t i = 0; i < sizeof gb / sizeof *gb; i++)
		if (strcmp(name, gb[i]) == 0)
			return "GB18030";
	for (size_t i = 0; i < sizeof big5 / sizeof *big5; i++)
		if (strcmp(name, big5[i]) == 0)
			return "BIG5-HKSCS";
	for (size_t i = 0; i < sizeof utf8 / sizeof *utf8; i++)
		if (strcmp(name, utf8[i]) == 0)
			return "UTF-8";
	return name;
}

/* UTF-16 without a byte-order mark: in the first ENC_SNIFF_BYTES, at least
 * 4 pairs and one pair in 8 have a zero byte on the same side, and the other
 * side has at most an eighth as many (the ASCII characters, TABs and line
 * ends of UTF-16 text).
 * Returns "UTF-16LE", "UTF-16BE" or NULL. The caller still converts, and
 * falls back to the other rules when that fails. */
static const char *utf16_guess(const unsigned char *s, size_t n)
{
	if (n > ENC_SNIFF_BYTES)
		n = ENC_SNIFF_BYTES;
	size_t pairs = n / 2, ze = 0, zo = 0;
	if (pairs < 2)
		return NULL;
	for (size_t i = 0; i < pairs * 2; i += 2) {
		ze += s[i] == 0;
		zo += s[i + 1] == 0;
	}
	if (zo >= 4 && zo * 8 >= pairs && ze * 8 <= zo)
		return "UTF-16LE";
	if (ze >= 4 && ze * 8 >= pairs && zo * 8 <= ze)
		return "UTF-16BE";
	return NULL;
}

/* Remove NUL bytes from t[0..*n) in place; returns how many. In valid UTF-8
 * a zero byte is always the character U+0000. */
static size_t drop_nuls(char *t, size_t *n)
{
	char *z = memchr(t, 0, *n);
	if (!z)
		return 0;
	size_t w = (size_t)(z - t), dropped = 0;
	for (size_t r = w; r < *n; r++) {
		if (t[r])
			t[w++] = t[r];
		else
			dropped++;
	}
	t[w] = 0;
	*n = w;
	return dropped;
}

/* Fill out with a successful result. */
static int done(enc_result *out, char *text, size_t len, const char *encoding, const char *how)
{
	out->text = text;
	out->len = len;
	out->nuls = drop_nuls(out->text, &out->len);
	snprintf(out->encoding, sizeof out->encoding, "%s", encoding);
	out->how = how;
	return 0;
}

int enc_decode(const char *bytes, size_t n, enc_result *out)
{
	const unsigned char *u = (const unsigned char *)bytes;
	char why[224] = "", e[160];
	size_t len;
	char *t;

	memset(out, 0, sizeof *out);
	out->how = "";
	if (n > ENC_MAX_INPUT) {
		seterr(out, "input larger than %zu bytes", ENC_MAX_INPUT);
		return -1;
	}
	if (n == 0)
		return done(out, xstrdup(""), 0, "UTF-8", "valid");

	/* 1. A byte-order mark decides (UTF-32's before UTF-16's: FF FE 00 00). */
	static const struct {
		const char *bom;
		size_t len;
		const char *name;
	} boms[] = {{"\xEF\xBB\xBF", 3, "UTF-8"},
	            {"\xFF\xFE\0\0", 4, "UTF-32LE"},
	            {"\0\0\xFE\xFF", 4, "UTF-32BE"},
	            {"\xFF\xFE", 2, "UTF-16LE"},
	            {"\xFE\xFF", 2, "UTF-16BE"}};
	for (size_t i = 0; i < sizeof boms / sizeof *boms; i++) {
		size_t b = boms[i].len;
		if (n < b || memcmp(bytes, boms[i].bom, b) != 0)
			continue;
		if (i == 0) {
			if (utf8_valid(u + b, n - b))
				return done(out, xmemdup(bytes + b, n - b), n - b, "UTF-8", "bom");
			size_t rep;
			t = utf8_repair(u + b, n - b, &len, &rep);
			done(out, t, len, "UTF-8", "bom");
			out->replaced = rep;
			return 0;
		}
		t = conv(boms[i].name, bytes + b, n - b, b, &len, e, sizeof e);
		if (!t) {
			seterr(out, "byte-order mark says %s, but: %s", boms[i].name, e);
			return -1;
		}
		return done(out, t, len, boms[i].name, "bom");
	}

	/* 2. UTF-16 without a mark, recognised by its zero bytes. */
	const char *w16 = utf16_guess(u, n);
	if (w16 && (t = conv(w16, bytes, n, 0, &len, e, sizeof e)))
		return done(out, t, len, w16, "utf16-zeros");

	/* 3. Valid UTF-8 as it is. */
	if (utf8_valid(u, n))
		return done(out, xmemdup(bytes, n), n, "UTF-8", "valid");

	/* 4. A declared charset (other than UTF-8, which the input is not). */
	char name[40];
	if (declared_charset(bytes, n, name, sizeof name)) {
		const char *cs = charset_alias(name);
		if (strcmp(cs, "UTF-8") != 0) {
			if ((t = conv(cs, bytes, n, 0, &len, e, sizeof e)))
				return done(out, t, len, cs, "declared");
			snprintf(why, sizeof why, " (declared %s: %s)", name, e);
		}
	}

	/* 5. Clearly UTF-8 with a few bad bytes: repair. Before GB18030,
	 * because valid UTF-8 Chinese often also decodes as GB18030. */
	if (utf8_mostly(u, n)) {
		size_t rep;
		t = utf8_repair(u, n, &len, &rep);
		done(out, t, len, "UTF-8", "mostly-utf8");
		out->replaced = rep;
		return 0;
	}

	/* 6. GB18030 when the whole input decodes cleanly. */
	if ((t = gb18030_pieces(bytes, n, &len)) ||
	    (t = conv("GB18030", bytes, n, 0, &len, e, sizeof e)))
		return done(out, t, len, "GB18030", "gb18030-clean");

	seterr(out, "cannot determine the text encoding%s", why);
	return -1;
}

void enc_result_free(enc_result *out)
{
	if (!out)
		return;
	free(out->text);
	out->text = NULL;
	out->len = 0;
}
