/* SPDX-License-Identifier: MIT */
/* pool: size-class allocator for bursts of small blocks. See pool.h. */
#include "pool.h"

#include <stdint.h>
#include <stdlib.h>
#ifdef __GLIBC__ /* defined by the libc headers above */
#include <malloc.h>
#endif

#include "util.h"

/* Each block is preceded by a header whose last word is its class; the
 * header keeps the block aligned as malloc's are. */
#define ALIGN 16
_Static_assert(POOL_MIN == 16, "size_class counts bits above 16");
#define BIG_CLASS ((size_t)-1)

typedef struct {
	size_t pad;
	size_t cls;
} small_hdr;

struct pool_big {
	pool_big *prev, *next;
	size_t pad;
	size_t cls; /* BIG_CLASS */
};

struct pool_chunk {
	pool_chunk *next;
	size_t pad;
};

_Static_assert(sizeof(small_hdr) % ALIGN == 0, "small header alignment");
_Static_assert(sizeof(pool_big) % ALIGN == 0, "big header alignment");
_Static_assert(sizeof(pool_chunk) % ALIGN == 0, "chunk header alignment");

/* The class of an n-byte request: the smallest k with POOL_MIN << k >= n,
 * or POOL_CLASSES when n is above the largest class. */
static size_t size_class(size_t n)
{
	if (n <= POOL_MIN)
		return 0;
	if (n > (size_t)POOL_MIN << (POOL_CLASSES - 1))
		return POOL_CLASSES;
	/* bits of n - 1, less those of POOL_MIN - 1 (16: 4 bits) */
	return (size_t)(64 - __builtin_clzll((unsigned long long)(n - 1))) - 4;
}

static void *big_alloc(pool *p, size_t n)
{
	if (n > SIZE_MAX - sizeof(pool_big))
		n = SIZE_MAX; /* xmalloc dies on it */
	else
		n += sizeof(pool_big);
	pool_big *b = xmalloc(n);
	b->prev = NULL;
	b->next = p->big;
	b->cls = BIG_CLASS;
	if (p->big)
		p->big->prev = b;
	p->big = b;
	return b + 1;
}

void *pool_alloc(pool *p, size_t n)
{
	size_t k = size_class(n);
	if (k == POOL_CLASSES)
		return big_alloc(p, n);
	void *f = p->free[k];
	if (f) {
		p->free[k] = *(void **)f;
		return f;
	}
	size_t need = sizeof(small_hdr) + ((size_t)POOL_MIN << k);
	if ((size_t)(p->end - p->next) < need) {
		/* the rest of the chunk (less than one block) is left unused */
		pool_chunk *c = xmalloc(sizeof *c + POOL_CHUNK);
		c->next = p->chunks;
		p->chunks = c;
		p->next = (char *)(c + 1);
		p->end = p->next + POOL_CHUNK;
	}
	small_hdr *h = (small_hdr *)p->next;
	p->next += need;
	h->cls = k;
	return h + 1;
}

void pool_free(pool *p, void *ptr)
{
	if (!ptr)
		return;
	size_t k = ((size_t *)ptr)[-1];
	if (k == BIG_CLASS) {
		pool_big *b = (pool_big *)ptr - 1;
		if (b->prev)
			b->prev->next = b->next;
		else
			p->big = b->next;
		if (b->next)
			b->next->prev = b->prev;
		free(b);
		return;
	}
	*(void **)ptr = p->free[k];
	p->free[k] = ptr;
}

void pool_keep_chunks(void)
{
#ifdef M_MMAP_THRESHOLD
	_Static_assert(POOL_CHUNK < (4 << 20), "chunks stay below the mmap threshold");
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
#endif
}

void pool_release(pool *p)
{
	for (pool_chunk *c = p->chunks, *n; c; c = n) {
		n = c->next;
		free(c);
	}
	for (pool_big *b = p->big, *n; b; b = n) {
		n = b->next;
		free(b);
	}
	*p = (pool){0};
}
