/* SPDX-License-Identifier: MIT */
/* text: canonical text. See text.h. One pass over the bytes: plain bytes are
 * copied in runs; only ASCII controls and space and the UTF-8 lead bytes of
 * the characters that fold or count as space (C2, E1, E2, E3, EF) are looked at
 * closely. A space is not written when seen but remembered, and written only
 * in front of an ASCII letter or digit that follows one: that collapses runs,
 * trims both ends and applies step 3 at once. */
#include "text.h"

#include <stdint.h>
#include <string.h>

/* The UTF-8 lead bytes of the characters that fold or count as space
 * (U+0085, U+00A0; U+1680, U+180E; U+2000..U+2060; U+3000; U+FEFF and
 * U+FF01..U+FF5E), as a list macro: X(byte) for each. */
#define LEAD_BYTES(X) X(0xC2) X(0xE1) X(0xE2) X(0xE3) X(0xEF)

#define LEAD_CLASS(b) [b] = TEXT_LEAD,
const unsigned char text_class[256] = {
    ['\t'] = TEXT_SPACE, ['\n'] = TEXT_SPACE, ['\v'] = TEXT_SPACE,   ['\f'] = TEXT_SPACE,
    ['\r'] = TEXT_SPACE, [' '] = TEXT_SPACE,  LEAD_BYTES(LEAD_CLASS)};
#undef LEAD_CLASS

/* Nonzero when no byte of w is below 0x21 (a superset of the spaces) or
 * equal to a lead byte: then all 8 are TEXT_PLAIN. Zero may also mean a
 * plain control byte; the caller's byte loop decides. Each bit test is
 * exact as a whole (any false bit sits above a true one). */
static inline int word_plain(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
#define HAS_ZERO(x) (((x)-ones) & ~(x)&highs)
#define HIT_LEAD(b) | HAS_ZERO(w ^ (ones * (b)))
	uint64_t hit = ((w - ones * 0x21) & ~w & highs) LEAD_BYTES(HIT_LEAD);
#undef HIT_LEAD
#undef HAS_ZERO
	return !hit;
}

/* The first byte of p..end that is not TEXT_PLAIN, or end. */
static inline const unsigned char *skip_plain(const unsigned char *p, const unsigned char *end)
{
	uint64_t w;
	while (end - p >= 8 && (memcpy(&w, p, 8), word_plain(w)))
		p += 8;
	while (p < end && text_class[*p] == TEXT_PLAIN)
		p++;
	return p;
}

size_t text_plain_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	return (size_t)(skip_plain(p, p + n) - p);
}

static int is_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* White space beyond ASCII, FORMAT.md section 3 step 2. */
static int is_uspace(long cp)
{
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || cp == 0x180E ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
	       cp == 0x205F || cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
}

int text_is_space(long cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || is_uspace(cp);
}

long text_fold(long cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFF01 + 0x21;
	if (cp == 0x3000)
		return ' ';
	return cp;
}

typedef struct {
	buf *out;
	int written;    /* something was written */
	int pending;    /* a space was seen since the last write */
	int last_alnum; /* the last character written is an ASCII letter or digit */
} writer;

/* A dropped space must not join stray bytes of invalid UTF-8 into a valid
 * character that a second run would see: a space in front of a continuation
 * byte that follows a non-ASCII byte stays (valid UTF-8 never has one). */
static int joins_bytes(const writer *w, unsigned char first)
{
	return first >= 0x80 && first <= 0xBF && w->out->len &&
	       (unsigned char)w->out->s[w->out->len - 1] >= 0x80;
}

/* Write p[0..n); first/last say whether its first/last byte is alnum. */
static void put(writer *w, const char *p, size_t n, int first_alnum, int last_alnum)
{
	if (w->pending && ((w->last_alnum && first_alnum) || joins_bytes(w, (unsigned char)p[0])))
		buf_addc(w->out, ' ');
	w->pending = 0;
	w->written = 1;
	buf_add(w->out, p, n);
	w->last_alnum = last_alnum;
}

static void canon(buf *out, const char *s, size_t n, int key_part)
{
	writer w = {out, 0, 0, 0};
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		const unsigned char *run = p;
		while (p < end && text_class[*p] == TEXT_PLAIN)
			p++;
		if (p > run)
			put(&w, (const char *)run, (size_t)(p - run), is_alnum(run[0]),
			    is_alnum(p[-1]));
		if (p == end)
			break;
		if (text_class[*p] == TEXT_SPACE) {
			w.pending = w.written;
			p++;
			continue;
		}
		size_t len;
		long cp = utf8_decode(p, (size_t)(end - p), &len);
		if (cp >= 0 && is_uspace(cp)) {
			w.pending = w.written;
		} else if (cp >= 0xFF01 && cp <= 0xFF5E) {
			char c = (char)text_fold(cp);
			if (key_part && c == '|')
				put(&w, "\xC2\xA6", 2, 0, 0); /* U+00A6 */
			else
				put(&w, &c, 1, is_alnum(c), is_alnum(c));
		} else {
			/* any other character, or an invalid byte (len 1) */
			put(&w, (const char *)p, len, 0, 0);
		}
		p += len;
	}
}

void text_canon(buf *out, const char *s, size_t n)
{
	canon(out, s, n, 0);
	if (!out->s)
		buf_add(out, "", 0);
}

void text_canon_key(buf *out, const char *s, size_t n)
{
	const char *end = s + n;
	for (;;) {
		const char *bar = memchr(s, '|', (size_t)(end - s));
		const char *pe = bar ? bar : end;
		canon(out, s, (size_t)(pe - s), 1);
		if (!bar)
			break;
		buf_addc(out, '|');
		s = bar + 1;
	}
	if (!out->s)
		buf_add(out, "", 0);
}

/* A quick and conservative test: 1 only when s[0..n) is surely canonical
 * (no white space but single ASCII spaces between ASCII letters or digits,
 * nothing to fold, valid UTF-8 wherever a lead byte needs a look). */
static int plainly_canon(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	for (;;) {
		p = skip_plain(p, end);
		if (p == end)
			return 1;
		if (text_class[*p] == TEXT_SPACE) {
			if (*p != ' ' || p == (const unsigned char *)s || p + 1 == end ||
			    !is_alnum(p[-1]) || !is_alnum(p[1]))
				return 0;
			p++;
			continue;
		}
		size_t len;
		long cp = utf8_decode(p, (size_t)(end - p), &len);
		if (cp < 0 || is_uspace(cp) || (cp >= 0xFF01 && cp <= 0xFF5E))
			return 0;
		p += len;
	}
}

int text_is_canon(const char *s, size_t n)
{
	if (plainly_canon(s, n))
		return 1;
	buf b = {0};
	text_canon(&b, s, n);
	int same = b.len == n && memcmp(b.s, s, n) == 0;
	buf_free(&b);
	return same;
}

const char *text_canon_ref(buf *tmp, const char *s, size_t n, int key, size_t *outn)
{
	if (plainly_canon(s, n)) {
		*outn = n;
		return s;
	}
	buf_reset(tmp);
	if (key)
		text_canon_key(tmp, s, n);
	else
		text_canon(tmp, s, n);
	*outn = tmp->len;
	return tmp->s;
}
