/* SPDX-License-Identifier: MIT */
/* ole2: compound file signature and directory names. See ole2.h. */
#include "ole2.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
		if (entry_is(e, "Workbook"))
			return OLE2_XLS;
		if (entry_is(e, "Book"))
			kind = OLE2_XLS5;
		else if (entry_is(e, "WordDocument"))
			kind = OLE2_DOC;
		else if (entry_is(e, "PowerPoint Document") && kind == OLE2_OTHER)
			kind = OLE2_PPT;
	}
	return kind;
}

/* ---- reading a stream ([MS-CFB] 2.2 to 2.6) ---- */

enum {
	ENDOFCHAIN = 0xFFFFFFFEu,
	MAXREGSECT = 0xFFFFFFFAu,
};

static uint32_t le32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned le16(const unsigned char *p)
{
	return p[0] | (unsigned)p[1] << 8;
}

/* A sector store: sector s is src[base + s * size ..), its next in fat. */
typedef struct {
	const unsigned char *src;
	size_t srclen, base, size;
	const uint32_t *fat;
	uint32_t nfat;
} store;

/* The chain from sector s, want bytes of it (SIZE_MAX: up to its end), ->
 * out (appended). Returns 0, or -1 with err. A chain visits at most as
 * many sectors as the store holds (and the FAT has entries): more, it
 * loops. */
static int chain(const store *st, uint32_t s, size_t want, buf *out, char *err, size_t esz)
{
	size_t got = 0, steps = 0;
	/* more steps than the store has sectors: a loop */
	size_t limit =
	    st->srclen > st->base ? (st->srclen - st->base + st->size - 1) / st->size : 0;
	if (limit > st->nfat)
		limit = st->nfat;
	while (got < want && s != ENDOFCHAIN) {
		if (s > MAXREGSECT || s >= st->nfat) {
			snprintf(err, esz, "damaged compound file: sector number %lu out of range",
			         (unsigned long)s);
			return -1;
		}
		if (++steps > limit) {
			snprintf(err, esz, "damaged compound file: a sector chain loops");
			return -1;
		}
		size_t off = st->base + (size_t)s * st->size;
		size_t take = want - got < st->size ? want - got : st->size;
		if (off >= st->srclen || (st->srclen - off < take && want != SIZE_MAX)) {
			snprintf(err, esz,
			         "damaged compound file: sector %lu past the end of the file",
			         (unsigned long)s);
			return -1;
		}
		if (st->srclen - off < take)
			take = st->srclen - off; /* a last sector cut short, chain to its end */
		buf_add(out, st->src + off, take);
		got += take;
		s = st->fat[s];
	}
	if (got < want && want != SIZE_MAX) {
		snprintf(err, esz, "damaged compound file: a stream shorter than its size");
		return -1;
	}
	return 0;
}

/* Does the directory entry e name s, ignoring ASCII case? */
static int entry_named(const unsigned char *e, const char *s)
{
	size_t k = strlen(s);
	if (le16(e + 64) != 2 * (k + 1))
		return 0;
	for (size_t i = 0; i < k; i++)
		if (e[2 * i + 1] != 0 || tolower(e[2 * i]) != tolower((unsigned char)s[i]))
			return 0;
	return 1;
}

int ole2_stream(const char *bytes, size_t n, const char *const *names, buf *out, char *err,
                size_t esz)
{
	const unsigned char *u = (const unsigned char *)bytes;
	buf_reset(out);
	if (!ole2_sniff(bytes, n)) {
		snprintf(err, esz, "not a compound file");
		return -1;
	}
	unsigned shift = le16(u + 0x1E), mshift = le16(u + 0x20);
	if ((shift != 9 && shift != 12) || mshift != 6 || le32(u + 0x38) != 4096) {
		snprintf(err, esz, "damaged compound file: sector sizes 2^%u and 2^%u", shift,
		         mshift);
		return -1;
	}
	size_t ssz = (size_t)1 << shift;
	/* the sectors the file holds, past the header (one sector) */
	size_t nsec = n > ssz ? (n - ssz + ssz - 1) / ssz : 0;
	uint32_t nfatsec = le32(u + 0x2C), ndif = le32(u + 0x48);
	if (nfatsec > nsec || ndif > nsec) {
		snprintf(err, esz, "damaged compound file: %lu FAT sectors in a file of %lu",
		         (unsigned long)nfatsec, (unsigned long)nsec);
		return -1;
	}
	/* the FAT's own sectors: 109 in the header, then the DIFAT chain */
	size_t per = ssz / 4;
	uint32_t *fat = xreallocarray(NULL, (size_t)nfatsec * per + 1, sizeof *fat);
	uint32_t nfat = 0, dif = le32(u + 0x44), difsteps = 0;
	const char *bad = NULL;
	for (uint32_t i = 0; i < nfatsec && !bad; i++) {
		uint32_t fs;
		if (i < 109) {
			fs = le32(u + 0x4C + 4 * i);
		} else {
			size_t k = (i - 109) % (per - 1);
			if (k == 0 && i > 109) /* the next DIFAT sector */
				dif = le32(u + ssz + (size_t)dif * ssz + 4 * (per - 1));
			if (k == 0 && ++difsteps > nsec)
				bad = "the DIFAT chain loops";
			else if (dif >= nsec || ssz + ((size_t)dif + 1) * ssz > n)
				bad = "a DIFAT sector out of range";
			if (bad)
				break;
			fs = le32(u + ssz + (size_t)dif * ssz + 4 * k);
		}
		if (fs >= nsec || ssz + ((size_t)fs + 1) * ssz > n) {
			bad = "a FAT sector out of range";
			break;
		}
		for (size_t k = 0; k < per; k++)
			fat[nfat++] = le32(u + ssz + (size_t)fs * ssz + 4 * k);
	}
	if (bad) {
		snprintf(err, esz, "damaged compound file: %s", bad);
		free(fat);
		return -1;
	}
	store big = {u, n, ssz, ssz, fat, nfat};
	buf dir = {0}, minifat = {0}, ministream = {0};
	int rc = -1;
	if (chain(&big, le32(u + 0x30), SIZE_MAX, &dir, err, esz) < 0)
		goto out;
	if (dir.len < 128) {
		snprintf(err, esz, "damaged compound file: no directory");
		goto out;
	}
	const unsigned char *d = (const unsigned char *)dir.s;
	size_t nent = dir.len / 128;
	/* the first of names the directory holds as a stream */
	const unsigned char *e = NULL;
	int which = -1;
	for (int k = 0; names[k] && !e; k++)
		for (size_t i = 1; i < nent && !e; i++)
			if (d[128 * i + 66] == 2 && entry_named(d + 128 * i, names[k]))
				e = d + 128 * i, which = k;
	if (!e) {
		snprintf(err, esz, "no %s stream in the compound file", names[0]);
		goto out;
	}
	/* a version 3 file's stream sizes have 32 bits; the high ones may be junk */
	uint64_t size = le32(e + 120) | (shift == 12 ? (uint64_t)le32(e + 124) << 32 : 0);
	if (size > n) {
		snprintf(err, esz, "damaged compound file: a stream larger than the file");
		goto out;
	}
	if (size >= 4096) {
		if (chain(&big, le32(e + 116), (size_t)size, out, err, esz) < 0)
			goto out;
	} else {
		/* the mini stream (the root entry's chain) in 64-byte sectors,
		 * chained by the mini FAT */
		uint64_t rsize = le32(d + 120) | (shift == 12 ? (uint64_t)le32(d + 124) << 32 : 0);
		uint64_t mfsize = (uint64_t)le32(u + 0x40) * ssz;
		if (d[66] != 5 || rsize > n || mfsize > n) {
			snprintf(err, esz, "damaged compound file: the mini stream");
			goto out;
		}
		if (chain(&big, le32(u + 0x3C), (size_t)mfsize, &minifat, err, esz) < 0 ||
		    chain(&big, le32(d + 116), (size_t)rsize, &ministream, err, esz) < 0)
			goto out;
		uint32_t nmf = (uint32_t)(minifat.len / 4);
		uint32_t *mf = xreallocarray(NULL, (size_t)nmf + 1, sizeof *mf);
		for (uint32_t i = 0; i < nmf; i++)
			mf[i] = le32((const unsigned char *)minifat.s + 4 * i);
		store mini = {(const unsigned char *)ministream.s, ministream.len, 0, 64, mf, nmf};
		int r = chain(&mini, le32(e + 116), (size_t)size, out, err, esz);
		free(mf);
		if (r < 0)
			goto out;
	}
	rc = which;
out:
	buf_free(&dir);
	buf_free(&minifat);
	buf_free(&ministream);
	free(fat);
	return rc;
}
