/* SPDX-License-Identifier: MIT */
/* extract: the pg-extract pipeline. See extract.h. */
#include "extract.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "grid.h"
#include "reader.h"

int extract_slurp(FILE *fp, char **data, size_t *n, char *err, size_t errsz)
{
	const size_t max = (size_t)EXTRACT_MAX_INPUT;
	/* a regular file says its size: refused before anything is read, and
	 * read into a buffer of that size */
	struct stat sb;
	size_t cap = 1 << 16, len = 0;
	if (fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode)) {
		if ((unsigned long long)sb.st_size > max) {
			snprintf(err, errsz, "input larger than %ld bytes", EXTRACT_MAX_INPUT);
			return -1;
		}
		cap = (size_t)sb.st_size + 1; /* + 1: sees a file grown since */
	}
	char *p = xmalloc(cap + 1); /* + 1: room for a NUL after the data */
	for (;;) {
		if (len == cap) {
			if (cap > max) { /* max + 1 bytes read: too many */
				free(p);
				snprintf(err, errsz, "input larger than %ld bytes",
				         EXTRACT_MAX_INPUT);
				return -1;
			}
			/* a stream grows to max + 1 bytes at most: one byte past the
			 * limit says it is over */
			cap = cap > max / 2 ? max + 1 : cap * 2;
			p = xrealloc(p, cap + 1);
		}
		size_t k = fread(p + len, 1, cap - len, fp);
		len += k;
		if (k == 0) {
			if (ferror(fp)) {
				snprintf(err, errsz, "%s", strerror(errno));
				free(p);
				return -1;
			}
			break;
		}
	}
	if (len > max) {
		free(p);
		snprintf(err, errsz, "input larger than %ld bytes", EXTRACT_MAX_INPUT);
		return -1;
	}
	p[len] = 0;
	*data = p;
	*n = len;
	return 0;
}

/* extract_bytes; own, when not NULL, is bytes, given up by the caller:
 * freed once decoded (by the reader) or at the end. */
static int run(const char *bytes, size_t n, char *own, const extract_opts *o, FILE *out,
               extract_result *res)
{
	memset(res, 0, sizeof *res);
	if (n == 0) {
		snprintf(res->err, sizeof res->err, "empty input");
		free(own);
		return -1;
	}
	warnings *warn = &res->form.warn;
	reader_out ro = {0};
	ro.warn = warn;
	ro.own = own;
	const reader_format *rf = reader_pick(bytes, n);
	if (rf->read(bytes, n, o->name ? o->name : "-", &ro) < 0) {
		res->line = ro.line;
		snprintf(res->err, sizeof res->err, "%s", ro.err);
		reader_out_free(&ro);
		return -1;
	}
	/* each grid (a sheet) is read on its own: a form never runs from one
	 * sheet into the next; documents are numbered across them */
	for (int i = 0; i < ro.n; i++) {
		grid *g = ro.g[i];
		if (g->err[0])
			warn_add(warn, 0, "%s%s%s", ro.name[i] ? ro.name[i] : "",
			         ro.name[i] ? ": " : "", g->err);
		form_opts fo = {o->doc, o->year, ro.name[i]};
		int before = res->form.docs;
		form_extract(g, &fo, out, &res->form);
		/* a sheet of notes is no document, but its text is not dropped
		 * without a word */
		if (ro.n > 1 && res->form.docs == before && grid_has_text(g))
			warn_add(warn, 0, "sheet %s holds no 绩效目标表: not read",
			         ro.name[i] ? ro.name[i] : "?");
	}
	reader_out_free(&ro);
	if (res->form.docs <= 0) {
		snprintf(res->err, sizeof res->err, "no 绩效目标表 found");
		return -1;
	}
	return res->form.docs;
}

int extract_bytes(const char *bytes, size_t n, const extract_opts *o, FILE *out,
                  extract_result *res)
{
	return run(bytes, n, NULL, o, out, res);
}

int extract_bytes_free(char *bytes, size_t n, const extract_opts *o, FILE *out, extract_result *res)
{
	return run(bytes, n, bytes, o, out, res);
}

void extract_result_free(extract_result *res)
{
	if (res)
		warn_free(&res->form.warn);
}
