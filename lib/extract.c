/* extract: the pg-extract pipeline. See extract.h. */
#include "extract.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "reader.h"

int extract_slurp(FILE *fp, char **data, size_t *n, char *err, size_t errsz)
{
	size_t cap = 1 << 16, len = 0;
	char *p = xmalloc(cap);
	for (;;) {
		if (len == cap) {
			if (cap >= (size_t)EXTRACT_MAX_INPUT) {
				free(p);
				snprintf(err, errsz, "input larger than %ld bytes",
				         EXTRACT_MAX_INPUT);
				return -1;
			}
			cap *= 2;
			p = xrealloc(p, cap);
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
	*data = p;
	*n = len;
	return 0;
}

int extract_bytes(const char *bytes, size_t n, const extract_opts *o, FILE *out,
                  extract_result *res)
{
	memset(res, 0, sizeof *res);
	if (n == 0) {
		snprintf(res->err, sizeof res->err, "empty input");
		return -1;
	}
	warnings *warn = &res->form.warn;
	reader_out ro = {0};
	ro.warn = warn;
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

void extract_result_free(extract_result *res)
{
	if (res)
		warn_free(&res->form.warn);
}
