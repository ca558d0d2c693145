/* SPDX-License-Identifier: MIT */
/* diffrep: pg-diff's reports for people (--format markdown and html), laid
 * out as the forms are: per department, per form (部门整体, 项目：NAME),
 * the sections in form order (vocab_section_titles: 表头, 基本信息,
 * 预算整体情况 ... not the byte order of the tsv), and a form or a whole
 * department that is only in one input summarised in one line with its
 * total instead of field by field. lib/diff.c hands it the rows group by
 * group in merge order; the sections of the current form and the forms of
 * the current department wait in temporary files until the form (and the
 * department) is complete, so memory stays bounded (--sorted too). It
 * compares nothing and prints no messages: it writes the report to the
 * FILE given. The tsv output does not come here. */
#ifndef PG_DIFFREP_H
#define PG_DIFFREP_H

#include <stddef.h>
#include <stdio.h>

#include "dec.h"
#include "diff.h"
#include "diffhtml.h"
#include "util.h"

/* One row of the report. Strings are (pointer, length), valid during the
 * call; delta, unit and pct are "" when empty. */
typedef struct diffrep_row {
	enum diff_change change;
	const char *k, *f, *ov, *nv;
	size_t kn, fn, ovn, nvn;
	const char *delta, *unit, *pct;
	dec deltav; /* when delta[0] */
} diffrep_row;

/* A form's total as the form states it (diff.c finds it in the budget
 * section: docs/pg-diff.md), in 万元. */
typedef struct diffrep_total {
	int have;
	int sum; /* v is the sum of the rows of the group named by label */
	dec v;
	const char *label; /* the record's key; valid during the call */
	size_t ln;
} diffrep_total;

typedef struct diffrep {
	int html, all;
	FILE *body; /* the report's body, in order */
	FILE *dept; /* the current department's forms, until it is complete */
	FILE *sec[32];
	long seclen[32]; /* bytes of each section of the current form */
	int nsec;        /* slots: one per vocab_section_titles entry, one other */
	int cur;         /* the slot of the group being written, -1 none */
	int cur_open;    /* its table is started */
	int started;
	buf dname, pname, label;
	/* the current form: which inputs have it (bit 0 old, bit 1 new), its
	 * rows shown, its total on each side */
	int fside;
	long frows;
	int fhave[2];
	dec ftot[2];
	buf flabel[2];
	/* the current department */
	int dside;
	long drows, dforms[2], dwhole[2];
	int dwform[2], dwhave[2]; /* its department-wide form, and its total */
	dec dwtot[2];
	buf dwlabel[2];
	long dpwith[2]; /* project forms with a total, their sum */
	dec dpsum[2];
	int dpbad[2]; /* the sum overflowed */
	long whole_forms[2], whole_depts[2];
	long count[DIFF_NKINDS];
	diffhtml_bars bars;
	int err; /* a temporary file could not be made or written */
} diffrep;

/* Start a report (html or markdown; all: `same` rows are shown). Returns 0,
 * or -1 when no temporary file can be made. */
int diffrep_init(diffrep *r, int html, int all);
/* Close the temporary files. NULL is a no-op. */
void diffrep_free(diffrep *r);

/* A (dept, project, section) group starts: has_old / has_new say whether
 * each input has records in it; tot (NULL, or one per input) the form's
 * total when this is its budget section. */
void diffrep_group(diffrep *r, const char *dept, size_t dn, const char *proj, size_t pn,
                   const char *section, size_t sn, int has_old, int has_new,
                   const diffrep_total *tot);
/* A row of the current group (shown: the filters have passed it). */
void diffrep_add(diffrep *r, const diffrep_row *w);
/* The current group ends. */
void diffrep_end_group(diffrep *r);

/* The counts' summary line ("9 changed, 11 added ..., as a whole: 1 form
 * added"), into b. */
void diffrep_summary(const diffrep *r, buf *b);
/* Differences shown (rows that are not `same`). */
long diffrep_differences(const diffrep *r);

/* Finish: the title naming both inputs and their years (year "" unknown),
 * the summary, (html: the chart), then the body, written to out. Returns
 * 0, or -1 when a temporary file failed. */
int diffrep_finish(diffrep *r, FILE *out, const char *oldname, const char *oldyear,
                   const char *newname, const char *newyear);

#endif
