/* SPDX-License-Identifier: MIT */
/* extsort: sorted runs in temporary files, merged. See extsort.h. */
#include "extsort.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define RUNBUF_SIZE (128u << 10) /* stdio buffer of a run being written; a reader's */
#define REC_HDR 8                /* uint32 body size, uint32 key length */

/* A run being read: its bytes in buf[pos, len), the current record's
 * fields in view. */
struct extsort_rd {
	int fd;
	char *buf;
	size_t cap, pos, len;
	int eof;
	const char *key; /* the current record's key */
	size_t keylen;
	const char *rec; /* the current record's bytes (its header first) */
	tsv_reader view;
};

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
	for (size_t i = 0; i < e->nrd; i++)
		free(e->rd[i].buf);
	free(e->rd);
	free(e->heap);
	e->rd = NULL;
	e->heap = NULL;
	e->nrd = e->nheap = 0;
	e->top_used = 0;
}

void extsort_free(extsort *e)
{
	if (!e)
		return;
	merge_close(e);
	for (size_t i = 0; i < e->nruns; i++) {
		fclose(e->runs[i]);
		free(e->bufs[i]);
	}
	if (e->w)
		fclose(e->w);
	free(e->runs);
	free(e->bufs);
	free(e->wbuf);
	free(e->rec);
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
	/* the buffer stays the file's while it lives (setvbuf only before
	 * the first I/O) */
	e->wbuf = xmalloc(RUNBUF_SIZE);
	setvbuf(e->w, e->wbuf, _IOFBF, RUNBUF_SIZE);
	return 0;
}

/* A record on disk: uint32 size of the rest, uint32 key length, the key,
 * then per field uint32 length, the bytes, a NUL. Native
 * byte order: the file never leaves the process. */
size_t extsort_rec_size(const extsort *e, size_t klen, const size_t *len)
{
	size_t need = REC_HDR + klen;
	for (int i = 0; i < e->ncols; i++)
		need += 4 + len[i] + 1;
	return need;
}

void extsort_rec_build(const extsort *e, char *dst, const char *key, size_t klen, char *const *f,
                       const size_t *len)
{
	uint32_t body = (uint32_t)(extsort_rec_size(e, klen, len) - 4), kl = (uint32_t)klen;
	memcpy(dst, &body, 4);
	memcpy(dst + 4, &kl, 4);
	memcpy(dst + REC_HDR, key, klen);
	char *p = dst + REC_HDR + klen;
	for (int i = 0; i < e->ncols; i++) {
		uint32_t n = (uint32_t)len[i];
		memcpy(p, &n, 4);
		memcpy(p + 4, f[i], len[i]);
		p[4 + len[i]] = 0;
		p += 4 + len[i] + 1;
	}
}

void extsort_put_rec(extsort *e, const char *rec)
{
	uint32_t body;
	memcpy(&body, rec, 4);
	fwrite_unlocked(rec, 1, 4 + (size_t)body, e->w);
}

void extsort_put(extsort *e, const char *key, size_t klen, char *const *f, const size_t *len)
{
	size_t need = extsort_rec_size(e, klen, len);
	if (need > e->reccap) {
		e->reccap = need < 4096 ? 4096 : need;
		e->rec = xrealloc(e->rec, e->reccap);
	}
	extsort_rec_build(e, e->rec, key, klen, f, len);
	fwrite_unlocked(e->rec, 1, need, e->w);
}

/* ---- sorting built records ---- */

typedef struct {
	uint64_t c; /* the key's bytes [8 depth, 8 depth + 8), big-endian, 0-padded */
	char *r;
} sort_ent;

static inline const char *rec_key(const char *rec, size_t *klen)
{
	uint32_t kl;
	memcpy(&kl, rec + 4, 4);
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
				if (i + 16 < f.n)
					__builtin_prefetch(v[i + 16].r + REC_HDR + off);
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
	FILE *w = e->w;
	char *b = e->wbuf;
	e->w = NULL;
	e->wbuf = NULL;
	errno = 0;
	if (fflush(w) != 0 || ferror(w) || fseek(w, 0, SEEK_SET) != 0) {
		snprintf(e->err, sizeof e->err, "cannot write a temporary file in %s: %s", e->dir,
		         strerror(errno ? errno : EIO));
		fclose(w);
		free(b);
		return -1;
	}
	if (e->nruns == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 16;
		e->runs = xreallocarray(e->runs, e->cap, sizeof *e->runs);
		e->bufs = xreallocarray(e->bufs, e->cap, sizeof *e->bufs);
	}
	e->bufs[e->nruns] = b;
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

static int less(const extsort *e, size_t a, size_t b)
{
	return extsort_keycmp(e->rd[a].key, e->rd[a].keylen, e->rd[b].key, e->rd[b].keylen) < 0;
}

/* Restore the heap after h[i] changed (grew): Floyd's way, the hole
 * walked down to a leaf along the smaller children (one comparison a
 * level) and the element then sifted up from there (rarely far: a run's
 * next record is seldom much smaller than the others' heads), about half
 * the comparisons of the textbook sift-down. */
static void sift_down(extsort *e, size_t i)
{
	size_t *h = e->heap, n = e->nheap, x = h[i], top = i;
	for (;;) {
		size_t l = 2 * i + 1;
		if (l >= n)
			break;
		if (l + 1 < n && less(e, h[l + 1], h[l]))
			l++;
		h[i] = h[l];
		i = l;
	}
	while (i > top) {
		size_t p = (i - 1) / 2;
		if (!less(e, x, h[p]))
			break;
		h[i] = h[p];
		i = p;
	}
	h[i] = x;
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

/* Read reader i's next record into its view. Returns 1, 0 at its end, -1
 * (e->err). */
static int rd_next(extsort *e, size_t i)
{
	struct extsort_rd *d = &e->rd[i];
	int rc = rd_fill(e, d, 4);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return d->len > d->pos ? (snprintf(e->err, sizeof e->err,
		                                   "a temporary file in %s is damaged", e->dir),
		                          -1)
		                       : 0;
	uint32_t body;
	memcpy(&body, d->buf + d->pos, 4);
	if (body < REC_HDR - 4 || body > 3u * TSV_MAX_LINE + REC_HDR + 5u * TSV_MAX_COLS)
		goto damaged;
	rc = rd_fill(e, d, 4 + (size_t)body);
	if (rc < 0)
		return -1;
	if (rc == 0)
		goto damaged;
	const char *p = d->buf + d->pos + 4, *end = p + body;
	uint32_t kl;
	memcpy(&kl, p, 4);
	p += REC_HDR - 4;
	if ((size_t)(end - p) < kl)
		goto damaged;
	d->rec = d->buf + d->pos;
	d->key = p;
	d->keylen = kl;
	p += kl;
	for (int k = 0; k < e->ncols; k++) {
		uint32_t n;
		if (end - p < 5)
			goto damaged;
		memcpy(&n, p, 4);
		if ((size_t)(end - p) < 5 + (size_t)n)
			goto damaged;
		d->view.f[k] = (char *)p + 4;
		d->view.len[k] = n;
		p += 4 + n + 1;
	}
	d->pos += 4 + (size_t)body;
	return 1;
damaged:
	snprintf(e->err, sizeof e->err, "a temporary file in %s is damaged", e->dir);
	return -1;
}

/* Readers and heap over runs [first, first + n). Returns 0 or -1. */
static int merge_open(extsort *e, size_t first, size_t n)
{
	e->rd = xcalloc(n ? n : 1, sizeof *e->rd);
	e->heap = xreallocarray(NULL, n ? n : 1, sizeof *e->heap);
	e->nrd = n;
	e->nheap = 0;
	e->top_used = 0;
	for (size_t i = 0; i < n; i++) {
		e->rd[i].fd = fileno(e->runs[first + i]);
		e->rd[i].cap = RUNBUF_SIZE;
		e->rd[i].buf = xmalloc(RUNBUF_SIZE);
		e->rd[i].view.nf = e->ncols;
	}
	for (size_t i = 0; i < n; i++) {
		int rc = rd_next(e, i);
		if (rc < 0)
			return -1;
		if (rc)
			e->heap[e->nheap++] = i;
	}
	for (size_t i = e->nheap / 2; i-- > 0;)
		sift_down(e, i);
	return 0;
}

int extsort_next(extsort *e, const tsv_reader **r)
{
	if (e->top_used) {
		e->top_used = 0;
		int rc = rd_next(e, e->heap[0]);
		if (rc < 0)
			return -1;
		if (rc == 0)
			e->heap[0] = e->heap[--e->nheap];
		if (e->nheap)
			sift_down(e, 0);
	}
	if (!e->nheap)
		return 0;
	e->top_used = 1;
	struct extsort_rd *d = &e->rd[e->heap[0]];
	*r = &d->view;
	e->key = d->key;
	e->keylen = d->keylen;
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
	while ((rc = extsort_next(e, &r)) == 1)
		extsort_put_rec(e, e->rd[e->heap[0]].rec);
	merge_close(e);
	if (rc < 0 || extsort_end(e) < 0)
		return -1;
	for (size_t i = 0; i < EXTSORT_FAN_IN; i++) {
		fclose(e->runs[i]);
		free(e->bufs[i]);
	}
	e->nruns -= EXTSORT_FAN_IN;
	memmove(e->runs, e->runs + EXTSORT_FAN_IN, e->nruns * sizeof *e->runs);
	memmove(e->bufs, e->bufs + EXTSORT_FAN_IN, e->nruns * sizeof *e->bufs);
	return 0;
}

int extsort_merge(extsort *e)
{
	while (e->nruns > EXTSORT_FAN_IN)
		if (merge_oldest(e) < 0)
			return -1;
	return merge_open(e, 0, e->nruns);
}
