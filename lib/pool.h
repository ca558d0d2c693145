/* SPDX-License-Identifier: MIT */
/* pool: a size-class allocator for one burst of many small blocks that are
 * allocated, freed and reallocated again and again, then all dropped at
 * once (gumbo's tokens, string buffers and nodes during one parse). Blocks
 * are carved from large chunks; a freed block goes on a free list of its
 * size class (powers of two, POOL_MIN bytes to 64 KiB) and is reused by
 * the next request of that class; larger blocks come from malloc, one by
 * one. pool_release frees everything in a few calls, without visiting the
 * blocks. Not thread-safe; a pool is one caller's. It does not return
 * memory to the system before pool_release: its size is the burst's peak
 * of live memory (rounded up to powers of two) plus what free lists hold.
 * Chunks come from malloc: a program that releases pools often should call
 * pool_keep_chunks once at start. */
#ifndef PG_POOL_H
#define PG_POOL_H

#include <stddef.h>

#define POOL_MIN 16            /* smallest class, bytes */
#define POOL_CLASSES 13        /* 16 B .. 64 KiB */
#define POOL_CHUNK (256 << 10) /* bytes carved at a time */

typedef struct pool_chunk pool_chunk;
typedef struct pool_big pool_big;

/* Zero-initialise ({0}) to start. */
typedef struct {
	pool_chunk *chunks; /* newest first */
	char *next, *end;   /* unused part of the newest chunk */
	void *free[POOL_CLASSES];
	pool_big *big; /* blocks above the largest class */
} pool;

/* A block of at least n bytes, aligned for any type, valid until it is
 * given to pool_free or the pool is released. Dies when memory is
 * exhausted (as xmalloc). */
void *pool_alloc(pool *p, size_t n);
/* Give back a block from pool_alloc of the same pool; NULL is a no-op. */
void pool_free(pool *p, void *ptr);
/* Ask malloc (glibc; elsewhere nothing) to keep blocks of a chunk's size in
 * its heap: it maps blocks that size and unmaps them on free, or trims the
 * heap's top, so every burst would fault its pages in again (16,000 faults
 * over 500 documents instead of 400). Raises M_MMAP_THRESHOLD to 4 MiB and
 * M_TRIM_THRESHOLD to 8 MiB, for the whole process: call it from main. */
void pool_keep_chunks(void);

/* Free every block and chunk; the pool is empty ({0}) again. */
void pool_release(pool *p);

#endif
