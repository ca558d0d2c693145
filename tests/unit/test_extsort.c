/* SPDX-License-Identifier: MIT */
/* Unit tests for extsort: runs written in order come back merged in order,
 * with their fields (escapes included) and keys; however many runs
 * are written, at most EXTSORT_FAN_IN + 1 are open; extsort_sort orders
 * built records as qsort by key does; a TMPDIR that cannot
 * hold files is an error that names it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extsort.h"
#include "t.h"

static int cmp_keys(const void *x, const void *y)
{
	const char *a = *(char *const *)x, *b = *(char *const *)y;
	uint32_t an, bn; /* a built record: key length, fields' length, key */
	memcpy(&an, a, 4);
	memcpy(&bn, b, 4);
	return extsort_keycmp(a + 8, an, b + 8, bn);
}

/* extsort_sort against qsort on n records whose keys share long prefixes
 * (the 8-byte chunks tie for many depths), with 0x00 and 0x01 bytes, of
 * lengths around the chunk boundaries; keys made prefix-free by a last
 * distinct 4 bytes after a 0x00 end mark, as diff's. */
static void check_sort(extsort *e, size_t n, unsigned seed)
{
	char **v = calloc(n, sizeof *v), **w = calloc(n, sizeof *w);
	for (size_t i = 0; i < n; i++) {
		char key[64];
		size_t kl = 0;
		seed = seed * 1103515245u + 12345u;
		size_t common = (seed >> 8) % 24; /* a shared prefix of 0..23 bytes */
		for (size_t j = 0; j < common; j++)
			key[kl++] = (char)(j % 3 == 2 ? 1 : 'a' + (int)(j % 2));
		seed = seed * 1103515245u + 12345u;
		size_t tail = (seed >> 8) % 10;
		for (size_t j = 0; j < tail; j++) {
			seed = seed * 1103515245u + 12345u;
			key[kl++] = (char)((seed >> 16) % 4 == 0 ? 0 : 'a' + (seed >> 18) % 3 + 2);
		}
		for (size_t j = 0; j < kl; j++) /* stuffed as diff does: no 0x00 inside */
			if (key[j] == 0)
				key[j] = 2;
		key[kl++] = 0;
		uint32_t id = (uint32_t)i;
		for (int j = 3; j >= 0; j--)
			key[kl++] = (char)(id >> (8 * j));
		char *f[1] = {""};
		size_t len[1] = {0};
		v[i] = malloc(extsort_rec_size(e, kl, len));
		extsort_rec_build(e, v[i], key, kl, f, len);
		w[i] = v[i];
	}
	extsort_sort(v, n);
	qsort(w, n, sizeof *w, cmp_keys);
	size_t bad = 0;
	for (size_t i = 0; i < n; i++)
		bad += v[i] != w[i];
	CHECK_INT(bad, 0);
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	free(w);
}

/* Record i of the long-records test: a key of a long or short run of 'p'
 * then 6 digits (so keys share prefixes of every length, some longer than a
 * run's buffer), one field of a length around each varint size and past
 * the buffer. key and val are malloc'd. */
enum { LONG_N = 30 };
static void long_rec(int i, char **key, size_t *kl, char **val, size_t *vl)
{
	static const size_t vlen[] = {0, 1, 127, 128, 16384, 300000};
	size_t p = i % 4 == 0 ? 200000 : (size_t)(i % 4) * 5;
	*kl = p + 6;
	*key = malloc(*kl + 1);
	memset(*key, 'p', p);
	snprintf(*key + p, 7, "%06d", i);
	*vl = vlen[i % 6];
	*val = malloc(*vl + 1);
	for (size_t j = 0; j < *vl; j++)
		(*val)[j] = (char)((i + (int)j) % 251);
}

static int cmp_long(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	char *ka, *kb, *va, *vb;
	size_t kla, klb, vla, vlb;
	long_rec(a, &ka, &kla, &va, &vla);
	long_rec(b, &kb, &klb, &vb, &vlb);
	int c = extsort_keycmp(ka, kla, kb, klb);
	free(ka), free(kb), free(va), free(vb);
	return c;
}

/* Three runs of records with long keys and fields: they come back in key
 * order, byte for byte. */
static void check_long(void)
{
	extsort e;
	extsort_init(&e, 1);
	int order[LONG_N];
	for (int i = 0; i < LONG_N; i++)
		order[i] = i;
	qsort(order, LONG_N, sizeof *order, cmp_long);
	for (int run = 0; run < 3; run++) {
		CHECK_INT(extsort_begin(&e), 0);
		for (int k = 0; k < LONG_N; k++) {
			int i = order[k];
			if (i % 3 != run)
				continue;
			char *key, *val;
			size_t kl, vl;
			long_rec(i, &key, &kl, &val, &vl);
			extsort_put(&e, key, kl, &val, &vl);
			free(key);
			free(val);
		}
		CHECK_INT(extsort_end(&e), 0);
	}
	CHECK_INT(extsort_merge(&e), 0);
	const tsv_reader *r;
	int got = 0, bad = 0;
	while (extsort_next(&e, &r) == 1) {
		char *key, *val;
		size_t kl, vl;
		long_rec(order[got < LONG_N ? got : 0], &key, &kl, &val, &vl);
		bad += e.keylen != kl || memcmp(e.key, key, kl) != 0 || r->len[0] != vl ||
		       memcmp(r->f[0], val, vl) != 0;
		free(key);
		free(val);
		got++;
	}
	CHECK_INT(got, LONG_N);
	CHECK_INT(bad, 0);
	extsort_free(&e);
}

int main(void)
{
	extsort e;
	extsort_init(&e, 2);
	/* 300 runs of 1 to 3 records each: keys k%03d, run r holds the keys
	 * r, r+300, r+600 (so the merge interleaves every run), values with
	 * a TAB, a newline and a backslash */
	enum { RUNS = 300 };
	size_t maxopen = 0, total = 0;
	for (int r = 0; r < RUNS; r++) {
		CHECK_INT(extsort_begin(&e), 0);
		for (int j = 0; j <= r % 3; j++) {
			char k[16], v[32];
			int key = r + 300 * j;
			snprintf(k, sizeof k, "k%04d", key);
			snprintf(v, sizeof v, "v\t%d\n\\", key);
			char *f[2] = {k, v};
			size_t len[2] = {strlen(k), strlen(v)};
			extsort_put(&e, k, len[0], f, len);
			total++;
		}
		CHECK_INT(extsort_end(&e), 0);
		if (e.nruns > maxopen)
			maxopen = e.nruns;
	}
	CHECK(maxopen <= EXTSORT_FAN_IN + 1);
	CHECK(maxopen >= EXTSORT_FAN_IN); /* the cap was reached: merges happened */
	CHECK_INT(extsort_merge(&e), 0);
	CHECK(e.nruns <= EXTSORT_FAN_IN);
	const tsv_reader *r;
	long prev = -1;
	size_t got = 0, bad = 0;
	while (extsort_next(&e, &r) == 1) {
		char kb[16] = ""; /* fields are not NUL-terminated */
		if (r->len[0] < sizeof kb)
			memcpy(kb, r->f[0], r->len[0]);
		int key = atoi(kb + 1);
		char v[32];
		snprintf(v, sizeof v, "v\t%d\n\\", key);
		bad += key <= prev || r->len[1] != strlen(v) ||
		       memcmp(r->f[1], v, r->len[1]) != 0 || e.keylen != 5 ||
		       memcmp(e.key, r->f[0], 5) != 0;
		prev = key;
		got++;
	}
	CHECK_INT(got, total);
	CHECK_INT(bad, 0);
	CHECK_INT(extsort_next(&e, &r), 0);
	extsort_free(&e);
	extsort_free(NULL);

	/* the in-memory sort: small, large, ties over many chunks */
	extsort_init(&e, 1);
	check_sort(&e, 0, 1);
	check_sort(&e, 1, 2);
	check_sort(&e, 11, 3);
	check_sort(&e, 5000, 4);
	check_sort(&e, 20000, 5);
	extsort_free(&e);

	check_long();

	/* an empty sort merges to nothing */
	extsort_init(&e, 1);
	CHECK_INT(extsort_merge(&e), 0);
	CHECK_INT(extsort_next(&e, &r), 0);
	extsort_free(&e);

	/* TMPDIR is honoured: a missing directory is an error naming it */
	setenv("TMPDIR", "/nonexistent-pg-tmp", 1);
	extsort_init(&e, 1);
	CHECK_INT(extsort_begin(&e), -1);
	CHECK_STR(e.err, "cannot create a temporary file in /nonexistent-pg-tmp: No such file or "
	                 "directory");
	extsort_free(&e);
	T_END();
}
