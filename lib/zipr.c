/* SPDX-License-Identifier: MIT */
/* zipr: libzip over a memory buffer. See zipr.h. */
#include "zipr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "util.h"

zipr_limits zipr_limit = {ZIPR_MAX_MEMBERS, ZIPR_MAX_MEMBER, ZIPR_MAX_TOTAL, ZIPR_MAX_RATIO,
                          ZIPR_RATIO_FLOOR};

struct zipr {
	zip_t *za;
	long total; /* uncompressed bytes read so far */
};

int zipr_sniff(const char *b, size_t n)
{
	return n >= 4 && (memcmp(b, "PK\3\4", 4) == 0 || memcmp(b, "PK\5\6", 4) == 0);
}

zipr *zipr_open(const char *bytes, size_t n, char *err, size_t errsz)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(bytes, n, 0, &ze);
	if (!src) {
		snprintf(err, errsz, "%s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!za) {
		snprintf(err, errsz, "%s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		zip_source_free(src);
		return NULL;
	}
	zip_error_fini(&ze);
	zip_int64_t k = zip_get_num_entries(za, 0);
	if (k > zipr_limit.members) {
		snprintf(err, errsz, "more than %ld members in the archive", zipr_limit.members);
		zip_discard(za);
		return NULL;
	}
	zipr *z = xcalloc(1, sizeof *z);
	z->za = za;
	return z;
}

void zipr_close(zipr *z)
{
	if (!z)
		return;
	zip_discard(z->za);
	free(z);
}

int zipr_has(zipr *z, const char *name)
{
	return zip_name_locate(z->za, name, 0) >= 0;
}

int zipr_stream(zipr *z, const char *name, int (*fn)(void *u, const char *p, size_t n), void *u,
                char *err, size_t errsz)
{
	zip_int64_t i = zip_name_locate(z->za, name, 0);
	if (i < 0) {
		snprintf(err, errsz, "member %s missing", name);
		return -1;
	}
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) < 0) {
		snprintf(err, errsz, "member %s: %s", name, zip_strerror(z->za));
		return -1;
	}
	zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)i, 0);
	if (!f) {
		snprintf(err, errsz, "member %s: %s", name, zip_strerror(z->za));
		return -1;
	}
	long comp = (st.valid & ZIP_STAT_COMP_SIZE) ? (long)st.comp_size : 0;
	long got = 0;
	char chunk[1 << 16];
	int rc = 0;
	for (;;) {
		zip_int64_t k = zip_fread(f, chunk, sizeof chunk);
		if (k < 0) {
			snprintf(err, errsz, "member %s: %s", name, zip_file_strerror(f));
			rc = -1;
			break;
		}
		if (k == 0)
			break;
		got += (long)k;
		z->total += (long)k;
		if (got > zipr_limit.member) {
			snprintf(err, errsz, "member %s larger than %ld bytes uncompressed", name,
			         zipr_limit.member);
			rc = -1;
			break;
		}
		if (z->total > zipr_limit.total) {
			snprintf(err, errsz, "archive larger than %ld bytes uncompressed",
			         zipr_limit.total);
			rc = -1;
			break;
		}
		if (got > zipr_limit.ratio_floor &&
		    got / (comp > 0 ? comp : 1) > zipr_limit.ratio) {
			snprintf(err, errsz,
			         "member %s inflates more than %ld times its size: a zip bomb?",
			         name, zipr_limit.ratio);
			rc = -1;
			break;
		}
		if (fn(u, chunk, (size_t)k))
			break;
	}
	zip_fclose(f);
	return rc;
}

typedef struct {
	buf b;
	long max;
	int over;
} slurp;

static int slurp_chunk(void *u, const char *p, size_t n)
{
	slurp *s = u;
	if ((long)(s->b.len + n) > s->max) {
		s->over = 1;
		return 1;
	}
	buf_add(&s->b, p, n);
	return 0;
}

int zipr_read(zipr *z, const char *name, long max, char **out, size_t *len, char *err, size_t errsz)
{
	slurp s = {{0}, max, 0};
	if (zipr_stream(z, name, slurp_chunk, &s, err, errsz) < 0 || s.over) {
		if (s.over)
			snprintf(err, errsz, "member %s larger than %ld bytes", name, max);
		buf_free(&s.b);
		return -1;
	}
	buf_addc(&s.b, 0);
	*len = s.b.len - 1;
	*out = s.b.s;
	return 0;
}

/* ---- writing ---- */

struct zipw {
	zip_source_t *src;
	zip_t *za;
	int bad;
	char err[200];
};

zipw *zipw_new(void)
{
	zipw *w = xcalloc(1, sizeof *w);
	zip_error_t ze;
	zip_error_init(&ze);
	w->src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (w->src) {
		zip_source_keep(w->src);
		w->za = zip_open_from_source(w->src, ZIP_TRUNCATE, &ze);
	}
	if (!w->za) {
		w->bad = 1;
		snprintf(w->err, sizeof w->err, "%s", zip_error_strerror(&ze));
	}
	zip_error_fini(&ze);
	return w;
}

int zipw_add(zipw *w, const char *name, const void *data, size_t n)
{
	if (w->bad)
		return -1;
	/* libzip frees the copy with the source, but never an empty one */
	void *copy = n ? xmalloc(n) : NULL;
	if (n)
		memcpy(copy, data, n);
	zip_source_t *s = zip_source_buffer(w->za, copy, n, n > 0);
	if (!s || zip_file_add(w->za, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
		if (s)
			zip_source_free(s);
		else
			free(copy);
		w->bad = 1;
		snprintf(w->err, sizeof w->err, "%s: %s", name, zip_strerror(w->za));
		return -1;
	}
	return 0;
}

int zipw_finish(zipw *w, buf *out, char *err, size_t errsz)
{
	int rc = -1;
	if (!w->bad && zip_close(w->za) == 0) {
		w->za = NULL;
		if (zip_source_open(w->src) == 0) {
			char chunk[1 << 16];
			zip_int64_t k;
			while ((k = zip_source_read(w->src, chunk, sizeof chunk)) > 0)
				buf_add(out, chunk, (size_t)k);
			zip_source_close(w->src);
			rc = k < 0 ? -1 : 0;
		}
		if (rc < 0)
			snprintf(w->err, sizeof w->err, "cannot read the archive back");
	} else if (!w->bad) {
		snprintf(w->err, sizeof w->err, "%s", zip_strerror(w->za));
	}
	if (rc < 0)
		snprintf(err, errsz, "%s", w->err);
	if (w->za)
		zip_discard(w->za);
	if (w->src)
		zip_source_free(w->src);
	free(w);
	return rc;
}
