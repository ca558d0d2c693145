/* SPDX-License-Identifier: MIT */
/* form_keys: label keys memoised per document. Cutting and reading a
 * document ask for the label key (form_labkey) of the same texts many times:
 * each table row of the seed shape comes as HTML cells, as an inline copy
 * and as flat rows, and the cutter and every reader test the same labels.
 * A memo maps a text (by content, so the copies share one entry) to its key,
 * computed once. This is a cache only: form_key(m, s) returns what
 * form_labkey(s, ...) returns, as text. It reads no label itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"

/* The table starts with this many slots and doubles at half full. */
#define FORM_KEYS_SLOTS0 256

/* A hash of s[0..n), 8 bytes a step (the texts are short: labels). */
static uint64_t key_hash(const char *s, size_t n)
{
	uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15u;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		h = (h ^ v) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 29;
	}
	uint64_t v = 0;
	if (n >= 8 && i < n) /* the last 8 bytes, overlapping the step before */
		memcpy(&v, s + n - 8, 8);
	else
		for (int sh = 0; i < n; i++, sh += 8)
			v |= (uint64_t)(unsigned char)s[i] << sh;
	h = (h ^ v) * 0xC4CEB9FE1A85EC53u;
	return h ^ (h >> 32);
}

static void keys_grow(form_keys *m)
{
	size_t cap = m->cap ? m->cap * 2 : FORM_KEYS_SLOTS0;
	/* only the generations need clearing (0 is never a live one): a
	 * loop over the slots, not a clearing of the whole table */
	form_key_slot *t = xmalloc(cap * sizeof *t);
	for (size_t i = 0; i < cap; i++)
		t[i].gen = 0;
	for (size_t i = 0; i < m->cap; i++) {
		form_key_slot *e = &m->t[i];
		if (e->gen != m->gen)
			continue;
		size_t j = (size_t)e->h & (cap - 1);
		while (t[j].gen == m->gen)
			j = (j + 1) & (cap - 1);
		t[j] = *e;
	}
	free(m->t);
	m->t = t;
	m->cap = cap;
}

const char *form_key(form_keys *m, const char *s)
{
	if (!m->gen) /* zero-initialised: generation 0 marks free slots */
		m->gen = 1;
	size_t n = strlen(s);
	unsigned long long h = key_hash(s, n);
	if (m->used < FORM_KEYS_MAX && 2 * (m->used + 1) > m->cap)
		keys_grow(m); /* a full memo's table stays at least half free */
	size_t j = (size_t)h & (m->cap - 1);
	for (; m->t[j].gen == m->gen; j = (j + 1) & (m->cap - 1)) {
		const form_key_slot *e = &m->t[j];
		if (e->h == h && e->n == n && memcmp(e->src, s, n) == 0)
			return e->key;
	}
	const char *k = form_labkey(s, &m->tmp);
	if (m->used >= FORM_KEYS_MAX) /* full: computed each time, held in tmp */
		return k;
	form_key_slot *e = &m->t[j];
	e->gen = m->gen;
	e->h = h;
	e->n = n;
	e->src = strarena_memdup(&m->mem, s, n);
	/* a key that is the text itself (or the text after a leading star)
	 * shares the copy; another is copied from the scratch buffer */
	e->key = k >= s && k <= s + n ? e->src + (k - s) : strarena_strdup(&m->mem, k);
	m->used++;
	return e->key;
}

void form_keys_reset(form_keys *m)
{
	if (m->cap > 16 * FORM_KEYS_SLOTS0) { /* a large document's table is not kept */
		free(m->t);
		m->t = NULL;
		m->cap = 0;
	}
	/* the slots of earlier documents are free: they carry an older
	 * generation (at the wrap, the table is cleared once) */
	if (m->used && ++m->gen == 0 && m->t)
		memset(m->t, 0, m->cap * sizeof *m->t);
	m->used = 0;
	strarena_reset(&m->mem);
}

void form_keys_free(form_keys *m)
{
	free(m->t);
	strarena_free(&m->mem);
	buf_free(&m->tmp);
	memset(m, 0, sizeof *m);
}
