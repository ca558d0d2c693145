/* SPDX-License-Identifier: MIT */
/* diffhtml: pg-diff's --format html report, one self-contained page (no
 * scripts, no external files): the headings and tables of the markdown
 * report, and an inline SVG bar chart of the largest money changes. The
 * rows come from lib/diff.c one at a time (the body goes to a temporary
 * file there, since the summary and chart come first); this module only
 * writes HTML and keeps the chart's largest bars. It compares nothing. */
#ifndef PG_DIFFHTML_H
#define PG_DIFFHTML_H

#include <stddef.h>
#include <stdio.h>

#include "dec.h"

#define DIFFHTML_MAX_BARS 10 /* the chart's bars: the largest |delta| in 万元 */

/* Write s escaped as HTML text (& < > " '). */
void diffhtml_text(FILE *out, const char *s, size_t n);

/* Headings: a department (h2; "" is named as missing), a form (h3:
 * 项目：NAME, or 部门整体 when proj is empty), and a section (h4, its title
 * in the form's words) with its table's head. Strings are (pointer,
 * length). */
void diffhtml_dept(FILE *out, const char *dept, size_t dn);
void diffhtml_form(FILE *out, const char *proj, size_t pn);
void diffhtml_section(FILE *out, const char *section_title);
/* One table row. delta and pct may be ""; unit is delta's unit. */
void diffhtml_row(FILE *out, const char *change, const char *k, size_t kn, const char *f, size_t fn,
                  const char *ov, size_t ovn, const char *nv, size_t nvn, const char *delta,
                  const char *unit, const char *pct);
/* Close a group's table. */
void diffhtml_end_group(FILE *out);

/* The chart's bars, the largest |delta| kept. */
typedef struct diffhtml_bars {
	struct {
		char label[160];
		dec delta;
	} v[DIFFHTML_MAX_BARS];
	int n;
} diffhtml_bars;
/* Offer a money change (label: who and which key, cut to fit). */
void diffhtml_bar_offer(diffhtml_bars *b, const char *label, size_t ln, dec delta);

/* Write the whole page: head, title with both names and years, summary
 * line, chart, then the body (rewound and copied), and the end. */
void diffhtml_page(FILE *out, FILE *body, const char *oldname, const char *oldyear,
                   const char *newname, const char *newyear, const char *summary,
                   const diffhtml_bars *bars);

#endif
