/* SPDX-License-Identifier: MIT */
/* extsort: sorted runs in temporary files, merged. See extsort.h. */
#include "extsort.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define RUNBUF_SIZE (128u << 10) /* write buffer of a run; a reader's */
#define REC_HDR 8                /* a built record: uint32 key length, uint32 fields' length */
/* the longest record a run may hold: a key of escaped columns (at most
 * twice a line) and the fields (at most a line), with their lengths */
#define MAX_BODY (3 * (size_t)TSV_MAX_LINE + 10 * (TSV_MAX_COLS + 3))

/* A run being read: its bytes in buf[pos, len); the current record's key
 * (front coding undone) and fields. */
struct extsort_rd {
	int fd;
	char *buf;
	size_t cap, pos, len;
	int eof;
	char *kbuf; /* the current key */
	size_t kcap;
	const char *key; /* the current record's key */
	size_t keylen;
	const char *fields; /* its fields as a run holds them */
	size_t flen;
	size_t sh; /* bytes its key shares with the run's key before */
	tsv_reader view;
};

/* ---- varints: LEB128, 7 bits a byte, low bits first ---- */

static inline size_t varint_len(size_t v)
{
	size_t n = 1;
	for (; v >= 0x80; v >>= 7)
		n++;
	return n;
}

static inline size_t varint_put(unsigned char *p, size_t v)
{
	size_t n = 0;
	for (; v >= 0x80; v >>= 7)
		p[n++] = (unsigned char)(v | 0x80);
	p[n++] = (unsigned char)v;
	return n;
}

/* Read a varint from [*p, end) into *v and step over it. Returns 0, or -1
 * when it does not end there or does not fit 63 bits. */
static inline int varint_get(const unsigned char **p, const unsigned char *end, size_t *v)
{
	const unsigned char *q = *p;
	if (q < end && *q < 0x80) { /* nearly every length: one byte */
		*v = *q;
		*p = q + 1;
		return 0;
	}
	uint64_t x = 0;
	for (int sh = 0; q < end && sh < 63; sh += 7) {
		unsigned char b = *q++;
		x |= (uint64_t)(b & 0x7f) << sh;
		if (!(b & 0x80)) {
			if (x > SIZE_MAX)
				return -1;
			*v = (size_t)x;
			*p = q;
			return 0;
		}
	}
	return -1;
}

void extsort_init(extsort *e, int ncols)
{
	memset(e, 0, sizeof *e);
	e->ncols = ncols;
	const char *d = getenv("TMPDIR");
	e->dir = d && *d ? d : "/tmp";
}

int extsort_keycmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

/* Close the readers of a merge (not their files). */
static void merge_close(extsort *e)
{
	for (size_t i = 0; i < e->nrd; i++) {
		free(e->rd[i].buf);
		free(e->rd[i].kbuf);
	}
	free(e->rd);
	free(e->lt);
	free(e->lc);
	e->rd = NULL;
	e->lt = NULL;
	e->lc = NULL;
	e->nrd = 0;
	e->top_used = 0;
}

void extsort_free(extsort *e)
{
	if (!e)
		return;
	merge_close(e);
	for (size_t i = 0; i < e->nruns; i++)
		fclose(e->runs[i]);
	if (e->w)
		fclose(e->w);
	free(e->runs);
	free(e->wbuf);
	free(e->rec);
	free(e->last);
	memset(e, 0, sizeof *e);
}

FILE *extsort_tmpfile(char *err, size_t errn)
{
	const char *d = getenv("TMPDIR");
	if (!d || !*d)
		d = "/tmp";
	size_t n = strlen(d);
	char *path = xmalloc(n + sizeof "/pg-sort-XXXXXX");
	memcpy(path, d, n);
	memcpy(path + n, "/pg-sort-XXXXXX", sizeof "/pg-sort-XXXXXX");
	int fd = mkstemp(path);
	FILE *fp = NULL;
	if (fd >= 0) {
		unlink(path); /* gone from the directory at once: nothing is left behind */
		fp = fdopen(fd, "w+b");
		if (!fp)
			close(fd);
	}
	if (!fp)
		snprintf(err, errn, "cannot create a temporary file in %s: %s", d, strerror(errno));
	free(path);
	return fp;
}

int extsort_begin(extsort *e)
{
	e->w = extsort_tmpfile(e->err, sizeof e->err);
	if (!e->w)
		return -1;
	/* written through our own buffer with write(2): the file's stdio
	 * buffer is never used */
	if (!e->wbuf)
		e->wbuf = xmalloc(RUNBUF_SIZE);
	e->wlen = 0;
	e->werr = 0;
	e->lastlen = 0;
	return 0;
}

/* Write the buffer out (a failure is kept in e->werr). */
static void w_flush(extsort *e)
{
	size_t off = 0;
	while (off < e->wlen && !e->werr) {
		ssize_t k = write(fileno(e->w), e->wbuf + off, e->wlen - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			e->werr = k < 0 ? errno : EIO;
		else
			off += (size_t)k;
	}
	e->wlen = 0;
}

static void w_bytes(extsort *e, const void *p, size_t n)
{
	if (n > RUNBUF_SIZE - e->wlen) {
		w_flush(e);
		if (n > RUNBUF_SIZE) { /* a long record: straight out */
			const char *q = p;
			while (n && !e->werr) {
				ssize_t k = write(fileno(e->w), q, n);
				if (k < 0 && errno == EINTR)
					continue;
				if (k <= 0)
					e->werr = k < 0 ? errno : EIO;
				else
					q += k, n -= (size_t)k;
			}
			return;
		}
	}
	memcpy(e->wbuf + e->wlen, p, n);
	e->wlen += n;
}

/* Append a record to the run: its key front-coded against the key written
 * before it, then its fields (flen bytes, already encoded). */
static void put_parts(extsort *e, const char *key, size_t klen, const char *fields, size_t flen)
{
	size_t sh = pg_first_diff(e->last, key, klen < e->lastlen ? klen : e->lastlen);
	size_t suf = klen - sh;
	unsigned char hdr[32];
	size_t h = varint_put(hdr, varint_len(sh) + varint_len(suf) + suf + flen);
	h += varint_put(hdr + h, sh);
	h += varint_put(hdr + h, suf);
	if (h + suf + flen <= RUNBUF_SIZE - e->wlen) { /* the usual case: one copy each */
		char *o = e->wbuf + e->wlen;
		memcpy(o, hdr, h);
		memcpy(o + h, key + sh, suf);
		memcpy(o + h + suf, fields, flen);
		e->wlen += h + suf + flen;
	} else {
		w_bytes(e, hdr, h);
		w_bytes(e, key + sh, suf);
		w_bytes(e, fields, flen);
	}
	if (klen > e->lastcap) {
		e->lastcap = klen < 256 ? 256 : klen;
		e->last = xrealloc(e->last, e->lastcap);
	}
	memcpy(e->last + sh, key + sh, suf);
	e->lastlen = klen;
}

size_t extsort_rec_size(const extsort *e, size_t klen, const size_t *len)
{
	size_t need = REC_HDR + klen;
	for (int i = 0; i < e->ncols; i++)
		need += varint_len(len[i]) + len[i];
	return need;
}

/* Encode ncols fields into p (each its varint length, then its bytes).
 * Returns the bytes written. */
static size_t fields_build(const extsort *e, char *p, char *const *f, const size_t *len)
{
	char *o = p;
	for (int i = 0; i < e->ncols; i++) {
		o += varint_put((unsigned char *)o, len[i]);
		memcpy(o, f[i], len[i]);
		o += len[i];
	}
	return (size_t)(o - p);
}

void extsort_rec_build(const extsort *e, char *dst, const char *key, size_t klen, char *const *f,
                       const size_t *len)
{
	uint32_t kl = (uint32_t)klen;
	memcpy(dst, &kl, 4);
	memcpy(dst + REC_HDR, key, klen);
	uint32_t fl = (uint32_t)fields_build(e, dst + REC_HDR + klen, f, len);
	memcpy(dst + 4, &fl, 4);
}

void extsort_put_rec(extsort *e, const char *rec)
{
	uint32_t kl, fl;
	memcpy(&kl, rec, 4);
	memcpy(&fl, rec + 4, 4);
	put_parts(e, rec + REC_HDR, kl, rec + REC_HDR + kl, fl);
}

void extsort_put_recs(extsort *e, char *const *recs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i + 8 < n) { /* in sorted order the records are scattered */
			__builtin_prefetch(recs[i + 8]);
			__builtin_prefetch(recs[i + 8] + 64);
		}
		extsort_put_rec(e, recs[i]);
	}
}

void extsort_put(extsort *e, const char *key, size_t klen, char *const *f, const size_t *len)
{
	size_t need = extsort_rec_size(e, klen, len);
	if (need > e->reccap) {
		e->reccap = need < 4096 ? 4096 : need;
		e->rec = xrealloc(e->rec, e->reccap);
	}
	size_t fl = fields_build(e, e->rec, f, len);
	put_parts(e, key, klen, e->rec, fl);
}

/* ---- sorting built records ---- */

typedef struct {
	uint64_t c; /* the key's bytes [8 depth, 8 depth + 8), big-endian, 0-padded */
	char *r;
} sort_ent;

static inline const char *rec_key(const char *rec, size_t *klen)
{
	uint32_t kl;
	memcpy(&kl, rec, 4);
	*klen = kl;
	return rec + REC_HDR;
}

static inline uint64_t chunk_at(const char *rec, size_t off)
{
	size_t kl;
	const unsigned char *k = (const unsigned char *)rec_key(rec, &kl);
	if (off >= kl)
		return 0;
	uint64_t v = 0;
	if (kl - off >= 8) {
		memcpy(&v, k + off, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		v = __builtin_bswap64(v);
#endif
		return v;
	}
	size_t n = kl - off;
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)k[off + i] << (56 - 8 * i);
	return v;
}

/* Insertion sort of a small range whose keys agree on their first off
 * bytes. */
static void ins_sort(sort_ent *a, size_t n, size_t off)
{
	for (size_t i = 1; i < n; i++) {
		sort_ent t = a[i];
		size_t tl;
		const char *tk = rec_key(t.r, &tl);
		size_t j = i;
		while (j > 0) {
			size_t pl;
			const char *pk = rec_key(a[j - 1].r, &pl);
			if (extsort_keycmp(pk + off, pl - off, tk + off, tl - off) <= 0)
				break;
			a[j] = a[j - 1];
			j--;
		}
		a[j] = t;
	}
}

static inline size_t rnd(uint64_t *st)
{
	*st ^= *st << 13; /* xorshift64 */
	*st ^= *st >> 7;
	*st ^= *st << 17;
	return (size_t)(*st >> 11);
}

typedef struct {
	size_t lo, n, depth;
	int fresh; /* the chunks of this depth are loaded */
} sort_frame;

void extsort_sort(char **recs, size_t n)
{
	if (n < 2)
		return;
	sort_ent *a = xreallocarray(NULL, n, sizeof *a);
	for (size_t i = 0; i < n; i++)
		a[i].r = recs[i];
	/* an explicit stack: no recursion, however long the shared prefixes */
	size_t cap = 64, top = 0;
	uint64_t seed = 0x9E3779B97F4A7C15u;
	sort_frame *st = xreallocarray(NULL, cap, sizeof *st);
	st[top++] = (sort_frame){0, n, 0, 0};
	while (top) {
		sort_frame f = st[--top];
		sort_ent *v = a + f.lo;
		size_t off = 8 * f.depth;
		if (f.n < 12) {
			ins_sort(v, f.n, off);
			continue;
		}
		if (!f.fresh) /* each record is a cache miss: ask for them ahead */
			for (size_t i = 0; i < f.n; i++) {
				if (i + 16 < f.n) { /* its length, and the chunk */
					__builtin_prefetch(v[i + 16].r);
					__builtin_prefetch(v[i + 16].r + REC_HDR + off);
				}
				v[i].c = chunk_at(v[i].r, off);
			}
		/* the pivot: the median of three picked at random (a fixed
		 * sequence), as the partition below leaves sorted input rotated,
		 * on which first/middle/last medians go quadratic; a
		 * three-way partition */
		uint64_t x = v[rnd(&seed) % f.n].c, y = v[rnd(&seed) % f.n].c,
		         z = v[rnd(&seed) % f.n].c;
		uint64_t p = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
		size_t lt = 0, i = 0, gt = f.n;
		while (i < gt) {
			if (v[i].c < p) {
				sort_ent t = v[lt];
				v[lt++] = v[i];
				v[i++] = t;
			} else if (v[i].c > p) {
				sort_ent t = v[--gt];
				v[gt] = v[i];
				v[i] = t;
			} else {
				i++;
			}
		}
		if (top + 3 > cap) {
			cap *= 2;
			st = xreallocarray(st, cap, sizeof *st);
		}
		if (lt > 1)
			st[top++] = (sort_frame){f.lo, lt, f.depth, 1};
		if (f.n - gt > 1)
			st[top++] = (sort_frame){f.lo + gt, f.n - gt, f.depth, 1};
		/* the equal part goes on with the next 8 bytes, unless the
		 * pivot's key has ended: keys being prefix-free, the others
		 * are then the same key */
		if (gt - lt > 1) {
			size_t kl;
			rec_key(v[lt].r, &kl);
			if (kl > off + 8)
				st[top++] = (sort_frame){f.lo + lt, gt - lt, f.depth + 1, 0};
		}
	}
	for (size_t i = 0; i < n; i++)
		recs[i] = a[i].r;
	free(st);
	free(a);
}

static int merge_oldest(extsort *e);

int extsort_end(extsort *e)
{
	w_flush(e);
	FILE *w = e->w;
	e->w = NULL;
	if (e->werr || lseek(fileno(w), 0, SEEK_SET) != 0) {
		snprintf(e->err, sizeof e->err, "cannot write a temporary file in %s: %s", e->dir,
		         strerror(e->werr ? e->werr
		                  : errno ? errno
		                          : EIO));
		fclose(w);
		return -1;
	}
	if (e->nruns == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 16;
		e->runs = xreallocarray(e->runs, e->cap, sizeof *e->runs);
	}
	e->runs[e->nruns++] = w;
	/* at most EXTSORT_FAN_IN + 1 files open, however many runs */
	if (e->nruns > EXTSORT_FAN_IN && !e->merging) {
		e->merging = 1;
		int rc = merge_oldest(e);
		e->merging = 0;
		return rc;
	}
	return 0;
}

/* Offset-value codes: a key's code against a base key no greater than it
 * is where it first differs from the base (off) and its byte there, made
 * one integer that is smaller for a smaller key (a larger off, then a
 * smaller byte); 0 for the base itself; CODE_END for a run that has
 * ended. Two keys' codes against one base decide their order unless they
 * are equal. */
#define CODE_TOP ((uint64_t)1 << 48) /* above any key's length */
#define CODE_END UINT64_MAX

static inline uint64_t ovc(const char *k, size_t kl, size_t off)
{
	return off >= kl ? 0 : (CODE_TOP - off) << 8 | (unsigned char)k[off];
}

/* The match of readers a and b, whose codes ca and cb are against one
 * same base: returns the winner (the smaller key; a on a tie), and leaves
 * in *lc the loser's code against the winner's key (its code unchanged
 * unless the codes tied: the keys are then compared from after the byte
 * they agree on). */
static size_t play(const extsort *e, size_t a, uint64_t ca, size_t b, uint64_t cb, uint64_t *lc)
{
	if (ca != cb || ca == CODE_END || ca == 0) {
		if (cb < ca) {
			*lc = ca;
			return b;
		}
		*lc = cb;
		return a;
	}
	const struct extsort_rd *x = &e->rd[a], *y = &e->rd[b];
	size_t off = (size_t)(CODE_TOP - (ca >> 8)) + 1;
	size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
	size_t p = off >= n ? n : off + pg_first_diff(x->key + off, y->key + off, n - off);
	int a_wins =
	    p < n ? (unsigned char)x->key[p] < (unsigned char)y->key[p] : x->keylen <= y->keylen;
	const struct extsort_rd *l = a_wins ? y : x;
	*lc = ovc(l->key, l->keylen, p);
	return a_wins ? a : b;
}

/* Make at least want bytes of reader d's file available in its buffer.
 * Returns 1, 0 when the file ends first, -1 on a read error (e->err). */
static int rd_fill(extsort *e, struct extsort_rd *d, size_t want)
{
	if (d->len - d->pos >= want)
		return 1;
	memmove(d->buf, d->buf + d->pos, d->len - d->pos);
	d->len -= d->pos;
	d->pos = 0;
	if (want > d->cap) {
		d->cap = want;
		d->buf = xrealloc(d->buf, d->cap);
	}
	while (d->len < want && !d->eof) {
		ssize_t k = read(d->fd, d->buf + d->len, d->cap - d->len);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			snprintf(e->err, sizeof e->err, "cannot read a temporary file in %s: %s",
			         e->dir, strerror(errno));
			return -1;
		}
		d->eof = k == 0;
		d->len += (size_t)k;
	}
	return d->len >= want;
}

/* The fields of a record (flen bytes at p) into d's view. Returns 0, or -1
 * when they are not ncols fields that fill exactly flen bytes. */
static int rd_fields(const extsort *e, struct extsort_rd *d, const char *p, size_t flen)
{
	const unsigned char *q = (const unsigned char *)p, *end = q + flen;
	d->fields = p;
	d->flen = flen;
	for (int k = 0; k < e->ncols; k++) {
		size_t n;
		if (varint_get(&q, end, &n) < 0 || (size_t)(end - q) < n)
			return -1;
		d->view.f[k] = (char *)q;
		d->view.len[k] = n;
		q += n;
	}
	return q == end ? 0 : -1;
}

/* Read reader i's next record into its view. Returns 1, 0 at its end, -1
 * (e->err). */
static int rd_next(extsort *e, size_t i)
{
	struct extsort_rd *d = &e->rd[i];
	int rc = rd_fill(e, d, 10); /* the longest varint */
	if (rc < 0)
		return -1;
	if (d->len == d->pos)
		return 0;
	const unsigned char *p = (const unsigned char *)d->buf + d->pos;
	const unsigned char *hend = (const unsigned char *)d->buf + d->len;
	size_t body, sh, suf;
	if (varint_get(&p, hend, &body) < 0 || body > MAX_BODY)
		goto damaged;
	size_t h = (size_t)(p - (const unsigned char *)d->buf) - d->pos;
	rc = rd_fill(e, d, h + body);
	if (rc < 0)
		return -1;
	if (rc == 0)
		goto damaged;
	p = (const unsigned char *)d->buf + d->pos + h;
	const unsigned char *end = p + body;
	if (varint_get(&p, end, &sh) < 0 || varint_get(&p, end, &suf) < 0 || sh > d->keylen ||
	    (size_t)(end - p) < suf)
		goto damaged;
	if (sh + suf > d->kcap) {
		d->kcap = sh + suf < 256 ? 256 : sh + suf;
		d->kbuf = xrealloc(d->kbuf, d->kcap);
	}
	memcpy(d->kbuf + sh, p, suf);
	d->sh = sh;
	d->key = d->kbuf;
	d->keylen = sh + suf;
	p += suf;
	if (rd_fields(e, d, (const char *)p, (size_t)(end - p)) < 0)
		goto damaged;
	d->pos += h + body;
	return 1;
damaged:
	snprintf(e->err, sizeof e->err, "a temporary file in %s is damaged", e->dir);
	return -1;
}

/* Readers and their tree of losers over runs [first, first + n): leaf i
 * is node n + i, node j's parent j / 2; every first key coded against the
 * empty key. Returns 0 or -1. */
static int merge_open(extsort *e, size_t first, size_t n)
{
	e->rd = xcalloc(n ? n : 1, sizeof *e->rd);
	e->lt = xreallocarray(NULL, n ? n : 1, sizeof *e->lt);
	e->lc = xreallocarray(NULL, n ? n : 1, sizeof *e->lc);
	e->nrd = n;
	e->top_used = 0;
	e->win = 0;
	e->wcode = CODE_END;
	for (size_t i = 0; i < n; i++) {
		e->rd[i].fd = fileno(e->runs[first + i]);
		e->rd[i].cap = RUNBUF_SIZE;
		e->rd[i].buf = xmalloc(RUNBUF_SIZE);
		e->rd[i].view.nf = e->ncols;
	}
	if (!n)
		return 0;
	/* the winners of each node's subtree, played from the leaves up */
	size_t *wi = xreallocarray(NULL, 2 * n, sizeof *wi);
	uint64_t *wc = xreallocarray(NULL, 2 * n, sizeof *wc);
	for (size_t i = 0; i < n; i++) {
		int rc = rd_next(e, i);
		if (rc < 0) {
			free(wi);
			free(wc);
			return -1;
		}
		wi[n + i] = i;
		wc[n + i] = rc ? ovc(e->rd[i].key, e->rd[i].keylen, 0) : CODE_END;
	}
	for (size_t j = n - 1; j >= 1; j--) {
		size_t a = wi[2 * j], b = wi[2 * j + 1];
		uint64_t ca = wc[2 * j], cb = wc[2 * j + 1];
		size_t w = play(e, a, ca, b, cb, &e->lc[j]);
		e->lt[j] = w == a ? b : a;
		wi[j] = w;
		wc[j] = w == a ? ca : cb;
	}
	e->win = wi[n > 1 ? 1 : n];
	e->wcode = wc[n > 1 ? 1 : n];
	free(wi);
	free(wc);
	return 0;
}

int extsort_next(extsort *e, const tsv_reader **r)
{
	if (e->top_used) {
		/* the winner's run gives its next key, coded against the key
		 * just handed out (its own key before); it plays the losers on
		 * its way up, whose codes are against that same key */
		e->top_used = 0;
		size_t c = e->win;
		int rc = rd_next(e, c);
		if (rc < 0)
			return -1;
		uint64_t cc = rc ? ovc(e->rd[c].key, e->rd[c].keylen, e->rd[c].sh) : CODE_END;
		for (size_t j = (e->nrd + c) / 2; j >= 1; j /= 2) {
			size_t o = e->lt[j];
			uint64_t oc = e->lc[j], lcode;
			if (play(e, c, cc, o, oc, &lcode) == o) {
				e->lt[j] = c;
				e->lc[j] = lcode;
				c = o;
				cc = oc;
			} else {
				e->lc[j] = lcode;
			}
		}
		e->win = c;
		e->wcode = cc;
	}
	if (!e->nrd || e->wcode == CODE_END)
		return 0;
	e->top_used = 1;
	struct extsort_rd *d = &e->rd[e->win];
	*r = &d->view;
	e->key = d->key;
	e->keylen = d->keylen;
	e->shared = e->wcode ? (size_t)(CODE_TOP - (e->wcode >> 8)) : d->keylen;
	return 1;
}

/* Merge the oldest EXTSORT_FAN_IN runs into one, the newest. Returns 0 or
 * -1. */
static int merge_oldest(extsort *e)
{
	if (merge_open(e, 0, EXTSORT_FAN_IN) < 0 || extsort_begin(e) < 0)
		return -1;
	const tsv_reader *r;
	int rc;
	while ((rc = extsort_next(e, &r)) == 1) {
		const struct extsort_rd *d = &e->rd[e->win];
		put_parts(e, d->key, d->keylen, d->fields, d->flen);
	}
	merge_close(e);
	if (rc < 0 || extsort_end(e) < 0)
		return -1;
	for (size_t i = 0; i < EXTSORT_FAN_IN; i++)
		fclose(e->runs[i]);
	e->nruns -= EXTSORT_FAN_IN;
	memmove(e->runs, e->runs + EXTSORT_FAN_IN, e->nruns * sizeof *e->runs);
	return 0;
}

int extsort_merge(extsort *e)
{
	while (e->nruns > EXTSORT_FAN_IN)
		if (merge_oldest(e) < 0)
			return -1;
	return merge_open(e, 0, e->nruns);
}
