/* SPDX-License-Identifier: MIT */
/* Unit tests for extsort: runs written in order come back merged in order,
 * with their fields (escapes included) and line numbers; however many runs
 * are written, at most EXTSORT_FAN_IN + 1 are open; a TMPDIR that cannot
 * hold files is an error that names it. */
#include <stdlib.h>
#include <string.h>

#include "extsort.h"
#include "t.h"

/* by column 0's bytes, then line */
static int cmp0(const tsv_reader *a, long al, const tsv_reader *b, long bl)
{
	size_t n = a->len[0] < b->len[0] ? a->len[0] : b->len[0];
	int c = memcmp(a->f[0], b->f[0], n);
	if (!c)
		c = (a->len[0] > b->len[0]) - (a->len[0] < b->len[0]);
	return c ? c : (al > bl) - (al < bl);
}

int main(void)
{
	extsort e;
	extsort_init(&e, 2, cmp0);
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
			extsort_put(&e, f, len, 1000 + key);
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
	long line, prev = -1;
	size_t got = 0, bad = 0;
	while (extsort_next(&e, &r, &line) == 1) {
		int key = atoi(r->f[0] + 1);
		char v[32];
		snprintf(v, sizeof v, "v\t%d\n\\", key);
		bad += key <= prev || line != 1000 + key || strcmp(r->f[1], v) != 0;
		prev = key;
		got++;
	}
	CHECK_INT(got, total);
	CHECK_INT(bad, 0);
	CHECK_INT(extsort_next(&e, &r, &line), 0);
	extsort_free(&e);
	extsort_free(NULL);

	/* an empty sort merges to nothing */
	extsort_init(&e, 1, cmp0);
	CHECK_INT(extsort_merge(&e), 0);
	CHECK_INT(extsort_next(&e, &r, &line), 0);
	extsort_free(&e);

	/* TMPDIR is honoured: a missing directory is an error naming it */
	setenv("TMPDIR", "/nonexistent-pg-tmp", 1);
	extsort_init(&e, 1, cmp0);
	CHECK_INT(extsort_begin(&e), -1);
	CHECK_STR(e.err, "cannot create a temporary file in /nonexistent-pg-tmp: No such file or "
	                 "directory");
	extsort_free(&e);
	T_END();
}
