/* SPDX-License-Identifier: MIT */
/* hant: traditional characters folded to simplified, pinyin readings
 * dropped, for label keys. See hant.h. */
#include "hant.h"

#include <string.h>

#include "hant_table.h"
#include "util.h"

/* Letters in a pinyin reading. */
#define HANT_PINYIN_MAX 8

long hant_simplified(long cp)
{
	if (cp < hant_pairs[0][0] || cp > 0xFFFF)
		return cp;
	if (cp < HANT_BITS_FROM + 8 * (long)sizeof hant_bits &&
	    !((hant_bits[(cp - HANT_BITS_FROM) / 8] >> ((cp - HANT_BITS_FROM) % 8)) & 1))
		return cp; /* most characters: one bit says no */
	size_t lo = 0, hi = sizeof hant_pairs / sizeof *hant_pairs;
	while (lo < hi) {
		size_t m = (lo + hi) / 2;
		if (hant_pairs[m][0] < cp)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < sizeof hant_pairs / sizeof *hant_pairs && hant_pairs[lo][0] == cp
	           ? hant_pairs[lo][1]
	           : cp;
}

/* A lowercase pinyin letter with a tone mark (ā á ǎ à ē é ě è ī í ǐ ì ō ó ǒ
 * ò ū ú ǔ ù ǖ ǘ ǚ ǜ, and ü)? */
static int tone_letter(long cp)
{
	static const long tones[] = {0x101, 0xE1,  0x1CE, 0xE0,  0x113, 0xE9,  0x11B,
	                             0xE8,  0x12B, 0xED,  0x1D0, 0xEC,  0x14D, 0xF3,
	                             0x1D2, 0xF2,  0x16B, 0xFA,  0x1D4, 0xF9,  0x1D6,
	                             0x1D8, 0x1DA, 0x1DC, 0xFC,  0x144, 0x148, 0x1F9};
	for (size_t i = 0; i < sizeof tones / sizeof *tones; i++)
		if (tones[i] == cp)
			return 1;
	return 0;
}

/* Length of a pinyin reading `(biāo)` at s[0..n) (s[0] is '('), or 0. */
static size_t pinyin_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 1, k, letters = 0;
	int tone = 0;
	while (i < n && letters <= HANT_PINYIN_MAX) {
		if (u[i] == ')')
			return letters && tone ? i + 1 : 0;
		long cp = utf8_decode(u + i, n - i, &k);
		if (cp >= 'a' && cp <= 'z')
			;
		else if (tone_letter(cp))
			tone = 1;
		else
			return 0;
		letters++;
		i += k;
	}
	return 0;
}

/* Is the character before s[i] a CJK ideograph (3 bytes, U+3400-U+9FFF)? */
static int after_cjk(const unsigned char *u, size_t i)
{
	if (i < 3)
		return 0;
	size_t k;
	long cp = utf8_decode(u + i - 3, 3, &k);
	return k == 3 && cp >= 0x3400 && cp <= 0x9FFF;
}

size_t hant_first(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		if (u[i] == '(' && after_cjk(u, i) && pinyin_at(s + i, n - i))
			return i;
		/* a three-byte character from U+3000 on (leads E3 to EF), its
		 * code point decoded here: most keys are all such characters */
		if (u[i] < 0xE3 || u[i] > 0xEF || i + 2 >= n || (u[i + 1] & 0xC0) != 0x80 ||
		    (u[i + 2] & 0xC0) != 0x80)
			continue;
		long cp =
		    (long)(u[i] & 0x0F) << 12 | (long)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
		/* the bit that says no for most characters, here without a call */
		long b = cp - HANT_BITS_FROM;
		if (b >= 0 && b < 8 * (long)sizeof hant_bits &&
		    !((hant_bits[b / 8] >> (b % 8)) & 1)) {
			i += 2;
			continue;
		}
		if (hant_simplified(cp) != cp)
			return i;
		i += 2;
	}
	return n;
}

size_t hant_fold(char *s, size_t n)
{
	unsigned char *u = (unsigned char *)s;
	size_t i = hant_first(s, n), o = i, k;
	while (i < n) {
		size_t py;
		if (u[i] == '(' && after_cjk(u, o) && (py = pinyin_at(s + i, n - i)) > 0) {
			i += py;
			continue;
		}
		long cp = u[i] >= 0xE3 && u[i] <= 0xEF ? utf8_decode(u + i, n - i, &k) : -1;
		long sc = cp >= 0 ? hant_simplified(cp) : cp;
		if (cp < 0) {
			u[o++] = u[i++];
			continue;
		}
		if (sc != cp) { /* both in the BMP CJK blocks: three bytes each */
			u[o] = (unsigned char)(0xE0 | (sc >> 12));
			u[o + 1] = (unsigned char)(0x80 | ((sc >> 6) & 0x3F));
			u[o + 2] = (unsigned char)(0x80 | (sc & 0x3F));
		} else if (o != i) {
			memmove(u + o, u + i, k);
		}
		o += k;
		i += k;
	}
	if (o < n)
		s[o] = 0;
	return o;
}
