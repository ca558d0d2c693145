/* SPDX-License-Identifier: MIT */
/* facts: the facts of one document, before they are written: the list,
 * the section order, the `#2` key dedupe and the write as fact-stream rows
 * (FORMAT.md sections 1, 2). It owns the one section enum that pg-extract,
 * pg-sum and pg-diff share. It knows nothing of forms, grids or cells:
 * readers hand it strings. */
#ifndef PG_FACTS_H
#define PG_FACTS_H

#include <stdio.h>

#include "util.h"

/* Sections, in stream order (FORMAT.md section 2). */
enum fact_section {
	SEC_META,
	SEC_INFO,
	SEC_BUDGET,
	SEC_GOAL,
	SEC_TASK,
	SEC_OTHER,
	SEC_INDICATOR,
	SEC_EXTRA,
	SEC_N
};
extern const char *const facts_section_name[SEC_N]; /* "meta" ... "extra" */

typedef struct {
	int sec;  /* enum fact_section */
	long seq; /* order of addition, for a stable sort */
	char *key, *field, *value, *unit, *src;
} fact;

typedef struct {
	fact *f;
	long n, cap;
	strarena mem; /* the facts' field, value, unit and src strings */
} fact_list;

/* Append a fact. key is taken over (freed by facts_reset); field, value
 * (n bytes), unit and src are copied into l's arena (no allocation each).
 * Line breaks in value become spaces. */
void facts_add(fact_list *l, int sec, char *key, const char *field, const char *value, size_t n,
               const char *unit, const char *src);

/* Sort l by section (document order inside one), give a key repeated inside
 * its section `#2`, `#3` ... (FORMAT.md section 2), and write each fact as a
 * row: doc, year, dept, project as given, op and num empty. */
void facts_write(fact_list *l, FILE *out, const char *doc, const char *year, const char *dept,
                 const char *project);

/* Free every fact (the list can be reused); facts_free also frees the array. */
void facts_reset(fact_list *l);
void facts_free(fact_list *l);

#endif
