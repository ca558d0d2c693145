/* SPDX-License-Identifier: MIT */
/* zipr: reading members of a ZIP archive held in memory, with limits
 * against hostile archives (zip bombs, huge member counts). The only module
 * that includes libzip's header. It knows nothing of what the members
 * hold; ooxml.c and the readers above it do. */
#ifndef PG_ZIPR_H
#define PG_ZIPR_H

#include <stddef.h>

#include "util.h"

#define ZIPR_MAX_MEMBERS 10000       /* members in one archive */
#define ZIPR_MAX_MEMBER (128L << 20) /* uncompressed bytes of one member read */
#define ZIPR_MAX_TOTAL (512L << 20)  /* uncompressed bytes read from one archive */
#define ZIPR_MAX_RATIO 200           /* uncompressed/compressed bytes of a member ... */
#define ZIPR_RATIO_FLOOR (1L << 20)  /* ... once it has given this many bytes */

/* The limits in force: the ZIPR_MAX_* values; the unit tests lower them
 * to reach each one with a small archive. */
typedef struct {
	long members, member, total, ratio, ratio_floor;
} zipr_limits;
extern zipr_limits zipr_limit;

typedef struct zipr zipr;

/* Nonzero when bytes start like a ZIP archive (a local header, or the end
 * record of an empty one). */
int zipr_sniff(const char *bytes, size_t n);
/* Open the archive in bytes[0..n) (not copied: keep it while z lives).
 * Returns NULL with err set when it is damaged or has more than
 * ZIPR_MAX_MEMBERS members. */
zipr *zipr_open(const char *bytes, size_t n, char *err, size_t errsz);
/* zipr_close(NULL) is a no-op. */
void zipr_close(zipr *z);
/* Nonzero when the archive has a member of that name. */
int zipr_has(zipr *z, const char *name);
/* Inflate member name and hand it to fn in chunks (fn returns nonzero to
 * stop, which is not an error). Returns 0; -1 with err set when the member
 * is missing or damaged, or a limit is reached (ZIPR_MAX_MEMBER,
 * ZIPR_MAX_TOTAL, ZIPR_MAX_RATIO). */
int zipr_stream(zipr *z, const char *name, int (*fn)(void *u, const char *p, size_t n), void *u,
                char *err, size_t errsz);
/* zipr_stream into a new NUL-terminated buffer *out (caller frees) of *len
 * bytes, at most max bytes (more: -1, err). */
int zipr_read(zipr *z, const char *name, long max, char **out, size_t *len, char *err,
              size_t errsz);

/* Writing, for the fixture and benchmark generators (bench/officegen):
 * members added in order, deflated, then the archive's bytes. */
typedef struct zipw zipw;
zipw *zipw_new(void);
/* Add member name holding data[0..n) (copied). Returns 0, or -1 (the
 * archive is then unusable: zipw_finish reports it). */
int zipw_add(zipw *w, const char *name, const void *data, size_t n);
/* Write the archive into out (appended) and free w. Returns 0, or -1 with
 * err set. */
int zipw_finish(zipw *w, buf *out, char *err, size_t errsz);

#endif
