/* SPDX-License-Identifier: MIT */
/* gen: render department-level budget performance goal forms (部门整体预算绩效
 * 目标表) in the shapes users receive them in -- the scraped TAB lines with
 * HTML cells (shape a), the same without the HTML (b), an office suite's
 * "save as web page" (c), and that sheet exported as TAB or comma separated
 * text (d-tsv, d-csv) -- in UTF-8, UTF-8 with BOM, GB18030 or UTF-16LE, with
 * the variations real forms show (amounts in 元, split indicator columns, goal
 * markers, full-width text, spaces and breaks inside labels, rows the form does
 * not define). A form comes from a fact stream (--facts) or from a seeded
 * random generator (--random, two years per department, with the facts each
 * rendering should give written beside it). Everything is deterministic: one
 * own PRNG, no rand(), no clock. It is a test and benchmark tool: it does not
 * check that a fact stream describes a sensible form, and it does not try to
 * render project-level forms (FORMAT.md 2b). */
#include <errno.h>
#include <getopt.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dec.h"
#include "tsv.h"
#include "util.h"

#define PROG "gen"
#define MAXR 512 /* rows of one kind in one form */
#define MAXX 8   /* extra indicator columns */
#define MAXF 64  /* forms in one output file */

/* ---------------------------------------------------------------- PRNG */

/* splitmix64: small, fast, and the same on every platform. */
typedef struct {
	uint64_t s;
} rng;

static uint64_t rng_next(rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. */
static int rng_int(rng *r, int n)
{
	return (int)(rng_next(r) % (uint64_t)n);
}

static int rng_pct(rng *r, int pct)
{
	return rng_int(r, 100) < pct;
}

static rng rng_fork(uint64_t seed, uint64_t a, uint64_t b)
{
	rng r = {seed * 0x100000001b3ull ^ (a << 20) ^ b};
	rng_next(&r);
	return r;
}

#define PICK(r, arr) ((arr)[rng_int((r), (int)(sizeof(arr) / sizeof(arr)[0]))])

/* ---------------------------------------------------------------- strings */

/* Every string of the forms being rendered lives here until arena_free(). */
static char **arena;
static size_t narena, carena;

static char *keep(char *p)
{
	if (narena == carena) {
		carena = carena ? carena * 2 : 256;
		arena = xreallocarray(arena, carena, sizeof *arena);
	}
	return arena[narena++] = p;
}

static void arena_free(void)
{
	for (size_t i = 0; i < narena; i++)
		free(arena[i]);
	narena = 0;
}

static const char *sdup(const char *s)
{
	return keep(xstrdup(s ? s : ""));
}

static const char *sfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static const char *sfmt(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = NULL;
	if (vasprintf(&p, fmt, ap) < 0) {
		fprintf(stderr, PROG ": out of memory\n");
		exit(2);
	}
	va_end(ap);
	return keep(p);
}

static const char *buf_keep(buf *b)
{
	const char *s = sdup(buf_str(b));
	buf_free(b);
	return s;
}

static int ends_with(const char *s, const char *t)
{
	size_t n = strlen(s), m = strlen(t);
	return n >= m && memcmp(s + n - m, t, m) == 0;
}

static int is_alnum_byte(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ---------------------------------------------------------------- options */

enum shape { SH_A, SH_B, SH_C, SH_DTSV, SH_DCSV, NSHAPE };
static const char *const shape_name[] = {"a", "b", "c", "d-tsv", "d-csv"};
static const char *const shape_ext[] = {"txt", "txt", "html", "tsv", "csv"};
enum enc { EN_UTF8, EN_BOM, EN_GB, EN_U16, NENC };
static const char *const enc_name[] = {"utf-8", "utf-8-bom", "gb18030", "utf-16le"};
enum marks { GM_TARGET, GM_DOT, GM_PAREN, GM_CN, GM_LINES, NMARK };
static const char *const mark_name[] = {"target", "dot", "paren", "cn", "lines"};

typedef struct {
	int shape, enc, crlf;
	int yuan, split, marks, fullwidth, spaces, undef;
} style;

/* ---------------------------------------------------------------- the form */

typedef struct {
	const char *label, *value;
} info_t;
typedef struct {
	const char *group, *label, *amount;
} bud_t;
typedef struct {
	const char *name, *no, *content, *amount, *target;
} task_t;
typedef struct {
	const char *label, *text;
} other_t;
typedef struct {
	const char *l1, *l2, *l3, *value;
	const char *x[MAXX]; /* by form.xname */
} ind_t;
typedef struct {
	const char *key;
	int n;
	const char *v[8]; /* c2, c3 ... */
} extra_t;

typedef struct {
	const char *doc, *year, *dept, *title;
	int ninfo, nbud, ngoal, ntask, nother, nind, nextra, nx;
	info_t info[MAXR];
	bud_t bud[MAXR];
	const char *goal[MAXR];
	task_t task[MAXR];
	other_t other[MAXR];
	ind_t ind[MAXR];
	extra_t extra[MAXR];
	const char *xname[MAXX];
} form;

static form *form_new(void)
{
	return xcalloc(1, sizeof(form));
}

#define ADD(f, arr, cnt)                                                                           \
	((f)->cnt >= MAXR ? (fprintf(stderr, PROG ": more than %d " #arr " rows\n", MAXR),         \
	                     exit(2), &(f)->arr[0])                                                \
	                  : &(f)->arr[(f)->cnt++])

static int xcol(form *f, const char *name)
{
	for (int i = 0; i < f->nx; i++)
		if (strcmp(f->xname[i], name) == 0)
			return i;
	if (f->nx == MAXX) {
		fprintf(stderr, PROG ": more than %d extra indicator columns\n", MAXX);
		exit(2);
	}
	f->xname[f->nx] = sdup(name);
	return f->nx++;
}

/* ---------------------------------------------------------------- reading facts */

/* A key repeated in a section got `#N` appended by the extractor: render the
 * stem when it was seen before. */
static const char *unrepeat(const char *key, const char *const *seen, int n)
{
	const char *h = strrchr(key, '#');
	if (!h || !h[1] || strspn(h + 1, "0123456789") != strlen(h + 1))
		return key;
	for (int i = 0; i < n; i++)
		if (strlen(seen[i]) == (size_t)(h - key) && memcmp(seen[i], key, h - key) == 0)
			return sdup(seen[i]);
	return key;
}

/* Split a|b|c into up to n parts (in the arena). Returns the count. */
static int split_key(const char *key, const char **part, int n)
{
	int k = 0;
	const char *p = key;
	while (k < n) {
		const char *q = k == n - 1 ? NULL : strchr(p, '|');
		part[k++] = q ? keep(xmemdup(p, q - p)) : sdup(p);
		if (!q)
			break;
		p = q + 1;
	}
	return k;
}

/* Read every document of a fact stream as a form. Returns the count, -1 on error. */
static int read_facts(const char *path, form **out, int max)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (!fp) {
		fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
		return -1;
	}
	tsv_reader r;
	tsv_reader_init(&r, fp, path, FACT_HEADER);
	int n = 0, st;
	form *f = NULL;
	const char *tkeys[MAXR], *ikeys[MAXR];
	int ntk = 0, nik = 0;
	while ((st = tsv_read(&r)) == 1) {
		const char *doc = r.f[COL_DOC], *sec = r.f[COL_SECTION], *key = r.f[COL_KEY],
		           *fld = r.f[COL_FIELD], *val = r.f[COL_VALUE];
		if (!f || strcmp(f->doc, doc) != 0) {
			if (n == max) {
				fprintf(stderr, PROG ": %s: more than %d documents\n", path, max);
				st = -2;
				break;
			}
			f = out[n++] = form_new();
			f->doc = sdup(doc);
			f->year = sdup(r.f[COL_YEAR]);
			f->dept = sdup(r.f[COL_DEPT]);
			ntk = nik = 0;
		}
		if (!strcmp(sec, "meta")) {
			if (!strcmp(key, "title"))
				f->title = sdup(val);
		} else if (!strcmp(sec, "info")) {
			info_t *i = ADD(f, info, ninfo);
			i->label = sdup(key);
			i->value = sdup(val);
		} else if (!strcmp(sec, "budget")) {
			const char *p[2] = {"", ""};
			if (split_key(key, p, 2) < 2)
				p[1] = p[0], p[0] = "";
			bud_t *b = ADD(f, bud, nbud);
			b->group = p[0];
			b->label = p[1];
			b->amount = sdup(val);
		} else if (!strcmp(sec, "goal")) {
			*ADD(f, goal, ngoal) = sdup(val);
		} else if (!strcmp(sec, "task")) {
			task_t *t = f->ntask ? &f->task[f->ntask - 1] : NULL;
			if (!t || ntk == 0 || strcmp(tkeys[ntk - 1], key)) {
				t = ADD(f, task, ntask);
				memset(t, 0, sizeof *t);
				t->name = unrepeat(sdup(key), tkeys, ntk);
				tkeys[ntk++] = sdup(key);
			}
			const char **slot = !strcmp(fld, "no")        ? &t->no
			                    : !strcmp(fld, "content") ? &t->content
			                    : !strcmp(fld, "amount")  ? &t->amount
			                    : !strcmp(fld, "target")  ? &t->target
			                                              : NULL;
			if (slot)
				*slot = sdup(val);
		} else if (!strcmp(sec, "other")) {
			other_t *o = ADD(f, other, nother);
			o->label = sdup(key);
			o->text = sdup(val);
		} else if (!strcmp(sec, "indicator")) {
			ind_t *in = NULL;
			if (nik && !strcmp(ikeys[nik - 1], key)) {
				in = &f->ind[f->nind - 1];
			} else {
				in = ADD(f, ind, nind);
				memset(in, 0, sizeof *in);
				const char *p[3] = {"", "", ""};
				split_key(unrepeat(key, ikeys, nik), p, 3);
				in->l1 = p[0];
				in->l2 = p[1];
				in->l3 = p[2];
				ikeys[nik++] = sdup(key);
			}
			if (!strcmp(fld, "value"))
				in->value = sdup(val);
			else
				in->x[xcol(f, fld)] = sdup(val);
		} else if (!strcmp(sec, "extra")) {
			extra_t *e = f->nextra && !strcmp(f->extra[f->nextra - 1].key, key)
			                 ? &f->extra[f->nextra - 1]
			                 : NULL;
			if (!e) {
				e = ADD(f, extra, nextra);
				memset(e, 0, sizeof *e);
				e->key = sdup(key);
			}
			int c = fld[0] == 'c' ? atoi(fld + 1) : 0;
			if (c >= 2 && c - 2 < 8) {
				e->v[c - 2] = sdup(val);
				if (e->n < c - 1)
					e->n = c - 1;
			}
		}
		if (ntk >= MAXR || nik >= MAXR) {
			fprintf(stderr, PROG ": %s: too many rows\n", path);
			st = -2;
			break;
		}
	}
	if (st == -1)
		fprintf(stderr, PROG ": %s:%ld: %s\n", path, r.line, r.err);
	tsv_reader_free(&r);
	if (fp != stdin)
		fclose(fp);
	if (st < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (!out[i]->title)
			out[i]->title = sfmt("%s年市级部门整体预算绩效目标表", out[i]->year);
	return n;
}

/* ---------------------------------------------------------------- text variations */

/* Full-width digits, colon and parentheses. */
static const char *fw(const char *s)
{
	buf b = {0};
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= '0' && c <= '9') || c == ':' || c == '(' || c == ')')
			utf8_put(&b, 0xFF00 + (c - 0x20));
		else
			buf_addc(&b, c);
	}
	return buf_keep(&b);
}

/* A label as the form prints it: parentheses full-width with --fullwidth. */
static const char *lab(const style *st, const char *s)
{
	if (!st->fullwidth)
		return s;
	buf b = {0};
	for (; *s; s++) {
		if (*s == '(' || *s == ')')
			utf8_put(&b, 0xFF00 + (*s - 0x20));
		else
			buf_addc(&b, *s);
	}
	return buf_keep(&b);
}

/* With --label-spaces, a space or (where the shape can carry one) a line
 * break inside a label: before a trailing 指标/支出/信息..., else in the
 * middle, and only between two characters that are not both ASCII letters
 * or digits, so canonical text is unchanged. "\n" in a cell's text means a
 * line break inside the cell. */
static const char *spaced(const style *st, rng *r, const char *s, int pct)
{
	if (!st->spaces || !rng_pct(r, pct))
		return s;
	size_t n = strlen(s), at = 0;
	static const char *const tails[] = {"指标", "支出", "信息", "情况", "任务", "目标"};
	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
		if (ends_with(s, tails[i]) && n > strlen(tails[i]))
			at = n - strlen(tails[i]);
	if (!at) {
		/* middle character boundary */
		size_t mid = n / 2, i = 0;
		while (i < n) {
			size_t k = utf8_len((const unsigned char *)s + i, n - i);
			if (i + k > mid)
				break;
			i += k;
		}
		at = i;
	}
	if (at == 0 || at >= n ||
	    (is_alnum_byte((unsigned char)s[at - 1]) && is_alnum_byte((unsigned char)s[at])))
		return s;
	int nl = ends_with(s, "指标") && n > 12 && rng_pct(r, 60);
	return sfmt("%.*s%s%s", (int)at, s, nl ? "\n" : " ", s + at);
}

/* Money in the unit the form states: 万元 as given, or ×10000 in 元 with two
 * decimals (exact decimal arithmetic). Non-numbers pass through. */
static const char *money(const style *st, const char *v)
{
	if (!st->yuan || !v || !*v)
		return v ? v : "";
	dec d, y;
	if (dec_parse(v, strlen(v), &d) != DEC_OK || dec_shift(d, 4, &y) != DEC_OK)
		return v;
	char b[DEC_BUFSZ];
	dec_format(y, b);
	char *dot = strchr(b, '.');
	size_t fr = dot ? strlen(dot + 1) : 0;
	return sfmt("%s%s%s", b, dot ? "" : ".", fr >= 2 ? "" : fr == 1 ? "0" : "00");
}

static const char *const cn_num[] = {"零", "一", "二", "三", "四", "五",
                                     "六", "七", "八", "九", "十"};

static const char *goal_marker(const style *st, int i)
{
	const char *m;
	switch (st->marks) {
	case GM_DOT:
		m = sfmt("%d.", i);
		break;
	case GM_PAREN:
		m = st->fullwidth ? sfmt("（%d）", i) : sfmt("(%d)", i);
		break;
	case GM_CN:
		m = i <= 10 ? sfmt("%s、", cn_num[i]) : sfmt("十%s、", cn_num[i - 10]);
		break;
	case GM_LINES:
		return "";
	default:
		m = sfmt("目标%d: ", i);
		break;
	}
	return st->fullwidth ? fw(m) : m;
}

static const char *task_label(const style *st, const task_t *t, int pos)
{
	const char *no = t->no && *t->no ? t->no : sfmt("%d", pos);
	if (st->fullwidth)
		return sfmt("%s%s", fw(sfmt("任务%s:", no)), t->name);
	return sfmt("任务%s: %s", no, t->name);
}

/* An indicator value cut into 指标性质 / 指标值 / 度量单位. A comparator and
 * a number with a short unit give three parts that concatenate back to the
 * value; a bare number gets `=`; anything else is 定性 with the text as 指标值. */
static void split_value(const char *v, const char **nat, const char **num, const char **unit)
{
	static const char *const ops[] = {"≥", "≤", "≧", "≦", ">=", "<=", ">", "<", "="};
	const char *p = v;
	*nat = "=";
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (!strncmp(p, ops[i], strlen(ops[i]))) {
			*nat = ops[i];
			p += strlen(ops[i]);
			break;
		}
	const char *q = p;
	while ((*q >= '0' && *q <= '9') || (*q == ',' && q > p) || (*q == '.' && q > p))
		q++;
	int ok = q > p && q[-1] != '.' && q[-1] != ',' && strlen(q) <= 24;
	for (const char *u = q; *u && ok; u++)
		ok = !(*u >= '0' && *u <= '9') && *u != ' ';
	if (ok && (strstr(q, "年") || strstr(q, "月") || strstr(q, "前")))
		ok = 0;
	if (!ok) {
		*nat = "定性";
		*num = v;
		*unit = "";
		return;
	}
	*num = keep(xmemdup(p, q - p));
	*unit = q;
}

/* ---------------------------------------------------------------- layout: blocks */

enum ckind { K_LABEL, K_HEAD, K_TEXT, K_NUM, K_VALUE };

typedef struct {
	const char *t; /* "\n" = line break inside the cell */
	int rs;        /* rowspan; 0 = covered by a span from above */
	int kind;
} gcell;

typedef struct {
	int nr, nc;
	gcell *c;      /* nr * nc */
	char *head;    /* per row: a header row */
	int thead;     /* header rows written as <thead><th> (tasks, indicators) */
	int damage_ok; /* rows may lose their leading cell in shapes a/b */
} gtable;

enum bkind { B_DEPT, B_SINGLE, B_TABLE };
typedef struct {
	int kind;
	const char *label;
	const char *value; /* B_DEPT, B_SINGLE */
	int goals;         /* the 总体绩效目标 block */
	const char **gl;   /* its goals, for --goal-markers lines in shapes a/b */
	int ngl;
	gtable *tab;
} gblock;

typedef struct {
	const form *f;
	const char *title;
	int nb;
	gblock b[32];
	int nc; /* logical columns of the widest table */
} layout;

static gtable *tab_new(int nr, int nc)
{
	gtable *t = (gtable *)keep(xcalloc(1, sizeof *t));
	t->nr = nr;
	t->nc = nc;
	t->c = (gcell *)keep((char *)xcalloc((size_t)nr * nc, sizeof *t->c));
	t->head = keep(xcalloc((size_t)nr + 1, 1));
	for (int i = 0; i < nr * nc; i++)
		t->c[i] = (gcell){"", 1, K_TEXT};
	return t;
}

static gcell *at(gtable *t, int r, int c)
{
	return &t->c[r * t->nc + c];
}

static void set(gtable *t, int r, int c, const char *s, int kind)
{
	gcell *g = at(t, r, c);
	g->t = s ? s : "";
	g->kind = kind;
}

static gblock *add_block(layout *L, int kind, const char *label)
{
	if (L->nb == (int)(sizeof L->b / sizeof *L->b)) {
		fprintf(stderr, PROG ": too many blocks\n");
		exit(2);
	}
	gblock *b = &L->b[L->nb++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->label = label;
	return b;
}

/* Groups of the budget in order of first appearance. */
static int bud_groups(const form *f, const char **g)
{
	int n = 0;
	for (int i = 0; i < f->nbud; i++) {
		int k = 0;
		while (k < n && strcmp(g[k], f->bud[i].group))
			k++;
		if (k == n && n < 16)
			g[n++] = f->bud[i].group;
	}
	return n;
}

static void layout_form(layout *L, const form *f, const style *st, rng *r)
{
	memset(L, 0, sizeof *L);
	L->f = f;
	L->title = f->title;
	gblock *b = add_block(L, B_DEPT, spaced(st, r, "部门名称", 30));
	b->value = f->dept;

	/* 基本信息: label/value pairs, two to a row */
	if (f->ninfo) {
		b = add_block(L, B_TABLE, spaced(st, r, "基本信息", 40));
		gtable *t = b->tab = tab_new((f->ninfo + 1) / 2, 4);
		t->damage_ok = 1;
		for (int i = 0; i < f->ninfo; i++) {
			set(t, i / 2, i % 2 * 2, spaced(st, r, lab(st, f->info[i].label), 30),
			    K_LABEL);
			set(t, i / 2, i % 2 * 2 + 1, f->info[i].value, K_VALUE);
		}
	}
	/* 预算整体情况: group pairs side by side, each with its header row */
	if (f->nbud) {
		const char *g[16];
		int ng = bud_groups(f, g), nr = 0, rows[8];
		for (int p = 0; p < ng; p += 2) {
			int a = 0, c = 0;
			for (int i = 0; i < f->nbud; i++) {
				a += !strcmp(f->bud[i].group, g[p]);
				c += p + 1 < ng && !strcmp(f->bud[i].group, g[p + 1]);
			}
			rows[p / 2] = a > c ? a : c;
			nr += 1 + rows[p / 2];
		}
		b = add_block(L, B_TABLE, spaced(st, r, "预算整体情况", 40));
		gtable *t = b->tab = tab_new(nr, 4);
		t->damage_ok = 1;
		const char *amt = lab(st, st->yuan ? "预算金额(元)" : "预算金额(万元)");
		int row = 0;
		for (int p = 0; p < ng; p += 2) {
			t->head[row] = 1;
			for (int s = 0; s < 2 && p + s < ng; s++) {
				set(t, row, s * 2, spaced(st, r, lab(st, g[p + s]), 40), K_HEAD);
				set(t, row, s * 2 + 1, amt, K_HEAD);
				int k = row + 1;
				for (int i = 0; i < f->nbud; i++)
					if (!strcmp(f->bud[i].group, g[p + s])) {
						set(t, k, s * 2, lab(st, f->bud[i].label), K_LABEL);
						set(t, k, s * 2 + 1, money(st, f->bud[i].amount),
						    K_NUM);
						k++;
					}
			}
			row += 1 + rows[p / 2];
		}
	}
	/* 总体绩效目标 */
	if (f->ngoal) {
		b = add_block(L, B_SINGLE, spaced(st, r, "总体绩效目标", 40));
		b->goals = 1;
		b->gl = (const char **)keep((char *)xcalloc((size_t)f->ngoal, sizeof *b->gl));
		b->ngl = f->ngoal;
		buf v = {0};
		for (int i = 0; i < f->ngoal; i++) {
			if (i)
				buf_adds(&v,
				         st->shape <= SH_B && st->marks != GM_LINES ? " " : "\n");
			b->gl[i] = sfmt("%s%s", goal_marker(st, i + 1), f->goal[i]);
			buf_adds(&v, b->gl[i]);
		}
		b->value = buf_keep(&v);
	}
	/* 年度重点工作任务 */
	if (f->ntask) {
		b = add_block(L, B_TABLE, spaced(st, r, "年度重点工作任务", 40));
		gtable *t = b->tab = tab_new(f->ntask + 1, 4);
		t->thead = 1;
		t->head[0] = 1;
		t->damage_ok = 1;
		set(t, 0, 0, "名称", K_HEAD);
		set(t, 0, 1, spaced(st, r, "主要实施内容", 30), K_HEAD);
		set(t, 0, 2, lab(st, st->yuan ? "拟投入的资金(元)" : "拟投入的资金(万元)"), K_HEAD);
		set(t, 0, 3, lab(st, "期望达到的目标(概述)"), K_HEAD);
		for (int i = 0; i < f->ntask; i++) {
			set(t, i + 1, 0, task_label(st, &f->task[i], i + 1), K_TEXT);
			set(t, i + 1, 1, f->task[i].content, K_TEXT);
			set(t, i + 1, 2, money(st, f->task[i].amount), K_NUM);
			set(t, i + 1, 3, f->task[i].target, K_TEXT);
		}
	}
	for (int i = 0; i < f->nother; i++) {
		b = add_block(L, B_SINGLE, spaced(st, r, lab(st, f->other[i].label), 30));
		b->value = f->other[i].text;
	}
	/* 绩效指标: level-1 and level-2 cells span their runs */
	if (f->nind) {
		static const char *const base[] = {"一级指标", "二级指标", "三级指标", "指标值"};
		static const char *const sbase[] = {"一级指标", "二级指标",  "三级指标",
		                                    "指标性质", "指标值",    "度量单位",
		                                    "权重",     "指标方向性"};
		const char *cols[24];
		int nc = 0, xat[MAXX];
		if (st->split)
			for (int i = 0; i < 8; i++)
				cols[nc++] = sbase[i];
		else
			for (int i = 0; i < 4; i++)
				cols[nc++] = base[i];
		for (int x = 0; x < f->nx; x++) {
			xat[x] = -1;
			for (int k = 0; k < nc; k++)
				if (!strcmp(cols[k], f->xname[x]))
					xat[x] = k;
			if (xat[x] < 0) {
				xat[x] = nc;
				cols[nc++] = f->xname[x];
			}
		}
		b = add_block(L, B_TABLE, spaced(st, r, "绩效指标", 40));
		gtable *t = b->tab = tab_new(f->nind + 1, nc);
		t->thead = 1;
		t->head[0] = 1;
		t->damage_ok = 1;
		for (int k = 0; k < nc; k++)
			/* extra columns' headers name fields: those stay as they are */
			set(t, 0, k, k < (st->split ? 6 : 4) ? spaced(st, r, cols[k], 20) : cols[k],
			    K_HEAD);
		for (int i = 0; i < f->nind; i++) {
			const ind_t *in = &f->ind[i];
			int row = i + 1;
			for (int lv = 0; lv < 2; lv++) {
				const char *name = lv ? in->l2 : in->l1;
				const ind_t *prev = i ? &f->ind[i - 1] : NULL;
				int same = prev && !strcmp(prev->l1, in->l1) &&
				           (lv == 0 || !strcmp(prev->l2, in->l2));
				if (same) {
					at(t, row, lv)->rs = 0;
					/* grow the span of the cell above */
					for (int k = row - 1; k >= 1; k--)
						if (at(t, k, lv)->rs) {
							at(t, k, lv)->rs++;
							break;
						}
				} else {
					set(t, row, lv, spaced(st, r, name, 35), K_LABEL);
				}
			}
			set(t, row, 2, in->l3, K_TEXT);
			if (st->split) {
				const char *nat, *num, *unit;
				split_value(in->value ? in->value : "", &nat, &num, &unit);
				if (!in->value || !*in->value)
					nat = "";
				set(t, row, 3, nat, K_VALUE);
				set(t, row, 4, num, K_VALUE);
				set(t, row, 5, unit, K_VALUE);
			} else {
				set(t, row, 3, in->value, K_VALUE);
			}
			for (int x = 0; x < f->nx; x++)
				set(t, row, xat[x], in->x[x], K_VALUE);
		}
	}
	/* rows the form does not define */
	for (int i = 0; i < f->nextra; i++) {
		b = add_block(L, B_SINGLE, f->extra[i].key);
		buf v = {0};
		for (int k = 0; k < f->extra[i].n; k++) {
			if (k)
				buf_addc(&v, ' ');
			buf_adds(&v, f->extra[i].v[k] ? f->extra[i].v[k] : "");
		}
		b->value = buf_keep(&v);
	}
	if (st->undef) {
		b = add_block(L, B_SINGLE, "备注");
		b->value = st->yuan ? "本表金额单位为元，金额为预算数" : "本表金额为预算数";
	}
	for (int i = 0; i < L->nb; i++)
		if (L->b[i].tab && L->b[i].tab->nc > L->nc)
			L->nc = L->b[i].tab->nc;
}

/* ---------------------------------------------------------------- shapes a and b */

/* Text of a cell in a TAB line: breaks become spaces. */
static void add_flat(buf *o, const char *s)
{
	for (; *s; s++)
		buf_addc(o, *s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s);
}

static void add_html_text(buf *o, const char *s, const char *br)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			buf_adds(o, "&amp;");
			break;
		case '<':
			buf_adds(o, "&lt;");
			break;
		case '>':
			buf_adds(o, "&gt;");
			break;
		case '\n':
			buf_adds(o, br);
			break;
		default:
			buf_addc(o, *s);
		}
	}
}

static int u8chars(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The block's table as the scraper's HTML cell holds it (see the seed). */
static void seed_html(buf *o, gtable *t)
{
	buf_adds(o, "<table border=\"1\" style=\"width: 100%; border-collapse: collapse;\">");
	for (int r = 0; r < t->nr; r++) {
		if (t->thead && r == 0)
			buf_adds(o, " <thead>");
		if (t->thead && r == t->thead)
			buf_adds(o, " <tbody>");
		buf_adds(o, " <tr>");
		int th = t->thead && r < t->thead;
		for (int c = 0; c < t->nc; c++) {
			gcell *g = at(t, r, c);
			if (!g->rs)
				continue;
			buf_adds(o, th ? " <th" : " <td");
			if (g->rs > 1)
				buf_printf(o, " rowspan=\"%d\"", g->rs);
			if (th)
				buf_printf(o, " style=\"width: %d%%;\"",
				           t->nc == 4 ? (c == 0 || c == 3 ? 20 : 30) : 100 / t->nc);
			else if (r == 0 && c % 2 == 0)
				buf_adds(o, " style=\"width: 30%;\"");
			else if (*g->t &&
			         (g->kind == K_NUM || g->kind == K_VALUE || (r == 0 && c % 2)) &&
			         u8chars(g->t) < 12)
				buf_adds(o, " style=\"text-align: center;\"");
			buf_addc(o, '>');
			add_html_text(o, g->t, "<br>");
			buf_adds(o, th ? "</th>" : "</td>");
		}
		buf_adds(o, " </tr>");
		if (t->thead && r == t->thead - 1)
			buf_adds(o, " </thead>");
	}
	if (t->thead)
		buf_adds(o, " </tbody>");
	buf_adds(o, " </table>");
}

/* Lines of cells, padded to a common width at the end. */
typedef struct {
	buf *line;  /* each line's cells, TAB-joined, without padding */
	int *ncell; /* -1: a line written as is (title, blank) */
	int n, cap;
} lines;

static void ln_add(lines *ls, const char **cells, int n, int raw)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 64;
		ls->line = xreallocarray(ls->line, ls->cap, sizeof *ls->line);
		ls->ncell = xreallocarray(ls->ncell, ls->cap, sizeof *ls->ncell);
	}
	buf *b = &ls->line[ls->n];
	memset(b, 0, sizeof *b);
	for (int i = 0; i < n; i++) {
		if (i)
			buf_addc(b, '\t');
		if (raw)
			buf_adds(b, cells[i]);
		else
			add_flat(b, cells[i]);
	}
	buf_str(b);
	ls->ncell[ls->n++] = raw == 2 ? -1 : n;
}

/* A flat copy of table row r: a leading empty cell, covered cells empty.
 * damaged: the row lost its leading cell and its first text moved to the
 * front, as in the seed (lines 15, 25, 30, 36, 37). */
static int flat_row(gtable *t, int r, int damaged, const char **out)
{
	const char *row[64];
	int n = 0;
	row[n++] = "";
	for (int c = 0; c < t->nc && n < 64; c++)
		row[n++] = at(t, r, c)->rs ? at(t, r, c)->t : "";
	while (n > 1 && !*row[n - 1])
		n--;
	if (!damaged) {
		memcpy(out, row, n * sizeof *row);
		return n;
	}
	int f = 1;
	while (f < n && !*row[f])
		f++;
	int k = 0;
	out[k++] = row[f];
	for (int i = 1; i < f; i++)
		out[k++] = row[i];
	for (int i = f + 1; i < n; i++)
		out[k++] = row[i];
	/* a damaged row also loses its trailing empty cells */
	while (k > 1 && !*out[k - 1])
		k--;
	return k;
}

/* Which rows of t lose their leading cell: those whose first text is in
 * logical column 0 or 1 (so a reader can still place them); the last such
 * row always, others now and then. */
static void pick_damage(gtable *t, rng *r, char *dmg)
{
	int last = -1;
	for (int i = 0; i < t->nr; i++) {
		dmg[i] = 0;
		if (t->head[i] || !t->damage_ok)
			continue;
		int f = 0;
		while (f < t->nc && (!at(t, i, f)->rs || !*at(t, i, f)->t))
			f++;
		if (f > 1 || f == t->nc)
			continue;
		last = i;
		dmg[i] = rng_pct(r, 12);
	}
	if (last >= 0)
		dmg[last] = 1;
}

static void render_ab(buf *o, layout *L, const style *st, rng *r)
{
	lines ls = {0};
	const char *c[256];
	const char *none[1] = {""};
	ln_add(&ls, none, 1, 2);
	ln_add(&ls, none, 1, 2);
	c[0] = L->title;
	ln_add(&ls, c, 1, 2);
	ln_add(&ls, none, 1, 2);
	for (int i = 0; i < L->nb; i++) {
		gblock *b = &L->b[i];
		if (b->kind == B_DEPT) {
			c[0] = b->value;
			ln_add(&ls, c, 1, 0);
			c[0] = b->label;
			c[1] = b->value;
			ln_add(&ls, c, 2, 0);
		} else if (b->kind == B_SINGLE) {
			c[0] = b->label;
			if (b->goals && st->marks == GM_LINES) {
				/* one goal a line: the cell's lines became rows */
				for (int k = 0; k < b->ngl; k++) {
					c[0] = k ? "" : b->label;
					c[1] = b->gl[k];
					ln_add(&ls, c, 2, 0);
				}
				continue;
			}
			c[1] = b->value;
			ln_add(&ls, c, *b->value ? 2 : 1, 0);
		} else {
			gtable *t = b->tab;
			int n = 0;
			buf h = {0};
			c[n++] = b->label;
			if (st->shape == SH_A) {
				seed_html(&h, t);
				c[n++] = buf_str(&h);
			}
			for (int rr = 0; rr < t->nr; rr++)
				for (int k = 0; k < t->nc && n < 255; k++)
					if (at(t, rr, k)->rs)
						c[n++] = at(t, rr, k)->t;
			while (n > 1 && !*c[n - 1])
				n--;
			ln_add(&ls, c, n, 0);
			if (st->shape == SH_A) {
				/* the HTML goes in raw: its breaks are <br> */
				buf *last = &ls.line[ls.n - 1];
				buf fix = {0};
				add_flat(&fix, b->label);
				buf_addc(&fix, '\t');
				buf_add(&fix, h.s, h.len);
				const char *rest = strchr(last->s, '\t');
				rest = rest ? strchr(rest + 1, '\t') : NULL;
				if (rest)
					buf_adds(&fix, rest);
				buf_free(last);
				*last = fix;
			}
			buf_free(&h);
			char dmg[MAXR + 2];
			pick_damage(t, r, dmg);
			for (int rr = 0; rr < t->nr; rr++) {
				const char *row[64];
				int k = flat_row(t, rr, dmg[rr], row);
				ln_add(&ls, row, k, 0);
			}
		}
	}
	int w = 0;
	for (int i = 0; i < ls.n; i++)
		if (ls.ncell[i] > w)
			w = ls.ncell[i];
	for (int i = 0; i < ls.n; i++) {
		buf_add(o, ls.line[i].s, ls.line[i].len);
		for (int k = ls.ncell[i]; k >= 0 && k < w; k++)
			buf_addc(o, '\t');
		buf_adds(o, st->crlf ? "\r\n" : "\n");
		buf_free(&ls.line[i]);
	}
	free(ls.line);
	free(ls.ncell);
}

/* ---------------------------------------------------------------- the sheet (shapes c, d) */

typedef struct {
	const char *t;
	int rs, cs, kind, covered;
} scell;

enum { K_TITLE = 10 };

typedef struct {
	int nr, nc, cap;
	scell *c;
} sheet;

static scell *sat(sheet *s, int r, int c)
{
	return &s->c[r * s->nc + c];
}

static int sheet_row(sheet *s)
{
	if (s->nr == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->c = xreallocarray(s->c, (size_t)s->cap * s->nc, sizeof *s->c);
	}
	for (int c = 0; c < s->nc; c++)
		s->c[s->nr * s->nc + c] = (scell){"", 1, 1, K_TEXT, 0};
	return s->nr++;
}

static void sheet_put(sheet *s, int r, int c, const char *t, int rs, int cs, int kind)
{
	scell *x = sat(s, r, c);
	x->t = t;
	x->rs = rs;
	x->cs = cs;
	x->kind = kind;
}

/* Mark what spans cover, after all rows exist. */
static void sheet_cover(sheet *s)
{
	for (int r = 0; r < s->nr; r++)
		for (int c = 0; c < s->nc; c++) {
			scell *x = sat(s, r, c);
			if (x->covered)
				continue;
			for (int i = 0; i < x->rs; i++)
				for (int j = 0; j < x->cs; j++)
					if ((i || j) && r + i < s->nr && c + j < s->nc)
						sat(s, r + i, c + j)->covered = 1;
		}
}

/* The form as one grid: title across, labels in column 1 spanning their
 * block, each table's columns spread over the remaining columns. */
static void build_sheet(sheet *s, layout *L)
{
	memset(s, 0, sizeof *s);
	s->nc = 1 + (L->nc > 7 ? L->nc : 7);
	int W = s->nc - 1;
	int r = sheet_row(s);
	sheet_put(s, r, 0, L->title, 1, s->nc, K_TITLE);
	for (int i = 0; i < L->nb; i++) {
		gblock *b = &L->b[i];
		if (b->kind != B_TABLE) {
			r = sheet_row(s);
			sheet_put(s, r, 0, b->label, 1, 1, K_LABEL);
			sheet_put(s, r, 1, b->value, 1, W, b->kind == B_DEPT ? K_TEXT : K_TEXT);
			continue;
		}
		gtable *t = b->tab;
		int w[64], x[64], pos = 1;
		for (int k = 0; k < t->nc; k++) {
			w[k] = W / t->nc + (k < W % t->nc);
			x[k] = pos;
			pos += w[k];
		}
		int r0 = s->nr;
		for (int rr = 0; rr < t->nr; rr++) {
			r = sheet_row(s);
			for (int k = 0; k < t->nc; k++) {
				gcell *g = at(t, rr, k);
				if (!g->rs) {
					sat(s, r, x[k])->covered = 1;
					continue;
				}
				sheet_put(s, r, x[k], g->t, g->rs, w[k],
				          t->head[rr] ? K_HEAD : g->kind);
			}
		}
		sheet_put(s, r0, 0, b->label, t->nr, 1, K_LABEL);
	}
	sheet_cover(s);
}

/* Is s a plain decimal number (what a spreadsheet would store as a number)? */
static int plain_number(const char *s)
{
	dec d;
	return *s && strspn(s, "0123456789.-") == strlen(s) &&
	       dec_parse(s, strlen(s), &d) == DEC_OK;
}

/* Excel's style classes by cell kind (see the <style> block). */
static const char *xl_class(int kind)
{
	switch (kind) {
	case K_TITLE:
		return "xl65";
	case K_LABEL:
		return "xl66";
	case K_HEAD:
		return "xl70";
	case K_NUM:
		return "xl69";
	case K_VALUE:
		return "xl71";
	default:
		return "xl67";
	}
}

static void render_c_table(buf *o, sheet *s, const style *st, rng *r)
{
	const char *nl = st->crlf ? "\r\n" : "\n";
	int colw = 72;
	buf_printf(o,
	           "<table border=0 cellpadding=0 cellspacing=0 width=%d style='border-collapse:%s"
	           " collapse;table-layout:fixed;width:%dpt'>%s",
	           colw * 2 + (s->nc - 1) * colw, nl, (colw * 2 + (s->nc - 1) * colw) * 3 / 4, nl);
	buf_printf(o,
	           " <col width=%d style='mso-width-source:userset;mso-width-alt:%d;width:%dpt'>%s",
	           colw * 2, colw * 2 * 32, colw * 3 / 2, nl);
	buf_printf(o,
	           " <col width=%d span=%d "
	           "style='mso-width-source:userset;mso-width-alt:%d;width:%dpt'>%s",
	           colw, s->nc - 1, colw * 32, colw * 3 / 4, nl);
	for (int i = 0; i < s->nr; i++) {
		int upper = rng_pct(r, 20);
		const char *td = upper ? "TD" : "td", *tr = upper ? "TR" : "tr";
		int tall = 0;
		for (int c = 0; c < s->nc; c++)
			tall |= strlen(sat(s, i, c)->t) > 60;
		int h = tall ? 54 : i == 0 ? 40 : 28;
		buf_printf(o, " <%s height=%d style='mso-height-source:userset;height:%d.%dpt'>%s",
		           tr, h, h * 3 / 4, h * 3 % 4 ? 5 : 0, nl);
		for (int c = 0; c < s->nc; c++) {
			scell *x = sat(s, i, c);
			if (x->covered)
				continue;
			const char *cls = xl_class(x->kind);
			buf_printf(o, "  <%s", td);
			if (x->rs > 1)
				buf_printf(o, " rowspan=%d", x->rs);
			if (x->cs > 1)
				buf_printf(o, " colspan=%d", x->cs);
			if (c == 0)
				buf_printf(o, " height=%d", h);
			buf_printf(o, " class=%s", cls);
			if (x->rs > 1 || x->cs > 1 || c == 0)
				buf_printf(o, " style='%sborder-right:.5pt solid black'",
				           c == 0 ? "height:21.0pt;" : "");
			int num = (x->kind == K_NUM) && plain_number(x->t);
			if (num)
				buf_printf(o, " align=right x:num=\"%s\"", x->t);
			if (x->kind == K_TITLE)
				buf_printf(o, " width=%d", colw * (s->nc + 1));
			buf_addc(o, '>');
			const char *br = "<br style='mso-data-placement:same-cell;'>";
			if (!*x->t) {
				buf_adds(o, "&nbsp;");
			} else if (x->kind == K_TITLE) {
				buf_adds(o, "<font class=\"font6\">");
				add_html_text(o, x->t, br);
				buf_adds(o, "</font>");
			} else if (!num && rng_pct(r, 15)) {
				buf_adds(o, "<span style='mso-spacerun:yes'>&nbsp;</span>");
				add_html_text(o, x->t, br);
			} else if (!num && rng_pct(r, 20)) {
				buf_adds(o, "<font class=\"font7\">");
				add_html_text(o, x->t, br);
				buf_adds(o, "</font>");
			} else {
				/* long text: a break where the words allow one */
				const char *t = x->t;
				size_t n = strlen(t);
				if (!num && u8chars(t) > 40 && !strchr(t, '\n')) {
					const char *cut = strstr(t + n / 2, "，");
					if (!cut)
						cut = strstr(t + n / 2, "、");
					if (cut) {
						cut += 3;
						const char *head = keep(xmemdup(t, cut - t));
						add_html_text(o, head, br);
						buf_adds(o, "<br>");
						add_html_text(o, cut, br);
						t = NULL;
					}
				}
				if (t)
					add_html_text(o, t, br);
			}
			buf_printf(o, "</%s>%s", td, nl);
		}
		buf_printf(o, " </%s>%s", tr, nl);
	}
	buf_printf(o, " <![if supportMisalignedColumns]>%s <tr height=0 style='display:none'>%s",
	           nl, nl);
	buf_printf(o, "  <td width=%d style='width:%dpt'></td>%s", colw * 2, colw * 3 / 2, nl);
	for (int c = 1; c < s->nc; c++)
		buf_printf(o, "  <td width=%d style='width:%dpt'></td>%s", colw, colw * 3 / 4, nl);
	buf_printf(o, " </tr>%s <![endif]>%s</table>%s", nl, nl, nl);
}

static void render_c(buf *o, layout *Ls, int nf, const style *st, rng *r)
{
	const char *nl = st->crlf ? "\r\n" : "\n";
	const char *cs = st->enc == EN_GB ? "gb2312" : st->enc == EN_U16 ? "unicode" : "utf-8";
	buf_printf(o,
	           "<html xmlns:v=\"urn:schemas-microsoft-com:vml\"%s"
	           "xmlns:o=\"urn:schemas-microsoft-com:office:office\"%s"
	           "xmlns:x=\"urn:schemas-microsoft-com:office:excel\"%s"
	           "xmlns=\"http://www.w3.org/TR/REC-html40\">%s%s<head>%s",
	           nl, nl, nl, nl, nl, nl);
	buf_printf(o, "<meta http-equiv=Content-Type content=\"text/html; charset=%s\">%s", cs, nl);
	buf_printf(o, "<meta name=ProgId content=Excel.Sheet>%s", nl);
	buf_printf(o, "<meta name=Generator content=\"Microsoft Excel 15\">%s", nl);
	buf_printf(o, "<link rel=File-List href=\"sheet.files/filelist.xml\">%s", nl);
	static const char *const css[] = {
	    "<style id=\"Book1_styles\">",
	    "<!--table",
	    "\t{mso-displayed-decimal-separator:\"\\.\";",
	    "\tmso-displayed-thousand-separator:\"\\,\";}",
	    ".font6",
	    "\t{color:windowtext;",
	    "\tfont-size:16.0pt;",
	    "\tfont-weight:700;",
	    "\tfont-family:宋体;}",
	    ".font7",
	    "\t{color:windowtext;",
	    "\tfont-size:10.0pt;",
	    "\tfont-family:宋体;}",
	    "td",
	    "\t{padding-top:1px;",
	    "\tpadding-right:1px;",
	    "\tcolor:black;",
	    "\tfont-size:11.0pt;",
	    "\tfont-family:宋体;",
	    "\tmso-number-format:General;",
	    "\tvertical-align:middle;",
	    "\twhite-space:nowrap;}",
	    ".xl65",
	    "\t{font-size:16.0pt;",
	    "\tfont-weight:700;",
	    "\ttext-align:center;}",
	    ".xl66",
	    "\t{text-align:center;",
	    "\tborder:.5pt solid windowtext;",
	    "\twhite-space:normal;}",
	    ".xl67, .xl68, .xl70",
	    "\t{border:.5pt solid windowtext;",
	    "\twhite-space:normal;}",
	    ".xl69",
	    "\t{mso-number-format:\"0\\.00_ \";",
	    "\ttext-align:right;",
	    "\tborder:.5pt solid windowtext;}",
	    ".xl71",
	    "\t{text-align:center;",
	    "\tborder:.5pt solid windowtext;}",
	    "-->",
	    "</style>",
	};
	for (size_t i = 0; i < sizeof css / sizeof *css; i++)
		buf_printf(o, "%s%s", css[i], nl);
	buf_printf(o, "</head>%s%s<body link=blue vlink=purple>%s%s", nl, nl, nl, nl);
	for (int i = 0; i < nf; i++) {
		sheet s;
		build_sheet(&s, &Ls[i]);
		if (i)
			buf_printf(o, "<br>%s", nl);
		render_c_table(o, &s, st, r);
		free(s.c);
	}
	buf_printf(o, "%s</body>%s%s</html>%s", nl, nl, nl, nl);
}

/* Spreadsheet quoting: a cell holding the delimiter, a quote or a line break
 * is quoted, quotes doubled. */
static void add_field(buf *o, const char *s, char delim)
{
	if (!strchr(s, delim) && !strchr(s, '"') && !strchr(s, '\n') && !strchr(s, '\r')) {
		buf_adds(o, s);
		return;
	}
	buf_addc(o, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(o, '"');
		buf_addc(o, *s);
	}
	buf_addc(o, '"');
}

static void render_d(buf *o, layout *L, const style *st)
{
	char delim = st->shape == SH_DCSV ? ',' : '\t';
	sheet s;
	build_sheet(&s, L);
	for (int i = 0; i < s.nr; i++) {
		for (int c = 0; c < s.nc; c++) {
			if (c)
				buf_addc(o, delim);
			scell *x = sat(&s, i, c);
			if (!x->covered)
				add_field(o, x->t, delim);
		}
		buf_adds(o, st->crlf ? "\r\n" : "\n");
	}
	free(s.c);
}

/* ---------------------------------------------------------------- encoding and output */

/* Convert UTF-8 to the chosen encoding. Returns 0, or -1 with a message. */
static int encode(const buf *in, int enc, buf *out)
{
	if (enc == EN_BOM)
		buf_add(out, "\xEF\xBB\xBF", 3);
	if (enc == EN_UTF8 || enc == EN_BOM) {
		buf_add(out, in->s ? in->s : "", in->len);
		return 0;
	}
	const char *to = enc == EN_GB ? "GB18030" : "UTF-16LE";
	iconv_t cd = iconv_open(to, "UTF-8");
	if (cd == (iconv_t)-1) {
		fprintf(stderr, PROG ": iconv %s: %s\n", to, strerror(errno));
		return -1;
	}
	if (enc == EN_U16)
		buf_add(out, "\xFF\xFE", 2);
	char *ip = in->s;
	size_t il = in->len;
	while (il) {
		buf_grow(out, il * 4 + 16);
		char *op = out->s + out->len;
		size_t ol = out->cap - out->len - 1;
		size_t rc = iconv(cd, &ip, &il, &op, &ol);
		out->len = (size_t)(op - out->s);
		if (rc == (size_t)-1 && errno != E2BIG) {
			fprintf(stderr, PROG ": cannot convert to %s: %s\n", to, strerror(errno));
			iconv_close(cd);
			return -1;
		}
	}
	iconv_close(cd);
	out->s[out->len] = 0;
	return 0;
}

/* Render forms f[0..n) into one file (path NULL: standard output). */
static int render(form **f, int n, const style *st, uint64_t seed, uint64_t salt, const char *path)
{
	buf text = {0}, bytes = {0};
	layout *L = xcalloc((size_t)n, sizeof *L);
	rng r = rng_fork(seed, salt, 0x5eed);
	for (int i = 0; i < n; i++)
		layout_form(&L[i], f[i], st, &r);
	if (st->shape == SH_C)
		render_c(&text, L, n, st, &r);
	else
		for (int i = 0; i < n; i++) {
			if (st->shape <= SH_B)
				render_ab(&text, &L[i], st, &r);
			else
				render_d(&text, &L[i], st);
		}
	free(L);
	int rc = encode(&text, st->enc, &bytes);
	buf_free(&text);
	if (rc == 0) {
		FILE *fp = path ? fopen(path, "wb") : stdout;
		if (!fp) {
			fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
			rc = -1;
		} else {
			fwrite(bytes.s, 1, bytes.len, fp);
			if (path && fclose(fp) != 0) {
				fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
				rc = -1;
			}
		}
	}
	buf_free(&bytes);
	return rc;
}

/* ---------------------------------------------------------------- facts of a form */

static void fact(FILE *fp, const form *f, const char *doc, const char *sec, const char *key,
                 const char *field, const char *value, const char *unit)
{
	const char *v[FACT_NCOLS] = {
	    doc, f->year, f->dept,          "", sec, key, field, value ? value : "",
	    "",  "",      unit ? unit : "", ""};
	tsv_write_row(fp, (char *const *)v, NULL, FACT_NCOLS);
}

static const char *keypart(const char *s)
{
	if (!strchr(s, '|') && !strstr(s, "｜"))
		return s;
	buf b = {0};
	for (; *s; s++) {
		if (*s == '|')
			buf_adds(&b, "¦");
		else if (!strncmp(s, "｜", 3))
			buf_adds(&b, "¦"), s += 2;
		else
			buf_addc(&b, *s);
	}
	return buf_keep(&b);
}

/* The facts pg-extract should give for f rendered with st (raw values; op,
 * num, src empty; unit where a header states it). */
static void write_facts(FILE *fp, const form *f, const char *doc, const style *st)
{
	const char *mu = st->yuan ? "元" : "万元";
	fact(fp, f, doc, "meta", "title", "text", f->title, NULL);
	for (int i = 0; i < f->ninfo; i++)
		fact(fp, f, doc, "info", keypart(f->info[i].label), "value", f->info[i].value,
		     NULL);
	/* budget: row by row, left pair before right */
	const char *g[16];
	int ng = bud_groups(f, g);
	for (int p = 0; p < ng; p += 2) {
		int idx[2] = {0, 0};
		for (;;) {
			int any = 0;
			for (int s = 0; s < 2 && p + s < ng; s++) {
				int k = 0;
				for (int i = 0; i < f->nbud; i++)
					if (!strcmp(f->bud[i].group, g[p + s]) && k++ == idx[s]) {
						const bud_t *b = &f->bud[i];
						fact(fp, f, doc, "budget",
						     sfmt("%s|%s", keypart(b->group),
						          keypart(b->label)),
						     "amount", money(st, b->amount), mu);
						idx[s]++;
						any = 1;
						break;
					}
			}
			if (!any)
				break;
		}
	}
	for (int i = 0; i < f->ngoal; i++)
		fact(fp, f, doc, "goal", sfmt("%d", i + 1), "text", f->goal[i], NULL);
	for (int i = 0; i < f->ntask; i++) {
		const task_t *t = &f->task[i];
		const char *k = keypart(t->name);
		fact(fp, f, doc, "task", k, "no", t->no && *t->no ? t->no : sfmt("%d", i + 1),
		     NULL);
		fact(fp, f, doc, "task", k, "content", t->content, NULL);
		fact(fp, f, doc, "task", k, "amount", money(st, t->amount), mu);
		fact(fp, f, doc, "task", k, "target", t->target, NULL);
	}
	for (int i = 0; i < f->nother; i++)
		fact(fp, f, doc, "other", keypart(f->other[i].label), "text", f->other[i].text,
		     NULL);
	for (int i = 0; i < f->nind; i++) {
		const ind_t *in = &f->ind[i];
		const char *k = sfmt("%s|%s|%s", keypart(in->l1), keypart(in->l2), keypart(in->l3));
		const char *v = in->value ? in->value : "";
		if (st->split && *v) {
			const char *nat, *num, *unit;
			split_value(v, &nat, &num, &unit);
			if (strcmp(nat, "定性"))
				v = sfmt("%s%s%s", nat, num, unit);
		}
		fact(fp, f, doc, "indicator", k, "value", v, NULL);
		if (st->split) {
			static const char *const sx[] = {"权重", "指标方向性"};
			for (int s = 0; s < 2; s++) {
				int x = 0;
				while (x < f->nx && strcmp(f->xname[x], sx[s]))
					x++;
				fact(fp, f, doc, "indicator", k, sx[s], x < f->nx ? in->x[x] : "",
				     NULL);
			}
		}
		for (int x = 0; x < f->nx; x++)
			if (!st->split ||
			    (strcmp(f->xname[x], "权重") && strcmp(f->xname[x], "指标方向性")))
				fact(fp, f, doc, "indicator", k, f->xname[x], in->x[x], NULL);
	}
	for (int i = 0; i < f->nextra; i++)
		fact(fp, f, doc, "extra", f->extra[i].key, "c2", f->extra[i].v[0], NULL);
	if (st->undef)
		fact(fp, f, doc, "extra", "备注", "c2",
		     st->yuan ? "本表金额单位为元，金额为预算数" : "本表金额为预算数", NULL);
}

/* ---------------------------------------------------------------- random forms */

static const char *const cities[] = {"湛江市", "茂名市", "阳江市", "江门市", "肇庆市", "韶关市",
                                     "河源市", "梅州市", "汕尾市", "清远市", "廉江市", "雷州市",
                                     "吴川市", "信宜市", "高州市", "化州市", "英德市", "连州市"};
static const char *const units[] = {"教育局",
                                    "公安局",
                                    "民政局",
                                    "司法局",
                                    "财政局",
                                    "人力资源和社会保障局",
                                    "自然资源局",
                                    "生态环境局",
                                    "住房和城乡建设局",
                                    "交通运输局",
                                    "水务局",
                                    "农业农村局",
                                    "商务局",
                                    "文化广电旅游体育局",
                                    "卫生健康局",
                                    "退役军人事务局",
                                    "应急管理局",
                                    "审计局",
                                    "市场监督管理局",
                                    "统计局",
                                    "医疗保障局",
                                    "林业局",
                                    "城市管理和综合执法局",
                                    "信访局",
                                    "科学技术局",
                                    "工业和信息化局",
                                    "发展和改革局",
                                    "气象局",
                                    "机关事务管理局",
                                    "政务服务数据管理局"};

typedef struct {
	const char *name, *content, *target;
} task_pool;
static const task_pool tasks[] = {
    {"日常办公运转保障", "保障机关日常办公运转，支付水电、物业及办公设备维护费用", "机关正常运转"},
    {"信息化系统运维", "业务系统、网络及机房的运行维护，开展网络安全等级保护测评",
     "系统稳定运行，全年无重大网络安全事件"},
    {"专项业务培训", "组织业务骨干培训，聘请专家授课，支付场地、食宿及交通费用",
     "培训覆盖率达到100%"},
    {"执法装备购置", "购置执法记录仪、执法车辆等装备", "执法装备配备到位"},
    {"重点项目前期工作", "开展项目可行性研究、勘察设计及评审工作", "按期完成前期工作"},
    {"宣传教育活动", "开展政策宣传、主题活动及宣传品制作", "群众知晓率明显提高"},
    {"档案数字化", "历史档案整理、扫描及数据录入", "完成档案数字化任务"},
    {"安全生产检查", "组织开展安全生产专项检查及隐患整治", "全年不发生较大安全事故"},
    {"环境监测", "开展空气、水质及土壤环境监测", "监测数据有效率不低于95%"},
    {"农村人居环境整治", "开展村庄清洁行动，建设农村生活污水处理设施", "农村人居环境明显改善"},
    {"困难群众救助", "发放最低生活保障金、特困人员供养金及临时救助金", "应保尽保，按时足额发放"},
    {"应急物资储备", "采购、储存和轮换应急救灾物资", "物资储备满足应急需要"},
    {"市场主体监管", "开展双随机抽查、食品安全抽检", "抽检任务完成率100%"},
    {"政务服务能力提升", "优化政务服务大厅窗口设置，建设网上办事平台", "办事群众满意度达到95%以上"},
    {"统计调查", "开展常规统计调查及专项调查", "按时上报调查数据"},
    {"森林防火", "森林防火巡护、防火隔离带建设及扑火队伍培训", "森林火灾受害率控制在0.9‰以内"},
    {"道路养护", "国省道及农村公路日常养护、危桥改造", "路况优良率稳步提升"},
    {"法律援助", "为经济困难群众提供法律援助服务", "符合条件的申请人应援尽援"},
    {"气象灾害预警", "气象观测设备维护，发布灾害性天气预警", "预警信息及时发布"},
    {"科技项目扶持", "支持企业研发及科技成果转化", "科技成果转化数量增加"},
};

typedef struct {
	const char *l1, *l2, *l3;
	int kind; /* 0 ≥N%, 1 ≥N unit, 2 ≤cost, 3 =100%, 4 date, 5 qualitative */
	const char *unit;
} ind_pool;
static const ind_pool inds[] = {
    {"产出指标", "数量指标", "培训人次", 1, "人次"},
    {"产出指标", "数量指标", "检查企业数量", 1, "家"},
    {"产出指标", "数量指标", "开展宣传活动次数", 1, "次"},
    {"产出指标", "数量指标", "购置设备数量", 1, "台"},
    {"产出指标", "数量指标", "救助人数", 1, "人"},
    {"产出指标", "数量指标", "完成档案数字化", 1, "卷"},
    {"产出指标", "质量指标", "项目验收合格率", 3, ""},
    {"产出指标", "质量指标", "资金使用合规率", 3, ""},
    {"产出指标", "质量指标", "监测数据有效率", 0, ""},
    {"产出指标", "质量指标", "培训合格率", 0, ""},
    {"产出指标", "时效指标", "任务完成及时性", 4, ""},
    {"产出指标", "时效指标", "资金支付及时率", 0, ""},
    {"产出指标", "时效指标", "办结时限", 1, "个工作日"},
    {"产出指标", "成本指标", "项目总成本", 2, ""},
    {"产出指标", "成本指标", "支出金额", 2, ""},
    {"效益指标", "经济效益指标", "节约行政成本", 5, ""},
    {"效益指标", "经济效益指标", "带动社会投资", 5, ""},
    {"效益指标", "社会效益指标", "群众知晓率", 0, ""},
    {"效益指标", "社会效益指标", "社会治安状况", 5, ""},
    {"效益指标", "社会效益指标", "公共服务水平", 5, ""},
    {"效益指标", "生态效益指标", "空气质量优良天数比例", 0, ""},
    {"效益指标", "生态效益指标", "森林覆盖率", 0, ""},
    {"效益指标", "生态效益指标", "污水处理率", 0, ""},
    {"效益指标", "可持续影响指标", "长效管理机制", 5, ""},
    {"效益指标", "可持续影响指标", "系统持续运行", 5, ""},
    {"满意度指标", "服务对象满意度指标", "服务对象满意度", 0, ""},
    {"满意度指标", "服务对象满意度指标", "群众满意度", 0, ""},
};
static const char *const quals[] = {"长期",     "有效提升",     "明显改善",
                                    "逐步提高", "持续发挥作用", "稳步提升"};
static const char *const goals[] = {
    "全面履行部门职责，保障机关正常运转。",
    "规范使用财政资金，提高资金使用效益。",
    "按期完成年度重点工作任务，提升公共服务水平。",
    "加强队伍建设，提高干部职工业务能力。",
    "推进信息化建设，提高行政效率。",
    "强化安全监管，确保全年不发生重大安全事故。",
    "改善生态环境质量，促进可持续发展。",
    "提高群众满意度，树立良好部门形象。",
};

/* cents as "X.YY" (or "X" now and then, as forms do). */
static const char *cents(rng *r, int64_t c, int plain)
{
	if (plain && c % 100 == 0)
		return sfmt("%lld", (long long)(c / 100));
	return sfmt("%lld.%02lld", (long long)(c / 100), (long long)(c % 100));
}

static const char *ind_value(rng *r, const ind_pool *p, const char *year, int64_t total)
{
	switch (p->kind) {
	case 0:
		return sfmt("≥%d%%", 80 + rng_int(r, 20));
	case 1:
		return sfmt("%s%d%s", rng_pct(r, 80) ? "≥" : "", 1 + rng_int(r, 500), p->unit);
	case 2:
		return sfmt("≤%s万元", cents(r, total, 0));
	case 3:
		return "100%";
	case 4:
		return sfmt("%s年12月31日前完成", year);
	default:
		return PICK(r, quals);
	}
}

/* A random department form of year y; f->year etc. set by the caller. */
#define NCITY (sizeof cities / sizeof cities[0])
#define NUNIT (sizeof units / sizeof units[0])

/* A department name 市 + 局 for department number idx (0-based). Names are
 * unique within one run, so that two years of a corpus can be compared by
 * dept (pg-diff): a pair the PRNG already gave gets the department's number
 * as a 分局 suffix. */
static const char *random_dept(rng *r, long idx)
{
	static unsigned char used[NCITY * NUNIT];
	size_t c = (size_t)rng_int(r, (int)NCITY);
	size_t u = (size_t)rng_int(r, (int)NUNIT);
	if (!used[c * NUNIT + u]) {
		used[c * NUNIT + u] = 1;
		return sfmt("%s%s", cities[c], units[u]);
	}
	return sfmt("%s%s第%ld分局", cities[c], units[u], idx + 1);
}

static void random_form(form *f, rng *r, const char *dept, const char *year, int s_extra)
{
	f->dept = dept;
	f->year = year;
	f->title = sfmt("%s年市级部门整体预算绩效目标表", year);
	info_t *in = ADD(f, info, ninfo);
	in->label = "财政供养人员数";
	in->value = sfmt("%d", 5 + rng_int(r, 300));
	in = ADD(f, info, ninfo);
	in->label = "下属二级单位数";
	in->value = sfmt("%d", rng_int(r, 8));

	int nt = 3 + rng_int(r, 13);
	int used[64] = {0};
	int64_t proj = 0;
	for (int i = 0; i < nt; i++) {
		int k;
		do
			k = rng_int(r, (int)(sizeof tasks / sizeof *tasks));
		while (used[k] && i < (int)(sizeof tasks / sizeof *tasks));
		used[k]++;
		task_t *t = ADD(f, task, ntask);
		t->name = used[k] > 1 ? sfmt("%s（%d）", tasks[k].name, used[k]) : tasks[k].name;
		t->no = sfmt("%d", i + 1);
		t->content = tasks[k].content;
		t->target = tasks[k].target;
		int64_t c =
		    (int64_t)(1 + rng_int(r, 300)) * 100 + (rng_pct(r, 50) ? rng_int(r, 100) : 0);
		t->amount = cents(r, c, 1);
		proj += c;
	}
	int64_t basic = (int64_t)(50 + rng_int(r, 3000)) * 100 + rng_int(r, 100);
	int64_t project = proj + (rng_pct(r, 60) ? 0 : rng_int(r, 50000));
	int64_t total = basic + project;
	int64_t other = rng_pct(r, 70) ? 0 : rng_int(r, (int)(total / 4 + 1));
	int64_t transfer = rng_pct(r, 70) ? 0 : rng_int(r, (int)(total / 5 + 1));
	int64_t special = rng_pct(r, 50) ? project / 2 : 0;
	int broken = rng_pct(r, 8);
	static const char *const G[4] = {"部门预算支出", "收入来源", "事业发展性支出",
	                                 "按预算级次划分"};
	const struct {
		int g;
		const char *l;
		int64_t v;
		int empty;
	} items[] = {
	    {0, "基本支出", basic, 0},
	    {1, "财政拨款", total - other + (broken ? 1 : 0), 0},
	    {0, "项目支出", project, 0},
	    {1, "其他资金", other, 0},
	    {2, "财政专项资金", special, special == 0},
	    {3, "市本级使用资金", total - transfer, 0},
	    {2, "其他事业发展性支出", project - special, special == 0 || rng_pct(r, 50)},
	    {3, "拟用于对下转移支付资金", transfer, transfer == 0 && rng_pct(r, 50)},
	};
	for (size_t i = 0; i < sizeof items / sizeof *items; i++) {
		bud_t *b = ADD(f, bud, nbud);
		b->group = G[items[i].g];
		b->label = items[i].l;
		b->amount = items[i].empty ? "" : cents(r, items[i].v, 1);
	}
	int ng = 2 + rng_int(r, 4);
	int gu[16] = {0};
	for (int i = 0; i < ng; i++) {
		int k;
		do
			k = rng_int(r, (int)(sizeof goals / sizeof *goals));
		while (gu[k]);
		gu[k] = 1;
		*ADD(f, goal, ngoal) = goals[k];
	}
	other_t *o = ADD(f, other, nother);
	o->label = "其他需完成的任务(可选填)";
	o->text = rng_pct(r, 80) ? "" : "配合完成上级部门交办的其他工作任务";

	/* indicators: 6-25 rows in pool order, so levels stay grouped */
	int ni = 6 + rng_int(r, 20), npool = (int)(sizeof inds / sizeof *inds);
	char pick[64] = {0};
	int got = 0;
	while (got < ni && got < npool) {
		int k = rng_int(r, npool);
		if (!pick[k])
			pick[k] = 1, got++;
	}
	int dup = 0;
	for (int k = 0; k < npool; k++) {
		if (!pick[k])
			continue;
		for (int rep = 0; rep < 1 + (got + dup < ni && inds[k].kind == 1); rep++) {
			ind_t *x = ADD(f, ind, nind);
			memset(x, 0, sizeof *x);
			x->l1 = inds[k].l1;
			x->l2 = inds[k].l2;
			x->l3 = rep ? sfmt("%s（二期）", inds[k].l3) : inds[k].l3;
			x->value = ind_value(r, &inds[k], year, total);
			dup += rep;
		}
	}
	(void)s_extra;
}

/* Weights and directions, the columns of split indicator tables. */
static void add_weights(form *f, rng *r)
{
	int w = xcol(f, "权重"), d = xcol(f, "指标方向性");
	for (int i = 0; i < f->nind; i++) {
		const char *v = f->ind[i].value;
		f->ind[i].x[w] = sfmt("%d", 5 + 5 * rng_int(r, 3));
		f->ind[i].x[d] = !strncmp(v, "≥", 3)                            ? "正向"
		                 : !strncmp(v, "≤", 3)                          ? "反向"
		                 : strpbrk(v, "0123456789") && !strstr(v, "年") ? "正向"
		                                                                : "定性";
	}
}

/* "12", "12.3", "12.34" as cents; -1 for anything else. */
static int64_t to_cents(const char *s)
{
	int64_t v = 0;
	int fr = -1;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s == '.' && fr < 0) {
			fr = 0;
		} else if (*s >= '0' && *s <= '9' && fr < 2 && v < INT64_MAX / 100) {
			v = v * 10 + (*s - '0');
			if (fr >= 0)
				fr++;
		} else {
			return -1;
		}
	}
	for (fr = fr < 0 ? 0 : fr; fr < 2; fr++)
		v *= 10;
	return v;
}

/* The next year's form: amounts moved, one task renamed, one target moved. */
static form *next_year(const form *a, rng *r, const char *year)
{
	form *b = form_new();
	*b = *a;
	b->year = year;
	b->title = sfmt("%s年市级部门整体预算绩效目标表", year);
	int64_t proj = 0;
	for (int i = 0; i < b->ntask; i++) {
		int64_t ct = to_cents(b->task[i].amount);
		if (ct >= 0) {
			if (rng_pct(r, 50))
				ct = ct * (80 + rng_int(r, 41)) / 100;
			b->task[i].amount = cents(r, ct, 1);
			proj += ct;
		}
		if (b->task[i].target && strstr(b->task[i].target, a->year))
			b->task[i].target =
			    sfmt("%.*s%s%s",
			         (int)(strstr(b->task[i].target, a->year) - b->task[i].target),
			         b->task[i].target, year, strstr(b->task[i].target, a->year) + 4);
	}
	int k = rng_int(r, b->ntask);
	static const char *const pre[] = {"深化", "推进", "加强", "持续开展"};
	b->task[k].name = sfmt("%s%s", PICK(r, pre), b->task[k].name);
	/* budget: keep the identities with the new project total */
	int64_t basic = (int64_t)(50 + rng_int(r, 3000)) * 100 + rng_int(r, 100);
	int64_t project = proj + (rng_pct(r, 60) ? 0 : rng_int(r, 50000)), total = basic + project;
	for (int i = 0; i < b->nbud; i++) {
		bud_t *x = &b->bud[i];
		const char *l = x->label;
		int64_t v = -1;
		if (!strcmp(l, "基本支出"))
			v = basic;
		else if (!strcmp(l, "项目支出"))
			v = project;
		else if (!strcmp(l, "财政拨款") || !strcmp(l, "市本级使用资金"))
			v = total;
		else if (*x->amount && strcmp(x->amount, "0"))
			v = !strcmp(l, "财政专项资金")         ? project / 2
			    : !strcmp(l, "其他事业发展性支出") ? project - project / 2
			                                       : 0;
		else if (*x->amount)
			v = 0;
		if (v >= 0)
			x->amount = cents(r, v, 1);
	}
	for (int i = 0; i < b->nind; i++) {
		const char *v = b->ind[i].value;
		if (strstr(v, a->year))
			b->ind[i].value = sfmt("%s年12月31日前完成", year);
		else if (!strncmp(v, "≤", 3) && strstr(v, "万元"))
			b->ind[i].value = sfmt("≤%s万元", cents(r, total, 0));
	}
	int j = rng_int(r, b->nind);
	for (int t = 0; t < b->nind; t++, j = (j + 1) % b->nind)
		if (!strncmp(b->ind[j].value, "≥", 3) && strchr(b->ind[j].value, '%')) {
			int p = atoi(b->ind[j].value + 3);
			b->ind[j].value = sfmt(
			    "≥%d%%",
			    p < 99 ? p + 1 + rng_int(r, 100 - p - 1 > 0 ? 100 - p - 1 : 1) : 98);
			break;
		}
	return b;
}

/* ---------------------------------------------------------------- main */

static void usage(FILE *fp)
{
	fprintf(
	    fp,
	    "Usage: gen [OPTION]... --facts FILE [--facts FILE]... [-o OUT]\n"
	    "       gen [OPTION]... --random N --seed S --out DIR\n"
	    "Render department-level performance goal forms in the shapes users receive.\n"
	    "\n"
	    "  --facts FILE       render the form(s) of a fact stream (several: one file)\n"
	    "  -o, --out PATH     output file (--facts; default stdout) or directory (--random)\n"
	    "  --random N         N random departments, two years each, with their facts\n"
	    "  --seed S           PRNG seed (default 1)\n"
	    "  --years Y1,Y2      years of --random (default 2024,2025)\n"
	    "  --multi K          --random: K departments in one file (1 to 64)\n"
	    "  --shape SHAPE      a, b, c, d-tsv or d-csv (default a; --random: by PRNG)\n"
	    "  --encoding ENC     utf-8, utf-8-bom, gb18030 or utf-16le\n"
	    "  --crlf             CR LF line ends\n"
	    "  --yuan             amounts in 元\n"
	    "  --split-indicators 指标性质/指标值/度量单位/权重/指标方向性 columns\n"
	    "  --goal-markers M   target, dot, paren, cn or lines\n"
	    "  --fullwidth        full-width digits, colons and parentheses\n"
	    "  --label-spaces     spaces and line breaks inside labels\n"
	    "  --undefined-row    a row the form does not define (备注)\n"
	    "  --no-vary          --random: no variations beyond those given\n"
	    "  -h, --help         this help\n"
	    "      --version      version\n");
}

static int lookup(const char *const *names, int n, const char *s, const char *what)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(names[i], s))
			return i;
	fprintf(stderr, PROG ": unknown %s '%s'\n", what, s);
	usage(stderr);
	exit(2);
}

enum {
	O_FACTS = 256,
	O_RANDOM,
	O_SEED,
	O_MULTI,
	O_SHAPE,
	O_ENC,
	O_CRLF,
	O_YUAN,
	O_SPLIT,
	O_MARKS,
	O_FW,
	O_SPACES,
	O_UNDEF,
	O_NOVARY,
	O_VERSION,
	O_YEARS
};

int main(int argc, char **argv)
{
	static const struct option lo[] = {
	    {"facts", required_argument, 0, O_FACTS},
	    {"out", required_argument, 0, 'o'},
	    {"random", required_argument, 0, O_RANDOM},
	    {"seed", required_argument, 0, O_SEED},
	    {"years", required_argument, 0, O_YEARS},
	    {"multi", required_argument, 0, O_MULTI},
	    {"shape", required_argument, 0, O_SHAPE},
	    {"encoding", required_argument, 0, O_ENC},
	    {"crlf", no_argument, 0, O_CRLF},
	    {"yuan", no_argument, 0, O_YUAN},
	    {"split-indicators", no_argument, 0, O_SPLIT},
	    {"goal-markers", required_argument, 0, O_MARKS},
	    {"fullwidth", no_argument, 0, O_FW},
	    {"label-spaces", no_argument, 0, O_SPACES},
	    {"undefined-row", no_argument, 0, O_UNDEF},
	    {"no-vary", no_argument, 0, O_NOVARY},
	    {"help", no_argument, 0, 'h'},
	    {"version", no_argument, 0, O_VERSION},
	    {0, 0, 0, 0},
	};
	style st = {SH_A, EN_UTF8, 0, 0, 0, GM_TARGET, 0, 0, 0};
	int set_shape = 0, set_enc = 0, set_marks = 0, novary = 0, multi = 1;
	long nrandom = -1;
	uint64_t seed = 1;
	const char *facts[MAXF], *out = NULL, *years = "2024,2025";
	int nfacts = 0, c;
	while ((c = getopt_long(argc, argv, "o:h", lo, NULL)) != -1) {
		switch (c) {
		case O_FACTS:
			if (nfacts == MAXF) {
				fprintf(stderr, PROG ": too many --facts\n");
				return 2;
			}
			facts[nfacts++] = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case O_RANDOM:
			nrandom = strtol(optarg, NULL, 10);
			break;
		case O_SEED:
			seed = strtoull(optarg, NULL, 10);
			break;
		case O_YEARS:
			years = optarg;
			break;
		case O_MULTI:
			multi = atoi(optarg);
			break;
		case O_SHAPE:
			st.shape = lookup(shape_name, NSHAPE, optarg, "shape");
			set_shape = 1;
			break;
		case O_ENC:
			st.enc = lookup(enc_name, NENC, optarg, "encoding");
			set_enc = 1;
			break;
		case O_CRLF:
			st.crlf = 1;
			break;
		case O_YUAN:
			st.yuan = 1;
			break;
		case O_SPLIT:
			st.split = 1;
			break;
		case O_MARKS:
			st.marks = lookup(mark_name, NMARK, optarg, "goal marker style");
			set_marks = 1;
			break;
		case O_FW:
			st.fullwidth = 1;
			break;
		case O_SPACES:
			st.spaces = 1;
			break;
		case O_UNDEF:
			st.undef = 1;
			break;
		case O_NOVARY:
			novary = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case O_VERSION:
			printf("gen (pg-tools) %s\n", PG_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (multi < 1 || multi > MAXF) {
		fprintf(stderr, PROG ": --multi must be 1 to %d\n", MAXF);
		usage(stderr);
		return 2;
	}
	if ((nfacts > 0) == (nrandom >= 0) || optind < argc) {
		fprintf(stderr, PROG ": give either --facts FILE or --random N --out DIR\n");
		usage(stderr);
		return 2;
	}
	if (nfacts) {
		form *f[MAXF];
		int n = 0;
		for (int i = 0; i < nfacts; i++) {
			int k = read_facts(facts[i], f + n, MAXF - n);
			if (k < 0)
				return 2;
			n += k;
		}
		if (!n) {
			fprintf(stderr, PROG ": no form in the facts\n");
			return 2;
		}
		int rc = render(f, n, &st, seed, 0, out);
		for (int i = 0; i < n; i++)
			free(f[i]);
		arena_free();
		free(arena);
		return rc ? 2 : 0;
	}
	if (!out) {
		fprintf(stderr, PROG ": --random needs --out DIR\n");
		return 2;
	}
	if (mkdir(out, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, PROG ": %s: %s\n", out, strerror(errno));
		return 2;
	}
	char y1[8] = "2024", y2[8] = "2025";
	if (sscanf(years, "%4[0-9],%4[0-9]", y1, y2) != 2) {
		fprintf(stderr, PROG ": --years wants Y1,Y2\n");
		return 2;
	}
	int rc = 0;
	for (long d0 = 0; d0 < nrandom; d0 += multi) {
		int k = (int)(nrandom - d0 < multi ? nrandom - d0 : multi);
		form *fy[2][MAXF];
		style sty = st;
		rng fr = rng_fork(seed, (uint64_t)d0, 1);
		if (!novary) {
			sty.yuan |= rng_pct(&fr, 15);
			sty.split |= rng_pct(&fr, 20);
			sty.fullwidth |= rng_pct(&fr, 15);
			sty.spaces |= rng_pct(&fr, 20);
			sty.undef |= rng_pct(&fr, 10);
			if (!set_marks)
				sty.marks = rng_int(&fr, NMARK);
		}
		for (int i = 0; i < k; i++) {
			rng r = rng_fork(seed, (uint64_t)(d0 + i), 2);
			const char *dept = random_dept(&r, d0 + i);
			fy[0][i] = form_new();
			random_form(fy[0][i], &r, dept, sdup(y1), 0);
			if (sty.split)
				add_weights(fy[0][i], &r);
			fy[1][i] = next_year(fy[0][i], &r, sdup(y2));
		}
		for (int y = 0; y < 2 && !rc; y++) {
			style s = sty;
			rng pr = rng_fork(seed, (uint64_t)d0, 10 + y);
			if (!set_shape)
				s.shape = rng_int(&pr, NSHAPE);
			if (!set_enc) {
				static const int pe[NSHAPE][4] = {
				    {EN_UTF8, EN_UTF8, EN_UTF8, EN_GB},
				    {EN_UTF8, EN_UTF8, EN_BOM, EN_GB},
				    {EN_UTF8, EN_UTF8, EN_GB, EN_GB},
				    {EN_U16, EN_U16, EN_U16, EN_UTF8},
				    {EN_BOM, EN_BOM, EN_GB, EN_UTF8}};
				s.enc = pe[s.shape][rng_int(&pr, 4)];
			}
			if (!st.crlf)
				s.crlf =
				    s.shape == SH_DCSV || (s.shape == SH_C && rng_pct(&pr, 70));
			const char *yr = y ? y2 : y1;
			const char *base = sfmt("%s/%06ld_%s", out, d0 + 1, yr);
			rc |= render(fy[y], k, &s, seed, (uint64_t)(d0 * 2 + y),
			             sfmt("%s.%s", base, shape_ext[s.shape]));
			const char *fp_name = sfmt("%s.facts.tsv", base);
			FILE *fp = fopen(fp_name, "w");
			if (!fp) {
				fprintf(stderr, PROG ": %s: %s\n", fp_name, strerror(errno));
				rc = 1;
				break;
			}
			fprintf(fp, "%s\n", FACT_HEADER);
			for (int i = 0; i < k; i++) {
				const char *doc =
				    sfmt("%06ld_%s%s", d0 + 1, yr, i ? sfmt("#%d", i + 1) : "");
				write_facts(fp, fy[y][i], doc, &s);
			}
			if (fclose(fp) != 0)
				rc = 1;
		}
		for (int i = 0; i < k; i++) {
			free(fy[0][i]);
			free(fy[1][i]);
		}
		arena_free();
	}
	free(arena);
	return rc ? 2 : 0;
}
