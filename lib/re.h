/* SPDX-License-Identifier: MIT */
/* re: the one thin wrapper over PCRE2 (8-bit, UTF mode). A pattern is
 * compiled once (JIT-compiled when the library supports it) and then matched
 * any number of times with a match block owned by the compiled pattern, so a
 * match allocates nothing. Subjects may hold invalid UTF-8 (those bytes match
 * nothing). This is the only module that includes pcre2.h. It
 * does not cache patterns: callers compile theirs once per process. A re is
 * not safe to use from two threads at once (its match block is shared). */
#ifndef PG_RE_H
#define PG_RE_H

#include <stddef.h>

#define RE_UNSET ((size_t)-1) /* offset of a group that did not take part */

typedef struct re re;

/* Compile pattern (UTF-8, PCRE2 syntax, UTF mode). Returns the compiled
 * pattern, or NULL with a message in err (errsz bytes). Free with re_free. */
re *re_new(const char *pattern, char *err, size_t errsz);
void re_free(re *r);

/* Number of capture groups of r. */
int re_groups(const re *r);

/* Search s[0..n) from offset start (anchored at start when anchored is
 * nonzero). Returns 1 on a match, 0 when none, -1 on a matching error (e.g.
 * a resource limit). After a match, re_group gives the offsets. */
int re_match(re *r, const char *s, size_t n, size_t start, int anchored);

/* Offsets of group g (0 is the whole match) of the last successful match:
 * sets *b and *e and returns 1, or returns 0 when the group is unset. */
int re_group(const re *r, int g, size_t *b, size_t *e);

#endif
