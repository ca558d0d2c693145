/* SPDX-License-Identifier: MIT */
/* ole2: compound file signature and directory names. See ole2.h. */
#include "ole2.h"

#include <string.h>

int ole2_sniff(const char *b, size_t n)
{
	return n >= 512 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

/* Does the 128-byte directory entry at e name s (ASCII, UTF-16LE there)? */
static int entry_is(const unsigned char *e, const char *s)
{
	size_t k = strlen(s);
	unsigned len = e[64] | (unsigned)e[65] << 8; /* bytes, the final NUL included */
	if (len != 2 * (k + 1))
		return 0;
	for (size_t i = 0; i < k; i++)
		if (e[2 * i] != (unsigned char)s[i] || e[2 * i + 1] != 0)
			return 0;
	return 1;
}

int ole2_kind(const char *b, size_t n)
{
	if (!ole2_sniff(b, n))
		return OLE2_OTHER;
	/* Directory entries are 128 bytes at sector starts plus a multiple of
	 * 128, so every one is at an offset that is a multiple of 128 past the
	 * 512-byte header. Scanning all of them needs no FAT walk; an entry
	 * type (byte 66) of 2 is a stream. */
	const unsigned char *u = (const unsigned char *)b;
	int kind = OLE2_OTHER;
	for (size_t off = 512; off + 128 <= n; off += 128) {
		const unsigned char *e = u + off;
		if (e[66] != 2)
			continue;
		if (entry_is(e, "Workbook") || entry_is(e, "Book"))
			return OLE2_XLS;
		if (entry_is(e, "WordDocument"))
			kind = OLE2_DOC;
		else if (entry_is(e, "PowerPoint Document") && kind == OLE2_OTHER)
			kind = OLE2_PPT;
	}
	return kind;
}
