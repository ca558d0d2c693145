/* SPDX-License-Identifier: MIT */
/* extsort: sorted runs in temporary files, merged. See extsort.h. */
#include "extsort.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define RUNBUF_SIZE (64u << 10) /* stdio buffer of a run being written; a reader's */

/* A run being read: its bytes in buf[pos, len), the current record's
 * fields in view, its line number in line. */
struct extsort_rd {
	int fd;
	char *buf;
	size_t cap, pos, len;
	int eof;
	long line;
	tsv_reader view;
};

void extsort_init(extsort *e, int ncols, extsort_cmp cmp)
{
	memset(e, 0, sizeof *e);
	e->ncols = ncols;
	const char *d = getenv("TMPDIR");
	e->dir = d && *d ? d : "/tmp";
	e->cmp = cmp;
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

/* A record on disk: uint32 size of the rest, int64 line, then per field
 * uint32 length, the bytes, a NUL. Native byte order: the file never
 * leaves the process. */
void extsort_put(extsort *e, char *const *f, const size_t *len, long line)
{
	size_t need = 4 + 8;
	for (int i = 0; i < e->ncols; i++)
		need += 4 + len[i] + 1;
	if (need > e->reccap) {
		e->reccap = need < 4096 ? 4096 : need;
		e->rec = xrealloc(e->rec, e->reccap);
	}
	char *p = e->rec;
	uint32_t body = (uint32_t)(need - 4);
	int64_t ln = line;
	memcpy(p, &body, 4);
	memcpy(p + 4, &ln, 8);
	p += 12;
	for (int i = 0; i < e->ncols; i++) {
		uint32_t n = (uint32_t)len[i];
		memcpy(p, &n, 4);
		memcpy(p + 4, f[i], len[i]);
		p[4 + len[i]] = 0;
		p += 4 + len[i] + 1;
	}
	fwrite(e->rec, 1, need, e->w);
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
	return e->cmp(&e->rd[a].view, e->rd[a].line, &e->rd[b].view, e->rd[b].line) < 0;
}

static void sift_down(extsort *e, size_t i)
{
	size_t *h = e->heap, n = e->nheap;
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && less(e, h[l], h[m]))
			m = l;
		if (l + 1 < n && less(e, h[l + 1], h[m]))
			m = l + 1;
		if (m == i)
			return;
		size_t t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
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
	if (body < 8 || body > (uint32_t)TSV_MAX_LINE + 8 + 5u * TSV_MAX_COLS)
		goto damaged;
	rc = rd_fill(e, d, 4 + (size_t)body);
	if (rc < 0)
		return -1;
	if (rc == 0)
		goto damaged;
	const char *p = d->buf + d->pos + 4, *end = p + body;
	int64_t ln;
	memcpy(&ln, p, 8);
	d->line = (long)ln;
	p += 8;
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

int extsort_next(extsort *e, const tsv_reader **r, long *line)
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
	*r = &e->rd[e->heap[0]].view;
	*line = e->rd[e->heap[0]].line;
	return 1;
}

/* Merge the oldest EXTSORT_FAN_IN runs into one, the newest. Returns 0 or
 * -1. */
static int merge_oldest(extsort *e)
{
	if (merge_open(e, 0, EXTSORT_FAN_IN) < 0 || extsort_begin(e) < 0)
		return -1;
	const tsv_reader *r;
	long line;
	int rc;
	while ((rc = extsort_next(e, &r, &line)) == 1)
		extsort_put(e, r->f, r->len, line);
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
