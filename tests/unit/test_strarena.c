/* SPDX-License-Identifier: MIT */
/* Unit tests for strarena (util): copies are NUL-terminated and distinct,
 * strings across several chunks and one larger than a chunk stay intact,
 * reset makes room again in the chunk kept, free leaves it empty ({0}). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "util.h"

int main(void)
{
	strarena a = {0};
	char *e = strarena_memdup(&a, "", 0);
	CHECK_STR(e, "");
	char *x = strarena_memdup(&a, "abcdef", 3);
	CHECK_STR(x, "abc");
	CHECK(x != e);
	/* 5,000 strings: several chunks; each keeps its own text */
	enum { N = 5000 };
	char *s[N], want[32];
	for (int i = 0; i < N; i++) {
		snprintf(want, sizeof want, "string number %d", i);
		s[i] = strarena_strdup(&a, want);
	}
	int bad = 0;
	for (int i = 0; i < N; i++) {
		snprintf(want, sizeof want, "string number %d", i);
		bad += strcmp(s[i], want) != 0;
	}
	CHECK_INT(bad, 0);
	/* a string larger than a chunk, between small ones */
	size_t big = STRARENA_CHUNK * 3 + 5;
	char *src = malloc(big);
	memset(src, 'z', big);
	char *before = strarena_strdup(&a, "before");
	char *b = strarena_memdup(&a, src, big);
	char *after = strarena_strdup(&a, "after");
	CHECK(memcmp(b, src, big) == 0 && b[big] == 0);
	CHECK_STR(before, "before");
	CHECK_STR(after, "after");
	CHECK_STR(x, "abc");
	free(src);
	/* reset: one chunk kept, carving starts at its beginning again */
	strarena_reset(&a);
	CHECK(a.head != NULL && a.head->next == NULL);
	char *again = strarena_strdup(&a, "again");
	CHECK(again == a.head->data);
	CHECK_STR(again, "again");
	strarena_free(&a);
	CHECK(a.head == NULL && a.next == NULL && a.end == NULL);
	strarena_free(&a); /* twice is harmless */
	T_END();
}
