/* extsort: sorted runs in temporary files, merged. See extsort.h. */
#include "extsort.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define RUNBUF_SIZE (64u << 10) /* stdio buffer of a run, writing and reading */

void extsort_init(extsort *e, const char *header, extsort_cmp cmp)
{
	memset(e, 0, sizeof *e);
	e->ncols = 1;
	for (const char *p = header; *p; p++)
		e->ncols += *p == '\t';
	size_t n = strlen(header);
	e->header = xmalloc(n + sizeof "\tline");
	memcpy(e->header, header, n);
	memcpy(e->header + n, "\tline", sizeof "\tline");
	const char *d = getenv("TMPDIR");
	e->dir = d && *d ? d : "/tmp";
	e->cmp = cmp;
}

/* Close the readers of a merge (not their files). */
static void merge_close(extsort *e)
{
	for (size_t i = 0; i < e->nrd; i++)
		tsv_reader_free(&e->rd[i]);
	free(e->rd);
	free(e->line);
	free(e->heap);
	e->rd = NULL;
	e->line = NULL;
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
	free(e->header);
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
	fputs(e->header, e->w);
	putc('\n', e->w);
	return 0;
}

void extsort_put(extsort *e, char *const *f, const size_t *len, long line)
{
	char *g[TSV_MAX_COLS];
	size_t n[TSV_MAX_COLS];
	char num[24];
	memcpy(g, f, e->ncols * sizeof *g);
	memcpy(n, len, e->ncols * sizeof *n);
	g[e->ncols] = num;
	n[e->ncols] = (size_t)snprintf(num, sizeof num, "%ld", line);
	tsv_write_row(e->w, g, n, e->ncols + 1);
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
	return e->cmp(&e->rd[a], e->line[a], &e->rd[b], e->line[b]) < 0;
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

/* Read reader i's next record. Returns 1, 0 at its end, -1 (e->err). */
static int rd_next(extsort *e, size_t i)
{
	tsv_reader *r = &e->rd[i];
	int rc = tsv_read(r);
	if (rc < 0) {
		snprintf(e->err, sizeof e->err, "temporary file (in %s), line %ld: %s", e->dir,
		         r->line, r->err);
		return -1;
	}
	if (rc == 1)
		e->line[i] = strtol(r->f[e->ncols], NULL, 10);
	return rc;
}

/* Readers and heap over runs [first, first + n). Returns 0 or -1. */
static int merge_open(extsort *e, size_t first, size_t n)
{
	e->rd = xreallocarray(NULL, n ? n : 1, sizeof *e->rd);
	e->line = xreallocarray(NULL, n ? n : 1, sizeof *e->line);
	e->heap = xreallocarray(NULL, n ? n : 1, sizeof *e->heap);
	e->nrd = n;
	e->nheap = 0;
	e->top_used = 0;
	for (size_t i = 0; i < n; i++)
		tsv_reader_init(&e->rd[i], e->runs[first + i], "temporary file", e->header);
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
	*r = &e->rd[e->heap[0]];
	*line = e->line[e->heap[0]];
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
