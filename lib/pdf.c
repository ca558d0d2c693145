/* SPDX-License-Identifier: MIT */
/* pdf: a PDF's text layer and ruling lines -> grid rows. See pdf.h; the
 * reading rules are in docs/readers.md ("PDF"). */
#include "pdf.h"

#include <cairo.h>
#include <dlfcn.h>
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* poppler-glib, cairo, gobject and glib are loaded with dlopen on the first
 * pdf_read, not linked: they are 50-odd shared objects whose start-up (the
 * dynamic loader's relocations, about 25 M instructions) every run of
 * pg-extract paid though only PDFs use them (README.md, "Dependencies").
 * Their sonames come from the Makefile (read from the installed .so files);
 * each function is called through a pointer of its own type, taken from
 * the headers, so every call is still checked by the compiler. */
#if !defined(PDF_SONAME_POPPLER) || !defined(PDF_SONAME_CAIRO) || !defined(PDF_SONAME_GOBJECT) ||  \
    !defined(PDF_SONAME_GLIB)
#error                                                                                             \
    "PDF_SONAME_POPPLER, PDF_SONAME_CAIRO, PDF_SONAME_GOBJECT, PDF_SONAME_GLIB: set by the Makefile"
#endif

enum { LIB_POPPLER, LIB_CAIRO, LIB_GOBJECT, LIB_GLIB, NLIBS };
static const char *const lib_names[NLIBS] = {PDF_SONAME_POPPLER, PDF_SONAME_CAIRO,
                                             PDF_SONAME_GOBJECT, PDF_SONAME_GLIB};

/* X(library, function): every function of those libraries this file calls. */
#define PDF_API(X)                                                                                 \
	X(LIB_POPPLER, poppler_document_get_n_pages)                                               \
	X(LIB_POPPLER, poppler_document_get_page)                                                  \
	X(LIB_POPPLER, poppler_document_new_from_bytes)                                            \
	X(LIB_POPPLER, poppler_error_quark)                                                        \
	X(LIB_POPPLER, poppler_page_get_size)                                                      \
	X(LIB_POPPLER, poppler_page_get_text)                                                      \
	X(LIB_POPPLER, poppler_page_get_text_layout)                                               \
	X(LIB_POPPLER, poppler_page_render_for_printing)                                           \
	X(LIB_CAIRO, cairo_create)                                                                 \
	X(LIB_CAIRO, cairo_destroy)                                                                \
	X(LIB_CAIRO, cairo_fill)                                                                   \
	X(LIB_CAIRO, cairo_image_surface_create)                                                   \
	X(LIB_CAIRO, cairo_image_surface_get_data)                                                 \
	X(LIB_CAIRO, cairo_image_surface_get_stride)                                               \
	X(LIB_CAIRO, cairo_paint)                                                                  \
	X(LIB_CAIRO, cairo_rectangle)                                                              \
	X(LIB_CAIRO, cairo_scale)                                                                  \
	X(LIB_CAIRO, cairo_set_antialias)                                                          \
	X(LIB_CAIRO, cairo_set_source_rgb)                                                         \
	X(LIB_CAIRO, cairo_surface_create_observer)                                                \
	X(LIB_CAIRO, cairo_surface_destroy)                                                        \
	X(LIB_CAIRO, cairo_surface_finish)                                                         \
	X(LIB_CAIRO, cairo_surface_flush)                                                          \
	X(LIB_CAIRO, cairo_surface_observer_add_glyphs_callback)                                   \
	X(LIB_CAIRO, cairo_surface_status)                                                         \
	X(LIB_GOBJECT, g_object_unref)                                                             \
	X(LIB_GLIB, g_bytes_new_static)                                                            \
	X(LIB_GLIB, g_bytes_unref)                                                                 \
	X(LIB_GLIB, g_error_free)                                                                  \
	X(LIB_GLIB, g_free)                                                                        \
	X(LIB_GLIB, g_get_monotonic_time)                                                          \
	X(LIB_GLIB, g_log_set_handler)                                                             \
	X(LIB_GLIB, g_unichar_isspace)                                                             \
	X(LIB_GLIB, g_utf8_get_char_validated)                                                     \
	X(LIB_GLIB, g_utf8_strlen)

#define PDF_API_FIELD(lib, f) __typeof__(f) *f;
static struct {
	PDF_API(PDF_API_FIELD)
} api;

/* Load the libraries and fill api, once per process; 0 when every library
 * and function is there, else -1 with the reason in err (the same reason
 * on every later call: nothing is tried twice). The handles stay open to
 * the end of the process. Not thread-safe on the first call. */
static int api_load(char *err, size_t errsz)
{
	static int state;     /* 0 not tried, 1 loaded, -1 failed */
	static char why[512]; /* the failure's reason */
	if (state == 0) {
		void *h[NLIBS];
		state = 1;
		for (int i = 0; i < NLIBS && state > 0; i++)
			if (!(h[i] = dlopen(lib_names[i], RTLD_NOW | RTLD_LOCAL))) {
				const char *e = dlerror();
				snprintf(why, sizeof why, "%s", e ? e : lib_names[i]);
				state = -1;
			}
#define PDF_API_LOAD(lib, f)                                                                       \
	if (state > 0) {                                                                           \
		dlerror();                                                                         \
		*(void **)&api.f = dlsym(h[lib], #f);                                              \
		if (!api.f) {                                                                      \
			const char *e = dlerror();                                                 \
			snprintf(why, sizeof why, "%s: %s", lib_names[lib],                        \
			         e ? e : #f " missing");                                           \
			state = -1;                                                                \
		}                                                                                  \
	}
		PDF_API(PDF_API_LOAD)
#undef PDF_API_LOAD
	}
	if (state < 0)
		snprintf(err, errsz, "PDF support not available: %s", why);
	return state > 0 ? 0 : -1;
}

const pdf_limits pdf_limits_default = {PDF_MAX_PAGES, PDF_MAX_PAGE_RUNS, PDF_MAX_PAGE_CHARS,
                                       PDF_MAX_PAGE_MS, PDF_MAX_STREAM_RUNS};

/* Geometry, in points (1/72 inch), y downwards as poppler gives it. */
#define LINE_MIN 8.0           /* shortest ruling line */
#define LINE_THICK 4.0         /* thicker dark bands are fills, not lines */
#define LINE_TOL 2.0           /* two lines this close are one; a line ends this near a crossing */
#define SPACE_GAP 0.2          /* a gap wider than this many line heights is a space */
#define PAGE_MARGIN 0.12       /* the top and bottom share of a page where page numbers sit */
#define APART_GAP 1.0          /* text outside tables: a gap of this many heights separates cells */
#define FOOT_SLACK 24.0        /* a row cut by a page break ends this near the lowest table end */
#define MAX_PIXELS (16L << 20) /* a rendering larger than this is scaled down */
#define MAX_TABLE_CELLS 200000L /* a "table" with more crossings is a drawing */
/* tables without ruling lines (stream_table) */
#define STREAM_GAP 0.5      /* a gap wider than this many heights ends a run of a line */
#define STREAM_PITCH 1.3    /* a cell's lines: middles closer than this many heights */
#define STREAM_CORE 0.35    /* a cell's core: its lines' middles, this many heights around */
#define STREAM_MAX_SPAN 100 /* rows a label is looked for above and below */
#define STREAM_CENTRE 0.6   /* a label centred on its rows: within this many heights */
#define STREAM_SUPPORT 3    /* runs starting at one x (within LINE_TOL) make a column start */
#define STREAM_SPREAD 8.0   /* ... if their ends spread over more points than this */
#define STREAM_BASE 0.25    /* characters of one run: middles this many heights apart at most */
#define STREAM_AT 0.5       /* a run is cut where a character starts this near a column start */
#define STREAM_BIN 0.5      /* points a bin of the histogram of run starts */
#define STREAM_BINS 8192    /* bins: starts right of 4096 points are not counted */

typedef struct {
	double x0, y0, x1, y1;
	const char *s; /* into the page's text */
	int n;         /* bytes */
	int region;    /* index into the page's regions, -1 outside tables */
	int ascii;     /* printable ASCII */
	long cp;       /* the code point */
} pchar;

typedef struct {
	double a, b0, b1; /* H: y, x0..x1; V: x, y0..y1 */
} seg;

typedef struct {
	seg *v;
	int n, cap;
} segs;

static void segs_add(segs *s, double a, double b0, double b1)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xreallocarray(s->v, (size_t)s->cap, sizeof *s->v);
	}
	s->v[s->n++] = (seg){a, b0, b1};
}

/* How a cell's text meets its edges, to tell whether it goes on in the same
 * cell on the next page: the room after its last line, the width its first
 * word needs, whether its ends are ASCII. */
typedef struct {
	double room, need;
	int first_ascii, last_ascii, last_one_word;
} cellfit;

/* A table on one page: boundaries xs[0..nc], ys[0..nr]; reg[i*nc+j] = the
 * top-left atomic cell of the merged cell that holds (i, j). */
typedef struct {
	int nr, nc;
	double *xs, *ys;
	int *reg;
	char **text;  /* per atomic cell: its merged cell's text at the root, else NULL */
	cellfit *fit; /* per atomic cell, at the root: how its text meets its edges */
	int skip;     /* rows at the top already joined to the page before */
	int stream;   /* found without ruling lines (stream_table) */
} ptable;

static void ptable_free(ptable *t)
{
	if (!t->reg)
		return;
	for (long k = 0; k < (long)t->nr * t->nc; k++)
		free(t->text[k]);
	free(t->text), free(t->fit), free(t->reg), free(t->xs), free(t->ys);
	memset(t, 0, sizeof *t);
}

int pdf_sniff(const char *b, size_t n)
{
	size_t lim = n < 1024 ? n : 1024;
	return lim >= 5 && memmem(b, lim, "%PDF-", 5) != NULL;
}

/* ---- ruling lines, from a rendering ---- */

static int cmp_seg(const void *a, const void *b)
{
	const seg *p = a, *q = b;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return (p->b0 > q->b0) - (p->b0 < q->b0);
}

/* A dark run of pixels: on pixel line l (a row for horizontal runs, a
 * column for vertical ones), from k0 to k1. */
typedef struct {
	int l, k0, k1;
} run;

typedef struct {
	run *v;
	long n, cap;
} runs;

static void runs_add(runs *r, int l, int k0, int k1)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 256;
		r->v = xreallocarray(r->v, (size_t)r->cap, sizeof *r->v);
	}
	r->v[r->n++] = (run){l, k0, k1};
}

static int cmp_run(const void *a, const void *b)
{
	const run *p = a, *q = b;
	if (p->k0 != q->k0)
		return p->k0 - q->k0;
	return p->l - q->l;
}

/* Runs stacked over consecutive pixel lines (ends within 2 pixels) into
 * bands; a band no thicker than maxthick is a line, appended to out in
 * points (a fill is left out). */
static void stack_runs(runs *r, int maxthick, double scale, segs *out)
{
	if (r->n > 0)
		qsort(r->v, (size_t)r->n, sizeof *r->v, cmp_run);
	for (long i = 0; i < r->n; i++) {
		if (r->v[i].l < 0)
			continue;
		run b = r->v[i];
		int l1 = b.l;
		for (long j = i + 1; j < r->n && r->v[j].k0 <= b.k0 + 2; j++)
			if (r->v[j].l == l1 + 1 && abs(r->v[j].k1 - b.k1) <= 2) {
				l1 = r->v[j].l;
				r->v[j].l = -1;
			}
		if (l1 - b.l + 1 <= maxthick)
			segs_add(out, (b.l + l1 + 1) / 2.0 / scale, b.k0 / scale,
			         (b.k1 + 1) / scale);
	}
}

/* Collinear pieces (same a within LINE_TOL, touching) into one line. */
static void segs_merge(segs *s)
{
	if (s->n > 0)
		qsort(s->v, (size_t)s->n, sizeof *s->v, cmp_seg);
	int w = 0;
	for (int i = 0; i < s->n; i++) {
		int m = -1;
		for (int j = w - 1; j >= 0 && s->v[i].a - s->v[j].a <= LINE_TOL; j--)
			if (s->v[i].b0 <= s->v[j].b1 + LINE_TOL &&
			    s->v[j].b0 <= s->v[i].b1 + LINE_TOL) {
				m = j;
				break;
			}
		if (m < 0) {
			s->v[w++] = s->v[i];
			continue;
		}
		seg *d = &s->v[m];
		if (s->v[i].b0 < d->b0)
			d->b0 = s->v[i].b0;
		if (s->v[i].b1 > d->b1)
			d->b1 = s->v[i].b1;
	}
	s->n = w;
}

/* A rendering surface kept from page to page (one allocation while the
 * pages' size stays the same). */
typedef struct {
	cairo_surface_t *sf;
	cairo_surface_t *obs; /* an observer of sf that counts runs of text */
	long shown;           /* runs of text shown on the page being rendered */
	int w, h;
	double sc;           /* pixels per point */
	int drawn;           /* holds the page being read */
	int *col;            /* per pixel column: the dark run going down it */
	unsigned char *mask; /* two rows of dark/light bytes, with slack */
} canvas;

static void canvas_free(canvas *cv)
{
	if (cv->obs) {
		/* cairo frees an observer's callbacks only when it is finished
		 * (which finishes the surface under it too) */
		api.cairo_surface_finish(cv->obs);
		api.cairo_surface_destroy(cv->obs);
	}
	if (cv->sf)
		api.cairo_surface_destroy(cv->sf);
	free(cv->col), free(cv->mask);
	memset(cv, 0, sizeof *cv);
}

/* Is pixel p (RGB24) dark? Its green channel is below 235: a hairline
 * rendered for printing is a light grey. */
#define DARK(p) ((((p) >> 8) & 255) < 235)

static void count_run(cairo_surface_t *obs, cairo_surface_t *target, void *n)
{
	++*(long *)n;
}

/* Render page pg (pw x ph points) onto cv, white first; returns the number
 * of text runs it showed (cairo's show-glyphs calls, a run of characters
 * each), or -1 when it could not. Rendered as for printing: poppler then
 * does not build its text model of the page on the way. */
static long render_page(PopplerPage *pg, double pw, double ph, canvas *cv)
{
	double sc = PDF_RENDER_SCALE;
	if (pw * sc * ph * sc > (double)MAX_PIXELS)
		sc = sqrt((double)MAX_PIXELS / (pw * ph));
	int W = (int)ceil(pw * sc), Hh = (int)ceil(ph * sc);
	cv->drawn = 0;
	if (!(W >= 1 && Hh >= 1))
		return -1;
	if (!cv->sf || cv->w != W || cv->h != Hh) {
		canvas_free(cv);
		cv->sf = api.cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, Hh);
		if (api.cairo_surface_status(cv->sf) != CAIRO_STATUS_SUCCESS) {
			canvas_free(cv);
			return -1;
		}
		cv->w = W, cv->h = Hh;
		cv->col = xmalloc((size_t)W * sizeof *cv->col);
		cv->mask = xmalloc(2 * ((size_t)W + 8));
	}
	cv->sc = sc;
	if (!cv->obs) {
		cv->obs = api.cairo_surface_create_observer(cv->sf, CAIRO_SURFACE_OBSERVER_NORMAL);
		api.cairo_surface_observer_add_glyphs_callback(cv->obs, count_run, &cv->shown);
	}
	cv->shown = 0;
	cairo_t *cr = api.cairo_create(cv->obs);
	api.cairo_set_source_rgb(cr, 1, 1, 1);
	api.cairo_paint(cr);
	api.cairo_scale(cr, sc, sc);
	api.poppler_page_render_for_printing(pg, cr);
	api.cairo_destroy(cr);
	cv->drawn = 1;
	return cv->shown;
}

/* The ruling lines of the page rendered on cv: the characters' boxes
 * painted white, dark runs of LINE_MIN points or more. */
static void find_lines(canvas *cv, const pchar *ch, int nch, segs *H, segs *V)
{
	if (!cv->drawn)
		return;
	double sc = cv->sc;
	int W = cv->w, Hh = cv->h;
	cairo_t *cr = api.cairo_create(cv->sf);
	/* text is not lines: its boxes painted out (a line through a box
	 * keeps its pieces, joined again by segs_merge) */
	api.cairo_set_source_rgb(cr, 1, 1, 1);
	api.cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
	for (int i = 0; i < nch; i++) {
		double x0 = floor(ch[i].x0 * sc), y0 = floor(ch[i].y0 * sc);
		double x1 = ceil(ch[i].x1 * sc), y1 = ceil(ch[i].y1 * sc);
		api.cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
	}
	api.cairo_fill(cr);
	api.cairo_destroy(cr);
	api.cairo_surface_flush(cv->sf);
	const unsigned char *px = api.cairo_image_surface_get_data(cv->sf);
	int stride = api.cairo_image_surface_get_stride(cv->sf);
	int minlen = (int)(LINE_MIN * sc), thick = (int)(LINE_THICK * sc);
	runs hr = {0}, vr = {0};
	int *col = cv->col;
	/* one byte a pixel for this row and the one above (8 bytes of slack:
	 * white stretches are skipped a word at a time) */
	unsigned char *cur = cv->mask, *up = cv->mask + W + 8;
	memset(col, 0, (size_t)W * sizeof *col);
	memset(cv->mask, 0, 2 * ((size_t)W + 8));
	for (int y = 0; y <= Hh; y++) {
		const uint32_t *row = y < Hh ? (const uint32_t *)(px + (long)y * stride) : NULL;
		if (row)
			for (int x = 0; x < W;) {
				/* eight white pixels (green 255) at a time */
				uint64_t w[4], g = 0x0000FF000000FF00ULL;
				if (x + 8 <= W) {
					memcpy(w, row + x, sizeof w);
					if ((w[0] & w[1] & w[2] & w[3] & g) == g) {
						memset(cur + x, 0, 8);
						x += 8;
						continue;
					}
				}
				cur[x] = DARK(row[x]);
				x++;
			}
		else
			memset(cur, 0, (size_t)W);
		for (int x = 0; x < W;) {
			uint64_t wc, wu;
			memcpy(&wc, cur + x, 8);
			memcpy(&wu, up + x, 8);
			if ((wc | wu) == 0) {
				x += 8;
				continue;
			}
			if (!cur[x]) {
				/* a column's dark run ends above a light pixel */
				if (up[x] && col[x] >= minlen)
					runs_add(&vr, x, y - col[x], y - 1);
				col[x++] = 0;
				continue;
			}
			int x0 = x;
			for (; x < W && cur[x]; x++)
				col[x]++;
			if (x - x0 >= minlen)
				runs_add(&hr, y, x0, x - 1);
		}
		unsigned char *t = cur;
		cur = up, up = t;
	}
	stack_runs(&hr, thick, sc, H);
	stack_runs(&vr, thick, sc, V);
	free(hr.v), free(vr.v);
	segs_merge(H);
	segs_merge(V);
}

/* ---- tables from lines ---- */

static int uf_find(int *p, int x)
{
	while (p[x] != x)
		x = p[x] = p[p[x]];
	return x;
}

/* Join the sets of a and b; the smaller index is the root. */
static void uf_join(int *p, int a, int b)
{
	a = uf_find(p, a), b = uf_find(p, b);
	if (a < b)
		p[b] = a;
	else if (b < a)
		p[a] = b;
}

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Positions v[0..n) clustered (within LINE_TOL) into their means, sorted,
 * in a new array; *k its length. */
static double *cluster(double *v, int n, int *k)
{
	qsort(v, (size_t)n, sizeof *v, cmp_dbl);
	double *o = xmalloc((size_t)(n ? n : 1) * sizeof *o);
	int m = 0;
	for (int i = 0; i < n;) {
		int j = i;
		double s = 0;
		while (j < n && v[j] - v[i] <= LINE_TOL)
			s += v[j++];
		o[m++] = s / (j - i);
		i = j;
	}
	*k = m;
	return o;
}

/* Is there a line in s[idx[0..n)] at a (within LINE_TOL) covering b? */
static int line_at(const segs *s, const int *idx, int n, double a, double b)
{
	for (int i = 0; i < n; i++) {
		const seg *q = &s->v[idx[i]];
		if (fabs(q->a - a) <= LINE_TOL && q->b0 - LINE_TOL <= b && b <= q->b1 + LINE_TOL)
			return 1;
	}
	return 0;
}

/* Tables of a page: each set of crossing lines with two or more of each
 * direction. Returns the number of tables, *out a new array. */
static int find_tables(const segs *H, const segs *V, ptable **out)
{
	int nh = H->n, nv = V->n, nt = 0;
	*out = NULL;
	if (nh < 2 || nv < 2)
		return 0;
	int *p = xmalloc((size_t)(nh + nv) * sizeof *p);
	for (int i = 0; i < nh + nv; i++)
		p[i] = i;
	for (int i = 0; i < nh; i++)
		for (int j = 0; j < nv; j++) {
			const seg *h = &H->v[i], *v = &V->v[j];
			if (v->a >= h->b0 - LINE_TOL && v->a <= h->b1 + LINE_TOL &&
			    h->a >= v->b0 - LINE_TOL && h->a <= v->b1 + LINE_TOL)
				uf_join(p, i, nh + j);
		}
	ptable *tv = NULL;
	int *hi = xmalloc((size_t)nh * sizeof *hi), *vi = xmalloc((size_t)nv * sizeof *vi);
	double *pos = xmalloc((size_t)(nh + nv + 2) * sizeof *pos);
	for (int root = 0; root < nh + nv; root++) {
		if (uf_find(p, root) != root)
			continue;
		int kh = 0, kv = 0;
		for (int i = 0; i < nh; i++)
			if (uf_find(p, i) == root)
				hi[kh++] = i;
		for (int j = 0; j < nv; j++)
			if (uf_find(p, nh + j) == root)
				vi[kv++] = j;
		if (kh < 2 || kv < 2)
			continue;
		/* the far ends of the lines are bounds too: a table cut by the
		 * page's edge has lost its outer line there */
		ptable t = {0};
		int ny, nx, k = 0;
		double amin = H->v[hi[0]].a, amax = amin, lo = V->v[vi[0]].b0, up = V->v[vi[0]].b1;
		for (int i = 0; i < kh; i++) {
			pos[k++] = H->v[hi[i]].a;
			amin = fmin(amin, H->v[hi[i]].a), amax = fmax(amax, H->v[hi[i]].a);
		}
		for (int j = 0; j < kv; j++)
			lo = fmin(lo, V->v[vi[j]].b0), up = fmax(up, V->v[vi[j]].b1);
		if (lo < amin - LINE_MIN)
			pos[k++] = lo;
		if (up > amax + LINE_MIN)
			pos[k++] = up;
		t.ys = cluster(pos, k, &ny);
		k = 0;
		amin = V->v[vi[0]].a, amax = amin, lo = H->v[hi[0]].b0, up = H->v[hi[0]].b1;
		for (int j = 0; j < kv; j++) {
			pos[k++] = V->v[vi[j]].a;
			amin = fmin(amin, V->v[vi[j]].a), amax = fmax(amax, V->v[vi[j]].a);
		}
		for (int i = 0; i < kh; i++)
			lo = fmin(lo, H->v[hi[i]].b0), up = fmax(up, H->v[hi[i]].b1);
		if (lo < amin - LINE_MIN)
			pos[k++] = lo;
		if (up > amax + LINE_MIN)
			pos[k++] = up;
		t.xs = cluster(pos, k, &nx);
		t.nr = ny - 1, t.nc = nx - 1;
		if (t.nr < 1 || t.nc < 1 || (long)t.nr * t.nc > MAX_TABLE_CELLS) {
			free(t.xs), free(t.ys);
			continue;
		}
		long na = (long)t.nr * t.nc;
		t.reg = xmalloc((size_t)na * sizeof *t.reg);
		t.text = xcalloc((size_t)na, sizeof *t.text);
		t.fit = xcalloc((size_t)na, sizeof *t.fit);
		for (long a = 0; a < na; a++)
			t.reg[a] = (int)a;
		for (int i = 0; i < t.nr; i++) {
			double ym = (t.ys[i] + t.ys[i + 1]) / 2;
			for (int j = 0; j + 1 < t.nc; j++)
				if (!line_at(V, vi, kv, t.xs[j + 1], ym))
					uf_join(t.reg, i * t.nc + j, i * t.nc + j + 1);
		}
		for (int j = 0; j < t.nc; j++) {
			double xm = (t.xs[j] + t.xs[j + 1]) / 2;
			for (int i = 0; i + 1 < t.nr; i++)
				if (!line_at(H, hi, kh, t.ys[i + 1], xm))
					uf_join(t.reg, i * t.nc + j, (i + 1) * t.nc + j);
		}
		for (long a = 0; a < na; a++)
			t.reg[a] = uf_find(t.reg, (int)a);
		tv = xreallocarray(tv, (size_t)nt + 1, sizeof *tv);
		tv[nt++] = t;
	}
	free(p), free(hi), free(vi), free(pos);
	*out = tv;
	return nt;
}

/* Index of the interval of bounds b[0..n] that holds v, or -1. */
static int interval(const double *b, int n, double v)
{
	if (v < b[0] || v > b[n])
		return -1;
	int lo = 0, hi = n - 1;
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (b[mid] <= v)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* ---- text ---- */

static const pchar *sort_base;

static int cmp_y(const void *a, const void *b)
{
	const pchar *p = &sort_base[*(const int *)a], *q = &sort_base[*(const int *)b];
	double u = (p->y0 + p->y1) / 2, v = (q->y0 + q->y1) / 2;
	if (u != v)
		return u < v ? -1 : 1;
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_x(const void *a, const void *b)
{
	const pchar *p = &sort_base[*(const int *)a], *q = &sort_base[*(const int *)b];
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/* The characters idx[0..n) (sorted here) as text lines: sorted by their
 * middles, a new line where a middle is below the line's first by more than
 * half a height; inside a line, by x. Line k is idx[ls[k]..ls[k+1]);
 * returns the number of lines, *lsp a new array. */
static int text_lines(const pchar *ch, int *idx, int n, int **lsp)
{
	sort_base = ch;
	qsort(idx, (size_t)n, sizeof *idx, cmp_y);
	int *ls = xmalloc((size_t)(n + 1) * sizeof *ls), nl = 0;
	for (int i = 0; i < n;) {
		const pchar *f = &ch[idx[i]];
		double fm = (f->y0 + f->y1) / 2, fh = f->y1 - f->y0;
		int j = i + 1;
		while (j < n) {
			const pchar *c = &ch[idx[j]];
			double h = c->y1 - c->y0 < fh ? c->y1 - c->y0 : fh;
			if ((c->y0 + c->y1) / 2 - fm > h / 2)
				break;
			j++;
		}
		qsort(idx + i, (size_t)(j - i), sizeof *idx, cmp_x);
		ls[nl++] = i;
		i = j;
	}
	ls[nl] = n;
	*lsp = ls;
	return nl;
}

/* Is there a space between characters p and q of one line? */
static int spaced(const pchar *p, const pchar *q)
{
	double h = p->y1 - p->y0 > q->y1 - q->y0 ? p->y1 - p->y0 : q->y1 - q->y0;
	return q->x0 - p->x1 > SPACE_GAP * h;
}

/* Append the line idx[a..b) to t. */
static void add_line(buf *t, const pchar *ch, const int *idx, int a, int b)
{
	for (int k = a; k < b; k++) {
		if (k > a && spaced(&ch[idx[k - 1]], &ch[idx[k]]))
			buf_addc(t, ' ');
		buf_add(t, ch[idx[k]].s, (size_t)ch[idx[k]].n);
	}
}

/* Is cp CJK (ideographs, kana, hangul, CJK and full-width punctuation)?
 * A line may break before any CJK character; other text breaks at spaces. */
static int cjk(long cp)
{
	return cp >= 0x2E80 && !(cp >= 0xFE70 && cp <= 0xFEFF) && !(cp >= 0xFF61 && cp <= 0xFFEF);
}

/* May not start a line (closing punctuation: the line breaker keeps it with
 * the character before) / may not end one (opening punctuation)? */
static int closing(long cp)
{
	static const long v[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1B, 0xFF1A, 0xFF09,
	                         0x300D, 0x300F, 0x201D, 0x2019, 0xFF1F, 0xFF01, 0x300B,
	                         0x3009, 0x3011, 0x3015, 0xFF05, ')',    ',',    '.',
	                         ';',    ':',    '%',    '!',    '?',    ']',    0};
	for (int i = 0; v[i]; i++)
		if (v[i] == cp)
			return 1;
	return 0;
}

static int opening(long cp)
{
	static const long v[] = {0xFF08, 0x300C, 0x300E, 0x201C, 0x2018, 0x300A,
	                         0x3008, 0x3010, 0x3014, '(',    '[',    0};
	for (int i = 0; v[i]; i++)
		if (v[i] == cp)
			return 1;
	return 0;
}

/* Width of the first unbreakable unit of line idx[a..b): a run of non-CJK
 * characters without a space, or one CJK character; with the opening
 * punctuation before it and the closing punctuation after it. */
static double first_word(const pchar *ch, const int *idx, int a, int b)
{
	int k = a;
	while (k + 1 < b && opening(ch[idx[k]].cp))
		k++;
	if (!cjk(ch[idx[k]].cp))
		while (k + 1 < b && !cjk(ch[idx[k + 1]].cp) &&
		       !spaced(&ch[idx[k]], &ch[idx[k + 1]]))
			k++;
	while (k + 1 < b && closing(ch[idx[k + 1]].cp) && !spaced(&ch[idx[k]], &ch[idx[k + 1]]))
		k++;
	return ch[idx[k]].x1 - ch[idx[a]].x0;
}

/* Is line idx[a..b) one word (no space, no CJK character to break at)? */
static int one_word(const pchar *ch, const int *idx, int a, int b)
{
	for (int k = a; k < b; k++)
		if (cjk(ch[idx[k]].cp) || (k > a && spaced(&ch[idx[k - 1]], &ch[idx[k]])))
			return 0;
	return 1;
}

/* Where line idx[a..b) of a cell x0..x1 ends, the room after it: at the
 * right of a left-aligned line (an indent of a space or so allowed; left is
 * the leftmost start of the cell's lines), else around a centred one. */
static double room_after(const pchar *ch, const int *idx, int a, int b, double x1, double pad,
                         double usable, double left)
{
	const pchar *e = &ch[idx[b - 1]];
	double room = x1 - pad - e->x1;
	if (ch[idx[a]].x0 - left > (e->y1 - e->y0) / 2)
		room = usable - (e->x1 - ch[idx[a]].x0);
	return room;
}

/* Width needed on a line before to take the first word of line idx[a..b). */
static double need_of(const pchar *ch, const int *idx, int a, int b)
{
	const pchar *f = &ch[idx[a]];
	return first_word(ch, idx, a, b) + (cjk(f->cp) ? 0 : SPACE_GAP * (f->y1 - f->y0));
}

/* The text of a cell from x0 to x1 holding characters idx[0..n): its lines
 * joined; a line that ends where the next line's first word would have fit
 * ended on purpose ('\n'), else it wrapped (joined, with a space between two
 * ASCII words unless the line was one word cut by force). New string; fit
 * is filled. */
static char *cell_text(const pchar *ch, int *idx, int n, double x0, double x1, cellfit *fit)
{
	buf t = {0};
	memset(fit, 0, sizeof *fit);
	fit->room = x1 - x0;
	if (n == 0)
		return xstrdup("");
	int *ls, nl = text_lines(ch, idx, n, &ls);
	double pad = x1 - x0, left = x1;
	for (int k = 0; k < nl; k++) {
		left = fmin(left, ch[idx[ls[k]]].x0);
		double l = ch[idx[ls[k]]].x0 - x0, r = x1 - ch[idx[ls[k + 1] - 1]].x1;
		pad = l < pad ? l : pad, pad = r < pad ? r : pad;
	}
	if (pad < 0)
		pad = 0;
	double usable = x1 - x0 - 2 * pad;
	for (int k = 0; k < nl; k++) {
		if (k > 0) {
			const pchar *e = &ch[idx[ls[k] - 1]], *f = &ch[idx[ls[k]]];
			double room = room_after(ch, idx, ls[k - 1], ls[k], x1, pad, usable, left);
			if (room >= need_of(ch, idx, ls[k], ls[k + 1]) + 0.5)
				buf_addc(&t, '\n');
			else if (e->ascii && f->ascii && !one_word(ch, idx, ls[k - 1], ls[k]))
				buf_addc(&t, ' ');
		}
		add_line(&t, ch, idx, ls[k], ls[k + 1]);
	}
	fit->room = room_after(ch, idx, ls[nl - 1], ls[nl], x1, pad, usable, left);
	fit->need = need_of(ch, idx, ls[0], ls[1]);
	fit->first_ascii = ch[idx[0]].ascii;
	fit->last_ascii = ch[idx[n - 1]].ascii;
	fit->last_one_word = one_word(ch, idx, ls[nl - 1], ls[nl]);
	free(ls);
	return t.s;
}

/* A page number as printed in a margin: digits with dashes or 第..页 / 共..页
 * / Page around them, or N/M. */
static int page_number(const char *s)
{
	static const char *const around[] = {"—",    "–", "-",  "－", "第", "页", "共", "Page",
	                                     "page", "/", "of", " ",  "·",  "•",  NULL};
	int digits = 0;
	while (*s) {
		if (*s >= '0' && *s <= '9') {
			digits++, s++;
			continue;
		}
		int k = 0;
		while (around[k] && strncmp(s, around[k], strlen(around[k])) != 0)
			k++;
		if (!around[k])
			return 0;
		s += strlen(around[k]);
	}
	return digits > 0 && digits <= 8;
}

/* ---- tables without ruling lines (read from the words' alignment) ---- */

/* What the pages read so far say about columns: where runs of text start
 * (a histogram, in STREAM_BIN bins) and the text's outer edges. */
typedef struct {
	int *hist;           /* STREAM_BINS counts, NULL until a page needs it */
	int *words;          /* per bin: the runs that are not numbers */
	double *end0, *end1; /* per bin: the runs' leftmost and rightmost ends */
	double left, right;
} colhist;

/* A run of one text line: characters rest[a..b), columns c0..c1. */
typedef struct {
	int a, b, line;
	double x0, x1, mid, h;
	int c0, c1;
} srun;

typedef struct {
	srun *v;
	int n, cap;
} sruns;

static void sruns_add(sruns *s, srun r)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xreallocarray(s->v, (size_t)s->cap, sizeof *s->v);
	}
	s->v[s->n++] = r;
}

/* A cell of text of a stream table: its runs' middles c0y..c1y (its core),
 * its box, columns col..col1 and band. */
typedef struct {
	double c0y, c1y, y0, y1, h;
	int col, col1, band, band2; /* rows band..band2 */
} blk;

static const srun *srun_base;

/* The first of the sorted bands whose end hi[] is at or below lo. */
static int first_band(const double *hi, int n, double lo)
{
	int a = 0, b = n;
	while (a < b) {
		int m = (a + b) / 2;
		if (hi[m] < lo)
			a = m + 1;
		else
			b = m;
	}
	return a;
}
static const blk *blk_base;

/* runs by line, then x */
static int cmp_srun(const void *a, const void *b)
{
	const srun *p = &srun_base[*(const int *)a], *q = &srun_base[*(const int *)b];
	if (p->line != q->line)
		return p->line < q->line ? -1 : 1;
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/* blocks by the height of their core, then its top */
static int cmp_blk(const void *a, const void *b)
{
	const blk *p = &blk_base[*(const int *)a], *q = &blk_base[*(const int *)b];
	double u = p->c1y - p->c0y, v = q->c1y - q->c0y;
	if (fabs(u - v) > LINE_TOL)
		return u < v ? -1 : 1;
	u = p->c0y, v = q->c0y;
	if (u != v)
		return u < v ? -1 : 1;
	return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

static void srun_set(srun *r, const pchar *ch, const int *idx, int a, int b, int line)
{
	r->a = a, r->b = b, r->line = line;
	r->x0 = ch[idx[a]].x0, r->x1 = ch[idx[a]].x1, r->h = 0;
	double y0 = ch[idx[a]].y0, y1 = ch[idx[a]].y1;
	for (int k = a; k < b; k++) {
		const pchar *c = &ch[idx[k]];
		r->x0 = fmin(r->x0, c->x0), r->x1 = fmax(r->x1, c->x1);
		y0 = fmin(y0, c->y0), y1 = fmax(y1, c->y1);
		r->h = fmax(r->h, c->y1 - c->y0);
	}
	r->mid = (y0 + y1) / 2;
}

/* Is rest[a..b) a number (digits, signs, separators, %)? Amounts and
 * values are often aligned right or centred: numbers alone that start
 * together mark no column. */
static int numeric(const pchar *ch, const int *rest, int a, int b)
{
	for (int k = a; k < b; k++) {
		long c = ch[rest[k]].cp;
		if (!((c >= '0' && c <= '9') || (c < 128 && strchr(".,%+-<>=", (int)c)) ||
		      c == 0x2265 || c == 0x2264 || c == 0xFF05 || c == 0x2030))
			return 0;
	}
	return 1;
}

/* Column starts: the x where STREAM_SUPPORT or more runs of the pages so
 * far start (within LINE_TOL), right of the text's left edge, one of them
 * not a number, and end apart (their ends spread over more than
 * STREAM_SPREAD: runs of one width that start together are centred or
 * right-aligned, as labels of four characters or amounts of two digits
 * are). New array, *n its length. */
static double *col_starts(const colhist *H, int *n)
{
	int w = (int)(LINE_TOL / STREAM_BIN), k = 0;
	double *a = NULL;
	for (int b = 0; b < STREAM_BINS; b++) {
		long s = 0, sx = 0, words = 0;
		int peak = 1;
		double e0 = HUGE_VAL, e1 = -HUGE_VAL;
		for (int d = -w; d <= w; d++) {
			int c = b + d;
			if (c < 0 || c >= STREAM_BINS)
				continue;
			s += H->hist[c], sx += (long)H->hist[c] * c, words += H->words[c];
			if (H->hist[c])
				e0 = fmin(e0, H->end0[c]), e1 = fmax(e1, H->end1[c]);
			if (H->hist[c] > H->hist[b] || (d < 0 && H->hist[c] == H->hist[b]))
				peak = 0;
		}
		double x = (double)sx / (s ? s : 1) * STREAM_BIN;
		if (!peak || s < STREAM_SUPPORT || !words || x <= H->left + LINE_TOL ||
		    e1 - e0 <= STREAM_SPREAD)
			continue;
		if (k > 0 && x - a[k - 1] <= 2 * LINE_TOL)
			continue;
		a = xreallocarray(a, (size_t)k + 1, sizeof *a);
		a[k++] = x;
	}
	*n = k;
	return a;
}

/* The table of a page without ruling lines, from its characters rest[0..n)
 * (sorted here): text lines; runs of a line (a gap of STREAM_GAP heights
 * ends one, and a column start with a gap at it); columns from the starts
 * of the runs of this page and the pages before (col_starts: the start of
 * a run names its column, a run that crosses a start spans it); a cell's
 * lines are the runs of one column on consecutive lines (middles within
 * STREAM_PITCH heights, overlapping in x); rows are the bands where the
 * cells' middles overlap. A label alone in its band, or with empty cells
 * of its column around it, is a merged cell over the rows it is centred
 * on (within STREAM_CENTRE heights; the most rows), as a vertically
 * centred rowspan is printed. Sets the characters' regions (the table's
 * atomic cells) and fills *t (xs, ys, reg; text and fit allocated).
 * Returns 1, or 0 when the text is not a table (fewer than 3 lines of
 * two runs or more, fewer than 2 column starts, more than MAX_TABLE_CELLS
 * cells), -1 when it has more than maxruns runs. */
static int stream_table(pchar *ch, int *rest, int n, double ph, colhist *H, long maxruns, ptable *t)
{
	memset(t, 0, sizeof *t);
	if (n == 0)
		return 0;
	int *ls, nl = text_lines(ch, rest, n, &ls), multi = 0;
	sruns R = {0};
	for (int k = 0; k < nl; k++) {
		buf tx = {0};
		add_line(&tx, ch, rest, ls[k], ls[k + 1]);
		const pchar *f = &ch[rest[ls[k]]];
		int margin = (f->y1 < ph * PAGE_MARGIN || f->y0 > ph * (1 - PAGE_MARGIN)) &&
		             page_number(buf_str(&tx));
		buf_free(&tx);
		if (margin)
			continue;
		int n0 = R.n;
		for (int a = ls[k], b; a < ls[k + 1]; a = b) {
			for (b = a + 1; b < ls[k + 1]; b++) {
				const pchar *u = &ch[rest[b - 1]], *v = &ch[rest[b]];
				double h = fmax(u->y1 - u->y0, v->y1 - v->y0);
				/* a gap, or another baseline: two cells' lines met */
				if (v->x0 - u->x1 > STREAM_GAP * h ||
				    fabs(v->y0 + v->y1 - u->y0 - u->y1) / 2 > STREAM_BASE * h)
					break;
			}
			srun r;
			srun_set(&r, ch, rest, a, b, k);
			sruns_add(&R, r);
		}
		multi += R.n - n0 >= 2;
	}
	free(ls);
	if (!H->hist) {
		H->hist = xcalloc(STREAM_BINS, sizeof *H->hist);
		H->words = xcalloc(STREAM_BINS, sizeof *H->words);
		H->end0 = xcalloc(STREAM_BINS, sizeof *H->end0);
		H->end1 = xcalloc(STREAM_BINS, sizeof *H->end1);
		H->left = HUGE_VAL, H->right = -HUGE_VAL;
	}
	for (int i = 0; i < R.n; i++) {
		long b = lround(R.v[i].x0 / STREAM_BIN);
		if (b >= 0 && b < STREAM_BINS) {
			H->words[b] += !numeric(ch, rest, R.v[i].a, R.v[i].b);
			H->end0[b] = H->hist[b] ? fmin(H->end0[b], R.v[i].x1) : R.v[i].x1;
			H->end1[b] = H->hist[b] ? fmax(H->end1[b], R.v[i].x1) : R.v[i].x1;
			H->hist[b]++;
		}
		H->left = fmin(H->left, R.v[i].x0), H->right = fmax(H->right, R.v[i].x1);
	}
	int na;
	double *as = col_starts(H, &na);
	if (multi < 3 || na < 2 || R.n == 0) {
		free(as), free(R.v);
		return 0;
	}
	/* runs cut at a column start with a gap there; columns */
	for (int i = 0; i < R.n; i++) {
		srun *r = &R.v[i];
		for (int k = r->a + 1; k < r->b; k++) {
			const pchar *u = &ch[rest[k - 1]], *v = &ch[rest[k]];
			int at = 0;
			for (int j = 0; j < na && !at; j++)
				at = u->x1 <= as[j] + LINE_TOL && v->x0 >= as[j] - LINE_TOL;
			/* cut where the next column starts: a text that starts right
			 * there after a gap, or after a number (a right-aligned amount
			 * against a text); a number before a gap there */
			int close = 0;
			for (int j = 0; j < na; j++)
				close |= fabs(v->x0 - as[j]) <= STREAM_AT;
			int num = numeric(ch, rest, r->a, k),
			    gap = v->x0 - u->x1 > SPACE_GAP * (v->y1 - v->y0) / 2;
			if (at && ((close && (gap || num)) || (num && gap))) {
				srun q;
				srun_set(&q, ch, rest, k, r->b, r->line);
				srun_set(r, ch, rest, r->a, k, r->line);
				sruns_add(&R, q);
				r = &R.v[i];
				break;
			}
		}
	}
	for (int i = 0; i < R.n; i++) {
		srun *r = &R.v[i];
		r->c0 = r->c1 = 0;
		for (int j = 0; j < na; j++) {
			r->c0 += as[j] <= r->x0 + LINE_TOL;
			r->c1 += as[j] < r->x1 - LINE_TOL;
		}
		if (r->c1 < r->c0)
			r->c1 = r->c0;
	}
	int nc = na + 1;
	if (R.n > maxruns) {
		free(as), free(R.v);
		return -1;
	}
	/* cells: runs of one column on one line, or on consecutive lines */
	int *last = xmalloc((size_t)nc * sizeof *last), *par = xmalloc((size_t)R.n * sizeof *par);
	for (int j = 0; j < nc; j++)
		last[j] = -1;
	for (int i = 0; i < R.n; i++)
		par[i] = i;
	/* runs in line order (the cut ones were appended) */
	int *ord = xmalloc((size_t)R.n * sizeof *ord);
	for (int i = 0; i < R.n; i++)
		ord[i] = i;
	srun_base = R.v;
	qsort(ord, (size_t)R.n, sizeof *ord, cmp_srun);
	for (int s = 0; s < R.n;) {
		int e = s;
		while (e < R.n && R.v[ord[e]].line == R.v[ord[s]].line)
			e++;
		for (int q = s; q < e; q++) {
			const srun *r = &R.v[ord[q]];
			if (q > s && R.v[ord[q - 1]].c0 == r->c0)
				uf_join(par, ord[q - 1], ord[q]);
			int p = last[r->c0];
			if (p >= 0 && r->mid - R.v[p].mid <= STREAM_PITCH * fmax(r->h, R.v[p].h) &&
			    R.v[p].x0 < r->x1 && r->x0 < R.v[p].x1)
				uf_join(par, p, ord[q]);
		}
		for (int q = s; q < e; q++)
			last[R.v[ord[q]].c0] = ord[q];
		s = e;
	}
	free(last);
	/* blocks (cells of text): per root, its core (line middles) and box */
	blk *B = xmalloc((size_t)R.n * sizeof *B);
	int nb = 0, *bof = xmalloc((size_t)R.n * sizeof *bof);
	for (int i = 0; i < R.n; i++)
		bof[i] = -1;
	for (int q = 0; q < R.n; q++) {
		int i = ord[q], r = uf_find(par, i);
		const srun *u = &R.v[i];
		if (bof[r] < 0) {
			bof[r] = nb;
			B[nb++] = (blk){u->mid,
			                u->mid,
			                u->mid - u->h / 2,
			                u->mid + u->h / 2,
			                u->h,
			                u->c0,
			                u->c1,
			                -1,
			                -1};
		}
		blk *b = &B[bof[r]];
		b->c0y = fmin(b->c0y, u->mid), b->c1y = fmax(b->c1y, u->mid);
		b->y0 = fmin(b->y0, u->mid - u->h / 2), b->y1 = fmax(b->y1, u->mid + u->h / 2);
		b->h = fmax(b->h, u->h);
		b->col = b->col < u->c0 ? b->col : u->c0,
		b->col1 = b->col1 > u->c1 ? b->col1 : u->c1;
	}
	/* bands (rows): the cores of the cells, the lowest first: a core that
	 * meets no band makes one. Then each cell is in the band its core
	 * meets; a cell whose core meets several is in the one with two cells
	 * or more (a row, not a label alone), or spans them when it meets two
	 * such rows (a label over several rows) */
	int *bo = xmalloc((size_t)nb * sizeof *bo), nband = 0;
	for (int i = 0; i < nb; i++)
		bo[i] = i;
	blk_base = B;
	qsort(bo, (size_t)nb, sizeof *bo, cmp_blk);
	double *blo = xmalloc((size_t)(nb + 1) * sizeof *blo),
	       *bhi = xmalloc((size_t)(nb + 1) * sizeof *bhi);
	for (int k = 0; k < nb; k++) {
		blk *b = &B[bo[k]];
		double lo = b->c0y - STREAM_CORE * b->h, hi = b->c1y + STREAM_CORE * b->h;
		int f = first_band(bhi, nband, lo);
		if (f < nband && blo[f] <= hi)
			continue;
		memmove(blo + f + 1, blo + f, (size_t)(nband - f) * sizeof *blo);
		memmove(bhi + f + 1, bhi + f, (size_t)(nband - f) * sizeof *bhi);
		blo[f] = lo, bhi[f] = hi, nband++;
	}
	long ncell = (long)nband * nc;
	if (ncell > MAX_TABLE_CELLS) {
		free(bo), free(blo), free(bhi), free(B), free(bof), free(ord), free(par), free(as),
		    free(R.v);
		return 0;
	}
	double *top = xmalloc((size_t)(nband + 1) * sizeof *top),
	       *bot = xmalloc((size_t)(nband + 1) * sizeof *bot);
	int *nin = xcalloc((size_t)nband + 1, sizeof *nin);
	for (int i = 0; i < nband; i++)
		top[i] = HUGE_VAL, bot[i] = -HUGE_VAL;
	for (int k = 0; k < nb; k++) {
		blk *b = &B[k];
		double lo = b->c0y - STREAM_CORE * b->h, hi = b->c1y + STREAM_CORE * b->h;
		b->band = b->band2 = first_band(bhi, nband, lo);
		while (b->band2 + 1 < nband && blo[b->band2 + 1] <= hi)
			b->band2++;
		nin[b->band] += b->band2 == b->band;
	}
	for (int k = 0; k < nb; k++) {
		blk *b = &B[k];
		if (b->band2 > b->band) {
			int f = -1, l = -1;
			for (int i = b->band; i <= b->band2; i++)
				if (nin[i] >= 2)
					l = i, f = f < 0 ? i : f;
			b->band = f >= 0 ? f : b->band, b->band2 = f >= 0 ? l : b->band;
		}
		if (b->band2 > b->band)
			continue;
		top[b->band] = fmin(top[b->band], b->y0), bot[b->band] = fmax(bot[b->band], b->y1);
	}
	for (int k = 0; k < nb; k++) /* the cells alone in their band (a label) */
		if (B[k].band2 == B[k].band && nin[B[k].band] < 2)
			nin[B[k].band] = 1;
	/* the grid of bands x columns: the block that owns each cell */
	int *own = xmalloc((size_t)ncell * sizeof *own),
	    *reg = xmalloc((size_t)ncell * sizeof *reg),
	    *claim = xcalloc((size_t)ncell, sizeof *claim);
	for (long a = 0; a < ncell; a++)
		own[a] = -1, reg[a] = (int)a;
	for (int k = 0; k < nb; k++) {
		blk *b = &B[k];
		int root = (int)((long)b->band * nc + b->col);
		for (int i = b->band; i <= b->band2; i++)
			for (int j = b->col; j <= b->col1; j++) {
				long a = (long)i * nc + j;
				if (own[a] >= 0 &&
				    own[a] != k) /* two blocks in one cell: one text */
					uf_join(reg, (int)((long)i * nc + B[own[a]].col), root);
				if (own[a] < 0)
					own[a] = k;
				claim[a] |= i > b->band;
				uf_join(reg, root, (int)a);
			}
	}
	/* row bounds: between two bands, half way */
	double *rb = xmalloc((size_t)(nband + 1) * sizeof *rb);
	rb[0] = top[0], rb[nband] = bot[nband - 1];
	for (int i = 1; i < nband; i++)
		rb[i] = (bot[i - 1] + top[i]) / 2;
	/* labels over several rows, column by column, top to bottom */
	int *gone = xcalloc((size_t)nband, sizeof *gone);
	for (int j = 0; j < nc; j++)
		for (int i = 0; i < nband; i++) {
			long a = (long)i * nc + j;
			int k = own[a];
			if (k < 0 || B[k].col != j || claim[a])
				continue;
			int c1 = B[k].col1, flo = nin[i] == 1, up = 0, dn = 0;
			/* a free row: the label's cells empty, the cells left of them
			 * empty or merged from above, text right of them */
			for (int dir = -1; dir <= 1; dir += 2)
				for (int r = i + dir, m = 0;
				     r >= 0 && r < nband && !gone[r] && m < STREAM_MAX_SPAN;
				     r += dir, m++) {
					int ok = 0;
					for (int c = 0; c < nc && ok >= 0; c++) {
						long e = (long)r * nc + c;
						if (c <= c1 && own[e] >= 0 && (c >= j || !claim[e]))
							ok = -1;
						else if (c > c1 && own[e] >= 0)
							ok = 1;
					}
					if (ok != 1)
						break;
					*(dir < 0 ? &up : &dn) += 1;
				}
			double mid = (B[k].y0 + B[k].y1) / 2, best = -1;
			int bp = i, bq = i;
			for (int p = i - up; p <= i; p++)
				for (int q = i; q <= i + dn; q++) {
					if (flo && (p == i || q == i))
						continue;
					double dev = fabs((rb[p] + rb[q + 1]) / 2 - mid);
					if (dev <= STREAM_CENTRE * B[k].h &&
					    (best < 0 || q - p > bq - bp ||
					     (q - p == bq - bp && dev < best)))
						best = dev, bp = p, bq = q;
				}
			if (best < 0 || bq == bp)
				continue;
			if (flo)
				gone[i] = 1;
			int root = (int)((long)bp * nc + j);
			for (int r = bp; r <= bq; r++)
				for (int c = j; c <= c1; c++) {
					long e = (long)r * nc + c;
					if (r == i && flo) {
						reg[e] = root; /* its characters go to the root */
						continue;
					}
					claim[e] = r != bp;
					own[e] = k;
					reg[e] = root;
				}
		}
	/* the table: the bands that stay as rows */
	int *row = xmalloc((size_t)nband * sizeof *row), nr = 0;
	for (int i = 0; i < nband; i++)
		row[i] = gone[i] ? -1 : nr++;
	t->nr = nr, t->nc = nc;
	t->xs = xmalloc((size_t)(nc + 1) * sizeof *t->xs);
	t->xs[0] = H->left - LINE_TOL, t->xs[nc] = H->right + LINE_TOL;
	for (int j = 0; j < na; j++)
		t->xs[j + 1] = as[j];
	t->ys = xmalloc((size_t)(nr + 1) * sizeof *t->ys);
	t->ys[0] = rb[0];
	for (int i = 0, r = 0; i < nband; i++)
		if (!gone[i])
			t->ys[++r] = rb[i + 1];
	/* atomic cell of band cell a: its root's row among the rows kept */
	t->reg = xmalloc((size_t)nr * nc * sizeof *t->reg);
	t->text = xcalloc((size_t)nr * nc, sizeof *t->text);
	t->fit = xcalloc((size_t)nr * nc, sizeof *t->fit);
	t->stream = 1;
	for (long a = 0; a < ncell; a++)
		reg[a] = uf_find(reg, (int)a);
	for (int i = 0; i < nband; i++) {
		if (gone[i])
			continue;
		for (int j = 0; j < nc; j++) {
			int rt = reg[(long)i * nc + j];
			t->reg[row[i] * nc + j] = row[rt / nc] * nc + rt % nc;
		}
	}
	for (int i = 0; i < R.n; i++) {
		int k = bof[uf_find(par, i)];
		int rt = reg[(long)B[k].band * nc + B[k].col];
		int at = row[rt / nc] * nc + rt % nc;
		for (int c = R.v[i].a; c < R.v[i].b; c++)
			ch[rest[c]].region = at;
	}
	free(row), free(gone), free(claim), free(rb), free(own), free(reg), free(nin), free(top),
	    free(bot), free(blo), free(bhi);
	free(bo), free(B), free(bof), free(ord), free(par), free(as), free(R.v);
	return 1;
}

/* ---- pages into items, items into the grid ---- */

/* What a page holds, in reading order: tables and runs of text. */
typedef struct {
	int page;
	double top, left;
	int first, last; /* first / last item of its page */
	ptable t;        /* a table when t.reg, owned */
	char *text;      /* else a run of text, owned */
} item;

typedef struct {
	item *v;
	int n, cap;
} items;

static void items_add(items *it, item x)
{
	if (it->n == it->cap) {
		it->cap = it->cap ? 2 * it->cap : 32;
		it->v = xreallocarray(it->v, (size_t)it->cap, sizeof *it->v);
	}
	it->v[it->n++] = x;
}

static int cmp_item(const void *a, const void *b)
{
	const item *p = a, *q = b;
	if (fabs(p->top - q->top) > LINE_TOL)
		return p->top < q->top ? -1 : 1;
	return (p->left > q->left) - (p->left < q->left);
}

/* Read page pg (number pn) into items. Returns its characters, 0 for none,
 * -1 when over the character limit (warned). Counts characters that have
 * no Unicode meaning in *bad. */
static long read_page(PopplerPage *pg, int pn, const pdf_limits *lim, items *out, warnings *warn,
                      long *bad, canvas *cv, colhist *colh)
{
	double pw, ph;
	api.poppler_page_get_size(pg, &pw, &ph);
	/* poppler's text model takes some 250 bytes a character: a page is
	 * counted on its rendering before it is built */
	long shown = render_page(pg, pw, ph, cv);
	if (shown > lim->max_page_runs) {
		warn_add(warn, 0,
		         "page %d: more than %ld runs of text (PDF_MAX_PAGE_RUNS): page not read",
		         pn, lim->max_page_runs);
		return -1;
	}
	char *text = api.poppler_page_get_text(pg);
	PopplerRectangle *rects = NULL;
	guint nrect = 0;
	if (!text)
		return 0;
	long total = api.g_utf8_strlen(text, -1);
	if (total > lim->max_page_chars) {
		warn_add(warn, 0,
		         "page %d: more than %ld characters (PDF_MAX_PAGE_CHARS): page not read",
		         pn, lim->max_page_chars);
		api.g_free(text);
		return -1;
	}
	if (!api.poppler_page_get_text_layout(pg, &rects, &nrect))
		nrect = 0;
	pchar *ch = xmalloc((size_t)(total ? total : 1) * sizeof *ch);
	int nch = 0;
	const char *p = text;
	for (guint k = 0; *p && k < nrect; k++) {
		gunichar u = api.g_utf8_get_char_validated(p, -1);
		if (u == (gunichar)-1 || u == (gunichar)-2)
			break;
		/* u is validated, so its length tells its bytes (no overlong forms) */
		const char *q = p + (u < 0x80 ? 1 : u < 0x800 ? 2 : u < 0x10000 ? 3 : 4);
		if (!api.g_unichar_isspace(u) && u != 0xA0 && u != 0x3000) {
			PopplerRectangle *r = &rects[k];
			pchar c = {fmin(r->x1, r->x2),
			           fmin(r->y1, r->y2),
			           fmax(r->x1, r->x2),
			           fmax(r->y1, r->y2),
			           p,
			           (int)(q - p),
			           -1,
			           u > 0x20 && u < 0x7F,
			           (long)u};
			ch[nch++] = c;
			*bad += u == 0xFFFD || (u >= 0xE000 && u <= 0xF8FF) || u < 0x20;
		}
		p = q;
	}
	api.g_free(rects);
	if (nch == 0) {
		free(ch);
		api.g_free(text);
		return 0;
	}
	segs H = {0}, V = {0};
	find_lines(cv, ch, nch, &H, &V);
	ptable *tv;
	int nt = find_tables(&H, &V, &tv);
	free(H.v), free(V.v);
	if (nt == 0) {
		/* no ruling lines: a table from the words' alignment, if any */
		int *all = xmalloc((size_t)nch * sizeof *all);
		for (int i = 0; i < nch; i++)
			all[i] = i;
		ptable st;
		int k = stream_table(ch, all, nch, ph, colh, lim->max_stream_runs, &st);
		if (k > 0) {
			tv = xmalloc(sizeof *tv);
			tv[nt++] = st;
		} else if (k < 0)
			warn_add(warn, 0,
			         "page %d: more than %ld runs of text and no ruling lines "
			         "(PDF_MAX_STREAM_RUNS): read as lines, not as a table",
			         pn, lim->max_stream_runs);
		free(all);
	}
	/* regions: per table, per atomic cell; characters into them */
	long *base = xmalloc((size_t)(nt + 1) * sizeof *base);
	base[0] = 0;
	for (int t = 0; t < nt; t++)
		base[t + 1] = base[t] + (long)tv[t].nr * tv[t].nc;
	for (int i = 0; i < nch; i++) {
		double cx = (ch[i].x0 + ch[i].x1) / 2, cy = (ch[i].y0 + ch[i].y1) / 2;
		for (int t = 0; t < nt && ch[i].region < 0; t++) {
			int x = interval(tv[t].xs, tv[t].nc, cx),
			    y = interval(tv[t].ys, tv[t].nr, cy);
			if (x >= 0 && y >= 0)
				ch[i].region = (int)(base[t] + tv[t].reg[y * tv[t].nc + x]);
		}
	}
	/* characters grouped by region (a counting sort), those outside last */
	long nreg = base[nt];
	int *cnt = xcalloc((size_t)nreg + 2, sizeof *cnt),
	    *idx = xmalloc((size_t)nch * sizeof *idx);
	for (int i = 0; i < nch; i++)
		cnt[(ch[i].region < 0 ? nreg : ch[i].region) + 1]++;
	for (long r = 0; r <= nreg; r++)
		cnt[r + 1] += cnt[r];
	int *fill = (int *)xmemdup(cnt, ((size_t)nreg + 2) * sizeof *cnt);
	for (int i = 0; i < nch; i++)
		idx[fill[ch[i].region < 0 ? nreg : ch[i].region]++] = i;
	free(fill);
	int n0 = out->n;
	for (int t = 0; t < nt; t++) {
		ptable *tb = &tv[t];
		for (long a = 0; a < (long)tb->nr * tb->nc; a++) {
			if (tb->reg[a] != a)
				continue;
			/* the merged cell's right edge: its last atomic column */
			int j0 = (int)(a % tb->nc), j1 = j0;
			while (j1 + 1 < tb->nc && tb->reg[a + (j1 + 1 - j0)] == a)
				j1++;
			long r = base[t] + a;
			tb->text[a] = cell_text(ch, idx + cnt[r], cnt[r + 1] - cnt[r], tb->xs[j0],
			                        tb->xs[j1 + 1], &tb->fit[a]);
		}
		items_add(out, (item){pn, tb->ys[0], tb->xs[0], 0, 0, *tb, NULL});
	}
	free(tv);
	/* text outside tables: one item per run of a line, page numbers in the
	 * margins left out */
	int *rest = idx + cnt[nreg], nrest = cnt[nreg + 1] - cnt[nreg];
	int *ls, nl = nrest ? text_lines(ch, rest, nrest, &ls) : 0;
	for (int k = 0; k < nl; k++) {
		for (int a = ls[k], b; a < ls[k + 1]; a = b) {
			for (b = a + 1; b < ls[k + 1]; b++) {
				const pchar *u = &ch[rest[b - 1]], *v = &ch[rest[b]];
				if (v->x0 - u->x1 > APART_GAP * (u->y1 - u->y0))
					break;
			}
			buf t = {0};
			add_line(&t, ch, rest, a, b);
			double top = ch[rest[a]].y0, bot = ch[rest[a]].y1;
			if ((bot < ph * PAGE_MARGIN || top > ph * (1 - PAGE_MARGIN)) &&
			    page_number(buf_str(&t))) {
				buf_free(&t);
				continue;
			}
			items_add(out, (item){pn, top, ch[rest[a]].x0, 0, 0, {0}, t.s});
		}
	}
	if (nl)
		free(ls);
	if (out->n > n0)
		qsort(out->v + n0, (size_t)(out->n - n0), sizeof *out->v, cmp_item);
	if (out->n > n0)
		out->v[n0].first = 1, out->v[out->n - 1].last = 1;
	free(base), free(cnt), free(idx), free(ch);
	api.g_free(text);
	return nch;
}

/* Does table item b go on from table item a: b first on the page after a's,
 * a last on its own, the same outer edges? */
static int continues(const item *a, const item *b)
{
	if (!a->t.reg || !b->t.reg || !a->last || !b->first || b->page != a->page + 1)
		return 0;
	if (a->t.stream && b->t.stream) /* edges from the text, not from lines */
		return 1;
	return fabs(a->t.xs[0] - b->t.xs[0]) <= LINE_TOL &&
	       fabs(a->t.xs[a->t.nc] - b->t.xs[b->t.nc]) <= LINE_TOL;
}

/* One table joined over pages: its columns are every page's column bounds
 * (a bound that no row of one page uses is a merged cell there). */
typedef struct {
	double *xs; /* nu + 1 bounds */
	int nu;
	int *map;          /* per column of the joined table: the page table's atomic column */
	const char **head; /* per column: the first row's texts, NULL at copies */
	int *lastfull;     /* per column: the last row written has text there */
	int rows;          /* rows written */
} joined;

/* Row i of t in joined columns: per column the text of a cell that starts
 * there, NULL at a copy (out[0..nu)). Rows above `from` are gone: a cell
 * that began there starts at `from`. */
static void row_texts(const joined *J, const ptable *t, int i, int from, const char **out)
{
	for (int u = 0; u < J->nu; u++) {
		int a = i * t->nc + J->map[u], root = t->reg[a];
		int rr = root / t->nc < from ? from : root / t->nc, rc = root % t->nc;
		int firstu =
		    u == 0 || J->map[u - 1] != rc || (J->map[u - 1] == rc && J->map[u] != rc);
		/* the first joined column of the merged cell's first atomic column */
		firstu = J->map[u] == rc && (u == 0 || J->map[u - 1] != rc);
		out[u] = rr == i && firstu ? t->text[root] : NULL;
	}
}

/* Write table t (page pn) into g as rows of the joined table J; cont: it
 * goes on from the table written before. */
static void put_table(grid *g, joined *J, const ptable *t, int pn, int cont)
{
	int nu = J->nu, from = t->skip;
	const char **tx = xcalloc((size_t)nu, sizeof *tx);
	for (int u = 0; u < nu; u++)
		J->map[u] = interval(t->xs, t->nc, (J->xs[u] + J->xs[u + 1]) / 2);
	for (int u = 0; u < nu; u++)
		if (J->map[u] < 0) /* outside this page's table: its nearest column */
			J->map[u] = J->xs[u] < t->xs[0] ? 0 : t->nc - 1;
	if (cont && !from) {
		/* the rest of a row cut by the page break, empty: gone */
		int empty = 1;
		for (int j = 0; j < t->nc && empty; j++)
			empty = !*t->text[t->reg[j]];
		if (empty && t->nr > 1)
			from = 1;
		/* the header row repeated */
		row_texts(J, t, from, from, tx);
		int same = 0;
		for (int u = 0; u < nu; u++) {
			if ((tx[u] == NULL) != (J->head[u] == NULL) ||
			    (tx[u] && strcmp(tx[u], J->head[u]) != 0)) {
				same = 0;
				break;
			}
			same |= tx[u] && *tx[u];
		}
		if (same && from + 1 < t->nr)
			from++;
	}
	for (int i = from; i < t->nr; i++) {
		row_texts(J, t, i, from, tx);
		if (J->rows == 0)
			for (int u = 0; u < nu; u++)
				J->head[u] = tx[u];
		grid_row *r = grid_add_row(g, 0);
		for (int u = 0; u < nu; u++) {
			int a = i * t->nc + J->map[u], root = t->reg[a];
			int rr = root / t->nc < from ? from : root / t->nc;
			/* an empty merged cell at the top of a continuation, under a
			 * full one: the rest of that cell, cut by the page break */
			int carried = cont && rr == from && !*t->text[root] && J->lastfull[u];
			const char *x = tx[u] && !carried ? tx[u] : "";
			cell *e = grid_add_cell(g, r, x, strlen(x));
			if (!e)
				break;
			if (carried || rr < i)
				e->flags |= CELL_VSPAN;
			else if (!tx[u])
				e->flags |= CELL_HSPAN;
			e->page = pn, e->trow = J->rows + 1, e->tcol = u + 1;
		}
		J->rows++;
	}
	for (int u = 0; u < nu; u++) {
		int root = t->reg[(t->nr - 1) * t->nc + J->map[u]];
		int rr = root / t->nc < from ? from : root / t->nc;
		int full = *t->text[root];
		if (!(cont && rr == from && !full && J->lastfull[u]))
			J->lastfull[u] = full;
	}
	free(tx);
}

/* Is row 0 of b the rest of a's last row, cut by the page break (a ends at
 * the foot of its page's body, at_foot)? Then its texts are joined to that
 * row's (as a wrapped line is) and b skips the row (b may be that row
 * alone). It is, when every cell
 * of it with text sits under a cell of a's last row whose text filled its
 * last line (the first word of b's cell would not have fit after it). */
static void join_cut_row(ptable *a, ptable *b, int at_foot)
{
	if (!at_foot || b->nr < 1)
		return;
	int any = 0, last = (a->nr - 1) * a->nc;
	for (int pass = 0; pass < 2; pass++)
		for (int j = 0; j < b->nc; j++) {
			if (b->reg[j] != j || !*b->text[j])
				continue;
			int pj = interval(a->xs, a->nc, (b->xs[j] + b->xs[j + 1]) / 2);
			int pr = pj < 0 ? -1 : a->reg[last + pj];
			if (pass == 0) {
				if ((b->nr > 1 && b->reg[b->nc + j] == j) || pr < 0 ||
				    !*a->text[pr] || a->fit[pr].room >= b->fit[j].need + 0.5)
					return;
				any = 1;
				continue;
			}
			buf t = {0};
			buf_adds(&t, a->text[pr]);
			if (a->fit[pr].last_ascii && b->fit[j].first_ascii &&
			    !a->fit[pr].last_one_word)
				buf_addc(&t, ' ');
			buf_adds(&t, b->text[j]);
			free(a->text[pr]);
			a->text[pr] = t.s;
			a->fit[pr] = b->fit[j];
		}
	if (any)
		b->skip = 1;
}

/* Write the items into g: runs of text as one-cell rows, each table with the
 * tables that go on from it as one. */
static void put_items(grid *g, items *it)
{
	/* the foot of the pages' body: where the lowest table ends */
	double foot = 0;
	for (int k = 0; k < it->n; k++)
		if (it->v[k].t.reg)
			foot = fmax(foot, it->v[k].t.ys[it->v[k].t.nr]);
	for (int k = 0; k < it->n;) {
		item *x = &it->v[k];
		if (!x->t.reg) {
			/* runs of one line of text: one row, a cell each */
			grid_row *r = grid_add_row(g, 0);
			do {
				cell *e = grid_add_cell(g, r, it->v[k].text, strlen(it->v[k].text));
				if (e)
					e->page = it->v[k].page;
				k++;
			} while (k < it->n && !it->v[k].t.reg && it->v[k].page == x->page &&
			         fabs(it->v[k].top - x->top) <= LINE_TOL);
			continue;
		}
		int m = k + 1;
		while (m < it->n && continues(&it->v[m - 1], &it->v[m]))
			m++;
		for (int q = k + 1; q < m; q++) {
			ptable *a = &it->v[q - 1].t;
			join_cut_row(a, &it->v[q].t, a->ys[a->nr] >= foot - FOOT_SLACK);
		}
		int nb = 0;
		for (int q = k; q < m; q++)
			nb += it->v[q].t.nc + 1;
		double *b = xmalloc((size_t)nb * sizeof *b);
		nb = 0;
		for (int q = k; q < m; q++)
			for (int j = 0; j <= it->v[q].t.nc; j++)
				b[nb++] = it->v[q].t.xs[j];
		joined J = {0};
		J.xs = cluster(b, nb, &J.nu);
		J.nu--;
		free(b);
		J.map = xcalloc((size_t)J.nu, sizeof *J.map);
		J.head = xcalloc((size_t)J.nu, sizeof *J.head);
		J.lastfull = xcalloc((size_t)J.nu, sizeof *J.lastfull);
		for (int q = k; q < m; q++)
			put_table(g, &J, &it->v[q].t, it->v[q].page, q > k);
		free(J.xs), free(J.map), free(J.head), free(J.lastfull);
		k = m;
	}
}

static void items_free(items *it)
{
	for (int k = 0; k < it->n; k++) {
		ptable_free(&it->v[k].t);
		free(it->v[k].text);
	}
	free(it->v);
}

/* The last line of a whole PDF (written so, it is not taken for a format). */
#define EOF_MARK "\045\045EOF"

/* poppler reports syntax errors through GLib's log at level "info"; they
 * are not ours to print. */
static void quiet_log(const gchar *d, GLogLevelFlags l, const gchar *m, gpointer u)
{
}

int pdf_read(const char *bytes, size_t n, const pdf_limits *lim, grid *g, warnings *warn, char *err,
             size_t errsz)
{
	if (!lim)
		lim = &pdf_limits_default;
	if (api_load(err, errsz) < 0)
		return -1;
	static int quiet; /* one handler for the process: each call adds one */
	if (!quiet) {
		quiet = 1;
		api.g_log_set_handler("Poppler", G_LOG_LEVEL_MASK, quiet_log, NULL);
	}
	/* a whole PDF ends with %%EOF (a few bytes of line ends after it) */
	size_t tail = n < 1024 ? n : 1024;
	int cut = !memmem(bytes + n - tail, tail, EOF_MARK, 5);
	GBytes *gb = api.g_bytes_new_static(bytes, n);
	GError *ge = NULL;
	PopplerDocument *doc = api.poppler_document_new_from_bytes(gb, NULL, &ge);
	api.g_bytes_unref(gb);
	if (!doc) {
		if (ge && ge->domain == api.poppler_error_quark() &&
		    ge->code == POPPLER_ERROR_ENCRYPTED)
			snprintf(err, errsz,
			         "encrypted PDF (it needs a password): decrypt it first, "
			         "e.g. with qpdf --decrypt --password=PASSWORD");
		else
			snprintf(err, errsz, "damaged PDF, cannot be read (%s)%s",
			         ge && ge->message ? ge->message : "unknown error",
			         cut ? ": cut short? (no " EOF_MARK " at its end)" : "");
		if (ge)
			api.g_error_free(ge);
		return -1;
	}
	if (cut)
		warn_add(warn, 0, "no %s at the end of the PDF: cut short? (pages may be missing)",
		         EOF_MARK);
	int np = api.poppler_document_get_n_pages(doc);
	if (np <= 0) {
		snprintf(err, errsz, "damaged PDF: no pages");
		api.g_object_unref(doc);
		return -1;
	}
	if (np > lim->max_pages) {
		warn_add(warn, 0, "%d pages: only the first %d are read (PDF_MAX_PAGES)", np,
		         lim->max_pages);
		np = lim->max_pages;
	}
	long chars = 0, bad = 0;
	int read = 0, over = 0;
	items it = {0};
	canvas cv = {0};
	colhist colh = {0};
	for (int i = 0; i < np; i++) {
		PopplerPage *pg = api.poppler_document_get_page(doc, i);
		if (!pg)
			continue;
		gint64 t0 = api.g_get_monotonic_time();
		long k = read_page(pg, i + 1, lim, &it, warn, &bad, &cv, &colh);
		api.g_object_unref(pg);
		read++;
		if (k > 0)
			chars += k;
		over += k < 0;
		long ms = (long)((api.g_get_monotonic_time() - t0) / 1000);
		if (ms > lim->max_page_ms && i + 1 < np) {
			warn_add(warn, 0,
			         "page %d took %ld ms (PDF_MAX_PAGE_MS is %ld): pages %d to %d are "
			         "not read",
			         i + 1, ms, lim->max_page_ms, i + 2, np);
			break;
		}
	}
	api.g_object_unref(doc);
	canvas_free(&cv);
	free(colh.hist), free(colh.words), free(colh.end0), free(colh.end1);
	if (chars == 0 || bad * 2 > chars) {
		if (chars == 0 && over)
			snprintf(err, errsz,
			         "nothing read: every page with text is over a limit (%d page%s)",
			         over, over == 1 ? "" : "s");
		else if (chars == 0)
			snprintf(
			    err, errsz,
			    "no text in this PDF (scanned?): OCR it first, e.g. with ocrmypdf");
		else
			snprintf(
			    err, errsz,
			    "the text of this PDF cannot be decoded (%ld of %ld characters have no "
			    "Unicode meaning: fonts without a Unicode map): OCR it, e.g. with "
			    "ocrmypdf --force-ocr",
			    bad, chars);
		items_free(&it);
		return -1;
	}
	put_items(g, &it);
	items_free(&it);
	return read;
}
