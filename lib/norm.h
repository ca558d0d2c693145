/* SPDX-License-Identifier: MIT */
/* norm: one fact record through pg-normalize (FORMAT.md sections 3-4):
 * canonical text for dept, project, each '|'-part of key, and value; op,
 * num and unit from the value where the section and field hold quantities
 * (vocab_qty_fields). doc, year, section, field and src pass through.
 * A record whose op is already non-empty was normalised before (pg-extract
 * always leaves op empty), so its op, num and unit are kept as they are and
 * only its text is canonicalised again: that is what makes a second run a
 * no-op even where a money unit came from the unit column. This module
 * reads and writes no files. */
#ifndef PG_NORM_H
#define PG_NORM_H

#include <stddef.h>

#include "qty.h"
#include "tsv.h"
#include "util.h"

typedef struct {
	buf text[4]; /* canonical dept, project, key, value */
	qty q;
	char err[128]; /* message of the last error */
} norm;

/* Initialise / release the reusable buffers (norm_free(NULL) is a no-op). */
void norm_init(norm *nm);
void norm_free(norm *nm);

/* Normalise the record in[0..FACT_NCOLS) (lengths inlen). Sets out/outlen to
 * the output fields: pointers into in or into nm, valid until the next call.
 * Returns 0, or -1 when the value's number is out of range (nm->err says so;
 * the record is still given, with op, num and unit empty). */
int norm_record(norm *nm, char *const *in, const size_t *inlen, char **out, size_t *outlen);

#endif
