/* regrid: text whose grid was lost -> grid. The text is first cut into
 * cells and row ends by its shape (tokens), then, when the shape gives no
 * rows (one cell per line, cells followed by ` |`), rows are built from the
 * form's words, and last every row is re-aligned by what its cells say. See
 * regrid.h and docs/regrid.md. */
#include "regrid.h"

#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "text.h"
#include "vocab.h"

/* ---- words ---- */

typedef struct {
	buf key, tmp;
} words;

/* A cell of the text, or the end of a row the text shows. */
typedef struct {
	const char *s;
	size_t n;
	long line;
	int end; /* 1: a row end, no cell */
} tok;

typedef struct {
	tok *v;
	size_t n, cap;
	int rows;  /* the shape shows rows */
	long full; /* the line where REGRID_MAX_TOKENS was reached, or 0 */
} toks;

static void tok_add(toks *t, const char *s, size_t n, long line, int end)
{
	if (t->n >= REGRID_MAX_TOKENS) {
		if (!t->full)
			t->full = line;
		return;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	t->v[t->n++] = (tok){s, n, line, end};
}

/* The next line of text[*i..n): its start and length (line end excluded);
 * *i moves past the line end (LF, CRLF or a lone CR). 0 at the end. */
static int next_line(const char *text, size_t n, size_t *i, const char **s, size_t *len)
{
	if (*i >= n)
		return 0;
	size_t a = *i, b = a;
	while (b < n && text[b] != '\n' && text[b] != '\r')
		b++;
	*s = text + a;
	*len = b - a;
	if (b < n && text[b] == '\r' && b + 1 < n && text[b + 1] == '\n')
		b++;
	*i = b < n ? b + 1 : b;
	return 1;
}

static int blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static int header_of(words *w, const char *s, size_t n, int *role);

/* Does some line of the text hold an indicator header word (一级指标,
 * 指标值 ...) alone? */
static int head_line(const char *text, size_t n)
{
	words w = {0};
	size_t i = 0, len;
	const char *s;
	int found = 0, role;
	while (!found && next_line(text, n, &i, &s, &len))
		found = len && len < 64 && header_of(&w, s, len, &role) && role > 0;
	buf_free(&w.key);
	buf_free(&w.tmp);
	return found;
}

int regrid_sniff(const char *text, size_t n)
{
	size_t i = 0, len;
	const char *s;
	long lines = 0, tabbed = 0, piped = 0, quoted = 0, commas = 0;
	long tabs0 = -1;
	int tabs_same = 1;
	while (next_line(text, n, &i, &s, &len)) {
		if (blank_line(s, len))
			continue;
		lines++;
		long t = 0, c = 0, p = 0;
		for (size_t k = 0; k < len; k++) {
			t += s[k] == '\t';
			c += s[k] == ',';
			p += s[k] == '|';
		}
		if (t) {
			tabbed++;
			if (tabs0 < 0)
				tabs0 = t;
			tabs_same &= t == tabs0;
			quoted += s[0] == '"' || memmem(s, len, "\t\"", 2) != NULL;
			if (memmem(s, len, "\t<", 2) || (len && s[0] == '<'))
				return REGRID_NONE; /* the seed's shape, HTML in cells */
		}
		if (p)
			piped++;
		commas += c > 0;
	}
	if (!lines)
		return REGRID_NONE;
	if (tabbed)
		return !tabs_same && !quoted && tabbed * 2 >= lines ? REGRID_COPY : REGRID_NONE;
	if (piped * 3 >= lines)
		return REGRID_PIPES;
	if (commas * 2 >= lines)
		return REGRID_NONE; /* a CSV: most of its lines hold commas */
	/* one cell per line needs its anchor: an indicator header line */
	return head_line(text, n) ? REGRID_LINES : REGRID_NONE;
}

/* Cut the text into tokens by its shape. */
static void tokenize(const char *text, size_t n, int shape, toks *t)
{
	size_t i = 0, len;
	const char *s;
	long line = 0;
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	t->rows = shape == REGRID_COPY;
	while (next_line(text, n, &i, &s, &len) && !t->full) {
		line++;
		if (shape == REGRID_LINES) {
			tok_add(t, s, len, line, 0);
			continue;
		}
		int sep = shape == REGRID_COPY ? '\t' : '|';
		/* pieces between separators; with pipes, empty ones at both ends
		 * dropped (span padding) */
		const char *e = s + len, *p = s;
		size_t first = t->n, seps = 0;
		while (p <= e) {
			const char *q = memchr(p, sep, (size_t)(e - p));
			if (!q)
				q = e;
			tok_add(t, p, (size_t)(q - p), line, 0);
			seps += q < e;
			p = q + 1;
		}
		if (shape == REGRID_COPY) { /* every field kept, as dsv does */
			tok_add(t, "", 0, line, 1);
			continue;
		}
		size_t last = t->n;
		while (last > first && t->v[last - 1].n == 0)
			last--;
		size_t lead = first;
		while (lead < last && t->v[lead].n == 0)
			lead++;
		size_t cells = last - lead;
		memmove(t->v + first, t->v + lead, cells * sizeof *t->v);
		t->n = first + cells;
		/* pipes: `a | b` is a row; `a |` one cell of a row going on;
		 * `|` alone an empty cell; `||` and more, padding: a row end */
		if (cells >= 2 || (cells == 1 && seps == 0)) {
			tok_add(t, "", 0, line, 1);
			t->rows |= cells >= 2;
		} else if (cells == 0 && seps == 1) {
			tok_add(t, "", 0, line, 0);
		} else if (cells == 0 && seps >= 2) {
			tok_add(t, "", 0, line, 1);
		} else if (cells == 1 && seps >= 3) {
			tok_add(t, "", 0, line, 1); /* `a | ||||`: a one-cell row */
		}
	}
}

/* The label key of s[0..n): canonical text without blanks, a leading `*`
 * (required-field mark) dropped. */
static const char *key_of(words *w, const char *s, size_t n)
{
	buf_reset(&w->tmp);
	text_canon(&w->tmp, s, n);
	buf_reset(&w->key);
	const char *k = buf_str(&w->tmp);
	while (*k == '*')
		k++;
	for (; *k; k++)
		if (*k != ' ')
			buf_addc(&w->key, *k);
	return buf_str(&w->key);
}

static int block_of(words *w, const char *s, size_t n)
{
	const vocab_word *v = vocab_match(vocab_block_labels, key_of(w, s, n));
	return v ? v->kind : BLK_NONE;
}

/* IR_L1 or IR_L2 for a level name, else 0. */
static int level_of(words *w, const char *s, size_t n)
{
	const vocab_word *v = vocab_match(vocab_indicator_levels, key_of(w, s, n));
	return v ? v->kind : 0;
}

/* A header cell: a word of the indicator, task, goal or budget headers. */
static int header_of(words *w, const char *s, size_t n, int *role)
{
	const char *k = key_of(w, s, n);
	const vocab_word *tables[] = {vocab_indicator_headers, vocab_task_headers,
	                              vocab_goal_headers, vocab_budget_groups,
	                              vocab_amount_headers};
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		const vocab_word *v = vocab_match(tables[i], k);
		if (v) {
			*role = i == 0 ? v->kind : -1;
			return 1;
		}
	}
	return 0;
}

static int title_of(words *w, const char *s, size_t n)
{
	return n && vocab_contains(vocab_title_words, key_of(w, s, n));
}

static int note_of(words *w, const char *s, size_t n)
{
	return n && vocab_match(vocab_note_labels, key_of(w, s, n)) != NULL;
}

/* A number as a money cell writes it: digits, grouping commas, a point. */
static int numeric(const char *s, size_t n)
{
	int digits = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != ',' && s[i] != '.' && !(i == 0 && s[i] == '-'))
			return 0;
	}
	return digits > 0;
}

/* ---- rows ---- */

/* A row being built: token indexes. */
typedef struct {
	size_t *v;
	int n, cap;
} rowbuf;

static void row_push(rowbuf *r, size_t k)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->v = xreallocarray(r->v, (size_t)r->cap, sizeof *r->v);
	}
	r->v[r->n++] = k;
}

typedef struct {
	words w;
	grid *g;
	const toks *t;
	int block;  /* the block the last label opened (BLK_*) */
	int width;  /* cells of a data row after a header row, 0: unknown */
	int levels; /* indicator header: level columns before the others */
	int col_l1; /* columns (after the label column) of L1 and L2, -1 none */
	int col_l2;
	int col_rest;  /* first column after the level columns */
	int have_head; /* an indicator header row was seen in this block */
} builder;

/* Emit row r into the grid, re-aligned: a row inside a block that does not
 * start with a label (its rowspanned label cell is missing) gets an empty
 * first cell; an indicator row gets empty cells for the levels it lacks. */
static void emit(builder *b, rowbuf *r)
{
	if (!r->n)
		return;
	const toks *t = b->t;
	const tok *c0 = &t->v[r->v[0]];
	int pad = 0, blk = block_of(&b->w, c0->s, c0->n);
	if (blk != BLK_NONE) {
		b->block = blk;
		b->have_head = 0;
		b->width = 0;
	} else if ((title_of(&b->w, c0->s, c0->n) && r->n == 1) || note_of(&b->w, c0->s, c0->n)) {
		b->block = BLK_NONE;
	} else if (b->block != BLK_NONE && c0->n) {
		pad = 1;
	}
	/* the header row of a table (its first cell after the label a header
	 * word): its cells' roles, IR_NONE for the columns vocab does not name */
	int from = blk != BLK_NONE ? 1 : 0, role, heads = 0, ir[64];
	if (from < r->n && header_of(&b->w, t->v[r->v[from]].s, t->v[r->v[from]].n, &role))
		for (int j = from; j < r->n && heads < 64; j++) {
			const tok *c = &t->v[r->v[j]];
			ir[heads++] = header_of(&b->w, c->s, c->n, &role) ? role : IR_NONE;
		}
	if (heads) {
		b->width = heads;
		if (b->block == BLK_INDICATOR) {
			b->have_head = 1;
			b->col_l1 = b->col_l2 = -1;
			b->col_rest = 0;
			for (int j = 0; j < heads; j++) {
				if (ir[j] == IR_L1 && b->col_l1 < 0)
					b->col_l1 = j;
				else if (ir[j] == IR_L2 && b->col_l2 < 0)
					b->col_l2 = j;
				else if (ir[j] != IR_L12)
					continue;
				b->col_rest = j + 1;
			}
			b->levels = b->col_rest;
		}
	} else if (b->block == BLK_INDICATOR && b->have_head && blk == BLK_NONE && c0->n) {
		int lv = level_of(&b->w, c0->s, c0->n);
		if (lv == IR_L12) { /* 成本指标: level 1 when a level 2 follows */
			const tok *c1 = r->n > 1 ? &t->v[r->v[1]] : NULL;
			lv = c1 && level_of(&b->w, c1->s, c1->n) == IR_L2 ? IR_L1 : IR_L2;
		}
		int at = lv == IR_L1 ? b->col_l1 : lv == IR_L2 ? b->col_l2 : b->col_rest;
		if (at > 0)
			pad += at;
		else if (at < 0)
			pad += b->col_rest;
	}
	grid_row *gr = grid_add_row(b->g, c0->line);
	for (int j = 0; j < pad; j++) {
		cell *c = grid_add_cell(b->g, gr, "", 0);
		if (c)
			c->line = c0->line;
	}
	for (int j = 0; j < r->n; j++) {
		const tok *tk = &t->v[r->v[j]];
		cell *c = grid_add_cell(b->g, gr, tk->s, tk->n);
		if (!c)
			break;
		c->line = tk->line;
		c->col = j + 1;
	}
	r->n = 0;
}

/* Does token k start a row when the text shows none? A block label, a
 * title, a level name or a `任务N:` name under their headers. */
static int starts_row(builder *b, rowbuf *r, const tok *c)
{
	if (!c->n)
		return 0;
	if (block_of(&b->w, c->s, c->n) != BLK_NONE || title_of(&b->w, c->s, c->n) ||
	    note_of(&b->w, c->s, c->n))
		return 1;
	const tok *c0 = &b->t->v[r->v[0]];
	int blk = block_of(&b->w, c0->s, c0->n);
	if (blk == BLK_NONE)
		blk = b->block;
	if (blk == BLK_INDICATOR && level_of(&b->w, c->s, c->n)) {
		/* a level name starts a row, unless a level name just began it */
		const tok *p = &b->t->v[r->v[r->n - 1]];
		return !(r->n == 1 && level_of(&b->w, p->s, p->n) && blk == b->block);
	}
	long no;
	if (blk == BLK_TASK && form_task_prefix(c->s, c->n, &no))
		return 1;
	return 0;
}

/* Cells a data row holds before it ends, counting those after its level
 * names; 0 when not known. */
static int row_full(builder *b, rowbuf *r)
{
	if (!r->n)
		return 0;
	const tok *c0 = &b->t->v[r->v[0]], *cl = &b->t->v[r->v[r->n - 1]];
	int blk = block_of(&b->w, c0->s, c0->n);
	if ((blk == BLK_NONE ? b->block : blk) == BLK_FUNDS && r->n >= 2 && numeric(cl->s, cl->n))
		return 1; /* 项目资金: a label and its amount */
	if (!b->width)
		return 0;
	if (block_of(&b->w, c0->s, c0->n) != BLK_NONE)
		return 0; /* the label row goes on to its header's end */
	int skip = 0;
	if (b->block == BLK_INDICATOR && b->have_head) {
		for (; skip < r->n && skip < b->levels; skip++) {
			const tok *c = &b->t->v[r->v[skip]];
			if (!level_of(&b->w, c->s, c->n))
				break;
		}
		return r->n - skip >= b->width - b->levels;
	}
	return r->n >= b->width;
}

/* Is row r a label followed by header cells, and c not one more? Then the
 * header row ends before c. */
static int head_done(builder *b, rowbuf *r, const tok *c)
{
	int role;
	if (r->n < 2)
		return 0;
	const tok *c0 = &b->t->v[r->v[0]], *c1 = &b->t->v[r->v[1]];
	int blk = block_of(&b->w, c0->s, c0->n);
	if (blk == BLK_NONE || blk == BLK_INDICATOR || blk == BLK_TASK ||
	    !header_of(&b->w, c1->s, c1->n, &role))
		return 0; /* indicator and task headers end where their rows start */
	return !header_of(&b->w, c->s, c->n, &role);
}

int regrid_read(const char *text, size_t n, int shape, grid *g, warnings *warn)
{
	toks t = {0};
	tokenize(text, n, shape, &t);
	builder b = {.g = g, .t = &t, .col_l1 = -1, .col_l2 = -1};
	rowbuf r = {0};
	int before = g->n;
	for (size_t k = 0; k < t.n; k++) {
		const tok *c = &t.v[k];
		if (c->end) {
			emit(&b, &r);
			continue;
		}
		if (!t.rows) {
			if (r.n && (starts_row(&b, &r, c) || head_done(&b, &r, c)))
				emit(&b, &r);
			if (!r.n && !c->n)
				continue; /* an empty cell between rows */
		}
		row_push(&r, k);
		if (!t.rows) {
			const tok *c0 = &t.v[r.v[0]];
			if (r.n == 1 && title_of(&b.w, c0->s, c0->n) &&
			    block_of(&b.w, c0->s, c0->n) == BLK_NONE)
				emit(&b, &r);
			else if (row_full(&b, &r))
				emit(&b, &r);
		}
	}
	emit(&b, &r);
	free(r.v);
	free(t.v);
	buf_free(&b.w.key);
	buf_free(&b.w.tmp);
	if (t.full)
		warn_add(warn, t.full, "more than %ld cells and row ends: rest of the text ignored",
		         (long)REGRID_MAX_TOKENS);
	return g->n - before;
}
