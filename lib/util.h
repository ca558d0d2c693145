/* SPDX-License-Identifier: MIT */
/* util: allocation that dies on exhaustion, a growable byte buffer, and small
 * string helpers shared by every module. Out of memory is the one condition
 * library code may exit on (toybox xwrap); nothing else here prints. */
#ifndef PG_UTIL_H
#define PG_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define PG_VERSION "0.1.0"

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Resize p to n*size bytes, dying on overflow or exhaustion. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/* Copy n bytes of s into a new NUL-terminated string. Caller frees. */
char *xmemdup(const void *s, size_t n);

/* Growable byte buffer; s is always NUL-terminated once anything was added.
 * Zero-initialise ({0}) to start; buf_free releases, buf_reset empties. */
typedef struct {
	char *s;
	size_t len, cap;
} buf;

void buf_grow(buf *b, size_t extra);
void buf_add(buf *b, const void *p, size_t n);
void buf_addc(buf *b, int c);
void buf_adds(buf *b, const char *s);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* buf_printf with a va_list (ap is left for the caller to va_end). Returns
 * the length appended, or -1 (nothing appended) when formatting fails. */
int buf_vprintf(buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void buf_reset(buf *b);
void buf_free(buf *b);
/* The contents as a C string ("" when empty); owned by b. */
const char *buf_str(const buf *b);

/* A bump arena for many small strings that die together (one document's
 * facts): each string is carved from a chunk of STRARENA_CHUNK bytes (a larger
 * one gets a chunk of its own), none is freed alone. Zero-initialise ({0})
 * to start; strarena_reset makes every string dead and keeps one chunk for the
 * next round; strarena_free releases all. */
#define STRARENA_CHUNK (32 << 10)

typedef struct strarena_chunk {
	struct strarena_chunk *next;
	size_t cap;
	char data[];
} strarena_chunk;

typedef struct {
	strarena_chunk *head; /* the chunk being carved, then older ones */
	char *next, *end;     /* unused part of head */
} strarena;

/* Copy of s[0..n) with a NUL after it, valid until strarena_reset. */
char *strarena_memdup(strarena *a, const void *s, size_t n);
char *strarena_strdup(strarena *a, const char *s);
void strarena_reset(strarena *a);
void strarena_free(strarena *a);

/* Warnings about an input, each with the input line it is about (0 when
 * none): library code adds them, a program prints them. Zero-initialise
 * ({0}) to start; warn_free releases. */
typedef struct {
	long line;
	char *msg; /* owned */
} warning;

typedef struct {
	warning *v;
	size_t n, cap;
} warnings;

void warn_add(warnings *w, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void warn_free(warnings *w);

/* The next line of text[*i..n): *s and *len get its start and length (its
 * line end excluded); *i moves past the line end (LF, CRLF or a lone CR,
 * each one line end). Returns 0 at the end of the text. */
int pg_next_line(const char *text, size_t n, size_t *i, const char **s, size_t *len);

/* Is s[0..n) one or more of the strings of set (nset of them) run
 * together, nothing else (`……`, `——`)? 0 for an empty s. */
int pg_only_of(const char *s, size_t n, const char *const *set, size_t nset);

/* Is s[0..n) a number as a money cell writes it: digits, grouping commas,
 * points, a leading minus, and at least one digit? */
int pg_numeric(const char *s, size_t n);

/* Name of a path without directory and last extension, in a new string. */
char *pg_basename_noext(const char *path);

/* Length in bytes of the UTF-8 sequence starting at s (1 for invalid bytes). */
size_t utf8_len(const unsigned char *s, size_t avail);
/* Decode one code point at s; sets *n to its length; -1 for invalid. */
long utf8_decode(const unsigned char *s, size_t avail, size_t *n);
/* Append code point cp as UTF-8. */
void utf8_put(buf *b, long cp);

/* Index of the first byte in which a[0..n) and b[0..n) differ, n when
 * none does: 8 bytes compared a step (pg-diff's comparisons and extsort's
 * front coding). */
static inline size_t pg_first_diff(const char *a, const char *b, size_t n)
{
	size_t k = 0;
	for (; n - k >= 8; k += 8) {
		uint64_t x, y;
		memcpy(&x, a + k, 8);
		memcpy(&y, b + k, 8);
		if (x != y) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return k + (size_t)__builtin_ctzll(x ^ y) / 8;
#else
			return k + (size_t)__builtin_clzll(x ^ y) / 8;
#endif
		}
	}
	while (k < n && a[k] == b[k])
		k++;
	return k;
}

#endif
