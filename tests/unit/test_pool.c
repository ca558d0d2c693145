/* SPDX-License-Identifier: MIT */
/* Unit tests for pool: blocks are distinct, aligned and writable; a freed
 * block is reused by its class; big blocks come and go; release empties. */
#include <stdint.h>
#include <string.h>

#include "pool.h"
#include "t.h"

int main(void)
{
	pool p = {0};
	/* sizes across every class, the class edges and above the largest */
	static const size_t sizes[] = {0,    1,     15,    16,    17,     100,    4096,
	                               4097, 65535, 65536, 65537, 300000, 1 << 20};
	enum { N = sizeof sizes / sizeof sizes[0] };
	unsigned char *b[N];
	for (size_t i = 0; i < N; i++) {
		b[i] = pool_alloc(&p, sizes[i]);
		CHECK(b[i] != NULL);
		CHECK_INT((uintptr_t)b[i] % 16, 0);
		memset(b[i], (int)i + 1, sizes[i]);
	}
	/* no block overlaps another: each still holds its own byte */
	for (size_t i = 0; i < N; i++) {
		size_t bad = 0;
		for (size_t j = 0; j < sizes[i]; j++)
			bad += b[i][j] != (unsigned char)(i + 1);
		CHECK_INT(bad, 0);
	}
	/* a freed block is the next one of its class; another class does not
	 * take it */
	void *x = b[5]; /* 100 bytes: the 128-byte class */
	pool_free(&p, x);
	void *y = pool_alloc(&p, 20);
	CHECK(y != x);
	CHECK(pool_alloc(&p, 128) == x);
	/* big blocks are freed one by one (ASan and valgrind see a leak or a
	 * double free), from the middle and the ends of their list */
	pool_free(&p, b[11]);
	pool_free(&p, b[12]);
	void *z = pool_alloc(&p, 1 << 21);
	memset(z, 7, 1 << 21);
	pool_free(&p, b[10]);
	pool_free(&p, NULL);
	/* many blocks: more than one chunk */
	void *last = NULL;
	for (int i = 0; i < 100000; i++) {
		void *q = pool_alloc(&p, 48);
		memcpy(q, &last, sizeof last);
		last = q;
	}
	size_t chain = 0;
	for (void *q = last; q; memcpy(&q, q, sizeof q))
		chain++;
	CHECK_INT(chain, 100000);
	pool_release(&p);
	CHECK(p.chunks == NULL && p.big == NULL && p.next == NULL);
	/* usable again after release */
	void *again = pool_alloc(&p, 10);
	CHECK(again != NULL);
	pool_release(&p);
	pool_release(&p);
	T_END();
}
