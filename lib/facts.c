/* SPDX-License-Identifier: MIT */
/* facts: the fact list of one document; sort, key dedupe and write. See
 * facts.h. It does not read forms: readers (form_*.c) give it strings. */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

#include "tsv.h"
#include "util.h"

const char *const facts_section_name[SEC_N] = {"meta", "info",  "budget",    "goal",
                                               "task", "other", "indicator", "extra"};

void facts_add(fact_list *l, int sec, char *key, const char *field, const char *value, size_t n,
               const char *unit, const char *src)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->f = xreallocarray(l->f, (size_t)l->cap, sizeof *l->f);
	}
	fact *f = &l->f[l->n];
	f->sec = sec;
	f->seq = l->n++;
	f->key = key;
	f->field = strarena_strdup(&l->mem, field);
	f->value = strarena_memdup(&l->mem, value ? value : "", value ? n : 0);
	/* line breaks up to the first NUL (where the value's text ends) */
	char *p = f->value, *end = p + strlen(p);
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL)
		*p++ = ' ';
	f->unit = strarena_strdup(&l->mem, unit ? unit : "");
	f->src = strarena_strdup(&l->mem, src ? src : "");
}

/* Order the facts by section, each section's in the order they were added
 * (by seq): facts are only appended, so a stable counting sort by section
 * is that order, in one pass. */
static void sort_by_section(fact_list *l)
{
	if (!l->n)
		return;
	long at[SEC_N + 1] = {0};
	for (long i = 0; i < l->n; i++)
		at[l->f[i].sec + 1]++;
	for (int s = 0; s < SEC_N; s++)
		at[s + 1] += at[s];
	fact *o = xreallocarray(NULL, (size_t)l->n, sizeof *o);
	for (long i = 0; i < l->n; i++)
		o[at[l->f[i].sec]++] = l->f[i];
	free(l->f);
	l->f = o;
	l->cap = l->n;
}

/* A set of (key, field) pairs, for dedupe_keys: open addressing over
 * "key\x1ffield" strings, each with the next #N to try for it. */
typedef struct {
	char **k;
	int *next;
	size_t cap;
} pairset;

static size_t pair_hash(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot of key/field: its own when present, else the empty one where it
 * would go. The pair's text is left in tmp. */
static size_t pair_slot(pairset *ps, const char *key, const char *field, buf *tmp)
{
	buf_reset(tmp);
	buf_adds(tmp, key);
	buf_addc(tmp, 0x1f);
	buf_adds(tmp, field);
	size_t i = pair_hash(tmp->s) & (ps->cap - 1);
	while (ps->k[i] && strcmp(ps->k[i], tmp->s) != 0)
		i = (i + 1) & (ps->cap - 1);
	return i;
}

/* Same key twice in one section gets #2, #3 ... (facts sorted by section):
 * a new occurrence starts where a (key, field) pair repeats, and the rest of
 * that row's facts (same key, other fields) take the same new key. Linear in
 * the number of facts (a set of pairs, and per pair the next number to try). */
static void dedupe_keys(fact_list *l)
{
	buf tmp = {0};
	strarena pairs = {0}; /* the set's pair texts, one section at a time */
	long i = 0;
	while (i < l->n) {
		long j = i;
		while (j < l->n && l->f[j].sec == l->f[i].sec)
			j++;
		pairset ps = {0};
		ps.cap = 16;
		while (ps.cap < (size_t)(j - i) * 4)
			ps.cap *= 2;
		ps.k = xcalloc(ps.cap, sizeof *ps.k);
		ps.next = xcalloc(ps.cap, sizeof *ps.next);
		for (long a = i; a < j; a++) {
			fact *f = &l->f[a];
			size_t slot = pair_slot(&ps, f->key, f->field, &tmp);
			if (!ps.k[slot]) {
				ps.k[slot] = strarena_memdup(&pairs, tmp.s, tmp.len);
				ps.next[slot] = 2;
				continue;
			}
			/* the first free #k for this pair */
			size_t orig = slot;
			int k = ps.next[orig];
			buf nk = {0};
			for (;; k++) {
				buf_reset(&nk);
				buf_printf(&nk, "%s#%d", f->key, k);
				if (!ps.k[pair_slot(&ps, nk.s, f->field, &tmp)])
					break;
			}
			ps.next[orig] = k + 1;
			/* rename this fact and the following facts of the same row */
			char *old = xstrdup(f->key);
			for (long b = a; b < j && strcmp(l->f[b].key, old) == 0; b++) {
				if (b > a && strcmp(l->f[b].field, f->field) == 0)
					break;
				free(l->f[b].key);
				l->f[b].key = xstrdup(nk.s);
			}
			free(old);
			buf_free(&nk);
			slot = pair_slot(&ps, f->key, f->field, &tmp);
			ps.k[slot] = strarena_memdup(&pairs, tmp.s, tmp.len);
			ps.next[slot] = 2;
		}
		strarena_reset(&pairs);
		free(ps.k);
		free(ps.next);
		i = j;
	}
	strarena_free(&pairs);
	buf_free(&tmp);
}

void facts_write(fact_list *l, FILE *out, const char *doc, const char *year, const char *dept,
                 const char *project)
{
	sort_by_section(l);
	dedupe_keys(l);
	/* the document's columns, the same in every row, escaped once */
	char *doc_cols[COL_SECTION] = {(char *)doc, (char *)year, (char *)dept, (char *)project};
	size_t pre_n;
	char *pre = tsv_join_fields(doc_cols, COL_SECTION, &pre_n);
	for (long i = 0; i < l->n; i++) {
		fact *f = &l->f[i];
		char *row[FACT_NCOLS - COL_SECTION] = {(char *)facts_section_name[f->sec],
		                                       f->key,
		                                       f->field,
		                                       f->value,
		                                       "",
		                                       "",
		                                       f->unit,
		                                       f->src};
		tsv_write_row_after(out, pre, pre_n, row, NULL, FACT_NCOLS - COL_SECTION);
	}
	free(pre);
}

void facts_reset(fact_list *l)
{
	for (long i = 0; i < l->n; i++) {
		fact *f = &l->f[i];
		free(f->key);
	}
	strarena_reset(&l->mem);
	l->n = 0;
}

void facts_free(fact_list *l)
{
	facts_reset(l);
	strarena_free(&l->mem);
	free(l->f);
	l->f = NULL;
	l->cap = 0;
}
