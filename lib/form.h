/* SPDX-License-Identifier: MIT */
/* form: recognise 绩效目标表 forms in a document grid and turn them into
 * facts (FORMAT.md section 2). It walks the grid's rows, finds each block by
 * the label in its first column (vocab_block_labels), reads the block's rows
 * by what their cells say (headers, level names, `任务N:` prefixes), and
 * sends every non-empty cell it cannot place to section `extra`. In the
 * seed's shape (a cell holding the HTML table, followed by flattened copies
 * of it) the copies are checked against the table, not read twice. It knows
 * the grid model, not where the grid came from, and writes fact records
 * without the header. */
#ifndef PG_FORM_H
#define PG_FORM_H

#include <stdio.h>

#include "grid.h"
#include "util.h"

typedef struct {
	const char *doc;   /* document id of the first form; later ones get #2, #3 */
	const char *year;  /* year when the title has none (--year), or NULL */
	const char *sheet; /* the grid's sheet name, for src (grid_cell_src), or NULL */
} form_opts;

typedef struct {
	int docs;      /* forms found */
	int extra;     /* facts sent to section extra */
	int disagree;  /* flat copies that disagree with their HTML table */
	warnings warn; /* warnings, each with its input line (0: none) */
} form_stats;

/* Find the forms in g and write their facts to out. Cells are marked as they
 * are used (g is modified). Returns the number of forms found; st receives
 * counts and warnings (caller frees st->warn with warn_free). */
int form_extract(grid *g, const form_opts *o, FILE *out, form_stats *st);

/* The largest task number read from a `任务N:` prefix (docs/limits.md). */
#define FORM_TASK_NO_MAX 9999999L

/* The `任务N:` prefix of a task name (任务1:, 任务１：, 任务一、, 任务二十三 followed
 * by a space): returns its length in bytes, blanks after it included, and
 * sets *num to N, or to -1 when N is beyond FORM_TASK_NO_MAX (the prefix is
 * still a prefix; the caller numbers the task by position); 0 when s has no
 * such prefix. */
size_t form_task_prefix(const char *s, size_t n, long *num);

/* The score band glued to the end of a canonical label (`产出指标(50分)`,
 * `成本指标(0-20)分`, `10分`): returns the length of the label before it
 * (strlen(k) when none) and sets *band to the band without brackets (`50分`,
 * `0-20分`; new string), or NULL. */
size_t form_band(const char *k, char **band);

/* The length of an item number leading the canonical label k (`1、`,
 * `(一)`, `一、`, `1.`) when a label follows it, else 0. */
size_t form_item_number(const char *k);

/* The label key k with runs of lost-character marks (`?`, U+FFFD: text
 * whose characters a conversion could not write) dropped where they stand
 * between non-ASCII characters (`绩???效???指???标`), in out; NULL when k
 * has none (out's text, owned by out). */
const char *form_lost_key(const char *k, buf *out);

#endif
