/* SPDX-License-Identifier: MIT */
/* diff: year-over-year comparison of fact streams. See diff.h.
 *
 * Shape: a source yields records in (dept, project, section, key, field)
 * order, either from a sorted in-memory array (default mode) or straight
 * from a reader that checks the order as it goes (--sorted). The merge loop
 * takes one (dept, project, section) group at a time from each source, and
 * process_group turns a pair of groups into rows. Since both modes meet in
 * the same loop, their output is identical by construction. */
#include "diff.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extsort.h"
#include "facts.h"
#include "diffrep.h"
#include "sum.h"
#include "tsv.h"
#include "util.h"
#include "vocab.h"

const char *const diff_change_name[] = {"added", "removed", "changed", "renamed", "same"};
const char DIFF_HEADER[] = "change\tdept\tproject\tsection\tkey\tfield\told\tnew\tdelta\tpct";

void diff_opts_init(diff_opts *o)
{
	memset(o, 0, sizeof *o);
	o->format = DIFF_TSV;
	o->similarity.m = 5;
	o->similarity.scale = 1;
	o->mem_budget = DIFF_MEM_BUDGET;
}

/* ---- byte order of the escaped text ---- */

/* Where byte c goes in the escaped order, decided at the first byte in
 * which two raw texts differ: a plain byte is itself, a special one (\\ TAB
 * LF CR) is a backslash and then a letter. Two different plain bytes, or a
 * plain byte and a backslash, differ in their first escaped byte; two
 * specials differ in their letter. So (first << 8 | letter) orders them. */
static inline unsigned esc_weight(unsigned char c)
{
	switch (c) {
	case '\\':
		return '\\' << 8 | '\\';
	case '\t':
		return '\\' << 8 | 't';
	case '\n':
		return '\\' << 8 | 'n';
	case '\r':
		return '\\' << 8 | 'r';
	default:
		return (unsigned)c << 8;
	}
}

int diff_esc_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	/* Escaping maps each byte on its own, so the raw texts' common prefix
	 * escapes to a common prefix, and the order is that of the escaped
	 * forms of the first differing bytes (the end sorts first). */
	size_t n = an < bn ? an : bn, k = pg_first_diff(a, b, n);
	if (k == n)
		return an == bn ? 0 : an < bn ? -1 : 1;
	unsigned wa = esc_weight((unsigned char)a[k]), wb = esc_weight((unsigned char)b[k]);
	return wa < wb ? -1 : 1;
}

/* Are a and b the same text? (Equal raw texts are equal escaped ones.) */
static inline int same_text(const char *a, size_t an, const char *b, size_t bn)
{
	return an == bn && (a == b || pg_first_diff(a, b, an) == an);
}

/* ---- Dice coefficient ---- */

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return (a > b) - (a < b);
}

/* The sorted bigrams of s (code points; an invalid byte counts as one
 * character of its own, distinct from every code point). Caller frees *out;
 * returns the count. */
static size_t bigrams(const char *s, size_t n, uint64_t **out)
{
	uint64_t *v = xreallocarray(NULL, n ? n : 1, sizeof *v);
	size_t k = 0, i = 0;
	uint64_t prev = 0;
	int have = 0;
	while (i < n) {
		size_t len;
		long cp = utf8_decode((const unsigned char *)s + i, n - i, &len);
		uint64_t c = cp < 0 ? 0x110000u + (unsigned char)s[i] : (uint64_t)cp;
		i += len;
		if (have)
			v[k++] = prev << 32 | c;
		prev = c;
		have = 1;
	}
	qsort(v, k, sizeof *v, cmp_u64);
	*out = v;
	return k;
}

static void dice_of(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, int equal,
                    long long *num, long long *den)
{
	if (na + nb == 0) {
		*num = equal;
		*den = 1;
		return;
	}
	size_t i = 0, j = 0, common = 0;
	while (i < na && j < nb) {
		if (a[i] == b[j])
			common++, i++, j++;
		else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	*num = 2 * (long long)common;
	*den = (long long)(na + nb);
}

void diff_dice(const char *a, size_t an, const char *b, size_t bn, long long *num, long long *den)
{
	uint64_t *ba, *bb;
	size_t na = bigrams(a, an, &ba), nb = bigrams(b, bn, &bb);
	dice_of(ba, na, bb, nb, an == bn && memcmp(a, b, an) == 0, num, den);
	free(ba);
	free(bb);
}

int diff_ratio_ge(long long num, long long den, dec x)
{
	/* num/den >= m/10^s  <=>  num * 10^s >= m * den (den > 0) */
	__int128 l = num, r = x.m * (__int128)den;
	for (int i = 0; i < x.scale; i++)
		l *= 10;
	return l >= r;
}

/* ---- records ---- */

enum { R_DEPT, R_PROJECT, R_SECTION, R_KEY, R_FIELD, R_VALUE, R_OP, R_NUM, R_UNIT, R_YEAR, R_N };
/* A run record's fields (lib/extsort.c): value .. year; dept .. field and
 * the line are in its key (run_key). */
#define RUN_COLS (R_N - R_VALUE)
static const int rec_col[R_N] = {COL_DEPT,  COL_PROJECT, COL_SECTION, COL_KEY,  COL_FIELD,
                                 COL_VALUE, COL_OP,      COL_NUM,     COL_UNIT, COL_YEAR};

typedef struct rec {
	long line;
	const char *ek; /* effective key: the new key once renamed */
	uint32_t ekn;
	uint32_t cap; /* --sorted: bytes in data[] (records are reused) */
	size_t gid;   /* default mode: its (dept, project, section) group */
	const char *s[R_N];
	uint32_t n[R_N]; /* a line has at most TSV_MAX_LINE bytes */
	char data[];     /* the strings, NUL-terminated */
} rec;

/* Bytes of data[] for the reader's current record, without the group's
 * columns when shared. */
static size_t rec_data_size(const tsv_reader *r, int shared)
{
	size_t total = 0;
	for (int i = shared ? R_KEY : R_DEPT; i < R_N; i++)
		total += r->len[rec_col[i]] + 1;
	return total;
}

/* Copy the reader's current record, of input line `line`, into x (room for
 * rec_data_size bytes). With g, columns R_DEPT .. R_SECTION point to g's
 * strings instead (the same text), which must outlive x. */
static void rec_fill(rec *x, const tsv_reader *r, long line, const rec *g)
{
	char *p = x->data;
	int i = R_DEPT;
	if (g) {
		for (; i < R_KEY; i++) {
			x->s[i] = g->s[i];
			x->n[i] = g->n[i];
		}
	}
	for (; i < R_N; i++) {
		size_t n = r->len[rec_col[i]];
		memcpy(p, r->f[rec_col[i]], n);
		p[n] = 0;
		x->s[i] = p;
		x->n[i] = (uint32_t)n;
		p += n + 1;
	}
	x->line = line;
	x->ek = x->s[R_KEY];
	x->ekn = x->n[R_KEY];
}

static int col_cmp(const rec *a, const rec *b, int i)
{
	return diff_esc_cmp(a->s[i], a->n[i], b->s[i], b->n[i]);
}

/* Compare columns R_DEPT .. last. */
static int rec_cmp_upto(const rec *a, const rec *b, int last)
{
	for (int i = R_DEPT; i <= last; i++) {
		int c = col_cmp(a, b, i);
		if (c)
			return c;
	}
	return 0;
}

/* Are columns R_DEPT .. last the same text? */
static int rec_same_upto(const rec *a, const rec *b, int last)
{
	for (int i = last; i >= R_DEPT; i--) /* the last column differs most often */
		if (!same_text(a->s[i], a->n[i], b->s[i], b->n[i]))
			return 0;
	return 1;
}

/* Key, field, then line: the order inside one group of a loaded input. */
static int qcmp_key_field_line(const void *x, const void *y)
{
	const rec *a = *(rec *const *)x, *b = *(rec *const *)y;
	int c = col_cmp(a, b, R_KEY);
	if (!c)
		c = col_cmp(a, b, R_FIELD);
	return c ? c : (a->line > b->line) - (a->line < b->line);
}

/* Effective key, then field: the order inside a group after renames. */
static int qcmp_ek_field(const void *x, const void *y)
{
	const rec *a = *(rec *const *)x, *b = *(rec *const *)y;
	int c = diff_esc_cmp(a->ek, a->ekn, b->ek, b->ekn);
	return c ? c : col_cmp(a, b, R_FIELD);
}

static int streq(const rec *a, const rec *b, int i)
{
	return a->n[i] == b->n[i] && memcmp(a->s[i], b->s[i], a->n[i]) == 0;
}

typedef struct {
	rec **v;
	size_t n, cap;
} recvec;

static void rv_push(recvec *rv, rec *r)
{
	if (rv->n == rv->cap) {
		rv->cap = rv->cap ? rv->cap * 2 : 16;
		rv->v = xreallocarray(rv->v, rv->cap, sizeof *rv->v);
	}
	rv->v[rv->n++] = r;
}

/* Bump allocation for the records of a whole input (default mode): one
 * free at the end instead of one per record. */
#define ARENA_BLOCK (1u << 20)

typedef struct {
	char *cur;
	size_t left;
	char **blocks; /* standard blocks in use, then spare ones (arena_reset) */
	size_t nblocks, nspare;
	char **big; /* blocks of one big record each */
	size_t nbig;
	size_t bytes; /* allocated in blocks */
	size_t block; /* bytes a block, 0: ARENA_BLOCK */
} arena;

static void *arena_alloc(arena *a, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	if (n > a->left) {
		size_t blk = a->block ? a->block : ARENA_BLOCK;
		if (n > blk / 4) { /* a big record has a block of its own */
			char *b = xmalloc(n);
			a->bytes += n;
			a->big = xreallocarray(a->big, a->nbig + 1, sizeof *a->big);
			a->big[a->nbig++] = b;
			return b;
		}
		char *b;
		if (a->nspare) { /* a block of an earlier run, its pages already mapped */
			b = a->blocks[a->nblocks];
			a->nspare--;
		} else {
			b = xmalloc(blk);
			a->blocks = xreallocarray(a->blocks, a->nblocks + 1, sizeof *a->blocks);
			a->blocks[a->nblocks] = b;
		}
		a->nblocks++;
		a->bytes += blk;
		a->cur = b;
		a->left = blk;
	}
	void *p = a->cur;
	a->cur += n;
	a->left -= n;
	return p;
}

/* Forget every record but keep the standard blocks for the next ones (a
 * spilled input's runs reuse the same memory: no page faults a run). */
static void arena_reset(arena *a)
{
	for (size_t i = 0; i < a->nbig; i++)
		free(a->big[i]);
	a->nbig = 0;
	a->nspare += a->nblocks;
	a->nblocks = 0;
	a->bytes = 0;
	a->cur = NULL;
	a->left = 0;
}

static void arena_free(arena *a)
{
	arena_reset(a);
	for (size_t i = 0; i < a->nspare; i++)
		free(a->blocks[i]);
	free(a->blocks);
	free(a->big);
	size_t blk = a->block;
	memset(a, 0, sizeof *a);
	a->block = blk;
}

/* ---- errors ---- */

static void add_error(diff_errors *e, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void add_error(diff_errors *e, const char *file, long line, const char *fmt, ...)
{
	if (e->n >= DIFF_MAX_ERRORS)
		return;
	e->e[e->n].file = file;
	e->e[e->n].line = line;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->e[e->n].msg, sizeof e->e[e->n].msg, fmt, ap);
	va_end(ap);
	e->n++;
}

/* ---- sources ---- */

typedef struct src {
	const char *name;
	int stream; /* 1: records come from r in order; 0: from all[] */
	tsv_reader r;
	recvec all;
	size_t pos;
	rec *la; /* the next record; NULL at the end */
	const diff_opts *o;
	diff_errors *errs;
	/* stream mode: records of past groups, to be reused */
	recvec pool;
	/* default mode: the records live in mem; grp[g] is the first record
	 * of group g, whose (dept, project, section) strings the group's
	 * other records share; gcount[g] its size; ht a hash table of
	 * group + 1 (0: empty slot), htcap slots, a power of 2 */
	arena mem;
	rec **grp;
	size_t *gcount, ngroups, gcap, last;
	size_t *ht, htcap;
	/* over the memory budget: the sorted runs, merged (then stream is
	 * 1 and the records come from the merge); the duplicate the merge
	 * met (dup: its line, 0 none; dup_first: the first of its run) */
	int spilled, dup_done;
	extsort ext;
	long dup, dup_first;
	/* after the first run: the records are loaded as run records (fv,
	 * fn of them, in mem) with their run keys, not grouped */
	int flat;
	char **fv;
	size_t fn, fcap;
	buf key;       /* a run key being built */
	buf kdec;      /* a merged record's key, decoded */
	tsv_reader mr; /* a merged record as a fact stream's fields */
	/* the offsets of the merged key before's columns' end marks in it
	 * (kend) and of their decoded texts' ends in kdec (dend);
	 * kchg: the first column (R_DEPT .. R_FIELD) in which the merged
	 * record differs from the one before, R_VALUE when in none (a
	 * duplicate), -1 before the first record (run_decode) */
	size_t kend[R_VALUE], dend[R_VALUE];
	int kchg;
} src;

/* Give the records of g back to s's pool (stream mode) and empty g. */
static void src_release(src *s, recvec *g)
{
	for (size_t i = 0; i < g->n; i++)
		rv_push(&s->pool, g->v[i]);
	g->n = 0;
}

/* A copy of r's current record (input line `line`) in a record of s's
 * pool, or a new one, sharing g's group strings when g is not NULL (g must
 * be of the same group, so both are released together). The caller
 * releases it to the pool (or frees it). */
static rec *src_rec_stream(src *s, const tsv_reader *r, long line, const rec *g)
{
	size_t need = rec_data_size(r, g != NULL);
	rec *x = s->pool.n ? s->pool.v[--s->pool.n] : NULL;
	/* a record that once held a long line does not keep its room */
	if (!x || x->cap < need || (x->cap > 65536 && x->cap > 2 * need)) {
		size_t cap = need < 256 ? 256 : need;
		x = xrealloc(x, sizeof *x + cap);
		x->cap = (uint32_t)cap;
	}
	rec_fill(x, r, line, g);
	return x;
}

static uint64_t hash_bytes(uint64_t h, const char *p, size_t n)
{
	const uint64_t k = 0x9E3779B97F4A7C15u;
	h = (h ^ n) * k;
	for (; n >= 8; p += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * k;
		h ^= h >> 29;
	}
	uint64_t w = 0;
	memcpy(&w, p, n);
	h = (h ^ w) * k;
	return h ^ h >> 32;
}

static uint64_t group_hash(const char *const *p, const size_t *n)
{
	uint64_t h = 0;
	for (int i = 0; i < 3; i++)
		h = hash_bytes(h, p[i], n[i]);
	return h;
}

/* Has the reader's record g's columns R_DEPT .. last (the same text)? */
static int reader_same_upto(const rec *g, const tsv_reader *r, int last)
{
	for (int i = last; i >= R_DEPT; i--)
		if (!same_text(g->s[i], g->n[i], r->f[rec_col[i]], r->len[rec_col[i]]))
			return 0;
	return 1;
}

/* Is the reader's record in g's (dept, project, section) group? */
static int in_group(const rec *g, const tsv_reader *r)
{
	return reader_same_upto(g, r, R_SECTION);
}

static void ht_put(src *s, size_t gid)
{
	const rec *g = s->grp[gid];
	const char *p[3] = {g->s[R_DEPT], g->s[R_PROJECT], g->s[R_SECTION]};
	size_t n[3] = {g->n[R_DEPT], g->n[R_PROJECT], g->n[R_SECTION]};
	size_t mask = s->htcap - 1, i = group_hash(p, n) & mask;
	while (s->ht[i])
		i = (i + 1) & mask;
	s->ht[i] = gid + 1;
}

/* A copy of s's current record in s's arena, its group found or made
 * (records of one group mostly come in runs: the last group is tried
 * first). */
static rec *src_rec_load(src *s)
{
	const tsv_reader *r = &s->r;
	size_t gid = s->last;
	int fresh = 0;
	if (!s->ngroups || !in_group(s->grp[gid], r)) {
		const char *p[3] = {r->f[COL_DEPT], r->f[COL_PROJECT], r->f[COL_SECTION]};
		size_t n[3] = {r->len[COL_DEPT], r->len[COL_PROJECT], r->len[COL_SECTION]};
		size_t mask = s->htcap - 1, i = group_hash(p, n) & mask;
		for (;; i = (i + 1) & mask) {
			if (!s->ht[i]) {
				fresh = 1;
				break;
			}
			if (in_group(s->grp[s->ht[i] - 1], r)) {
				gid = s->ht[i] - 1;
				break;
			}
		}
	}
	rec *x = arena_alloc(&s->mem, sizeof *x + rec_data_size(r, !fresh));
	rec_fill(x, r, r->line, fresh ? NULL : s->grp[gid]);
	if (fresh) {
		if (s->ngroups == s->gcap) {
			s->gcap = s->gcap ? 2 * s->gcap : 256;
			s->grp = xreallocarray(s->grp, s->gcap, sizeof *s->grp);
			s->gcount = xreallocarray(s->gcount, s->gcap, sizeof *s->gcount);
		}
		gid = s->ngroups++;
		s->grp[gid] = x;
		s->gcount[gid] = 0;
		if (2 * s->ngroups > s->htcap) { /* at most half full */
			free(s->ht);
			s->htcap *= 2;
			s->ht = xcalloc(s->htcap, sizeof *s->ht);
			for (size_t g = 0; g < s->ngroups; g++)
				ht_put(s, g);
		} else {
			ht_put(s, gid);
		}
	}
	x->gid = gid;
	s->gcount[gid]++;
	s->last = gid;
	return x;
}

/* Is the record's field one pg-diff compares? -f decides when given; else
 * every field but the form's decoration (score bands, core marks: FORMAT.md
 * 2c, vocab_diff_skip_fields), which says nothing of substance. */
static int field_selected(const diff_opts *o, const tsv_reader *r)
{
	if (!o->fields) {
		for (int i = 0; vocab_diff_skip_fields[i]; i++)
			if (strlen(vocab_diff_skip_fields[i]) == r->len[COL_FIELD] &&
			    memcmp(vocab_diff_skip_fields[i], r->f[COL_FIELD], r->len[COL_FIELD]) ==
			        0)
				return 0;
		return 1;
	}
	for (size_t i = 0; i < o->nfields; i++)
		if (strlen(o->fields[i]) == r->len[COL_FIELD] &&
		    memcmp(o->fields[i], r->f[COL_FIELD], r->len[COL_FIELD]) == 0)
			return 1;
	return 0;
}

/* The sort command that puts a file in the order --sorted expects. */
static const char *sort_hint(const char *name, char *b, size_t bn)
{
	const char *f = "FILE";
	int plain = strcmp(name, "-") != 0 && *name;
	for (const char *p = name; plain && *p; p++)
		plain =
		    strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/+-",
		           *p) != NULL;
	if (plain)
		f = name;
	snprintf(b, bn,
	         "{ head -n1 %s; tail -n +2 %s | LC_ALL=C sort -t \"$(printf '\\t')\" -k3,3 -k4,4 "
	         "-k5,5 -k6,6 -k7,7; }",
	         f, f);
	return b;
}

/* Read the next record of s and check that it was normalised: num
 * canonical, no plain number left without a num (pg-sum's test,
 * sum_validate), so a raw stream is refused instead of reported as a page
 * of spacing changes. Returns 1, 0 at the end, or -1 after adding an error. */
static int src_tsv_read(src *s)
{
	int rc = tsv_read(&s->r);
	if (rc < 0) {
		add_error(s->errs, s->name, s->r.line, "%s", s->r.err);
		return -1;
	}
	char err[256];
	if (rc == 1 && sum_validate(&s->r, err, sizeof err) < 0) {
		add_error(s->errs, s->name, s->r.line, "%s", err);
		return -1;
	}
	return rc;
}

/* A merged run record as a fact stream's fields, into s->mr: the columns
 * dept .. field decoded from its key (run_key's escapes and stuffing
 * undone, each column NUL-terminated in s->kdec), the rest from its fields
 * pv (RUN_COLS of them, value .. year), doc and src empty; *line from the
 * key's last 8 bytes. Only the columns from the first one in which the key
 * differs from the key before (s->kchg) are decoded: the merge is in key
 * order, so the ones before are the same text, already in s->kdec (and
 * kchg says whether the record is of the same group as the one before,
 * or a duplicate of it). Returns 0, or -1 when the key is not one run_key
 * makes. */
static int run_decode(src *s, const tsv_reader *pv, long *line)
{
	const unsigned char *k = (const unsigned char *)s->ext.key;
	size_t kn = s->ext.keylen, j = 0, o = 0;
	int first = R_DEPT;
	if (s->kchg >= 0) { /* not the first record: what it shares with the one before
		              (extsort tells) */
		size_t lcp = s->ext.shared;
		while (first <= R_FIELD && s->kend[first] < lcp)
			first++;
		if (first > R_DEPT) {
			j = s->kend[first - 1] + 1;
			o = s->dend[first - 1] + 1;
		}
	}
	s->kchg = first;
	if (s->kdec.cap < kn + 1) { /* decoded texts are never longer than the key */
		buf_grow(&s->kdec, kn + 1);
		for (int i = R_DEPT; i < first; i++) /* moved */
			s->mr.f[rec_col[i]] = s->kdec.s + (i > R_DEPT ? s->dend[i - 1] + 1 : 0);
	}
	char *d = s->kdec.s;
	static const char esc_from[] = "\\tnr", esc_to[] = "\\\t\n\r";
	for (int i = first; i <= R_FIELD; i++) {
		size_t start = o;
		for (;;) {
			if (j >= kn)
				return -1;
			unsigned char b = k[j++];
			if (b == 0)
				break;
			if (b == '\\' || b == 1) {
				if (j >= kn)
					return -1;
				unsigned char c = k[j++];
				const char *e = b == 1 ? NULL : strchr(esc_from, c);
				if (b == 1 ? c != 1 && c != 2 : !c || !e)
					return -1;
				d[o++] = b == 1 ? (char)(c - 1) : esc_to[e - esc_from];
			} else {
				d[o++] = (char)b;
			}
		}
		s->kend[i] = j - 1;
		s->dend[i] = o;
		d[o++] = 0;
		s->mr.f[rec_col[i]] = d + start;
		s->mr.len[rec_col[i]] = s->dend[i] - start;
	}
	if (kn - j != 8)
		return -1;
	uint64_t ln = 0;
	for (int b = 0; b < 8; b++)
		ln = ln << 8 | k[j + b];
	*line = (long)ln;
	for (int i = R_VALUE; i < R_N; i++) {
		s->mr.f[rec_col[i]] = pv->f[i - R_VALUE];
		s->mr.len[rec_col[i]] = pv->len[i - R_VALUE];
	}
	s->mr.f[COL_DOC] = s->mr.f[COL_SRC] = "";
	s->mr.len[COL_DOC] = s->mr.len[COL_SRC] = 0;
	s->mr.nf = FACT_NCOLS;
	return 0;
}

/* The next record of a stream source: from the input (--sorted) or from
 * the merge of its sorted runs (spilled). *r is the reader holding it, valid
 * until the next call, *line its input line. Returns 1, 0 at the end, or -1
 * after adding an error. */
static int src_read(src *s, const tsv_reader **r, long *line)
{
	if (s->spilled) {
		const tsv_reader *pv;
		int rc = extsort_next(&s->ext, &pv);
		if (rc > 0 && run_decode(s, pv, line) < 0) {
			snprintf(s->ext.err, sizeof s->ext.err, "a temporary file in %s is damaged",
			         s->ext.dir);
			rc = -1;
		}
		if (rc < 0)
			add_error(s->errs, NULL, 0, "%s", s->ext.err);
		*r = &s->mr;
		return rc;
	}
	int rc = src_tsv_read(s);
	*r = &s->r;
	*line = s->r.line;
	return rc;
}

/* A spilled source: read its merged records to the end and keep in s->dup,
 * s->dup_first the duplicate the in-memory mode reports (the smallest
 * second line of a run of equal records, and that run's first line). prev
 * is the record before the rest (NULL: none; not released here), run the
 * first line of its run. Returns 0, or -1 after adding an error. */
static int src_scan_dups(src *s, const rec *prev, long run)
{
	const rec *q = prev;
	rec *own = NULL;
	const tsv_reader *r;
	long line;
	int rc;
	s->dup_done = 1;
	while ((rc = src_read(s, &r, &line)) == 1) {
		if (q && reader_same_upto(q, r, R_FIELD)) {
			if (!s->dup || line < s->dup) {
				s->dup = line;
				s->dup_first = run;
			}
			continue;
		}
		run = line;
		rec *x = src_rec_stream(s, r, line, NULL);
		if (own)
			rv_push(&s->pool, own);
		q = own = x;
	}
	if (own)
		rv_push(&s->pool, own);
	return rc < 0 ? -1 : 0;
}

/* Move to the next record. In stream mode, check that it sorts after the
 * one before (which is still alive: the caller's group or s->la holds it).
 * Returns 0, or -1 after adding an error (a spilled source's duplicate:
 * s->dup set instead, see src_resolve). */
static int src_advance(src *s)
{
	if (!s->stream) {
		s->la = s->pos < s->all.n ? s->all.v[s->pos++] : NULL;
		return 0;
	}
	rec *prev = s->la;
	for (;;) {
		const tsv_reader *r;
		long line;
		int rc = src_read(s, &r, &line);
		if (rc <= 0) {
			s->la = NULL;
			return rc;
		}
		if (s->spilled) {
			/* the merge is in order, and every record was selected
			 * as it was loaded: whether it is of prev's group or a
			 * duplicate of prev is all that is left to find, and
			 * run_decode found it */
			rec *x =
			    src_rec_stream(s, r, line, prev && s->kchg > R_SECTION ? prev : NULL);
			if (prev && s->kchg > R_FIELD) {
				/* the merge is in line order: prev is its run's first */
				s->dup = x->line;
				s->dup_first = prev->line;
				src_scan_dups(s, x, prev->line);
				free(x);
				s->la = NULL;
				return -1;
			}
			s->la = x;
			return 0;
		}
		if (!field_selected(s->o, r))
			continue;
		/* compared before the copy, so that a record of the group of
		 * the one before shares its strings: the group ends are then
		 * found by pointer */
		int c = prev ? 0 : -1;
		for (int i = R_DEPT; prev && !c && i <= R_SECTION; i++)
			c = diff_esc_cmp(prev->s[i], prev->n[i], r->f[rec_col[i]],
			                 r->len[rec_col[i]]);
		rec *x = src_rec_stream(s, r, line, prev && !c ? prev : NULL);
		for (int i = R_KEY; prev && !c && i <= R_FIELD; i++)
			c = col_cmp(prev, x, i);
		if (c >= 0) {
			if (c == 0) {
				add_error(s->errs, s->name, x->line,
				          "duplicate record (first at line %ld)", prev->line);
			} else {
				char hint[600];
				add_error(s->errs, s->name, x->line,
				          "input not sorted (use sort: %s)",
				          sort_hint(s->name, hint, sizeof hint));
			}
			free(x);
			s->la = NULL;
			return -1;
		}
		s->la = x;
		return 0;
	}
}

/* qsort_r order of group numbers: by (dept, project, section). */
static int qcmp_gid(const void *x, const void *y, void *arg)
{
	rec *const *grp = arg;
	return rec_cmp_upto(grp[*(const size_t *)x], grp[*(const size_t *)y], R_SECTION);
}

/* Sort the records loaded (s->all) in merge order: the (few) groups are
 * sorted, the records put in their group's place in line order, then each
 * group sorted by key, field and line. */
static void src_sort(src *s)
{
	size_t ng = s->ngroups, *order = xreallocarray(NULL, ng ? ng : 1, sizeof *order);
	for (size_t g = 0; g < ng; g++)
		order[g] = g;
	qsort_r(order, ng, sizeof *order, qcmp_gid, s->grp);
	size_t *start = xreallocarray(NULL, ng ? ng : 1, sizeof *start), at = 0;
	for (size_t k = 0; k < ng; k++) {
		start[order[k]] = at;
		at += s->gcount[order[k]];
	}
	rec **v = xreallocarray(NULL, s->all.n ? s->all.n : 1, sizeof *v);
	for (size_t i = 0; i < s->all.n; i++)
		v[start[s->all.v[i]->gid]++] = s->all.v[i];
	for (size_t k = 0; k < ng; k++) {
		size_t n = s->gcount[order[k]];
		if (n > 1)
			qsort(v + start[order[k]] - n, n, sizeof *v, qcmp_key_field_line);
	}
	free(order);
	free(start);
	free(s->all.v);
	s->all.v = v;
	s->all.cap = s->all.n;
}

/* Bytes the loaded records hold: the arena, the record vector and the
 * sort's copy of it, the group tables. */
static size_t src_mem(const src *s)
{
	return s->mem.bytes + (s->all.cap + s->all.n) * sizeof(rec *) +
	       s->gcap * (sizeof *s->grp + sizeof *s->gcount) + s->htcap * sizeof *s->ht +
	       s->fcap * sizeof *s->fv + s->fn * 2 * sizeof(char *); /* extsort_sort's copy */
}

/* The run key of a record (extsort's order is the keys' bytes): columns
 * dept .. field, each as its escaped text (what LC_ALL=C sort sees) with
 * bytes 0x00 and 0x01 stuffed as 01 01 and 01 02 and a 0x00 after it, then
 * the line number, 8 bytes big-endian. So memcmp orders keys as
 * diff_esc_cmp orders the columns one by one, then the line (the order
 * src_sort gives), and no key is the start of another. Into b (reset). */
static void run_key(buf *b, const char *const *col, const size_t *n, long line)
{
	size_t need = 8;
	for (int i = 0; i < 5; i++)
		need += 2 * n[i] + 1;
	buf_reset(b);
	buf_grow(b, need);
	unsigned char *p = (unsigned char *)b->s;
	for (int i = 0; i < 5; i++) {
		const unsigned char *c = (const unsigned char *)col[i];
		size_t k = 0;
		while (k < n[i]) {
			/* 8 bytes at once while none is special (a byte < 0x0E or a
			 * backslash: a test that may say yes for 0x02 .. 0x0D too,
			 * which the byte loop then copies as they are) */
			if (n[i] - k >= 8) {
				uint64_t w, x;
				memcpy(&w, c + k, 8);
				x = w ^ 0x5C5C5C5C5C5C5C5Cu;
				if (!((((w - 0x0E0E0E0E0E0E0E0Eu) & ~w) |
				       ((x - 0x0101010101010101u) & ~x)) &
				      0x8080808080808080u)) {
					memcpy(p, &w, 8);
					p += 8;
					k += 8;
					continue;
				}
			}
			size_t end = n[i] - k >= 8 ? k + 8 : n[i];
			for (; k < end; k++) {
				switch (c[k]) {
				case '\\':
					*p++ = '\\', *p++ = '\\';
					break;
				case '\t':
					*p++ = '\\', *p++ = 't';
					break;
				case '\n':
					*p++ = '\\', *p++ = 'n';
					break;
				case '\r':
					*p++ = '\\', *p++ = 'r';
					break;
				case 0:
				case 1:
					*p++ = 1, *p++ = (unsigned char)(c[k] + 1);
					break;
				default:
					*p++ = c[k];
				}
			}
		}
		*p++ = 0;
	}
	uint64_t ln = (uint64_t)line;
	for (int k = 7; k >= 0; k--)
		*p++ = (unsigned char)(ln >> (8 * k));
	b->len = (size_t)(p - (unsigned char *)b->s);
}

/* Sort the records loaded and write them as one run; then forget them.
 * Returns 0, or -1 after adding an error. The first run is of grouped
 * records (src_rec_load); from then on the input is known to be large and
 * records are loaded flat, as run records (src_flat_load). */
static int src_spill(src *s)
{
	if (!s->spilled) {
		extsort_init(&s->ext, RUN_COLS);
		s->spilled = 1;
		s->kchg = -1;
	}
	if (extsort_begin(&s->ext) < 0) {
		add_error(s->errs, NULL, 0, "%s", s->ext.err);
		return -1;
	}
	if (s->flat) {
		extsort_sort(s->fv, s->fn);
		extsort_put_recs(&s->ext, s->fv, s->fn);
		s->fn = 0;
	} else {
		src_sort(s);
		char *f[RUN_COLS];
		size_t len[RUN_COLS];
		for (size_t i = 0; i < s->all.n; i++) {
			const rec *x = s->all.v[i];
			for (int k = R_VALUE; k < R_N; k++) {
				f[k - R_VALUE] = (char *)x->s[k];
				len[k - R_VALUE] = x->n[k];
			}
			size_t n[5] = {x->n[R_DEPT], x->n[R_PROJECT], x->n[R_SECTION], x->n[R_KEY],
			               x->n[R_FIELD]};
			run_key(&s->key, x->s, n, x->line);
			extsort_put(&s->ext, s->key.s, s->key.len, f, len);
		}
		s->all.n = 0;
		s->ngroups = 0;
		s->last = 0;
		memset(s->ht, 0, s->htcap * sizeof *s->ht);
		s->flat = 1;
	}
	if (extsort_end(&s->ext) < 0) {
		add_error(s->errs, NULL, 0, "%s", s->ext.err);
		return -1;
	}
	arena_reset(&s->mem);
	return 0;
}

/* Load the reader's current record as a run record with its key, in s's
 * arena (no group, no copy of the columns into a rec: it is written as
 * it is built). */
static void src_flat_load(src *s)
{
	const tsv_reader *r = &s->r;
	const char *col[5];
	size_t n[5];
	for (int i = 0; i < 5; i++) {
		col[i] = r->f[rec_col[R_DEPT + i]];
		n[i] = r->len[rec_col[R_DEPT + i]];
	}
	run_key(&s->key, col, n, r->line);
	char *f[RUN_COLS];
	size_t len[RUN_COLS];
	for (int k = R_VALUE; k < R_N; k++) {
		f[k - R_VALUE] = r->f[rec_col[k]];
		len[k - R_VALUE] = r->len[rec_col[k]];
	}
	char *x = arena_alloc(&s->mem, extsort_rec_size(&s->ext, s->key.len, len));
	extsort_rec_build(&s->ext, x, s->key.s, s->key.len, f, len);
	if (s->fn == s->fcap) {
		s->fcap = s->fcap ? 2 * s->fcap : 1024;
		s->fv = xreallocarray(s->fv, s->fcap, sizeof *s->fv);
	}
	s->fv[s->fn++] = x;
}

/* Default mode: read everything, sort, find duplicates. Returns 0 or -1.
 * An input over the memory budget is sorted in runs (src_spill) and then
 * read from their merge like a --sorted one: s->stream is then 1, and its
 * duplicates are found as the merge goes (src_advance). */
static int src_load(src *s)
{
	int rc;
	size_t budget = s->o->mem_budget;
	/* blocks small enough for a small budget to hold several */
	s->mem.block = budget / 16 < 4096          ? 4096
	               : budget / 16 > ARENA_BLOCK ? ARENA_BLOCK
	                                           : budget / 16;
	s->htcap = 1024;
	s->ht = xcalloc(s->htcap, sizeof *s->ht);
	while ((rc = src_tsv_read(s)) == 1) {
		if (!field_selected(s->o, &s->r))
			continue;
		if (s->flat)
			src_flat_load(s);
		else
			rv_push(&s->all, src_rec_load(s));
		if (src_mem(s) > budget && src_spill(s) < 0)
			return -1;
	}
	if (rc < 0)
		return -1;
	if (s->spilled) {
		if ((s->all.n || s->fn) && src_spill(s) < 0)
			return -1;
		arena_free(&s->mem); /* the spare blocks: not needed for the merge */
		if (extsort_merge(&s->ext) < 0) {
			add_error(s->errs, NULL, 0, "%s", s->ext.err);
			return -1;
		}
		s->stream = 1;
		return 0;
	}
	src_sort(s);
	/* the duplicate a one-pass reader would meet first: smallest second line */
	long dup = 0, first = 0;
	size_t run = 0;
	for (size_t i = 1; i < s->all.n; i++) {
		if (!rec_same_upto(s->all.v[i - 1], s->all.v[i], R_FIELD)) {
			run = i;
			continue;
		}
		if (!dup || s->all.v[i]->line < dup) {
			dup = s->all.v[i]->line;
			first = s->all.v[run]->line;
		}
	}
	if (dup) {
		add_error(s->errs, s->name, dup, "duplicate record (first at line %ld)", first);
		return -1;
	}
	return 0;
}

/* After trouble with a spilled input: the in-memory mode would have
 * reported each input's duplicate, if any, and nothing else. Finds the
 * spilled inputs' duplicates (reading what is left of their merge: the
 * records before it were checked) and, when there is one, makes errs
 * those reports, in input order. */
static void src_resolve(src s[2], diff_errors *errs)
{
	diff_errors scan = {0};
	int any = 0;
	for (int k = 0; k < 2; k++) {
		if (!s[k].spilled)
			continue;
		s[k].errs = &scan; /* a read error here changes nothing */
		if (!s[k].dup_done && s[k].la)
			src_scan_dups(&s[k], s[k].la, s[k].la->line);
		any |= s[k].dup != 0;
	}
	if (!any)
		return;
	memset(errs, 0, sizeof *errs);
	for (int k = 0; k < 2; k++)
		if (s[k].dup)
			add_error(errs, s[k].name, s[k].dup, "duplicate record (first at line %ld)",
			          s[k].dup_first);
}

/* Collect the next (dept, project, section) group into g (emptied first).
 * Returns 0 (g empty at the end), or -1 on error. */
static int src_group(src *s, recvec *g)
{
	g->n = 0;
	if (!s->la)
		return 0;
	rv_push(g, s->la);
	for (;;) {
		if (src_advance(s) < 0)
			return -1;
		if (!s->la || !rec_same_upto(s->la, g->v[0], R_SECTION))
			return 0;
		rv_push(g, s->la);
	}
}

/* ---- comparing one group ---- */

typedef struct row {
	int change;
	const char *k, *f, *ov, *nv;
	size_t kn, fn, ovn, nvn;
	char delta[DEC_BUFSZ], pct[DEC_BUFSZ];
	const char *unit; /* delta's unit ("" none) */
	dec deltav;       /* delta, when delta[0] */
	int has_pct;
	dec pctv;
} row;

typedef struct {
	row *v;
	size_t n, cap;
} rowvec;

static row *rw_push(rowvec *rv, int change)
{
	if (rv->n == rv->cap) {
		rv->cap = rv->cap ? rv->cap * 2 : 16;
		rv->v = xreallocarray(rv->v, rv->cap, sizeof *rv->v);
	}
	row *w = &rv->v[rv->n++];
	memset(w, 0, sizeof *w);
	w->change = change;
	return w;
}

static int qcmp_row(const void *x, const void *y)
{
	const row *a = x, *b = y;
	int c = diff_esc_cmp(a->k, a->kn, b->k, b->kn);
	if (!c)
		c = diff_esc_cmp(a->f, a->fn, b->f, b->fn);
	if (!c) /* a renamed row before a record of the same key with an empty field */
		c = (b->change == DIFF_RENAMED) - (a->change == DIFF_RENAMED);
	return c;
}

/* The form's year of r (its year column), or -1. */
static int year_of(const rec *r)
{
	const char *y = r->s[R_YEAR];
	if (r->n[R_YEAR] != 4)
		return -1;
	for (int i = 0; i < 4; i++)
		if (y[i] < '0' || y[i] > '9')
			return -1;
	return atoi(y);
}

/* Do a and b say the same thing relative to their forms' years? A deadline
 * that moves with the year (2024-12-31 in the 2024 form, 2025-12-31 in the
 * 2025 form, same op) and a title whose only difference is the year are the
 * same; everything else is compared as it is. */
static int same_relative(const rec *a, const rec *b)
{
	int ya = year_of(a), yb = year_of(b);
	if (ya < 0 || yb < 0 || ya == yb)
		return 0;
	if (a->n[R_NUM] == 10 && b->n[R_NUM] == 10 && strcmp(a->s[R_UNIT], "date") == 0 &&
	    strcmp(b->s[R_UNIT], "date") == 0 && streq(a, b, R_OP) && streq(a, b, R_UNIT)) {
		int da = atoi(a->s[R_NUM]), db = atoi(b->s[R_NUM]);
		return db - da == yb - ya && memcmp(a->s[R_NUM] + 4, b->s[R_NUM] + 4, 6) == 0;
	}
	if (a->n[R_NUM] || b->n[R_NUM] || strcmp(a->s[R_SECTION], "meta") != 0 ||
	    a->n[R_VALUE] != b->n[R_VALUE])
		return 0;
	/* the title: equal once every 4 digits of the old year read as the new */
	const char *p = a->s[R_VALUE], *q = b->s[R_VALUE];
	size_t n = a->n[R_VALUE];
	int moved = 0;
	for (size_t i = 0; i < n;) {
		if (i + 4 <= n && memcmp(p + i, a->s[R_YEAR], 4) == 0 &&
		    memcmp(q + i, b->s[R_YEAR], 4) == 0) {
			i += 4, moved = 1;
			continue;
		}
		if (p[i] != q[i])
			return 0;
		i++;
	}
	return moved;
}

/* Compare a matched pair into w: change, delta, pct. With all == 0, a
 * `same` row is never printed, so the arithmetic is skipped when the op,
 * num and unit texts are equal (equal texts are equal numbers). */
static void compare(const rec *a, const rec *b, row *w, int all, int absolute_dates)
{
	int anum = a->n[R_NUM] > 0, bnum = b->n[R_NUM] > 0;
	if (!all && anum && bnum && streq(a, b, R_NUM) && streq(a, b, R_UNIT) &&
	    streq(a, b, R_OP)) {
		w->change = DIFF_SAME;
		return;
	}
	int same_unit = anum && bnum && streq(a, b, R_UNIT);
	int is_date = same_unit && strcmp(a->s[R_UNIT], "date") == 0;
	dec da, db;
	int bothdec = anum && bnum && !is_date && dec_parse(a->s[R_NUM], a->n[R_NUM], &da) == 0 &&
	              dec_parse(b->s[R_NUM], b->n[R_NUM], &db) == 0;
	int equal;
	if (anum && bnum)
		equal = streq(a, b, R_OP) && same_unit &&
		        (bothdec ? dec_cmp(da, db) == 0 : streq(a, b, R_NUM));
	else
		equal = streq(a, b, R_VALUE);
	if (!equal && !absolute_dates && same_relative(a, b))
		equal = 1;
	w->change = equal ? DIFF_SAME : DIFF_CHANGED;
	dec d;
	if (bothdec && same_unit && dec_sub(db, da, &d) == 0) {
		dec_format(d, w->delta);
		w->deltav = d;
		w->unit = b->s[R_UNIT];
		if (!dec_is_zero(da) && dec_pct(d, da, &w->pctv) == 0) {
			dec_format(w->pctv, w->pct);
			w->has_pct = 1;
		}
	}
}

typedef struct keyent {
	const char *k;
	size_t kn;
	size_t first, count; /* records [first, first+count) of the group */
	int matched;
	uint64_t *bg; /* bigrams of the last |-part, when pairing */
	size_t nbg;
} keyent;

/* Distinct keys of g (sorted by key, field) into *out. Returns the count. */
static size_t keys_of(const recvec *g, keyent **out)
{
	keyent *v = xreallocarray(NULL, g->n ? g->n : 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < g->n; i++) {
		const rec *r = g->v[i];
		if (n && v[n - 1].kn == r->n[R_KEY] &&
		    memcmp(v[n - 1].k, r->s[R_KEY], r->n[R_KEY]) == 0) {
			v[n - 1].count++;
			continue;
		}
		memset(&v[n], 0, sizeof v[n]);
		v[n].k = r->s[R_KEY];
		v[n].kn = r->n[R_KEY];
		v[n].first = i;
		v[n].count = 1;
		n++;
	}
	*out = v;
	return n;
}

/* Length of the part of k before its last '|' (0 when it has none). */
static size_t prefix_len(const char *k, size_t n)
{
	while (n > 0 && k[n - 1] != '|')
		n--;
	return n;
}

typedef struct pair {
	size_t i, j; /* indexes into the old and new key tables */
	long long num, den;
} pair;

/* qsort_r order of pairs: most similar first, then old key, then new key.
 * arg is the two key tables. */
static int qcmp_pair(const void *x, const void *y, void *arg)
{
	const pair *a = x, *b = y;
	const keyent *const *kt = arg, *pair_ko = kt[0], *pair_kn = kt[1];
	__int128 l = (__int128)a->num * b->den, r = (__int128)b->num * a->den;
	if (l != r)
		return l > r ? -1 : 1; /* more similar first */
	int c = diff_esc_cmp(pair_ko[a->i].k, pair_ko[a->i].kn, pair_ko[b->i].k, pair_ko[b->i].kn);
	if (!c)
		c = diff_esc_cmp(pair_kn[a->j].k, pair_kn[a->j].kn, pair_kn[b->j].k,
		                 pair_kn[b->j].kn);
	return c;
}

typedef struct diff_ctx {
	const diff_opts *o;
	diff_errors *errs;
	FILE *out; /* where tsv rows go: the output, or a temporary file */
	long count[DIFF_NKINDS];
	rowvec rows;
	diffrep rep; /* --format markdown, html: the report */
} diff_ctx;

/* Pair old key a with new key b: a's records take b's key, and a renamed
 * row says so. */
static void pair_up(diff_ctx *c, keyent *a, keyent *b, const recvec *og)
{
	a->matched = b->matched = 1;
	for (size_t r = a->first; r < a->first + a->count; r++) {
		og->v[r]->ek = b->k;
		og->v[r]->ekn = b->kn;
	}
	row *w = rw_push(&c->rows, DIFF_RENAMED);
	w->k = b->k, w->kn = b->kn;
	w->f = "", w->fn = 0;
	w->ov = a->k, w->ovn = a->kn;
	w->nv = b->k, w->nvn = b->kn;
}

/* Split an indicator key L1|L2|REST at its first two '|': the lengths of
 * L1 and of L1|L2|. Returns 0 when it has fewer than three parts. */
static int split_l2(const char *k, size_t n, size_t *l1, size_t *l12)
{
	const char *b1 = memchr(k, '|', n);
	if (!b1)
		return 0;
	const char *b2 = memchr(b1 + 1, '|', n - (size_t)(b1 + 1 - k));
	if (!b2)
		return 0;
	*l1 = (size_t)(b1 - k);
	*l12 = (size_t)(b2 + 1 - k);
	return 1;
}

/* A level-2 label changed under the same level 1 with the same level 3
 * (质量指标 -> 社会效益指标): pair those first, in key order, each key once.
 * Returns the number of pairs. The caller has bounded uo x un. */
static long pair_level2(diff_ctx *c, keyent *ko, size_t nko, keyent *kn, size_t nkn,
                        const recvec *og)
{
	long made = 0;
	for (size_t i = 0; i < nko; i++) {
		size_t a1, a12;
		if (ko[i].matched || !split_l2(ko[i].k, ko[i].kn, &a1, &a12))
			continue;
		for (size_t j = 0; j < nkn; j++) {
			size_t b1, b12;
			if (kn[j].matched || !split_l2(kn[j].k, kn[j].kn, &b1, &b12) || a1 != b1 ||
			    memcmp(ko[i].k, kn[j].k, a1) != 0 || ko[i].kn - a12 != kn[j].kn - b12 ||
			    memcmp(ko[i].k + a12, kn[j].k + b12, ko[i].kn - a12) != 0)
				continue;
			pair_up(c, &ko[i], &kn[j], og);
			made++;
			break;
		}
	}
	return made;
}

/* Pair unmatched keys of one task/indicator group; mark renamed records'
 * effective keys and add the renamed rows. Returns the number of pairs, or
 * -1 (error added) when the group has too many unmatched keys. */
static long pair_renames(diff_ctx *c, keyent *ko, size_t nko, keyent *kn, size_t nkn,
                         const recvec *og, int level2, const char *errfile, long errline)
{
	size_t uo = 0, un = 0;
	for (size_t i = 0; i < nko; i++)
		uo += !ko[i].matched;
	for (size_t j = 0; j < nkn; j++)
		un += !kn[j].matched;
	if (!uo || !un)
		return 0;
	if ((uint64_t)uo * un > DIFF_MAX_RENAME_PAIRS) {
		add_error(c->errs, errfile, errline,
		          "too many unmatched keys to pair renames in one group: %zu old x %zu "
		          "new > %u pairs",
		          uo, un, DIFF_MAX_RENAME_PAIRS);
		return -1;
	}
	/* The whole pairing's work, bounded before any of it is done: one
	 * comparison of a and b merges their bigrams (about |a| + |b| steps),
	 * so the total is at most un x Σ|old key| + uo x Σ|new key|. */
	unsigned __int128 lo = 0, ln = 0;
	for (size_t i = 0; i < nko; i++)
		lo += ko[i].matched ? 0 : ko[i].kn;
	for (size_t j = 0; j < nkn; j++)
		ln += kn[j].matched ? 0 : kn[j].kn;
	unsigned __int128 work = lo * un + ln * uo;
	if (work > DIFF_MAX_RENAME_WORK) {
		add_error(c->errs, errfile, errline,
		          "too much work to pair renames in one group: %zu old x %zu new keys of "
		          "%llu and %llu bytes > %llu steps",
		          uo, un, (unsigned long long)lo, (unsigned long long)ln,
		          (unsigned long long)DIFF_MAX_RENAME_WORK);
		return -1;
	}
	long made = 0;
	if (level2)
		made = pair_level2(c, ko, nko, kn, nkn, og);
	for (size_t i = 0; i < nko; i++)
		if (!ko[i].matched) {
			size_t p = prefix_len(ko[i].k, ko[i].kn);
			ko[i].nbg = bigrams(ko[i].k + p, ko[i].kn - p, &ko[i].bg);
		}
	for (size_t j = 0; j < nkn; j++)
		if (!kn[j].matched) {
			size_t p = prefix_len(kn[j].k, kn[j].kn);
			kn[j].nbg = bigrams(kn[j].k + p, kn[j].kn - p, &kn[j].bg);
		}
	pair *pv = NULL;
	size_t np = 0, cap = 0;
	for (size_t i = 0; i < nko; i++) {
		if (ko[i].matched)
			continue;
		size_t pi = prefix_len(ko[i].k, ko[i].kn);
		for (size_t j = 0; j < nkn; j++) {
			if (kn[j].matched)
				continue;
			size_t pj = prefix_len(kn[j].k, kn[j].kn);
			if (pi != pj || memcmp(ko[i].k, kn[j].k, pi) != 0)
				continue; /* indicators pair only under the same L1|L2 */
			long long num, den;
			int eq = ko[i].kn - pi == kn[j].kn - pj &&
			         memcmp(ko[i].k + pi, kn[j].k + pj, ko[i].kn - pi) == 0;
			dice_of(ko[i].bg, ko[i].nbg, kn[j].bg, kn[j].nbg, eq, &num, &den);
			if (!diff_ratio_ge(num, den, c->o->similarity))
				continue;
			if (np == cap) {
				cap = cap ? cap * 2 : 16;
				pv = xreallocarray(pv, cap, sizeof *pv);
			}
			pv[np++] = (pair){i, j, num, den};
		}
	}
	const keyent *kt[2] = {ko, kn};
	if (np > 1)
		qsort_r(pv, np, sizeof *pv, qcmp_pair, kt);
	for (size_t p = 0; p < np; p++) {
		keyent *a = &ko[pv[p].i], *b = &kn[pv[p].j];
		if (a->matched || b->matched)
			continue;
		pair_up(c, a, b, og);
		made++;
	}
	free(pv);
	for (size_t i = 0; i < nko; i++)
		free(ko[i].bg);
	for (size_t j = 0; j < nkn; j++)
		free(kn[j].bg);
	return made;
}

static int is_rename_section(const rec *r)
{
	return strcmp(r->s[R_SECTION], facts_section_name[SEC_TASK]) == 0 ||
	       strcmp(r->s[R_SECTION], facts_section_name[SEC_INDICATOR]) == 0;
}

/* Does the filter keep w? */
static int shown(const diff_ctx *c, const row *w)
{
	if (w->change == DIFF_SAME)
		return c->o->all;
	if (w->change == DIFF_CHANGED && c->o->have_min_pct && w->has_pct) {
		dec a = w->pctv;
		if (a.m < 0)
			a.m = -a.m;
		return dec_cmp(a, c->o->min_pct) >= 0;
	}
	return 1;
}

void diff_md_cell(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '\n' || ch == '\r' || ch == '\t')
			ch = ' ';
		if (ch && strchr("\\|*_`<[]~", ch))
			putc('\\', out);
		putc(ch, out);
	}
}

/* Is s (n bytes) one of the words? */
static int word_of(const char *const *words, const char *s, size_t n)
{
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
			return 1;
	return 0;
}

/* Can budget record x state a form's total: an amount in 万元 (field
 * `amount`, or a year's column of a multi-column block)? Its value into
 * *v. */
static int total_amount(const rec *x, dec *v)
{
	return x->n[R_NUM] && strcmp(x->s[R_UNIT], VOCAB_MONEY_CANON) == 0 &&
	       (strcmp(x->s[R_FIELD], "amount") == 0 ||
	        word_of(vocab_budget_year_words, x->s[R_FIELD], x->n[R_FIELD])) &&
	       dec_parse(x->s[R_NUM], x->n[R_NUM], v) == 0;
}

/* The total a form's budget group g states (for the reports' one-line
 * summary of a form only one input has): the first record, in the order
 * of vocab_diff_total_labels, whose label (the key's last |-part) names a
 * total; else the sum of the rows of the first group of
 * vocab_diff_total_groups it has (the department form's 部门预算支出);
 * else none. t->label points into g's records. */
static void group_total(const recvec *g, diffrep_total *t)
{
	memset(t, 0, sizeof *t);
	for (int w = 0; vocab_diff_total_labels[w]; w++)
		for (size_t i = 0; i < g->n; i++) {
			const rec *x = g->v[i];
			size_t p = prefix_len(x->s[R_KEY], x->n[R_KEY]);
			if (strlen(vocab_diff_total_labels[w]) == x->n[R_KEY] - p &&
			    memcmp(vocab_diff_total_labels[w], x->s[R_KEY] + p, x->n[R_KEY] - p) ==
			        0 &&
			    total_amount(x, &t->v)) {
				t->have = 1;
				t->label = x->s[R_KEY];
				t->ln = x->n[R_KEY];
				return;
			}
		}
	for (int w = 0; vocab_diff_total_groups[w]; w++) {
		const char *grp = vocab_diff_total_groups[w];
		size_t gl = strlen(grp);
		dec sum = {0, 0}, v;
		int n = 0;
		for (size_t i = 0; i < g->n; i++) {
			const rec *x = g->v[i];
			if (x->n[R_KEY] > gl && x->s[R_KEY][gl] == '|' &&
			    memcmp(x->s[R_KEY], grp, gl) == 0 && total_amount(x, &v)) {
				if (dec_add(sum, v, &sum) != 0)
					return; /* no total rather than a wrong one */
				n++;
			}
		}
		if (n) {
			t->have = t->sum = 1;
			t->v = sum;
			t->label = grp;
			t->ln = gl;
			return;
		}
	}
}

/* Compare one group: og and ng hold the old and new records of one (dept,
 * project, section), sorted by key and field; either may be empty. Writes
 * the rows. Returns 0, or -1 with an error added. */
static int process_group(diff_ctx *c, recvec *og, recvec *ng, const char *newname)
{
	const rec *g = og->n ? og->v[0] : ng->v[0];
	keyent *ko, *kn;
	size_t nko = keys_of(og, &ko), nkn = keys_of(ng, &kn);
	for (size_t i = 0, j = 0; i < nko && j < nkn;) {
		int d = diff_esc_cmp(ko[i].k, ko[i].kn, kn[j].k, kn[j].kn);
		if (d == 0)
			ko[i++].matched = kn[j++].matched = 1;
		else if (d < 0)
			i++;
		else
			j++;
	}
	c->rows.n = 0;
	int rc = 0;
	if (is_rename_section(g)) {
		const rec *at = ng->n ? ng->v[0] : og->v[0];
		long made =
		    pair_renames(c, ko, nko, kn, nkn, og, strcmp(g->s[R_SECTION], "indicator") == 0,
		                 newname, at->line);
		if (made < 0)
			rc = -1;
		else if (made > 0)
			qsort(og->v, og->n, sizeof *og->v, qcmp_ek_field);
	}
	free(ko);
	free(kn);
	if (rc < 0)
		return -1;

	size_t i = 0, j = 0;
	while (i < og->n || j < ng->n) {
		const rec *a = i < og->n ? og->v[i] : NULL, *b = j < ng->n ? ng->v[j] : NULL;
		int d = !a ? 1 : !b ? -1 : diff_esc_cmp(a->ek, a->ekn, b->s[R_KEY], b->n[R_KEY]);
		if (!d)
			d = col_cmp(a, b, R_FIELD);
		row *w = rw_push(&c->rows, d < 0 ? DIFF_REMOVED : d > 0 ? DIFF_ADDED : DIFF_SAME);
		const rec *k = d < 0 ? a : b;
		w->k = d < 0 ? a->ek : b->s[R_KEY];
		w->kn = d < 0 ? a->ekn : b->n[R_KEY];
		w->f = k->s[R_FIELD], w->fn = k->n[R_FIELD];
		w->ov = a && d <= 0 ? a->s[R_VALUE] : "";
		w->ovn = a && d <= 0 ? a->n[R_VALUE] : 0;
		w->nv = b && d >= 0 ? b->s[R_VALUE] : "";
		w->nvn = b && d >= 0 ? b->n[R_VALUE] : 0;
		if (d == 0)
			compare(a, b, w, c->o->all, c->o->absolute_dates);
		i += d <= 0;
		j += d >= 0;
	}
	qsort(c->rows.v, c->rows.n, sizeof *c->rows.v, qcmp_row);

	int report = c->o->format == DIFF_MARKDOWN || c->o->format == DIFF_HTML;
	if (report) {
		diffrep_total tot[2] = {{0}, {0}};
		int budget = strcmp(g->s[R_SECTION], facts_section_name[SEC_BUDGET]) == 0;
		if (budget) {
			group_total(og, &tot[0]);
			group_total(ng, &tot[1]);
		}
		diffrep_group(&c->rep, g->s[R_DEPT], g->n[R_DEPT], g->s[R_PROJECT], g->n[R_PROJECT],
		              g->s[R_SECTION], g->n[R_SECTION], og->n > 0, ng->n > 0,
		              budget ? tot : NULL);
	}
	for (size_t r = 0; r < c->rows.n; r++) {
		const row *w = &c->rows.v[r];
		if (!shown(c, w))
			continue;
		c->count[w->change]++;
		if (report) {
			diffrep_row rr = {w->change,
			                  w->k,
			                  w->f,
			                  w->ov,
			                  w->nv,
			                  w->kn,
			                  w->fn,
			                  w->ovn,
			                  w->nvn,
			                  w->delta,
			                  w->unit ? w->unit : "",
			                  w->pct,
			                  w->deltav};
			diffrep_add(&c->rep, &rr);
			continue;
		}
		char *f[10] = {(char *)diff_change_name[w->change],
		               (char *)g->s[R_DEPT],
		               (char *)g->s[R_PROJECT],
		               (char *)g->s[R_SECTION],
		               (char *)w->k,
		               (char *)w->f,
		               (char *)w->ov,
		               (char *)w->nv,
		               (char *)w->delta,
		               (char *)w->pct};
		size_t len[10] = {
		    strlen(f[0]), g->n[R_DEPT], g->n[R_PROJECT], g->n[R_SECTION],  w->kn,
		    w->fn,        w->ovn,       w->nvn,          strlen(w->delta), strlen(w->pct)};
		tsv_write_row(c->out, f, len, 10);
	}
	if (report)
		diffrep_end_group(&c->rep);
	return 0;
}

static long differences(const diff_ctx *c)
{
	long n = 0;
	for (int k = 0; k < DIFF_NKINDS; k++)
		if (k != DIFF_SAME)
			n += c->count[k];
	return n;
}

int diff_run(const diff_opts *o, diff_input old, diff_input new, FILE *out, diff_errors *errs)
{
	memset(errs, 0, sizeof *errs);
	src s[2];
	diff_input in[2] = {old, new};
	for (int k = 0; k < 2; k++) {
		memset(&s[k], 0, sizeof s[k]);
		s[k].name = in[k].name;
		s[k].stream = o->sorted;
		s[k].o = o;
		s[k].errs = errs;
		tsv_reader_init(&s[k].r, in[k].fp, in[k].name, FACT_HEADER);
	}
	diff_ctx c = {.o = o, .errs = errs, .out = out};
	recvec g[2] = {{0}};
	int status = 2;

	int merging = 0; /* a spilled input is being merged */
	if (!o->sorted) {
		/* each input's errors apart, to be reported in input order */
		diff_errors le[2] = {{0}, {0}};
		int bad = 0;
		for (int k = 0; k < 2; k++) {
			s[k].errs = &le[k];
			bad |= src_load(&s[k]) < 0;
		}
		if (bad) {
			/* what the in-memory mode reports: each input's first
			 * trouble, a spilled one's duplicate included */
			for (int k = 0; k < 2; k++)
				if (s[k].spilled && !le[k].n) {
					diff_errors scan = {0};
					s[k].errs = &scan;
					src_scan_dups(&s[k], NULL, 0);
					if (s[k].dup)
						add_error(&le[k], s[k].name, s[k].dup,
						          "duplicate record (first at line %ld)",
						          s[k].dup_first);
				}
			for (int k = 0; k < 2; k++)
				for (int i = 0; i < le[k].n; i++) {
					/* a temporary-file error of both inputs once */
					int again = 0;
					for (int j = 0; j < errs->n; j++)
						again |= !le[k].e[i].file && !errs->e[j].file &&
						         !strcmp(le[k].e[i].msg, errs->e[j].msg);
					if (!again && errs->n < DIFF_MAX_ERRORS)
						errs->e[errs->n++] = le[k].e[i];
				}
			goto done;
		}
		for (int k = 0; k < 2; k++) {
			s[k].errs = errs;
			merging |= s[k].spilled;
		}
	}
	int report = o->format == DIFF_MARKDOWN || o->format == DIFF_HTML;
	if (report) {
		if (diffrep_init(&c.rep, o->format == DIFF_HTML, o->all) < 0) {
			add_error(errs, NULL, 0, "cannot create a temporary file for the report");
			goto done;
		}
	} else if (merging) {
		/* a spilled input's duplicate may show late: the rows wait in a
		 * temporary file, so that out holds nothing on trouble */
		char err[320];
		c.out = extsort_tmpfile(err, sizeof err);
		if (!c.out) {
			add_error(errs, NULL, 0, "%s", err);
			goto done;
		}
		fputs(DIFF_HEADER, c.out);
		putc('\n', c.out);
	} else {
		fputs(DIFF_HEADER, out);
		putc('\n', out);
	}
	char year[2][8] = {"", ""}; /* each input's year, from its first record */
	for (int k = 0; k < 2; k++) {
		if (src_advance(&s[k]) < 0)
			goto done;
		if (s[k].la && s[k].la->n[R_YEAR] < sizeof year[k])
			memcpy(year[k], s[k].la->s[R_YEAR], s[k].la->n[R_YEAR] + 1);
		if (src_group(&s[k], &g[k]) < 0)
			goto done;
	}
	while (g[0].n || g[1].n) {
		int d = !g[0].n ? 1 : !g[1].n ? -1 : rec_cmp_upto(g[0].v[0], g[1].v[0], R_SECTION);
		recvec none = {0};
		if (process_group(&c, d <= 0 ? &g[0] : &none, d >= 0 ? &g[1] : &none, new.name) < 0)
			goto done;
		for (int k = 0; k < 2; k++) {
			if (k == 0 ? d > 0 : d < 0)
				continue;
			if (s[k].stream)
				src_release(&s[k], &g[k]);
			if (src_group(&s[k], &g[k]) < 0)
				goto done;
		}
		if (ferror(c.out))
			break; /* the output: the caller reports it; a tmpfile: below */
	}
	if (report) {
		if (diffrep_finish(&c.rep, out, old.name, year[0], new.name, year[1]) < 0) {
			add_error(errs, NULL, 0, "write error on a temporary file for the report");
			goto done;
		}
	} else if (c.out != out) {
		if (ferror(c.out)) {
			add_error(errs, NULL, 0,
			          "write error on the temporary file for the report");
			goto done;
		}
		rewind(c.out);
		char b[65536];
		size_t n;
		while ((n = fread(b, 1, sizeof b, c.out)) > 0)
			fwrite(b, 1, n, out);
	}
	status = differences(&c) > 0;
done:
	if (status == 2 && merging)
		src_resolve(s, errs);
	if (c.out && c.out != out)
		fclose(c.out);
	for (int k = 0; k < 2; k++) {
		if (s[k].stream) {
			src_release(&s[k], &g[k]);
			free(s[k].la);
			for (size_t i = 0; i < s[k].pool.n; i++)
				free(s[k].pool.v[i]);
		}
		arena_free(&s[k].mem);
		if (s[k].spilled)
			extsort_free(&s[k].ext);
		free(s[k].grp);
		free(s[k].gcount);
		free(s[k].ht);
		free(s[k].pool.v);
		free(g[k].v);
		free(s[k].all.v);
		free(s[k].fv);
		buf_free(&s[k].key);
		buf_free(&s[k].kdec);
		tsv_reader_free(&s[k].r);
	}
	free(c.rows.v);
	diffrep_free(&c.rep);
	return status;
}
