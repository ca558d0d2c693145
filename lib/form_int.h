/* SPDX-License-Identifier: MIT */
/* form_int: what the stages of form reading share, inside lib/ only. The
 * flow is grid -> documents -> blocks (form_blocks.c, a pure cut: no reading,
 * no facts), then one reader per block kind (form_pairs.c, form_amounts.c,
 * form_goal.c, form_task.c, form_ind.c), then facts (facts.c). form.c runs
 * them in that order per document, choosing the template (vocab_templates)
 * that fits the document's blocks. form_cell.c holds the cell helpers every
 * stage uses (label keys, key parts, provenance). */
#ifndef PG_FORM_INT_H
#define PG_FORM_INT_H

#include "facts.h"
#include "form.h"
#include "grid.h"
#include "util.h"
#include "vocab.h"

typedef struct {
	cell **c;
	int n;
} rowv;

/* A memo of label keys for one document (form_keys.c): zero-initialise
 * ({0}), form_keys_reset between documents, form_keys_free at the end. */
typedef struct {
	unsigned long long h;
	unsigned gen; /* the form_keys generation it was filled in; else free */
	size_t n;
	const char *src, *key; /* the text (a copy) and its key, in mem */
} form_key_slot;

typedef struct {
	form_key_slot *t; /* open addressing, cap a power of two, at most half full */
	size_t cap, used;
	unsigned gen; /* this document's generation, from 1 */
	strarena mem;
	buf tmp;
} form_keys;

/* form_labkey(s, ...) computed once per distinct text: the key, valid until
 * form_keys_reset. A document of more than FORM_KEYS_MAX distinct texts (a
 * real form has a few hundred; the limit keeps the memo's table under 1.5
 * MB, its copies of texts and keys at most twice the grid's texts) gets the
 * keys of the others computed each time, in the memo's buffer: such a key
 * is valid until the next form_key call only, so a caller uses one key
 * before it asks for the next (all do). */
#define FORM_KEYS_MAX 16384
const char *form_key(form_keys *m, const char *s);
void form_keys_reset(form_keys *m);
void form_keys_free(form_keys *m);

typedef struct {
	int kind; /* enum form_block, BLK_NONE for an unknown row */
	cell *label;
	rowv *rows;
	int n, cap;
	grid *html;    /* table held by the label row, whose copies follow */
	buf *htext;    /* each table row's texts (row_texts), for the copies */
	int next_html; /* next table row a flat copy should match */
	int whole;     /* the label spans its row alone: the rows after it are
	                  not offset by a label column */
} block;

/* One document as cut from the grid: its title, blocks and the one-cell
 * lines met before its first block. */
typedef struct {
	cell *title;
	cell *dept;       /* the first 部门名称 value met while cutting, or NULL */
	int seen_project; /* a 项目名称 row was met */
	block *b;
	int nb, bcap;
	cell **pre; /* one-cell lines outside blocks */
	int npre, precap;
} form_doc;

/* The cutter: grid -> documents -> blocks. */
typedef struct {
	grid *g;
	int row;    /* next grid row to look at */
	block *cur; /* block the next rows may continue */
	int done;   /* the last document was given */
	/* a multi-project table (FORMAT.md 2c): its header row, the column of
	 * each role (enum multi_role; -1 none) and the form's title */
	grid_row *mhead;
	int mcol[MC_N];
	cell *mtitle;
	cell *munit; /* the last 单位名称 given: filled down to later projects */
	buf tmp;
	buf rowt;        /* a flat row's texts (check_copy) */
	form_keys *keys; /* label keys of this document */
	form_stats *st;  /* flat-copy checks add warnings and counts here */
} form_cutter;

/* Cut the next document from the grid into d (emptied first). Returns 1
 * with a document, 0 when the grid is done (d may then still hold rows that
 * make no document: form_doc_started says). */
int form_cut_next(form_cutter *c, form_doc *d);
/* A document has begun once it has a title, a department or a known block. */
int form_doc_started(const form_doc *d);
/* Free what d holds and empty it (d itself stays usable). */
void form_doc_reset(form_doc *d);
void form_doc_free(form_doc *d); /* form_doc_reset, and the arrays too */

/* The reading state of one document: what the readers have found. */
typedef struct {
	const form_opts *o;
	form_stats *st;
	form_doc *d;
	const vocab_template *tpl;
	cell *dept;
	cell *project;   /* project form: the 项目名称 value */
	int dept_rank;   /* how dept was found: 1 主管部门/部门名称, 2 预算部门 */
	cell dept_own;   /* dept named by a `预算单位:` line: its name ... */
	char *dept_text; /* ... owned here */
	char year[8];
	char unit[16];      /* the form's `单位:万元` line, if any */
	int goal_no[4];     /* goals numbered so far, by enum goal_kind */
	char last_goal[64]; /* key of the goal emitted last, for its fields */
	fact_list facts;
	buf tmp, tmp2;
	form_keys *keys;  /* label keys of this document (shared with the cutter) */
	cell **fit_cells; /* empty cells the row fit put where cells were lost */
	size_t nfit, fitcap;
} form_reader;

typedef void form_read_fn(form_reader *w, block *b);
form_read_fn form_read_dept, form_read_info, form_read_pinfo, form_read_budget, form_read_funds,
    form_read_goal, form_read_task, form_read_other, form_read_indicator, form_read_ltext,
    form_read_total;
/* The length of a goal marker (`目标N:`, `1.`, `(1)`, `一、`) leading s,
 * else 0 (form_goal.c). */
size_t form_goal_marker(const char *s, size_t n);
/* A prose indicator's text (`质量指标:…`): an indicator level name (a
 * band may follow it), a colon, then text. Returns the offset in text just
 * after the colon and sets *kind to the level's enum ind_role; 0 when text
 * is none. The key comes from keys, the memo (form_ind.c). */
size_t form_prose_level(form_keys *keys, const char *text, int *kind);
/* The row fit (form_fit.c): re-align the data rows of an indicator block
 * that lost or gained cells after their level names to the columns of
 * their header row, by what each cell is (docs/regrid.md section 4b). Rows
 * re-aligned get new cell arrays (b->rows[i].c); the empty cells put where
 * cells were lost are w's, freed by form_fit_free. At most FIT_MAX_COLS
 * columns from the name column on, and as many cells; a wider row is read
 * as it stands. */
#define FIT_MAX_COLS 64
void form_fit_indicator(form_reader *w, block *b);
void form_fit_free(form_reader *w);
/* Is a one-cell line outside the blocks accounted for (form_pairs.c)? */
int form_pre_line_ok(form_reader *w, const cell *c);
/* Rows or cells nobody used go to extra (form_pairs.c). */
void form_extra_row(form_reader *w, rowv *r);

/* ---- cell helpers (form_cell.c) ---- */
const char *form_labkey(const char *s, buf *out);
/* Does s end with a colon (`:` or full-width `：`), blanks after it aside?
 * (A label written `label:` whose value is empty; form_labkey drops it.) */
int form_ends_colon(const char *s);
/* The first colon of raw text s, ASCII `:` or full-width `：` (*len its
 * bytes, 1 or 3), or NULL. */
const char *form_colon(const char *s, size_t *len);
/* The three tests every reader makes on every cell, inline (they were
 * half a million calls on 100 documents). */
static inline int form_empty(const cell *c)
{
	return !c || c->len == 0;
}

/* A cell that carries text of its own (not a span copy, not empty, not
 * the markup of a table it holds). */
static inline int form_has_text(const cell *c)
{
	return c && c->len > 0 && !(c->flags & (CELL_VSPAN | CELL_HSPAN)) && !c->sub;
}

static inline void form_use(cell *c)
{
	if (c)
		c->flags |= CELL_USED;
}
char *form_key_part(const char *s);
/* A label's key part in canonical form (FORMAT.md 2c: blanks and line
 * breaks removed, full-width punctuation folded, a leading `*` dropped).
 * New string. */
char *form_label_key(buf *tmp, const char *s);

char *form_join_key(const char *a, const char *b, const char *c);
const char *form_header_unit(buf *tmp, const cell *c);
cell *form_at(const rowv *r, int i);
int form_numeric(const cell *c);
/* A number, perhaps followed by a money unit (`250万`, `15000元`). */
int form_amount(const cell *c);
int form_word_kind(buf *tmp, const cell *c, const vocab_word *table);
char *form_flat_text(const cell *c);
/* Value of a Chinese numeral character: 一..九 1..9, 十 10; -1 for others. */
int form_cn_digit(long cp);
/* The code point at s[i] (length in *k), full-width folded; -1 if invalid. */
long form_cp_at(const char *s, size_t n, size_t i, size_t *k);
/* Column roles of a header row (a header word among its first two texts):
 * role[j] = the word's kind for each of r's cells, *unit_col the amount
 * column (TR_AMOUNT) when unit_col is not NULL; returns how many cells named
 * a role (0: not a header row). form_col_of: the first column of a role, -1. */
int form_find_roles(form_reader *w, const rowv *r, const vocab_word *table, int *role,
                    int *unit_col);
int form_col_of(const int *role, int n, int want);
/* A block label with a score band in brackets (`绩效指标(90分)`: the
 * vocabulary matches the label without it) keeps the band: meta key = the
 * label's key without the band, field band, value the band as written
 * without brackets (`90分`; FORMAT.md 2c "Score bands"). */
void form_block_band(form_reader *w, const block *b);
/* A fact from a cell (value, provenance), and from text at a cell. */
void form_fact(form_reader *w, int sec, char *key, const char *field, const cell *val,
               const char *unit);
void form_fact_text(form_reader *w, int sec, char *key, const char *field, const char *text,
                    size_t n, const cell *at, const char *unit);

#endif
