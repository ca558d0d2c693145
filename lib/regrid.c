/* SPDX-License-Identifier: MIT */
/* regrid: text whose grid was lost -> grid. The text is first cut into
 * cells and row ends by its shape (tokens), then, when the shape gives no
 * rows (one cell per line, cells followed by ` |`), rows are built from the
 * form's words, and last every row is re-aligned by what its cells say. See
 * regrid.h and docs/regrid.md. */
#include "regrid.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "frames.h"
#include "glued.h"
#include "pairsplit.h"
#include "hant.h"
#include "regrid_table.h"
#include "spaced.h"
#include "sprow.h"
#include "text.h"
#include "vocab.h"

/* ---- words ---- */

typedef struct {
	buf key, tmp, both;
	/* the starts of the words of the tables below: a key that starts
	 * none is not looked up (most cells are values) */
	regrid_starts first;
	int ready;
} words;

/* The tables whose words start labels, levels and headers. */
static const vocab_word *const word_tables[] = {
    vocab_block_labels, vocab_indicator_levels, vocab_indicator_headers, vocab_task_headers,
    vocab_goal_headers, vocab_budget_groups,    vocab_amount_headers,    vocab_note_labels,
};

/* May key start a word of word_tables? (No when its bit is clear.) */
static int may_start(words *w, const char *key)
{
	if (!w->ready) {
		w->ready = 1;
		for (size_t i = 0; i < sizeof word_tables / sizeof *word_tables; i++)
			for (const vocab_word *v = word_tables[i]; v->word; v++)
				regrid_starts_add(&w->first, v->word);
	}
	return regrid_starts_may(&w->first, key);
}

/* Pipes of a table's row counted when guessing its width (pipe_width). */
#define REGRID_MAX_WIDTH 256

/* Digits in a row that make a cell glued numbers (40004000100%). */
#define REGRID_GLUED_DIGITS 9

/* Digits of a score pair glued after a text (`基本公共服务水平1010`: 分值 10
 * and 得分 10), at least and at most. */
#define REGRID_PAIR_MIN 4
#define REGRID_PAIR_MAX 8

/* Characters of a cell that may be column headers run together. */
#define REGRID_GLUED_HEADS 32

/* Characters a block label's sub-label may add before its money unit
 * remark (`项目资金申请(万元)`: 申请) and still be a label. */
#define REGRID_UNIT_GAP 4

/* Pieces between spaces a text needs to be read as cells separated by
 * spaces (REGRID_WORDS): a form has far more cells than that. */
#define REGRID_WORDS_MIN 40

/* Bytes of a cell that may be a table's label (本年度绩效指标 ...). */
#define REGRID_LABEL_MAX 60

/* A cell of the text, or the end of a row the text shows. */
typedef struct {
	const char *s;
	uint32_t n;         /* the text is at most ENC_MAX_INPUT bytes */
	int32_t line, last; /* input lines where it starts and ends */
	signed char end;    /* 1: a row end, no cell */
	/* what its words are, found once (classify): a block label's BLK_*,
	 * a level name's IR_L1/IR_L2/IR_L12, an indicator header's IR_* role
	 * (-1: a header word of another table), a title, a note, a goal header */
	signed char done, blk, lvl, role, title, note, goal, trole;
	signed char pre;   /* a line above the form's table (`单位:万元`, `预算单位:X`) */
	signed char multi; /* a multi-project table's column word: its MC_* + 1 */
	signed char field; /* the name of an indicator's extra column (权重 ...) */
	signed char glued; /* cut from a glued line: several cells run together */
	signed char span;  /* a two-row header's upper word over columns the lower
	                      row names (two_row_head): placed past the table */
	signed char copy;  /* no cell of the text: a span copy of a two-row header
	                      (two_row_head), its CELL_HSPAN or CELL_VSPAN */
	signed char head2; /* in a two-row header's rows (two_row_head): they end
	                      at their row end tokens only */
	signed char tend;  /* ends with a form's name without its 表
	                      (vocab_title_ends): a title if a year follows */
	uint16_t col;      /* its field's number in its line, 1-based (saturates) */
} tok;

typedef struct {
	tok *v;
	size_t n, cap;
	int rows;    /* the shape shows rows */
	int framed;  /* `| a | b |` lines that are not rows (frames.h): cells only */
	long full;   /* the line where REGRID_MAX_TOKENS was reached, or 0 */
	long longer; /* a glued line longer than GLUED_MAX_LINE, or 0 */
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
	t->v[t->n++] = (tok){.s = s,
	                     .n = (uint32_t)n,
	                     .line = (int32_t)line,
	                     .last = (int32_t)line,
	                     .end = (signed char)end,
	                     .col = 1};
}

static int blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static int header_of(words *w, tok *c, int *role);
static int block_of(words *w, tok *c);
static int title_of(words *w, tok *c);
static int known_word(words *w, const char *key);
static const char *key_of(words *w, const char *s, size_t n);

/* Does some line of the text hold an indicator or task header word (一级指标,
 * 指标值 ...), or a table's title that heads its own columns (收入构成,
 * 支出构成: regrid_table_title), alone? */
static int head_line(const char *text, size_t n)
{
	words w = {0};
	size_t i = 0, len;
	const char *s;
	int found = 0, role;
	while (!found && pg_next_line(text, n, &i, &s, &len)) {
		tok c = {.s = s, .n = (uint32_t)len};
		found = len && len < 64 && header_of(&w, &c, &role) &&
		        (role > 0 || c.trole || regrid_table_title(key_of(&w, s, len)));
	}
	buf_free(&w.key);
	buf_free(&w.tmp);
	buf_free(&w.both);
	return found;
}

/* Does some line of the text hold an indicator or task header word (一级指标,
 * 指标值, 主要实施内容 ...), or a table's title (收入构成), as one of its
 * space-separated cells (spaced_cut)? */
static int head_piece(const char *text, size_t n)
{
	words w = {0};
	size_t i = 0, len;
	const char *s;
	int found = 0, role;
	spaced_piece p[64];
	while (!found && pg_next_line(text, n, &i, &s, &len)) {
		size_t c = spaced_cut(s, len, p, 64);
		for (size_t k = 0; !found && k < c && k < 64; k++) {
			tok t = {.s = s + p[k].off, .n = (uint32_t)p[k].len};
			found = p[k].len < 64 && header_of(&w, &t, &role) &&
			        (role > 0 || t.trole || regrid_table_title(key_of(&w, t.s, t.n)));
		}
	}
	buf_free(&w.key);
	buf_free(&w.tmp);
	buf_free(&w.both);
	return found;
}

/* Labels followed by their values a text without a header word needs to
 * be read as a form's cells (pairs_anchor). */
#define REGRID_PAIRS_MIN 2

/* A form without a header word (no indicator or task table): does the text
 * hold a form's title (a cell holding a word of vocab_title_words) and at
 * least REGRID_PAIRS_MIN block labels (部门名称, 项目名称, 主管部门 ...),
 * each followed by its value, a cell that is no word of the vocabulary
 * (`部门名称` then `某某局`)? With spaced 0 each line is a cell (one cell
 * per line) and the value is the next line: a blank line between them
 * breaks the pair (a text whose cells are all set apart by blank lines
 * shows no empty cell: dsv reads it a line a row); with spaced 1 the cells
 * are a line's pieces cut at runs of two spaces (spaced_cut) and the value
 * is the next piece of the label's line. A page's menu, or a list of a
 * table's column names, is words only. */
static int pairs_anchor(const char *text, size_t n, int spaced)
{
	words w = {0};
	size_t i = 0, len;
	const char *s;
	int title = 0, pairs = 0, after = 0;
	spaced_piece p[64];
	while ((!title || pairs < REGRID_PAIRS_MIN) && pg_next_line(text, n, &i, &s, &len)) {
		size_t np = 1;
		if (spaced) {
			np = spaced_cut(s, len, p, 64);
			after = 0; /* a label's value is on its line */
		} else if (blank_line(s, len)) {
			after = 0; /* the value must follow its label */
			continue;
		}
		for (size_t k = 0; k < np && k < 64; k++) {
			tok c = {.s = spaced ? s + p[k].off : s,
			         .n = (uint32_t)(spaced ? p[k].len : len)};
			if (!c.n)
				continue;
			int lab = c.n < 64 && block_of(&w, &c);
			if (after && !lab && !known_word(&w, key_of(&w, c.s, c.n)))
				pairs++;
			after = lab;
			title |= c.n < 256 && title_of(&w, &c);
		}
	}
	buf_free(&w.key);
	buf_free(&w.tmp);
	buf_free(&w.both);
	return title && pairs >= REGRID_PAIRS_MIN;
}

/* Cells separated by spaces with the rows lost: the text's pieces between
 * spaces number at least REGRID_WORDS_MIN, three or more a non-blank line
 * on average, and one is an indicator header word. */
static int words_shape(const char *text, size_t n)
{
	size_t i = 0, len, lines = 0, pieces = 0;
	const char *s;
	while (pg_next_line(text, n, &i, &s, &len)) {
		int in = 0, any = 0;
		for (size_t k = 0; k < len; k++) {
			int sp = s[k] == ' ';
			if (!sp && !in)
				pieces++, any = 1;
			in = !sp;
		}
		lines += any;
	}
	if (pieces < REGRID_WORDS_MIN || pieces < 3 * lines)
		return 0;
	words w = {0};
	int found = 0, role;
	for (i = 0; !found && i < n;) {
		while (i < n && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r'))
			i++;
		size_t a = i;
		while (i < n && text[i] != ' ' && text[i] != '\n' && text[i] != '\r')
			i++;
		tok t = {.s = text + a, .n = (uint32_t)(i - a)};
		found = i > a && i - a < 64 && header_of(&w, &t, &role) && role > 0;
	}
	buf_free(&w.key);
	buf_free(&w.tmp);
	buf_free(&w.both);
	return found;
}

int regrid_sniff(const char *text, size_t n)
{
	size_t i = 0, len;
	const char *s;
	long lines = 0, tabbed = 0, piped = 0, quoted = 0, commas = 0;
	long tabs0 = -1;
	int tabs_same = 1;
	while (pg_next_line(text, n, &i, &s, &len)) {
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
	/* a whole form glued onto long lines, no separator between cells */
	if (glued_text(text, n))
		return REGRID_GLUED;
	if (commas * 2 >= lines) /* a CSV: most of its lines hold commas */
		return words_shape(text, n) ? REGRID_WORDS : REGRID_NONE;
	/* columns aligned by spaces, with an indicator header among the cells */
	int aligned = spaced_lines(text, n);
	if (aligned && (head_piece(text, n) || pairs_anchor(text, n, 1)))
		return REGRID_SPACED;
	/* one cell per line needs its anchor: an indicator header line */
	if (head_line(text, n))
		return REGRID_LINES;
	/* a row a line, cells separated by single spaces (not aligned by runs
	 * of spaces): lines that start with a block label and go on, and a
	 * header row of column words */
	if (!aligned && sprow_text(text, n))
		return REGRID_SPROW;
	/* cells separated by spaces, rows lost (a page's text run together):
	 * an indicator header word among them, and lines of many cells */
	if (words_shape(text, n))
		return REGRID_WORDS;
	/* one cell per line without a header word: a title and labels each
	 * followed by its value */
	return pairs_anchor(text, n, 0) ? REGRID_LINES : REGRID_NONE;
}

/* The table's width in pipes: a row ends once its lines hold that many.
 * When most lines hold one cell or none (cells followed by ` |` on their
 * own lines), a row that does not fill the table ends with padding (a line
 * ending in `||`): the width is the number of pipes found most often from
 * one such end to the next (a full row has no padding, and adds to the
 * next). Else (a row a line, sometimes broken over two) it is the most pipes
 * in one line. */
static long pipe_width(const char *text, size_t n)
{
	size_t i = 0, len;
	const char *s;
	long most = 0, seg = 0, width = 0, multi = 0, single = 0, framed = 0;
	long segs[REGRID_MAX_WIDTH] = {0}; /* how many rows end after so many pipes */
	while (pg_next_line(text, n, &i, &s, &len)) {
		long p = 0, cells = 0;
		int in = 0;
		for (size_t k = 0; k < len; k++) {
			if (s[k] == '|') {
				p++;
				in = 0;
			} else if (s[k] != ' ' && s[k] != '\t' && !in) {
				in = 1;
				cells++;
			}
		}
		if (!p) {
			seg = 0;
			continue;
		}
		multi += cells >= 2;
		single += cells <= 1;
		size_t a = 0, e = len;
		while (a < len && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		framed += cells >= 1 && e - a >= 2 && s[a] == '|' && s[e - 1] == '|';
		if (p > most)
			most = p;
		seg += p;
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		if (len >= 2 && s[len - 1] == '|' && s[len - 2] == '|') {
			if (seg < REGRID_MAX_WIDTH)
				segs[seg]++;
			seg = 0;
		}
	}
	for (long w = 2; w < REGRID_MAX_WIDTH; w++)
		if (segs[w] > segs[width])
			width = w;
	if (framed * 2 >= multi + single)
		return -1; /* `| a | b |` lines: a line is a row */
	return multi < single && width ? width : most;
}

static int broken_label(words *w, const tok *a, const tok *c);

/* Cut the text into tokens by its shape. */
static void tokenize(const char *text, size_t n, int shape, toks *t, words *w)
{
	size_t i = 0, len;
	const char *s;
	long line = 0, width = shape == REGRID_PIPES ? pipe_width(text, n) : 0, seen = 0;
	if (width < 0 && frames_not_rows(text, n)) {
		width = 0; /* framed lines that are not rows: cells only (frames.h) */
		t->framed = 1;
	}
	int cont = 0;             /* pipe rows: the last line left its last cell open */
	size_t open = (size_t)-1; /* the token of a lone line that may start a label */
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	/* rows are shown by TAB lines, and by pipes when some line holds two
	 * or more (a row's pipes add up to the width); else cells only */
	t->rows = shape == REGRID_COPY || width >= 2 || width < 0;
	while (pg_next_line(text, n, &i, &s, &len) && !t->full) {
		line++;
		if (shape == REGRID_LINES || (shape == REGRID_GLUED && !glued_line(s, len))) {
			tok_add(t, s, len, line, 0);
			continue;
		}
		if (shape == REGRID_GLUED) { /* cut at the form's words */
			glued_out g = {0};
			glued_cut(s, len, &g);
			for (size_t k = 0; k < g.n; k++) {
				size_t had = t->n;
				tok_add(t, s + g.v[k].off, g.v[k].len, line, 0);
				if (t->n == had)
					break; /* REGRID_MAX_TOKENS */
				t->v[t->n - 1].col =
				    (uint16_t)(k + 1 < UINT16_MAX ? k + 1 : UINT16_MAX);
				t->v[t->n - 1].glued = (signed char)g.v[k].glued;
			}
			if (g.longer)
				t->longer = line;
			glued_out_free(&g);
			continue;
		}
		if (shape == REGRID_WORDS) { /* each piece between spaces a cell */
			uint16_t col = 0;
			for (size_t k = 0; k < len;) {
				while (k < len && s[k] == ' ')
					k++;
				size_t a = k;
				while (k < len && s[k] != ' ')
					k++;
				if (k > a) {
					tok_add(t, s + a, k - a, line, 0);
					if (col < UINT16_MAX)
						col++;
					t->v[t->n - 1].col = col;
				}
			}
			continue;
		}
		int sep = shape == REGRID_COPY ? '\t' : '|';
		/* pieces between separators */
		const char *e = s + len, *p = s;
		size_t first = t->n, seps = 0;
		while (p <= e) {
			const char *q = memchr(p, sep, (size_t)(e - p));
			if (!q)
				q = e;
			tok_add(t, p, (size_t)(q - p), line, 0);
			if (t->n > first)
				t->v[t->n - 1].col =
				    (uint16_t)(seps + 1 < UINT16_MAX ? seps + 1 : UINT16_MAX);
			seps += q < e;
			p = q + 1;
		}
		if (shape == REGRID_COPY) { /* every field kept, as dsv does */
			tok_add(t, "", 0, line, 1);
			continue;
		}
		/* pipes: the empty pieces before a line's first cell and after its
		 * last are padding or the line's ends; in framed lines that are not
		 * rows, only the pieces outside the frame (an empty piece inside
		 * it, `|  | 有效 |`, is an empty cell) */
		size_t last = t->n;
		while (last > first && t->v[last - 1].n == 0 && (!t->framed || last == t->n))
			last--;
		size_t lead = first;
		while (lead < last && t->v[lead].n == 0 && (!t->framed || lead == first))
			lead++;
		size_t cells = last - lead;
		memmove(t->v + first, t->v + lead, cells * sizeof *t->v);
		t->n = first + cells;
		if (!t->rows) {
			/* `a |` a cell; `|` alone an empty cell; `||` and more, padding */
			if (cells == 0 && seps == 1)
				tok_add(t, "", 0, line, 0);
			else if (seps == 0 || (cells == 0 && seps >= 2))
				tok_add(t, "", 0, line, 1);
			continue;
		}
		if (seps == 0 && cont && cells) {
			/* the line goes on with the cell the line before left open */
			tok *a = &t->v[t->n - 2], *c = &t->v[t->n - 1];
			a->n = (size_t)(c->s + c->n - a->s);
			a->last = c->last;
			t->n--;
			continue;
		}
		if (seps == 0) {             /* site text between rows (or a blank line) */
			if (seen && cells) { /* the row before it ends first */
				tok v = t->v[t->n - 1];
				t->v[t->n - 1] = (tok){.s = "",
				                       .line = (int32_t)line,
				                       .last = (int32_t)line,
				                       .end = 1};
				tok_add(t, v.s, v.n, v.line, 0);
			}
			if (seen || cells)
				tok_add(t, "", 0, line, 1);
			seen = 0;
			cont = 0;
			/* a label's first part, when the next line's first cell
			 * completes it (`生态效益` + `指标 | …`) */
			open = cells ? t->n - 2 : (size_t)-1;
			continue;
		}
		if (open != (size_t)-1 && lead == first && cells && open + 2 == first &&
		    broken_label(w, &t->v[open], &t->v[first])) {
			/* the lone line was the start of this row's first cell */
			tok *a = &t->v[open], *c = &t->v[first];
			a->n = (size_t)(c->s + c->n - a->s);
			a->last = c->last;
			memmove(t->v + open + 1, t->v + first + 1, (cells - 1) * sizeof *t->v);
			t->n -= 2;
			first = open;
		}
		open = (size_t)-1;
		if (cont && lead == first && cells) {
			/* the first piece goes on with the cell the line before left
			 * open (a line break inside a cell) */
			tok *a = &t->v[first - 1], *c = &t->v[first];
			a->n = (size_t)(c->s + c->n - a->s);
			a->last = c->last;
			memmove(t->v + first, t->v + first + 1, (cells - 1) * sizeof *t->v);
			t->n--;
		}
		/* does the line leave its last cell open (no pipe after it)? */
		size_t m = len;
		while (m && (s[m - 1] == ' ' || s[m - 1] == '\t'))
			m--;
		cont = cells && m && s[m - 1] != '|';
		if (cells == 0 && seps == 1 && seen)
			tok_add(t, "", 0, line, 0); /* `|` alone inside a row: an empty cell */
		if (width > 0 && !seen && cells == 1 && seps >= 2 && !cont &&
		    vocab_contains(vocab_title_words,
		                   key_of(w, t->v[t->n - 1].s, t->v[t->n - 1].n)))
			width = (long)seps; /* a title spans its table: the width from here */
		seen += (long)seps;
		if ((seen >= width || width < 0) && !cont) {
			tok_add(t, "", 0, line, 1);
			seen = 0;
		}
	}
}

/* The label key of s[0..n): canonical text without blanks, a leading `*`
 * (required-field mark) dropped. */
static const char *key_of(words *w, const char *s, size_t n)
{
	return regrid_key(&w->tmp, s, n);
}

/* Drop a score band written after a level name without brackets around
 * it (`数量指标10分`, `成本指标(0-20)分`: FORMAT.md 2c) from key k, in place;
 * returns 1 when there was one. (A band in brackets, `产出指标(50分)`, is a
 * remark vocab_match takes.) */
static int strip_band(char *k)
{
	static const char fen[] = "分";
	size_t m = strlen(k), f = sizeof fen - 1;
	if (m <= f || strcmp(k + m - f, fen) != 0)
		return 0;
	m -= f;
	if (m && k[m - 1] == ')') {
		while (m && k[m - 1] != '(')
			m--;
		if (!m)
			return 0;
		m--;
	} else {
		size_t e = m;
		while (m &&
		       ((k[m - 1] >= '0' && k[m - 1] <= '9') || k[m - 1] == '-' || k[m - 1] == '.'))
			m--;
		if (m == e)
			return 0;
	}
	k[m] = 0;
	return 1;
}

/* Find once what cell c's words are (the cache in tok). */
static void classify(words *w, tok *c)
{
	if (c->done)
		return;
	c->done = 1;
	if (!c->n)
		return;
	const char *k = key_of(w, c->s, c->n);
	c->title = (signed char)vocab_contains(vocab_title_words, k);
	c->tend = (signed char)vocab_ends_with(vocab_title_ends, k);
	c->pre = vocab_match(vocab_unit_line, k) || vocab_match(vocab_filler_line, k);
	const vocab_word *m = vocab_match(vocab_multi_headers, k);
	c->multi = (signed char)(m ? m->kind + 1 : 0);
	c->field = vocab_syn_match(vocab_indicator_fields, k) != NULL;
	size_t item = form_item_number(k);
	if (item) { /* `1.项目年度目标完成情况`: a goal heading, numbered */
		const vocab_word *g = vocab_match(vocab_goal_headers, k + item);
		c->goal = g && (g->kind == GK_HEAD || g->kind == GK_TEXT);
		if (c->goal)
			return;
	}
	if (!may_start(w, k))
		return;
	const vocab_word *v = vocab_match(vocab_block_labels, k);
	c->blk = (signed char)(v ? v->kind : BLK_NONE);
	v = vocab_match(vocab_indicator_headers, k);
	c->role = (signed char)(v ? v->kind : 0);
	const vocab_word *others[] = {vocab_task_headers, vocab_goal_headers, vocab_budget_groups,
	                              vocab_amount_headers};
	for (size_t i = 0; !v && i < sizeof others / sizeof *others; i++)
		if ((v = vocab_match(others[i], k)) != NULL)
			c->role = -1;
	c->note = vocab_match(vocab_note_labels, k) != NULL;
	v = vocab_match(vocab_task_headers, k);
	c->trole = (signed char)(v ? v->kind : 0);
	c->goal = vocab_match(vocab_goal_headers, k) != NULL;
	v = vocab_match(vocab_indicator_levels, k);
	if (!v && strip_band((char *)k))
		v = vocab_match(vocab_indicator_levels, k);
	c->lvl = (signed char)(v ? v->kind : 0);
}

static int block_of(words *w, tok *c)
{
	classify(w, c);
	return c->blk;
}

/* IR_L1, IR_L2 or IR_L12 for a level name, else 0. */
static int level_of(words *w, tok *c)
{
	classify(w, c);
	return c->lvl;
}

/* A header cell: a word of the indicator, task, goal or budget headers;
 * *role is its IR_* role, or -1 outside the indicator headers. */
static int header_of(words *w, tok *c, int *role)
{
	classify(w, c);
	*role = c->role;
	return c->role != 0;
}

static int title_of(words *w, tok *c)
{
	classify(w, c);
	return c->title;
}

/* A line written above a form's table that holds its value after its
 * colon (`填报单位(盖章):某县文化馆`, vocab_filler_line): the whole line, a
 * row of its own in the form's grid. */
static int filler_full(words *w, tok *c)
{
	if (!c->n)
		return 0;
	const char *k = key_of(w, c->s, c->n);
	const vocab_word *v = vocab_match(vocab_filler_line, k);
	return v && strlen(k) > strlen(v->word);
}

static int note_of(words *w, tok *c)
{
	classify(w, c);
	return c->note;
}

/* Is s[0..n) an amount: a number, or one with a money unit after it (`20万元`,
 * `250万`: vocab_money_units, vocab_money_short)? */
static int amount(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ',' || s[i] == '.' ||
	                 (i == 0 && s[i] == '-')))
		i++;
	if (!pg_numeric(s, i))
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i == n || vocab_find_money(s + i, n - i))
		return 1;
	for (int k = 0; vocab_money_short[k]; k++)
		if (strlen(vocab_money_short[k]) == n - i &&
		    memcmp(s + i, vocab_money_short[k], n - i) == 0)
			return 1;
	return 0;
}

/* Any word of the form's vocabulary: a block label, a level name, a header
 * word, a note word. */
static int known_word(words *w, const char *key)
{
	if (!may_start(w, key))
		return 0;
	for (size_t i = 0; i < sizeof word_tables / sizeof *word_tables; i++)
		if (vocab_match(word_tables[i], key))
			return 1;
	return 0;
}

/* A parenthesised remark alone: `(万元)`, `（概述）`. */
static int remark(words *w, const char *s, size_t n)
{
	const char *k = key_of(w, s, n);
	size_t m = strlen(k);
	return m >= 2 && k[0] == '(' && k[m - 1] == ')';
}

/* One cell per line: a label that a line break cut in two is one cell again
 * (`经济效益` + `指标`, `一级` + `指标`, `项目资金` + `(万元)`): two cells
 * on consecutive lines are joined when together they make a word of the
 * vocabulary and the first alone does not, or when the second is a
 * parenthesised remark after a word of the vocabulary; both at most
 * REGRID_LABEL_MAX bytes. The joined cell's text keeps the line break (the
 * label key drops it). */
/* Are a and c, a cell and the next line's first, the two parts of a label
 * that a line break cut (see join_broken)? */
static int broken_label(words *w, const tok *a, const tok *c)
{
	if (!a->n || !c->n || a->n > REGRID_LABEL_MAX || c->n > REGRID_LABEL_MAX)
		return 0;
	buf_reset(&w->both);
	buf_adds(&w->both, key_of(w, a->s, a->n));
	int a_known = known_word(w, buf_str(&w->both));
	buf_adds(&w->both, key_of(w, c->s, c->n));
	return (!a_known && known_word(w, buf_str(&w->both))) || (a_known && remark(w, c->s, c->n));
}

/* (Cells followed by ` |`, pipes without rows, too: there the pipe sits
 * between the two parts, so the joined text is a new string, a line break
 * between them, kept in (*store)[*nstore] until the grid is built.) */
static void join_broken(toks *t, words *w, char ***store, size_t *nstore)
{
	size_t o = 0;
	for (size_t i = 0; i < t->n; i++) {
		tok *a = o ? &t->v[o - 1] : NULL, *c = &t->v[i];
		if (a && !a->end && !c->end && c->line == a->last + 1 && broken_label(w, a, c)) {
			const char *gap = a->s + a->n;
			while (gap < c->s && (*gap == '\n' || *gap == '\r' || *gap == ' '))
				gap++;
			if (gap == c->s) { /* only the line break between them */
				a->n = (size_t)(c->s + c->n - a->s);
			} else {
				char *j = xmalloc((size_t)a->n + c->n + 2);
				memcpy(j, a->s, a->n);
				j[a->n] = '\n';
				memcpy(j + a->n + 1, c->s, c->n);
				j[a->n + 1 + c->n] = 0;
				*store = xreallocarray(*store, *nstore + 1, sizeof **store);
				(*store)[(*nstore)++] = j;
				a->s = j;
				a->n += c->n + 1;
			}
			a->last = c->last;
			continue;
		}
		t->v[o++] = *c;
	}
	t->n = o;
}

/* Column headers run together, each with its column letter (`全年预算数(A)
 * 全年执行数(B)预算执行率(B/A)`): a short key (at most REGRID_GLUED_HEADS
 * characters) where two column letters or more (a remark of capital ASCII
 * letters and `/`) are each followed by two characters or more. */
static int glued_heads(const char *k)
{
	size_t chars = 0, followed = 0, after = 0;
	int in = 0, letters = 0, pending = 0; /* a column letter waits for its text */
	for (size_t j = 0, m = strlen(k); j < m;
	     j += utf8_len((const unsigned char *)k + j, m - j)) {
		chars++;
		if (k[j] == '(') {
			in = 1;
			letters = 1;
		} else if (k[j] == ')' && in) {
			in = 0;
			pending = letters;
			after = 0;
		} else if (in) {
			letters &= (k[j] >= 'A' && k[j] <= 'Z') || k[j] == '/';
		} else if (pending && ++after == 2) {
			followed++;
			pending = 0;
		}
	}
	return chars <= REGRID_GLUED_HEADS && followed >= 2;
}

/* Does key k end with a score pair glued to its text: a run of
 * REGRID_PAIR_MIN to REGRID_PAIR_MAX digits that is one number written twice
 * (`1010`, `2020`: a self-evaluation's 分值 and 得分, equal when the full score
 * was given), right after a character that is not ASCII, with two
 * characters or more before it (`基本公共服务水平1010`)? A number alone
 * (`2020`), a year after ASCII (`G2020`) or two different numbers (`3028`,
 * which cannot be told from one number) are not. */
static int score_pair(const char *k)
{
	size_t m = strlen(k), d = 0;
	while (d < m && k[m - 1 - d] >= '0' && k[m - 1 - d] <= '9')
		d++;
	if (d < REGRID_PAIR_MIN || d > REGRID_PAIR_MAX || d % 2 || d == m ||
	    !((unsigned char)k[m - d - 1] & 0x80))
		return 0;
	const char *run = k + m - d;
	if (run[0] == '0' || memcmp(run, run + d / 2, d / 2) != 0)
		return 0;
	size_t chars = 0;
	for (size_t j = 0; j < m - d; j += utf8_len((const unsigned char *)k + j, m - d - j))
		chars++;
	return chars >= 2;
}

/* Does rest, what a block label's key goes on with, make the label a
 * sub-label with its money unit (`项目资金申请(万元)`: real 09's 项目资金
 * header): at most REGRID_UNIT_GAP characters, none a digit or a bracket,
 * then a parenthesised money unit (vocab_money_units) that ends the key? */
static int unit_label(const char *rest)
{
	const char *open = strchr(rest, '(');
	size_t m = strlen(rest);
	if (!open || m < 2 || rest[m - 1] != ')' ||
	    !vocab_find_money(open + 1, (size_t)(rest + m - 1 - (open + 1))))
		return 0;
	size_t chars = 0;
	for (const char *p = rest; p < open;
	     p += utf8_len((const unsigned char *)p, (size_t)(open - p))) {
		if ((*p >= '0' && *p <= '9') || *p == ')')
			return 0;
		chars++;
	}
	return chars <= REGRID_UNIT_GAP;
}

/* Is s[0..n) glued: two cells' texts run together without a separator? A
 * cell that starts with a word of the vocabulary of four characters or more
 * (a block label, a level name, a header word) and goes on with two
 * characters or more that are not a parenthesised remark
 * (`数量指标建设普通省道二级公路32.1公里2020`, `绩效指标一级`), or that holds
 * a run of REGRID_GLUED_DIGITS digits or more before a `%` (`40004000100%`:
 * the numbers of several columns; an identifier's digits are not glued). A title is not glued, nor
 * a block label with a short sub-label and its money unit (`项目资金申请(万元)`,
 * unit_label). Such a cell is not split: it is kept whole and out of any
 * table (docs/regrid.md). */
static int glued(words *w, const char *s, size_t n)
{
	tok c = {.s = s, .n = (uint32_t)n};
	if (!n || title_of(w, &c))
		return 0;
	const char *k = key_of(w, s, n);
	size_t run = 0;
	for (const char *p = k; *p; p++) {
		run = *p >= '0' && *p <= '9' ? run + 1 : 0;
		if (run >= REGRID_GLUED_DIGITS && p[1] == '%')
			return 1;
	}
	if (glued_heads(k) || score_pair(k))
		return 1;
	if (regrid_prose(k))
		return 0; /* a prose indicator: a level name, a colon, its sentence */
	if (!may_start(w, k) || known_word(w, k))
		return 0; /* a word itself (`服务对象满意度指标` after `服务对象满意度`) */
	if (strip_band((char *)k) && known_word(w, k))
		return 0; /* a level with its score band (`数量指标10分`) */
	const vocab_word *tables[] = {vocab_block_labels, vocab_indicator_levels,
	                              vocab_indicator_headers};
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		for (const vocab_word *v = tables[i]; v->word; v++) {
			size_t m = strlen(v->word);
			if (m < 12 || strncmp(k, v->word, m) != 0 || k[m] == '(' || k[m] == ':')
				continue;
			const char *rest = k + m;
			if (tables[i] == vocab_block_labels && unit_label(rest))
				continue; /* a sub-label with its unit, not glued */
			size_t left = strlen(rest), chars = 0;
			for (size_t j = 0; j < left;
			     j += utf8_len((const unsigned char *)rest + j, left - j))
				chars++;
			if (chars >= 2)
				return 1;
		}
	return 0;
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
	toks *t;
	int block;  /* the block the last label opened (BLK_*) */
	int width;  /* cells of a data row after a header row, 0: unknown */
	int levels; /* indicator header: level columns before the others */
	int col_l1; /* columns (after the label column) of L1 and L2, -1 none */
	int col_l2;
	int col_rest;    /* first column after the level columns */
	int have_head;   /* an indicator header row was seen in this block */
	int labelcol;    /* the block's rows have a label column before the others */
	int late_levels; /* the indicator header has level columns after the others */
	rowbuf held;     /* a goal header row waiting for its label's row */
	int glued;       /* place() is placing a glued cell */
	int pipes;       /* the text's shape is REGRID_PIPES */
	int spaced;      /* the text's shape is REGRID_SPACED */
	int sprow;       /* the text's shape is REGRID_SPROW */
	int words;       /* the text's shape is REGRID_WORDS */
	int funds_lab;   /* 项目资金 header: the column (after the label) of its rows' labels */
	int funds_note;  /* 项目资金 header: its last columns that are notes (原因) */
	int task_content, task_amount; /* task header: columns of TR_CONTENT, TR_AMOUNT, -1 */
	int goal_cols; /* goal header (年度目标 | 实施期目标): its columns, or 0 */
	int alone; /* the grid's row index of an indicator block label alone on its row, or -1 */
	int multi; /* the indicator header is a multi-project table's (project columns first) */
	int remark_last; /* the indicator header's last column is a remark (vocab_remark_fields) */
	warnings *warn;
	char **joined; /* space-aligned text: texts of cells joined over lines */
	size_t njoined;
} builder;

/* An indicator header word (一级指标, 指标值 ...; not a budget or task one). */
static int ind_head(builder *b, tok *c)
{
	int role;
	return c->n && header_of(&b->w, c, &role) && role > 0;
}

/* Cells of a multi-project table's header row, at most (a longer row is
 * not one: the check stays bounded on a text of header words alone). */
#define REGRID_MULTI_HEADS 64

/* Is row r, with cell c after it when c is not NULL, (the start of) a
 * multi-project table's header row: project column words first
 * (vocab_multi_headers: 单位名称, 项目名称, 预算数, 年度目标; 项目名称 among
 * them), then indicator header words and the names of the indicators' extra
 * columns (权重 ...)? Returns how many indicator header words it holds, or
 * -1 when it is not such a row. */
static int multi_heads(builder *b, const rowbuf *r, tok *c)
{
	int n = r->n + (c != NULL), proj = 0, inds = 0;
	if (n > REGRID_MULTI_HEADS || n < 1)
		return -1;
	for (int j = 0; j < n; j++) {
		tok *x = j < r->n ? &b->t->v[r->v[j]] : c;
		classify(&b->w, x);
		if (!x->n)
			return -1;
		if (!inds && x->multi) {
			proj |= x->multi == MC_PROJECT + 1;
			continue;
		}
		if (j == 0)
			return -1;
		if (ind_head(b, x))
			inds++;
		else if (!inds || !x->field)
			return -1;
	}
	return proj ? inds : -1;
}

/* The block row r opens: its first cell's label (vocab_block_labels), or
 * BLK_INDICATOR for an indicator header row after a label vocab does not
 * know (`本年度 绩效指标 | 一级指标 | 二级指标 ...`). *bare is set when
 * the row is an indicator header row without a label (`一级指标 | 二级指标
 * ...`). BLK_NONE when r opens no block. */
static int row_block(builder *b, const rowbuf *r, int *bare)
{
	tok *v = b->t->v;
	tok *c0 = &v[r->v[0]];
	*bare = 0;
	if (multi_heads(b, r, NULL) >= 2) {
		*bare = 1; /* 单位名称 | 项目名称 | … | 一级指标 | 二级指标 … */
		return BLK_INDICATOR;
	}
	int blk = block_of(&b->w, c0);
	if (blk != BLK_NONE)
		return blk;
	if (r->n >= 2 && ind_head(b, c0) && ind_head(b, &v[r->v[1]])) {
		*bare = 1;
		return BLK_INDICATOR;
	}
	if (r->n >= 3 && c0->n && ind_head(b, &v[r->v[1]]) && ind_head(b, &v[r->v[2]]))
		return BLK_INDICATOR;
	return BLK_NONE;
}

/* Emit row r into the grid, re-aligned: a row inside a block that does not
 * start with a label (its rowspanned label cell is missing) gets an empty
 * first cell; an indicator row gets empty cells for the levels it lacks. */
/* Blocks of label/value rows (部门名称, 基本信息, the project's header
 * block): a row there that starts with a word vocab does not know is a label
 * of its own, not a row that lost its label cell. */
static int pairs_block(int blk)
{
	return blk == BLK_DEPT || blk == BLK_INFO || blk == BLK_PINFO;
}

/* Join tokens r[from..to] (consecutive lines of the text) into the first. */
static void join_toks(builder *b, rowbuf *r, int from, int to)
{
	if (to <= from)
		return;
	tok *a = &b->t->v[r->v[from]], *z = &b->t->v[r->v[to]];
	a->n = (size_t)(z->s + z->n - a->s);
	a->last = z->last;
	a->done = 0; /* its words are found again */
	memmove(r->v + from + 1, r->v + to + 1, (size_t)(r->n - to - 1) * sizeof *r->v);
	r->n -= to - from;
}

/* A task row of one cell per line that holds more cells than its header
 * (a cell broken over lines): placed by its amount. The first number from
 * the amount's column on is the amount; the cells from the content's column
 * to it are the content, those after it the target, each joined into one. */
static void fit_task(builder *b, rowbuf *r)
{
	long no;
	tok *c0 = &b->t->v[r->v[0]];
	if (b->t->rows || b->block != BLK_TASK || !b->width || r->n <= b->width ||
	    b->task_amount < 1 || b->task_content < 1 || b->task_content >= b->task_amount ||
	    !form_task_prefix(c0->s, c0->n, &no))
		return;
	int a = b->task_amount;
	while (a < r->n && !pg_numeric(b->t->v[r->v[a]].s, b->t->v[r->v[a]].n))
		a++;
	if (a >= r->n)
		return;
	join_toks(b, r, a + 1, r->n - 1);
	join_toks(b, r, b->task_content, a - 1);
}

/* The N of a goal marker that starts cell c, else 0: `目标2:`, `2.`, `2、`,
 * `2:`, `(2)` (full-width forms folded). */
static long goal_no(builder *b, tok *c)
{
	const char *k = key_of(&b->w, c->s, c->n);
	size_t wl = strlen(VOCAB_GOAL_WORD);
	int word = strncmp(k, VOCAB_GOAL_WORD, wl) == 0, paren = !word && *k == '(';
	k += word ? wl : (size_t)paren;
	long no = 0;
	const char *d = k;
	for (; *k >= '0' && *k <= '9' && no < 1000; k++)
		no = no * 10 + (*k - '0');
	if (k == d)
		return 0;
	if (word || (paren && *k == ')'))
		return no;
	static const char *const ends[] = {".", ":", "、", ")"};
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
		if (strncmp(k, ends[i], strlen(ends[i])) == 0)
			return no;
	return 0;
}

/* A piece that is only a leader of dots (`..`, `……`, `···`): a filler the
 * page drew after a text, no cell's value. */
static int leader(const char *s, size_t n)
{
	static const char *const dots[] = {".", "…", "·", "．", "⋯"};
	return pg_only_of(s, n, dots, sizeof dots / sizeof *dots);
}

/* Does the piece end a sentence (`。`, `！`, `？`, `；` and their ASCII
 * forms)? */
static int sentence_end(const char *s, size_t n)
{
	static const char *const ends[] = {"。", "！", "？", "；", "!", "?", ";"};
	for (size_t d = 0; d < sizeof ends / sizeof *ends; d++) {
		size_t m = strlen(ends[d]);
		if (n >= m && memcmp(s + n - m, ends[d], m) == 0)
			return 1;
	}
	return 0;
}

/* The words shape (cells cut at single spaces, rows lost): a goal row that
 * holds more pieces than its header's goal columns, without goal markers.
 * The goal texts are prose cut at their spaces: leaders of dots between
 * them are dropped, and a piece that does not end a sentence goes on with
 * the next piece of the same line (the space between them kept). When that
 * gives as many cells as the header has columns, the row is rewritten so
 * and 1 returned; else the row is left as it was and 0 returned. */
#define WORDS_GOAL_MAX 4096 /* pieces of such a row looked at (docs/limits.md) */
static int words_goal(builder *b, rowbuf *r)
{
	if (!b->words || r->n > WORDS_GOAL_MAX)
		return 0;
	size_t keep[WORDS_GOAL_MAX];
	int n = 0, cells = 0;
	for (int j = 0; j < r->n; j++) {
		tok *c = &b->t->v[r->v[j]];
		if (!leader(c->s, c->n))
			keep[n++] = r->v[j];
	}
	for (int j = 0; j < n; j++) {
		tok *c = &b->t->v[keep[j]];
		int on = j + 1 < n && keep[j + 1] == keep[j] + 1 &&
		         b->t->v[keep[j + 1]].line == c->line && !sentence_end(c->s, c->n);
		cells += !on;
	}
	if (cells != b->goal_cols)
		return 0;
	memcpy(r->v, keep, (size_t)n * sizeof *keep);
	r->n = n;
	for (int j = r->n - 1; j > 0; j--) {
		tok *p = &b->t->v[r->v[j - 1]];
		if (r->v[j] == r->v[j - 1] + 1 && b->t->v[r->v[j]].line == p->line &&
		    !sentence_end(p->s, p->n))
			join_toks(b, r, j - 1, j);
	}
	return 1;
}

/* A goal row of one cell per line under a header of goal columns
 * (年度目标 | 实施期目标) that holds more lines than columns (goals written
 * one a line): the lines are put in columns by their goal markers, a line
 * whose 目标N follows the line before's N going on in its column. When that
 * does not give as many columns as the header has, which column a line is
 * in is not known: returns 1 (the caller puts the lines past the header's
 * columns, where the goal reader takes them for annual goals, and warns),
 * else 0. */
static int fit_goal(builder *b, rowbuf *r)
{
	if (b->t->rows || b->block != BLK_GOAL || !b->goal_cols || r->n <= b->goal_cols)
		return 0;
	tok *c0 = &b->t->v[r->v[0]];
	if (block_of(&b->w, c0) != BLK_NONE)
		return 0;
	int start[64], cols = 0;
	long prev = 0;
	for (int j = 0; j < r->n; j++) {
		long no = goal_no(b, &b->t->v[r->v[j]]);
		if (j == 0 || !(no && no == prev + 1)) {
			if (cols == 64)
				return 1;
			start[cols++] = j;
		}
		prev = no;
	}
	if (cols != b->goal_cols)
		return !words_goal(b, r);
	for (int k = cols - 1; k >= 0; k--)
		join_toks(b, r, start[k], k + 1 < cols ? start[k + 1] - 1 : r->n - 1);
	return 0;
}

/* A cell that says "none" with a dash (`—`, `-`, `－`, `─`). */
static int dash(const char *s, size_t n)
{
	static const char *const dashes[] = {"—", "-", "－", "─", "–"};
	return pg_only_of(s, n, dashes, sizeof dashes / sizeof *dashes);
}

/* Is row r a 项目资金 row that lost its label cell: a label and an amount
 * (a number, with a money unit or not: amount()) or no amount (empty, or a
 * dash: `其中:财政拨款 | 1200.5`, `其他资金 | — | —`)? A row with text after
 * its first cell (`立项依据 | …`) is a label of its own. */
static int funds_row(builder *b, rowbuf *r)
{
	int text = 0;
	for (int j = 1; j < r->n; j++) {
		tok *c = &b->t->v[r->v[j]];
		if (amount(c->s, c->n))
			return 1;
		text |= c->n > 0 && !dash(c->s, c->n);
	}
	return !text;
}

/* Does cell c name a money column of a 项目资金 header (a money field of
 * section budget, vocab_qty_fields: 年初预算数, 全年预算数, 上年度安排资金 …)?
 * A header row whose first cell after the block's label is one lost the
 * cell over the row labels' column (`项目资金(元) | 年初预算数 | …`, the
 * label's colspan; not `项目`, nor a sub-label `(万元)`). */
static int funds_col_word(builder *b, tok *c)
{
	if (!c->n || c->copy)
		return 0;
	const char *k = key_of(&b->w, c->s, c->n);
	const vocab_field *f = vocab_qty_field("budget", 6, k, strlen(k));
	return f && f->money;
}

/* Framed lines that are not rows (frames.h): a 项目资金 data row r, shorter
 * than its table, lost empty cells where the page broke its lines (the
 * renderer drops empty cells at a line's edges: `年度资金总额 |`, then `|
 * 387664.62 | … |` lost the empty 年初预算数 between them). Returns 1 when
 * the row crosses exactly as many line ends as it lacks cells: an empty
 * cell goes before each of its cells after the label that starts a line
 * (place()). When it crosses more, where they were is not known: 0, and
 * the row is read as it stands, with a warning. */
static int funds_fit(builder *b, const rowbuf *r)
{
	toks *t = b->t;
	if (!t->framed || !b->width || r->n < 1)
		return 0;
	tok *c0 = &t->v[r->v[0]];
	int want = b->width - b->funds_lab, miss = want - r->n, edges = 0;
	/* a row that lacks only the header's note columns lost no cell: the
	 * note was written once, on an earlier row (its cell spans this one) */
	if (!c0->n || miss <= b->funds_note)
		return 0;
	for (int j = 1; j < r->n; j++)
		edges += t->v[r->v[j]].line > t->v[r->v[j - 1]].last;
	if (edges > miss)
		warn_add(b->warn, c0->line,
		         "money row's cells do not fit the table's columns in one way: read as "
		         "they stand");
	return edges == miss;
}

static void place(builder *b, rowbuf *r)
{
	if (!r->n)
		return;
	fit_task(b, r);
	if (!b->glued && fit_goal(b, r)) {
		tok *c0 = &b->t->v[r->v[0]];
		warn_add(b->warn, c0->line,
		         "%d goal lines under %d goal columns, and no markers to say which column "
		         "each is in: all read as annual goals (年度目标)",
		         r->n, b->goal_cols);
		b->glued = 1; /* placed as a glued cell is: past the header's columns */
		place(b, r);
		b->glued = 0;
		return;
	}
	toks *t = b->t;
	tok *c0 = &t->v[r->v[0]];
	int pad = 0, bare, blk = b->glued ? BLK_NONE : row_block(b, r, &bare);
	if (b->glued) {
		/* past the columns of the table it sits in (the readers send it
		 * to extra and the table goes on), or a row of its own */
		pad = b->block != BLK_NONE && b->width ? b->labelcol + b->width : 0;
	} else if (blk != BLK_NONE) {
		b->block = blk;
		b->have_head = 0;
		b->width = 0;
		b->labelcol = !bare;
		b->funds_lab = b->funds_note = 0;
		b->multi = bare && multi_heads(b, r, NULL) >= 2;
	} else if ((title_of(&b->w, c0) && r->n == 1) || note_of(&b->w, c0)) {
		b->block = BLK_NONE;
	} else if (b->block != BLK_NONE && c0->n && !pairs_block(b->block) &&
	           (b->block != BLK_FUNDS || funds_row(b, r))) {
		/* a 项目资金 row's label goes under the header's 项目 column
		 * (`项目资金 | 项目资金申请(万元) | 项目 | …`, then `合计 | 130`) */
		pad = b->labelcol + (b->block == BLK_FUNDS ? b->funds_lab : 0);
	}
	/* the header row of a table (its first cell after the label a header
	 * word; in a task table, the first or the second: `序号 | 任务名称`):
	 * its cells' roles, IR_NONE for the columns vocab does not name */
	int from = blk != BLK_NONE && !bare ? 1 : 0, role, heads = 0, ir[64], lost_lab = 0;
	while (from < r->n - 1 && t->v[r->v[from]].copy)
		from++; /* a two-row header's lower row: the row-span copy under its label */
	if (!b->glued && from < r->n &&
	    (header_of(&b->w, &t->v[r->v[from]], &role) || (blk != BLK_NONE && b->multi) ||
	     (blk == BLK_TASK && from == 1 && r->n > 2 && header_of(&b->w, &t->v[r->v[2]], &role))))
		for (int j = from; j < r->n && heads < 64; j++) {
			tok *c = &t->v[r->v[j]];
			ir[heads++] = header_of(&b->w, c, &role) ? role : IR_NONE;
		}
	if (!heads && blk == BLK_FUNDS && !bare && r->n >= 3) {
		/* 项目资金 | 项目 | 上年度安排资金 | 本年度申请资金: a label and
		 * column headers (no amount) head the amounts' columns */
		heads = r->n - 1;
		b->funds_lab = 0;
		for (int j = 1; j < r->n && heads; j++) {
			tok *c = &t->v[r->v[j]];
			const vocab_word *fc =
			    vocab_match(vocab_funds_columns, key_of(&b->w, c->s, c->n));
			if (pg_numeric(c->s, c->n))
				heads = 0;
			else
				ir[j - 1 < 64 ? j - 1 : 63] = IR_NONE;
			if (fc && fc->kind == FC_LABEL && !b->funds_lab)
				b->funds_lab = j - 1;
		}
		if (!heads)
			b->funds_lab = 0;
		if (heads && funds_col_word(b, &t->v[r->v[1]]))
			lost_lab = 1;
		/* a note column at the end (原因) is written once, on the first
		 * row, its cell spanning the rows under it */
		b->funds_note = 0;
		for (int j = r->n - 1; heads && j > 0; j--) {
			tok *c = &t->v[r->v[j]];
			if (!vocab_match(vocab_funds_note_cols, key_of(&b->w, c->s, c->n)))
				break;
			b->funds_note++;
		}
	}
	if (heads && bare && b->alone == b->g->n - 1 && b->alone >= 0) {
		/* an indicator block label alone on its row, then a header row without a
		 * label column (`绩效指标`, then `一级指标 | 二级指标 ...`): the
		 * label spans the table, as a colspan does in the form's grid, so
		 * that a row's empty first cell stays its level-1 column */
		grid_row *lr = &b->g->rows[b->alone];
		for (int j = 1; j < heads && lr->n == j; j++) {
			cell *c = grid_add_cell(b->g, lr, "", 0);
			if (c)
				c->flags |= CELL_HSPAN;
		}
	}
	if (heads) {
		b->width = heads + lost_lab;
		b->goal_cols = 0;
		for (int j = 0; j < heads && b->block == BLK_GOAL; j++) {
			tok *c = &t->v[r->v[from + j]];
			classify(&b->w, c);
			b->goal_cols += c->goal;
		}
		if (b->goal_cols != heads)
			b->goal_cols = 0;
		b->task_content = b->task_amount = -1;
		for (int j = 0; j < heads && b->block == BLK_TASK; j++) {
			tok *c = &t->v[r->v[from + j]];
			classify(&b->w, c);
			if (c->trole == TR_CONTENT && b->task_content < 0)
				b->task_content = j;
			if (c->trole == TR_AMOUNT && b->task_amount < 0)
				b->task_amount = j;
		}
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
			b->late_levels = 0;
			/* (a two-row header's lower row ends with copies under the
			 * upper row's columns: the last column is the upper row's) */
			tok *lt = &t->v[r->v[from + heads - 1]];
			if (!lt->copy)
				b->remark_last = 0;
			const char *last = lt->copy ? NULL
			                            : vocab_syn_match(vocab_indicator_fields,
			                                              key_of(&b->w, lt->s, lt->n));
			for (int j = 0; last && vocab_remark_fields[j]; j++)
				b->remark_last |= strcmp(last, vocab_remark_fields[j]) == 0;
			for (int j = b->col_rest; j < heads; j++)
				b->late_levels |= ir[j] == IR_L1 || ir[j] == IR_L2;
		}
	} else if (!b->glued && b->block == BLK_INDICATOR && b->have_head && blk == BLK_NONE) {
		/* its first cell that says something is placed by what it says:
		 * empty cells are put before it, or taken away when it has more
		 * empty cells before it than its column wants */
		int f = 0;
		while (f < r->n && !t->v[r->v[f]].n)
			f++;
		if (b->multi) {
			/* a multi-project table: the project's cells (written on
			 * its first row only) come before the levels, so the row is
			 * placed by its first level name, when it has one */
			int j = f;
			while (j < r->n && j <= b->col_rest && !level_of(&b->w, &t->v[r->v[j]]))
				j++;
			if (j < r->n && j <= b->col_rest)
				f = j;
		}
		if (f < r->n) {
			tok *cf = &t->v[r->v[f]];
			int lv = level_of(&b->w, cf);
			if (lv == IR_L12) { /* 成本指标: level 1 when a level 2 follows */
				tok *c1 = f + 1 < r->n ? &t->v[r->v[f + 1]] : NULL;
				lv = c1 && level_of(&b->w, c1) == IR_L2 ? IR_L1 : IR_L2;
			}
			int at = lv == IR_L1 ? b->col_l1 : lv == IR_L2 ? b->col_l2 : b->col_rest;
			pad = b->labelcol + (at < 0 ? b->col_rest : at) - f;
		}
	} else if (!b->glued && b->block == BLK_INDICATOR && !b->have_head && blk == BLK_NONE &&
	           c0->n && level_of(&b->w, c0) == IR_L2) {
		/* no header row: the columns are the form's default ones (level
		 * 1, level 2, ...), so a row that starts with a level-2 name lost
		 * its level-1 cell too (`质量指标 | 准确率 | 100%`) */
		pad = b->labelcol + 1;
	}
	int skip = pad < 0 ? -pad : 0; /* leading empty cells taken away */
	pad = pad < 0 ? 0 : pad;
	b->alone = blk == BLK_INDICATOR && !bare && r->n == 1 ? b->g->n : -1;
	grid_row *gr = grid_add_row(b->g, c0->line);
	for (int j = 0; j < pad; j++) {
		cell *c = grid_add_cell(b->g, gr, "", 0);
		if (c)
			c->line = c0->line;
	}
	int fit =
	    !b->glued && !heads && blk == BLK_NONE && b->block == BLK_FUNDS && funds_fit(b, r);
	for (int j = skip; j < r->n; j++) {
		tok *tk = &t->v[r->v[j]];
		if (j == 1 && lost_lab) {
			/* `项目资金(元) | 年初预算数 | …`: the label spans the
			 * row labels' column too, as in the form's grid */
			cell *h = grid_add_cell(b->g, gr, "", 0);
			if (h) {
				h->flags |= CELL_HSPAN;
				h->line = tk->line;
			}
		}
		if (fit && j >= 1 && tk->line > t->v[r->v[j - 1]].last) {
			cell *x = grid_add_cell(b->g, gr, "", 0); /* lost at the line's edge */
			if (x)
				x->line = tk->line;
		}
		cell *c = grid_add_cell(b->g, gr, tk->s, tk->n);
		if (!c)
			break;
		c->flags |= (unsigned)tk->copy;
		c->line = tk->line;
		c->col = tk->col;
	}
	/* with pipes, a data row's empty cells at its end were padding, and a
	 * row a line with single spaces (sprow.h) writes none: they come back,
	 * up to its table's width, as the form's grid has them */
	int want = b->labelcol + b->width;
	if ((b->pipes || b->sprow || b->block == BLK_FUNDS) && !b->glued && !heads &&
	    blk == BLK_NONE && b->block != BLK_NONE && b->width && gr->n < want &&
	    !note_of(&b->w, c0))
		while (gr->n < want && grid_add_cell(b->g, gr, "", 0))
			gr->cells[gr->n - 1].line = c0->line;
	r->n = 0;
}

/* A row of goal headers alone (`中期目标 | 年度目标`): the 总体目标 label
 * that spans it and the goals' row is written on the goals' row. */
static int goal_heads(builder *b, const rowbuf *r)
{
	if (r->n < 2)
		return 0;
	for (int j = 0; j < r->n; j++) {
		tok *c = &b->t->v[r->v[j]];
		classify(&b->w, c);
		if (!c->goal)
			return 0;
	}
	return 1;
}

/* Hand row r to place(), re-aligning a goal header row written before its
 * label's row: `中期目标 | 年度目标` then `总体目标 | A | B` become
 * `总体目标 | 中期目标 | 年度目标` and `| A | B`, as in the form's grid. */
static void emit(builder *b, rowbuf *r)
{
	if (!r->n)
		return;
	if (b->held.n) {
		tok *c0 = &b->t->v[r->v[0]];
		if (block_of(&b->w, c0) == BLK_GOAL) {
			rowbuf h = {0};
			row_push(&h, r->v[0]);
			for (int j = 0; j < b->held.n; j++)
				row_push(&h, b->held.v[j]);
			place(b, &h);
			free(h.v);
			memmove(r->v, r->v + 1, (size_t)(r->n - 1) * sizeof *r->v);
			r->n--;
			b->held.n = 0;
			place(b, r);
			r->n = 0;
			return;
		}
		place(b, &b->held);
	}
	if (goal_heads(b, r)) {
		for (int j = 0; j < r->n; j++)
			row_push(&b->held, r->v[j]);
		r->n = 0;
		return;
	}
	place(b, r);
}

/* Is row r an indicator header row that has not ended: a label or not,
 * header words after it (`绩效指标 | 一级指标 | … | *评(扣)分标准`: columns
 * vocab does not name may follow them), and no level name yet (the data
 * rows start at one)? */
static int ind_heads_open(builder *b, rowbuf *r)
{
	int bare, named = 0;
	if (r->n < 2 || row_block(b, r, &bare) != BLK_INDICATOR)
		return 0;
	for (int j = 0; j < r->n; j++) {
		tok *c = &b->t->v[r->v[j]];
		if (level_of(&b->w, c))
			return 0;
		named += j > 0 && ind_head(b, c);
	}
	return named > 0;
}

/* A multi-project table's row that holds so far only a project's cells
 * (at most as many as the columns before the levels) and level names after
 * them: its level names go on in it. */
static int multi_lead(builder *b, rowbuf *r)
{
	int j = 0, lv = 0;
	while (j < r->n && !level_of(&b->w, &b->t->v[r->v[j]]))
		j++;
	if (j > b->col_l1 && j > b->col_l2)
		return 0;
	for (; j < r->n; j++, lv++)
		if (!level_of(&b->w, &b->t->v[r->v[j]]))
			return 0;
	return 1;
}

/* Is cell c a prose indicator (`数量指标:…`, regrid_prose)? */
static int prose_of(builder *b, tok *c)
{
	return c->n && !level_of(&b->w, c) && regrid_prose(key_of(&b->w, c->s, c->n));
}

/* Is cell c a money row's label that vocab knows (vocab_funds_labels:
 * 上年结转资金, 其他资金; `其中:` before it and `:` after it dropped)? Such
 * a label starts a row of the 项目资金 table, and is never a value: a row
 * whose empty cells left no trace (text without rows) ends before it. */
static int funds_label_of(builder *b, tok *c)
{
	if (!c->n)
		return 0;
	const char *k = vocab_funds_undrop(key_of(&b->w, c->s, c->n));
	size_t n = strlen(k);
	if (n && k[n - 1] == ':') {
		char *e = (char *)k + n - 1; /* the key is b->w's scratch copy */
		*e = 0;
	}
	return vocab_match(vocab_funds_labels, k) != NULL;
}

/* Does token k start a row when the text shows none? A block label, a
 * title, a level name or a `任务N:` name under their headers. */
/* Is c a labelled text among the goals (GK_TEXT: 项目实施内容及过程概述,
 * an item number before it allowed)? */
static int goal_text(builder *b, tok *c)
{
	const char *k = key_of(&b->w, c->s, c->n);
	const vocab_word *v = vocab_match(vocab_goal_headers, k + form_item_number(k));
	return v && v->kind == GK_TEXT;
}

/* Is c a money row's label of table (`其中:` before it left out:
 * vocab_funds_drop), written whole? In a 项目资金 block whose rows lost
 * their ends (one cell per line), a row of 预算执行情况 (vocab_funds_exec_rows:
 * 总额, 其中:财政资金 ...) starts a row, and so does a money label
 * (vocab_funds_labels: 其他资金) after such a row: their rows are shorter
 * than the header, whose last column (原因) spans them. */
static int exec_label(builder *b, tok *c, const vocab_word *table)
{
	const char *k = vocab_funds_undrop(key_of(&b->w, c->s, c->n));
	const vocab_word *v = vocab_match(table, k);
	return v && !strcmp(v->word, k);
}

static int starts_row(builder *b, rowbuf *r, tok *c)
{
	if (!c->n)
		return 0;
	int cb = block_of(&b->w, c);
	if ((cb == BLK_PINFO || cb == BLK_DEPT) && r->n % 2 == 0 &&
	    block_of(&b->w, &b->t->v[r->v[0]]) == BLK_PINFO)
		return 0; /* `项目支出名称 | X | 预算部门 | Y`: a project's pairs go on */
	if (cb == BLK_NONE && note_of(&b->w, c) && r->n % 2 == 0 &&
	    block_of(&b->w, &b->t->v[r->v[0]]) == BLK_PINFO &&
	    vocab_match(vocab_pinfo_roles, key_of(&b->w, c->s, c->n)))
		return 0; /* `项目负责人 | X | 联系电话 | Y`: a pair, not a note under the table */
	int role;
	if (note_of(&b->w, c) && cb == BLK_NONE &&
	    (header_of(&b->w, &b->t->v[r->v[r->n - 1]], &role) || ind_heads_open(b, r)))
		return 0; /* `备注` after header words: a column of the header */
	if (cb != BLK_NONE || title_of(&b->w, c) || note_of(&b->w, c) || c->pre)
		return 1; /* (classified by block_of: c->pre is known) */
	int bare, blk = row_block(b, r, &bare);
	if (blk == BLK_NONE)
		blk = b->block;
	if (blk == BLK_INDICATOR && level_of(&b->w, c)) {
		/* a level name starts a row, unless a level name just began it,
		 * or, when the header names level columns again after its first
		 * ones (annual columns beside the long-term ones), the row has not
		 * yet its cells after its level names */
		tok *p = &b->t->v[r->v[r->n - 1]];
		if (r->n == 1 && level_of(&b->w, p) && blk == b->block)
			return 0;
		if (blk == b->block && b->multi && multi_lead(b, r))
			return 0; /* after a project's cells, or its level names */
		if (blk == b->block && b->have_head && b->late_levels && b->width > b->levels) {
			int skip = 0;
			while (skip < r->n && skip < b->levels &&
			       level_of(&b->w, &b->t->v[r->v[skip]]))
				skip++;
			if (r->n > skip && r->n - skip < b->width - b->levels)
				return 0;
		}
		return 1;
	}
	if (blk == BLK_INDICATOR && prose_of(b, c)) {
		/* a prose indicator (`时效指标:…`) ends its row: it goes on
		 * only after the block's label and level names */
		for (int j = 0; j < r->n; j++) {
			tok *x = &b->t->v[r->v[j]];
			if (x->n && !level_of(&b->w, x) && block_of(&b->w, x) != BLK_INDICATOR)
				return 1;
		}
		return 0;
	}
	if (blk == BLK_GOAL && c->goal && goal_text(b, c))
		return 1; /* `2.项目实施内容及过程概述 | text`: a row of its own */
	if (blk == BLK_FUNDS && r->n >= 2 && !b->words && exec_label(b, c, vocab_funds_exec_rows))
		return 1; /* `总额 | … | 其中:财政资金`: a money row's label */
	if (blk == BLK_FUNDS && r->n >= 2 && !b->words &&
	    exec_label(b, &b->t->v[r->v[0]], vocab_funds_exec_rows) &&
	    exec_label(b, c, vocab_funds_labels))
		return 1; /* `单位资金 | … | 其他资金`: the next money row */
	long no;
	if (blk == BLK_TASK && form_task_prefix(c->s, c->n, &no))
		return 1;
	if (blk == BLK_FUNDS && b->width && funds_label_of(b, c))
		return 1; /* `… | 132.912 | 上年结转资金 | 其他资金`: empty rows */
	return 0;
}

/* Cells a data row holds before it ends, counting those after its level
 * names; 0 when not known. */
static int row_full(builder *b, rowbuf *r)
{
	if (!r->n)
		return 0;
	tok *c0 = &b->t->v[r->v[0]], *cl = &b->t->v[r->v[r->n - 1]];
	int blk = block_of(&b->w, c0);
	if ((blk == BLK_NONE ? b->block : blk) == BLK_FUNDS && (blk != BLK_NONE || !b->width) &&
	    r->n >= 2 && amount(cl->s, cl->n))
		return 1; /* 项目资金: a label and its amount (no column headers) */
	if (blk == BLK_TASK || (blk == BLK_NONE && b->block == BLK_TASK && !b->width)) {
		/* a task table without a header row is read in the default
		 * order, name, content, amount, target (form_task.c): a row
		 * whose name is not a header word ends with the cell after its
		 * first number past the content */
		int s = blk == BLK_TASK, role, a = s + 2;
		if (r->n > s && !header_of(&b->w, &b->t->v[r->v[s]], &role)) {
			while (a < r->n && !pg_numeric(b->t->v[r->v[a]].s, b->t->v[r->v[a]].n))
				a++;
			if (a < r->n)
				return r->n == a + 2;
		}
	}
	if (!b->width)
		return 0;
	if (block_of(&b->w, c0) != BLK_NONE)
		return 0; /* the label row goes on to its header's end */
	long no;
	if (b->block == BLK_TASK && b->task_amount > 0 && form_task_prefix(c0->s, c0->n, &no))
		return 0; /* a task row ends at the next task's name (fit_task) */
	if (b->block == BLK_GOAL && b->goal_cols)
		return 0; /* a goal row ends at the next label (fit_goal) */
	int skip = 0;
	if (b->block == BLK_INDICATOR && b->have_head && b->multi) {
		/* a project's cells, then its level names, then the rest */
		int lead = 0;
		while (lead < r->n && lead < b->levels && !level_of(&b->w, &b->t->v[r->v[lead]]))
			lead++;
		if (lead == r->n || lead == b->levels) /* no level name yet */
			return r->n > b->col_l1 && r->n >= b->width - b->levels;
		for (skip = lead; skip < r->n && level_of(&b->w, &b->t->v[r->v[skip]]); skip++)
			;
		return r->n - skip >= b->width - b->levels;
	}
	if (b->block == BLK_INDICATOR && b->have_head) {
		for (; skip < r->n && skip < b->levels; skip++) {
			tok *c = &b->t->v[r->v[skip]];
			if (!level_of(&b->w, c))
				break;
		}
		return r->n - skip >= b->width - b->levels;
	}
	if (b->block == BLK_FUNDS && b->funds_lab > 0 && c0->n) {
		/* 项目资金 | 项目资金申请(万元) | 项目 | 上年度安排资金 | …: a
		 * row's cells are those from the 项目 column on (place() puts
		 * its leading empty cells back) */
		return r->n >= b->width - b->funds_lab;
	}
	return r->n >= b->width;
}

/* Framed lines that are not rows (frames.h): does the indicator row r end
 * before cell c, which starts a new line? When r holds all its table's
 * cells but the last column's, and that column is a remark (偏差原因, 备注:
 * mostly left empty, and dropped by a page's renderer that drops empty
 * cells): the renderer broke the line there, at the row's end. */
static int framed_end(builder *b, rowbuf *r, tok *c)
{
	if (!b->t->framed || !r->n || c->line <= b->t->v[r->v[r->n - 1]].last ||
	    b->block != BLK_INDICATOR || !b->have_head || b->multi || !b->width || !b->remark_last)
		return 0;
	int skip = 0;
	while (skip < r->n && skip < b->levels && level_of(&b->w, &b->t->v[r->v[skip]]))
		skip++;
	return r->n - skip == b->width - b->levels - 1;
}

/* Is row r the header row of a table that heads its own columns: its
 * title (收入构成, 支出构成: regrid_table_title) at cell at (after the
 * block's label, or first), then its column headers, which vocab need not
 * name (`近两年收支金额`), and, side by side, the next table's title and
 * columns? */
static int table_head(builder *b, const rowbuf *r, int at)
{
	if (r->n <= at)
		return 0;
	tok *c = &b->t->v[r->v[at]];
	int role;
	return header_of(&b->w, c, &role) && regrid_table_title(key_of(&b->w, c->s, c->n));
}

/* Is row r a label followed by header cells, and c not one more? Then the
 * header row ends before c; an empty cell is one more when the next
 * non-empty cell is a header word of these tables (a spanning header
 * cell's empty columns). A table's header row (table_head) ends at the
 * first cell that starts its rows (regrid_table_row_cell: empty, a number,
 * 合计, a budget label), so that the data rows are as wide as the header,
 * both tables' cells in one row when they stand side by side. */
static int ahead(toks *t, size_t k, tok **out, int want);

static int head_done(builder *b, rowbuf *r, tok *c)
{
	int role;
	tok *c0 = &b->t->v[r->v[0]];
	if (table_head(b, r, 0))
		return regrid_table_row_cell(key_of(&b->w, c->s, c->n));
	if (header_of(&b->w, c0, &role) && role < 0) {
		/* a header row without a label (按收入性质分 | 按支出性质分) */
		for (int j = 1; j < r->n; j++)
			if (!header_of(&b->w, &b->t->v[r->v[j]], &role))
				return 0;
		return !header_of(&b->w, c, &role);
	}
	if (r->n < 2)
		return 0;
	tok *c1 = &b->t->v[r->v[1]];
	int blk = block_of(&b->w, c0);
	if (blk == BLK_NONE || blk == BLK_INDICATOR || blk == BLK_TASK ||
	    !header_of(&b->w, c1, &role))
		return 0; /* indicator and task headers end where their rows start */
	if (table_head(b, r, 1))
		return regrid_table_row_cell(key_of(&b->w, c->s, c->n));
	if (!c->n) {
		/* empty cells, then a header word of these tables: the columns a
		 * header cell spans, written once with empty cells beside it
		 * (`预期目标 | | | 实际完成情况`) */
		tok *next[1];
		return !(ahead(b->t, (size_t)(c - b->t->v), next, 1) == 1 &&
		         header_of(&b->w, next[0], &role) && role < 0);
	}
	return !header_of(&b->w, c, &role);
}

/* Do two header words start at token k (a header row after other cells:
 * `部门总体资金情况 | 资金总额:1200.5`, then `按收入性质分 | 按支出性质分`)?
 * Not indicator headers (ind_head's rule takes the label along). */
static int heads_start(builder *b, rowbuf *r, size_t k)
{
	tok *c = &b->t->v[k], *next[1];
	int role;
	if (table_head(b, r, 0) || table_head(b, r, 1))
		return 0; /* a 构成 table's header goes on (`近两年收支金额 | 支出构成 | …`) */
	if (block_of(&b->w, &b->t->v[r->v[0]]) == BLK_TASK)
		return 0; /* so does a task table's (`年度重点工作任务 | 序号 | 任务名称 …`) */
	if (r->n < 2 || !header_of(&b->w, c, &role) || role > 0 ||
	    header_of(&b->w, &b->t->v[r->v[r->n - 1]], &role))
		return 0;
	return ahead(b->t, k, next, 1) == 1 && header_of(&b->w, next[0], &role) && role < 0;
}

/* Budget groups a header row may hold to be read as groups listed one after
 * the other (stacked_groups); a longer row is read row by row. */
#define REGRID_STACK_GROUPS 8

/* Is row r, which ends before token k, a header row of budget groups alone
 * (`按收入性质分 | 按支出性质分`: two or more words of vocab_budget_groups,
 * no label, no table title) whose items the text lists one group after the
 * other (a page whose group columns were each one cell of lines)? The items
 * are the cells after it, up to a row end or a word of the vocabulary; an
 * item's group is the one its label names (vocab_budget_nature: `其他收入:20`
 * is 按收入性质分's). Stacked when these groups never go back to an earlier
 * one, and some item does not sit under its group when the items are read
 * row by row at the header's width (empty cells where a row would start
 * skipped, as the rows are rebuilt). Then each group word and each item is
 * a row of its own, as the form stage reads groups listed one after the
 * other (lib/form_amounts.c: by the items' words). */
static int stacked_groups(builder *b, const rowbuf *r, size_t k)
{
	int width = r->n, cur = 0, pos = 0, off = 0, known = 0;
	if (width < 2 || width > REGRID_STACK_GROUPS)
		return 0;
	char keys[REGRID_STACK_GROUPS][64];
	for (int j = 0; j < width; j++) {
		tok *c = &b->t->v[r->v[j]];
		const vocab_word *g = vocab_match(vocab_budget_groups, key_of(&b->w, c->s, c->n));
		if (!g || g->kind != BG_PAIRS)
			return 0;
		snprintf(keys[j], sizeof keys[j], "%s", key_of(&b->w, c->s, c->n));
	}
	for (size_t i = k; i < b->t->n && !b->t->v[i].end; i++) {
		tok *c = &b->t->v[i];
		if (!c->n) {
			pos += pos % width != 0;
			continue;
		}
		classify(&b->w, c);
		if (c->blk || c->title || c->note || c->role || c->lvl || c->pre)
			break;
		const char *key = key_of(&b->w, c->s, c->n);
		char label[128];
		snprintf(label, sizeof label, "%.*s", (int)strcspn(key, ":"), key);
		const char *g = vocab_syn_match(vocab_budget_nature, label);
		int gi = -1;
		for (int j = 0; g && j < width; j++)
			if (strcmp(keys[j], g) == 0)
				gi = j;
		if (gi >= 0) {
			if (gi < cur)
				return 0; /* back to an earlier group: read row by row */
			cur = gi;
			known++;
			off += gi != pos % width;
		}
		pos++;
	}
	return known >= 2 && off > 0;
}

/* The next non-empty cells after token k, at most want of them: into out;
 * returns how many. Stops at a row end. */
static int ahead(toks *t, size_t k, tok **out, int want)
{
	int got = 0;
	for (size_t i = k + 1; i < t->n && got < want && !t->v[i].end; i++)
		if (t->v[i].n)
			out[got++] = &t->v[i];
	return got;
}

/* Does an indicator header row end before token k? When the row so far is
 * an indicator header row whose last cell is a header word, and neither
 * cell k nor the two cells after it is a header word or a level name: the
 * data rows of a table without level columns start there (指标 | 指标权重
 * | 计量单位 | 指标性质 | 指标值, then 发放人数 | 20 ...). Columns vocab
 * does not name stay in the header when a header word follows them; a header
 * with level columns (一级指标, 二级指标) ends at the first level name. */
static int ind_head_done(builder *b, rowbuf *r, size_t k)
{
	toks *t = b->t;
	tok *c = &t->v[k], *next[3];
	int bare;
	if (multi_heads(b, r, NULL) >= 2)
		return multi_heads(b, r, c) < 0; /* a multi-project table's header */
	if (r->n < 2 || row_block(b, r, &bare) != BLK_INDICATOR ||
	    !ind_head(b, &t->v[r->v[r->n - 1]]))
		return 0;
	if (ind_head(b, c) || level_of(&b->w, c))
		return 0;
	for (int j = 0; j < r->n; j++) {
		int role;
		if (header_of(&b->w, &t->v[r->v[j]], &role) && (role == IR_L1 || role == IR_L2))
			return 0; /* a table with level columns: its rows start at a level name */
	}
	/* an empty cell there (one cell per line: a data row's empty label
	 * cell) is looked past: the three cells after it decide */
	int n = ahead(t, k, next, c->n ? 2 : 3);
	if (!c->n && n < 3)
		return 0;
	for (int i = 0; i < n; i++)
		if (ind_head(b, next[i]) || level_of(&b->w, next[i]))
			return 0;
	return 1;
}

/* Does a task table's header row end before token k? When the row so far
 * is the task block's label, then cells of which the last is a task header
 * word (`年度重点工作任务 | 序号 | 任务名称 | … | 期望达到的目标`), and
 * neither cell k nor the two after it is a header or note word or a
 * `任务N:` name: the rows start there, though their names have no `任务N:`
 * (`1 | 日常办公 | …`); a column vocab does not name stays in the header
 * when a header word follows it. */
static int task_head_done(builder *b, rowbuf *r, size_t k)
{
	toks *t = b->t;
	tok *c = &t->v[k];
	long no;
	if (r->n < 2 || block_of(&b->w, &t->v[r->v[0]]) != BLK_TASK)
		return 0;
	classify(&b->w, &t->v[r->v[r->n - 1]]);
	if (!t->v[r->v[r->n - 1]].trole)
		return 0;
	tok *look[3];
	int m = 0, role;
	if (c->n) /* (an empty cell: the rows' empty label cell, looked past) */
		look[m++] = c;
	m += ahead(t, k, look + m, 3 - m);
	for (int i = 0; i < m; i++)
		if (header_of(&b->w, look[i], &role) || note_of(&b->w, look[i]) ||
		    form_task_prefix(look[i]->s, look[i]->n, &no))
			return 0;
	return m > 0;
}

/* Is cell k a caption before a form's title (`表十二`, then the title)? */
static int caption(builder *b, size_t k)
{
	tok *next[1];
	return !title_of(&b->w, &b->t->v[k]) && ahead(b->t, k, next, 1) == 1 &&
	       title_of(&b->w, next[0]);
}

/* Is row r a 项目资金 label, column headers (no number), then a label and
 * its first amount, empty cells between them allowed (`年度资金总额 | |
 * 150000`: its 年初预算数 empty)? Returns the index of that label (the
 * first data row starts there), or 0. */
static int funds_heads(builder *b, rowbuf *r)
{
	if (r->n < 4 || block_of(&b->w, &b->t->v[r->v[0]]) != BLK_FUNDS)
		return 0;
	tok *cl = &b->t->v[r->v[r->n - 1]];
	if (!pg_numeric(cl->s, cl->n))
		return 0;
	int lab = r->n - 2;
	while (lab > 2 && !b->t->v[r->v[lab]].n && !b->t->v[r->v[lab]].copy)
		lab--;
	if (lab < 2 || !b->t->v[r->v[lab]].n)
		return 0;
	for (int j = 1; j < r->n - 1; j++) {
		tok *c = &b->t->v[r->v[j]];
		if (pg_numeric(c->s, c->n))
			return 0;
	}
	return lab;
}

/* Does cell c say what it is: a label, level, header or note word, a
 * title, a task's name? */
static int says(builder *b, tok *c)
{
	long no;
	classify(&b->w, c);
	return c->blk || c->lvl || c->role || c->title || c->note || c->goal ||
	       form_task_prefix(c->s, c->n, &no);
}

/* Browser copy: is row r the rest of row p, p's last cell broken by a line
 * break? When together they make a label (broken_label); or in a goal or
 * task block (whose cells are texts), when r's first cell and p's last say
 * nothing of themselves, and r is one cell or p has fewer cells than the
 * block's data rows. */
static int continues(builder *b, rowbuf *p, rowbuf *r)
{
	if (!p->n || !r->n)
		return 0;
	tok *a = &b->t->v[p->v[p->n - 1]], *c = &b->t->v[r->v[0]];
	if (c->line == a->last + 1 && broken_label(&b->w, a, c))
		return 1; /* `社会效益` + `指标 | …` */
	if (!a->n || !c->n || says(b, a) || says(b, c))
		return 0;
	int blk = block_of(&b->w, &b->t->v[p->v[0]]);
	if (blk == BLK_NONE)
		blk = b->block;
	if (b->sprow && r->n == 1 && pairs_block(blk) && !pg_numeric(a->s, a->n))
		return 1; /* a value's next line (`项目类型 1.基本建设类 …`, `2.行政事业类 …`) */
	if (blk != BLK_GOAL && blk != BLK_TASK)
		return 0;
	return r->n == 1 || (b->width && p->n < b->width);
}

/* Space-aligned text (spaced.c): is row r, whose cells all sit under cells
 * of row p and are fewer (than p's, not only than those of the last row
 * spaced.c kept: two task rows under their header are two rows), the rest
 * of those cells (their text wrapped)?
 * When one of its cells makes a label with the cell above it
 * (broken_label: `社会效益` over `指标`) and the others say nothing of
 * themselves (no label, level or header word: `沿线群众满意` over `度`
 * beside it), or, in a goal or task block, when no cell of either says
 * anything. A row of a label alone under a label (`市级资金` under
 * `区级资金`) or of a level name stays a row. Returns 2 when it goes on
 * with a label (the cells are names wrapped at their column's width), 1
 * when it goes on with goal or task texts, 0 when it is a row of its own. */
static int spaced_continues(builder *b, rowbuf *p, rowbuf *r)
{
	int blk = p->n ? block_of(&b->w, &b->t->v[p->v[0]]) : BLK_NONE;
	if (blk == BLK_NONE)
		blk = b->block;
	int label = 0, plain = 1, any = 0, above = 0, cells = 0;
	for (int j = 0; j < p->n; j++)
		above += b->t->v[p->v[j]].n > 0;
	for (int j = 0; j < r->n; j++)
		cells += b->t->v[r->v[j]].n > 0;
	if (cells >= above)
		return 0; /* as many cells as the row above: a row of its own */
	for (int j = 0; j < r->n; j++) {
		tok *c = &b->t->v[r->v[j]];
		if (!c->n)
			continue;
		if (j >= p->n || !b->t->v[p->v[j]].n)
			return 0;
		tok *a = &b->t->v[p->v[j]];
		any = 1;
		if (broken_label(&b->w, a, c))
			label = 1;
		else if (says(b, c))
			return 0;
		else
			plain &= !says(b, a);
	}
	if (!any)
		return 0;
	return label ? 2 : plain && (blk == BLK_GOAL || blk == BLK_TASK);
}

/* Is the byte c an ASCII letter? */
static int ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Space-aligned text: join row r's cells to the cells of row p above them
 * (a new string, kept in b->joined until the grid is built). When wrap is
 * set (names and labels wrapped at their column's width: `沿线群众满意`
 * over `度`), the lines are one text, run together as the layout broke
 * them, with a line break only between two ASCII letters (a word's
 * space); else (goal and task texts, whose lines may be their own) each
 * joined text keeps a line break between its lines. */
static void spaced_join(builder *b, rowbuf *p, rowbuf *r, int wrap)
{
	for (int j = 0; j < r->n; j++) {
		tok *c = &b->t->v[r->v[j]], *a = &b->t->v[p->v[j]];
		if (!c->n)
			continue;
		size_t br =
		    !wrap || (a->n && ascii_letter(a->s[a->n - 1]) && ascii_letter(c->s[0]));
		char *t = xmalloc((size_t)a->n + c->n + 2);
		memcpy(t, a->s, a->n);
		if (br)
			t[a->n] = '\n';
		memcpy(t + a->n + br, c->s, c->n);
		t[a->n + br + c->n] = 0;
		b->joined = xreallocarray(b->joined, b->njoined + 1, sizeof *b->joined);
		b->joined[b->njoined++] = t;
		a->s = t;
		a->n += c->n + br;
		a->last = c->last;
		a->done = 0;
	}
	r->n = 0;
}

/* Browser copy: hand row r on, unless it goes on with the row before
 * (continues): then it is joined to it. The row before waits in p. */
static void copy_row(builder *b, rowbuf *p, rowbuf *r, int wrapped)
{
	int how = wrapped ? spaced_continues(b, p, r) : 0;
	if (how) {
		spaced_join(b, p, r, how == 2);
		return;
	}
	if (b->spaced)
		; /* space-aligned: a row whose cells are not all under the row
		   before's is whole, and texts apart in the line are not joined
		   as one span */
	else if (continues(b, p, r)) {
		tok *a = &b->t->v[p->v[p->n - 1]], *c = &b->t->v[r->v[0]];
		a->n = (size_t)(c->s + c->n - a->s);
		a->last = c->last;
		a->done = 0;
		for (int j = 1; j < r->n; j++)
			row_push(p, r->v[j]);
		r->n = 0;
		return;
	}
	emit(b, p);
	for (int j = 0; j < r->n; j++)
		row_push(p, r->v[j]);
	r->n = 0;
}

/* Cells that glue a label to its value (pairsplit.h: `中央主管部门财政部`)
 * cut into their pieces, each a token of its own on the cell's line. */
static void split_pairs(toks *t)
{
	size_t cut[PAIRSPLIT_MAX_CUTS], extra = 0;
	for (size_t k = 0; k < t->n; k++)
		if (!t->v[k].end && t->v[k].n)
			extra +=
			    (size_t)pairsplit_cuts(t->v[k].s, t->v[k].n, cut, PAIRSPLIT_MAX_CUTS);
	if (!extra || t->n + extra > REGRID_MAX_TOKENS)
		return;
	tok *v = xreallocarray(NULL, t->n + extra, sizeof *v);
	size_t o = 0;
	for (size_t k = 0; k < t->n; k++) {
		tok c = t->v[k];
		int m = c.end || !c.n ? 0 : pairsplit_cuts(c.s, c.n, cut, PAIRSPLIT_MAX_CUTS);
		size_t a = 0;
		for (int j = 0; j <= m; j++) {
			size_t e = j < m ? cut[j] : c.n;
			v[o] = c;
			v[o].s = c.s + a;
			v[o].n = (uint32_t)(e - a);
			v[o++].done = 0;
			a = e;
		}
	}
	free(t->v);
	t->v = v;
	t->n = o;
	t->cap = t->n;
}

/* Header words a two-row header may hold, at most (a longer run is not
 * looked at). */
#define REGRID_HEAD_WORDS 64

/* Is token c a word of a two-row indicator header's upper row: a header
 * word that is no level column's (年度指标值), or an extra column's name
 * (实际完成值, 分值 ...)? */
static int upper_word(builder *b, tok *c)
{
	int role;
	return c->n && !c->end && !level_of(&b->w, c) &&
	       ((header_of(&b->w, c, &role) && role > 0 && role != IR_L1 && role != IR_L2 &&
	         role != IR_L3 && role != IR_L12) ||
	        c->field);
}

/* Is token c a word of a two-row indicator header's lower row: an
 * indicator header word or an extra column's name, no level name? */
static int lower_word(builder *b, tok *c)
{
	int role;
	return c->n && !c->end && !level_of(&b->w, c) &&
	       ((header_of(&b->w, c, &role) && role > 0) || c->field);
}

/* A cell-less token of the grid to come: a span copy (CELL_HSPAN,
 * CELL_VSPAN) or a row end (copy 0, end 1), at token l's line. */
static tok span_tok(const tok *l, int copy)
{
	return (tok){.s = l->s,
	             .line = l->line,
	             .last = l->line,
	             .end = (signed char)!copy,
	             .copy = (signed char)copy,
	             .col = 1};
}

/* An indicator header written as two rows (the upper row over the lower
 * one: `绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因… |
 * 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位`, real 15),
 * read without its rows or with them: the upper row's words after the
 * table's label are header words and extra columns' names (empty cells
 * between them looked past), and a level column word (一级指标) starts the
 * lower row (after the upper row's end, when the text shows rows), which
 * holds header words only. In the form's grid the upper words whose role
 * the lower row names again (年度指标值 over 指标值) stand over those
 * columns; the others (实际完成值, 分值 ...) span both rows, as columns
 * after the lower row's. The tokens are rewritten as that grid's two rows:
 * the label, over the lower row's columns the upper words that name them
 * again (the label's column-span copies over the others), then the upper
 * row's own columns; a row end; a row-span copy under the label, the lower
 * row's words, row-span copies under the upper row's columns; a row end.
 * When the upper words that name a column again are not in the lower
 * row's order, the header is read as one row (label, lower row, the upper
 * row's columns) and those words are marked span: placed past the table's
 * columns, they go to extra. */
static void two_row_head(builder *b, toks *t)
{
	for (size_t a = 0; a < t->n; a++) {
		tok *l = &t->v[a];
		if (l->end || !l->n || block_of(&b->w, l) != BLK_INDICATOR ||
		    (t->rows && a > 0 && !t->v[a - 1].end))
			continue; /* (with rows shown, the label starts its row) */
		size_t up[REGRID_HEAD_WORDS], low[REGRID_HEAD_WORDS], i = a + 1;
		int nu = 0, nl = 0, role;
		/* the upper row: its words, empty cells between them */
		for (; i < t->n && i - a <= 4 * REGRID_HEAD_WORDS && !t->v[i].end; i++)
			if (upper_word(b, &t->v[i]) && nu < REGRID_HEAD_WORDS)
				up[nu++] = i;
			else if (t->v[i].n)
				break;
		if (!nu)
			continue;
		if (t->rows && i < t->n && t->v[i].end)
			i++; /* the upper row's end */
		while (i < t->n && !t->v[i].end && !t->v[i].n && i - a <= 4 * REGRID_HEAD_WORDS)
			i++;
		if (i >= t->n || !header_of(&b->w, &t->v[i], &role) ||
		    (role != IR_L1 && role != IR_L2))
			continue;
		/* the lower row: header words up to the first cell that is none
		 * (with rows shown: its whole row, empty cells looked past) */
		size_t e = i;
		int ok = 1;
		for (; e < t->n && !t->v[e].end && e - i <= 4 * REGRID_HEAD_WORDS; e++) {
			tok *c = &t->v[e];
			if (lower_word(b, c) && nl < REGRID_HEAD_WORDS)
				low[nl++] = e;
			else if (!t->rows)
				break;
			else if (c->n)
				ok = 0; /* a row that is not a header's */
		}
		if (!ok || nl < 2)
			continue;
		/* the upper words that name a lower column again, and where */
		int at[REGRID_HEAD_WORDS], own = 0, prev = 0, order = 1;
		for (int u = 0; u < nu; u++) {
			tok *c = &t->v[up[u]];
			at[u] = 0;
			header_of(&b->w, c, &role);
			for (int j = 0; j < nl && role > 0 && !at[u]; j++) {
				int r2;
				if (header_of(&b->w, &t->v[low[j]], &r2) && r2 == role)
					at[u] = j + 1;
			}
			if (!at[u])
				own++;
			else if (at[u] <= prev)
				order = 0;
			else
				prev = at[u];
		}
		size_t stop = e; /* tokens from a + 1 to stop are rewritten */
		if (t->rows && stop < t->n && t->v[stop].end)
			stop++;
		size_t need = (size_t)nl + 2 + (size_t)nu + 1 + (size_t)nl + (size_t)own + 1;
		if (!order || t->n - (stop - a - 1) + need > REGRID_MAX_TOKENS) {
			if (t->rows || e != i + (size_t)nl || i != a + 1 + (size_t)nu)
				continue; /* not the one-row reading's shape */
			size_t o = 0;
			tok *v = xreallocarray(NULL, (size_t)(nu + nl), sizeof *v);
			for (int j = 0; j < nl; j++)
				v[o++] = t->v[low[j]];
			for (int pass = 0; pass < 2; pass++)
				for (int u = 0; u < nu; u++)
					if ((at[u] > 0) == pass) {
						v[o] = t->v[up[u]];
						v[o++].span = (signed char)pass;
					}
			memcpy(t->v + a + 1, v, o * sizeof *v);
			free(v);
			a = e - 1;
			continue;
		}
		tok *v = xreallocarray(NULL, need, sizeof *v);
		size_t o = 0;
		for (int j = 1; j <= nl; j++) { /* the upper row over the lower's columns */
			int u = 0;
			while (u < nu && at[u] != j)
				u++;
			v[o++] = u < nu ? t->v[up[u]] : span_tok(l, CELL_HSPAN);
		}
		for (int u = 0; u < nu; u++) /* its own columns */
			if (!at[u])
				v[o++] = t->v[up[u]];
		v[o++] = span_tok(l, 0);
		v[o++] = span_tok(l, CELL_VSPAN); /* the lower row */
		for (int j = 0; j < nl; j++)
			v[o++] = t->v[low[j]];
		for (int u = 0; u < own; u++)
			v[o++] = span_tok(l, CELL_VSPAN);
		v[o++] = span_tok(l, 0);
		for (size_t j = 0; j < o; j++)
			v[j].head2 = 1;
		size_t old = stop - a - 1, n2 = t->n - old + o;
		if (n2 > t->cap) {
			t->v = xreallocarray(t->v, n2, sizeof *t->v);
			t->cap = n2;
		}
		memmove(t->v + a + 1 + o, t->v + stop, (t->n - stop) * sizeof *t->v);
		memcpy(t->v + a + 1, v, o * sizeof *v);
		t->n = n2;
		free(v);
		a += o;
	}
}

/* A form's own name written without its 表 (`…资金绩效目标自评`,
 * vocab_title_ends), its next cell a bracketed year line (`(2021年度)`), is
 * a title, as form_blocks.c reads it: a row of its own (real 19). */
static void named_forms(builder *b, toks *t)
{
	for (size_t k = 0; k < t->n; k++) {
		tok *c = &t->v[k];
		if (c->end || !c->n || c->n > VOCAB_TITLE_MAX || title_of(&b->w, c) || !c->tend)
			continue; /* (title_of classified it: c->tend is known) */
		size_t y = k + 1;
		while (y < t->n && !t->v[y].n)
			y++; /* blank lines and row ends */
		if (y < t->n && vocab_year_line(key_of(&b->w, t->v[y].s, t->v[y].n), NULL) == 2)
			c->title = 1;
	}
}

int regrid_read(const char *text, size_t n, int shape, grid *g, warnings *warn)
{
	toks t = {0};
	builder b = {.g = g,
	             .t = &t,
	             .col_l1 = -1,
	             .col_l2 = -1,
	             .task_content = -1,
	             .task_amount = -1,
	             .alone = -1,
	             .pipes = shape == REGRID_PIPES,
	             .spaced = shape == REGRID_SPACED,
	             .sprow = shape == REGRID_SPROW,
	             .words = shape == REGRID_WORDS,
	             .warn = warn};
	spaced_out sp = {0};
	sprow_out sr = {0};
	if (shape == REGRID_SPROW) {
		/* cells cut at the form's words by sprow.c, a row a line, then
		 * read as a browser copy is */
		sprow_read(text, n, REGRID_MAX_TOKENS, &sr);
		for (size_t k = 0; k < sr.n; k++) {
			sprow_cell *c = &sr.v[k];
			size_t had = t.n;
			tok_add(&t, text + c->off, c->len, c->line, c->end);
			if (t.n == had)
				break; /* REGRID_MAX_TOKENS */
			t.v[t.n - 1].col = (uint16_t)(c->col < UINT16_MAX ? c->col : UINT16_MAX);
		}
		t.rows = 1;
		t.full = sr.cut;
		if (sr.longer)
			warn_add(
			    warn, sr.longer,
			    "more than %d pieces between spaces in one line: the rest is one cell",
			    SPROW_MAX_PIECES);
		shape = REGRID_COPY;
	} else if (shape == REGRID_SPACED) {
		/* cells put in their columns by spaced.c, then read as a browser
		 * copy is */
		spaced_read(text, n, REGRID_MAX_TOKENS, &sp);
		for (size_t k = 0; k < sp.n; k++) {
			spaced_cell *c = &sp.v[k];
			size_t had = t.n;
			tok_add(&t, text + c->off, c->len, c->line, c->end);
			if (t.n == had)
				break; /* REGRID_MAX_TOKENS */
			t.v[t.n - 1].col = (uint16_t)c->col;
		}
		t.rows = 1;
		t.full = sp.cut;
		shape = REGRID_COPY;
	} else {
		tokenize(text, n, shape, &t, &b.w);
	}
	if (shape == REGRID_LINES || shape == REGRID_WORDS || (shape == REGRID_PIPES && !t.rows))
		join_broken(&t, &b.w, &b.joined, &b.njoined);
	if (!t.rows)
		split_pairs(&t);
	two_row_head(&b, &t);
	named_forms(&b, &t);
	rowbuf r = {0}, prev = {0}; /* prev: a browser copy's row waiting for its rest */
	int before = g->n;
	for (size_t k = 0; k < t.n; k++) {
		tok *c = &t.v[k];
		if (c->end) {
			if (shape == REGRID_COPY)
				copy_row(&b, &prev, &r, c->end == 2);
			else
				emit(&b, &r);
			continue;
		}
		int bare;
		if (!t.rows && c->head2) {
			row_push(&r, k); /* a two-row header's rows end at their ends */
			continue;
		}
		if (!t.rows && (c->span || c->glued || glued(&b.w, c->s, c->n))) {
			/* a glued cell (or a two-row header's spanning word): a
			 * row of its own, outside any table */
			if (!c->span)
				warn_add(warn, c->line,
				         "glued cells not split (their text goes to extra): %.*s",
				         (int)(c->n > 200 ? 200 : c->n), c->s);
			emit(&b, &r);
			place(&b, &b.held);
			row_push(&r, k);
			b.glued = 1;
			place(&b, &r);
			b.glued = 0;
			continue;
		}
		int mh = !t.rows && r.n ? multi_heads(&b, &r, c) : -1;
		if (!t.rows && (r.n >= 2 || (r.n == 1 && t.v[r.v[0]].n > REGRID_LABEL_MAX)) &&
		    ind_head(&b, c) && !ind_head(&b, &t.v[r.v[r.n - 1]]) &&
		    row_block(&b, &r, &bare) != BLK_INDICATOR && mh < 0) {
			/* an indicator header after other cells, or after a
			 * text too long to be a label, starts its row, with the
			 * short cell before it as its label */
			tok *p = &t.v[r.v[r.n - 1]];
			size_t label = r.v[r.n - 1];
			int take = p->n && p->n <= REGRID_LABEL_MAX;
			r.n -= take;
			emit(&b, &r);
			if (take)
				row_push(&r, label);
		} else if (!t.rows) {
			if (r.n && mh < 0 &&
			    (starts_row(&b, &r, c) || head_done(&b, &r, c) ||
			     framed_end(&b, &r, c) || ind_head_done(&b, &r, k) ||
			     task_head_done(&b, &r, k) || heads_start(&b, &r, k))) {
				if (stacked_groups(&b, &r, k)) {
					/* groups listed one after the other: each
					 * word a row; width 1 then makes each item one */
					rowbuf one = {0};
					for (int j = 0; j < r.n; j++) {
						row_push(&one, r.v[j]);
						emit(&b, &one);
						one.n = 0;
					}
					free(one.v);
					r.n = 0;
				}
				emit(&b, &r);
			}
			if (!r.n && c->n && caption(&b, k))
				b.block = BLK_NONE; /* `表十二` before a title: the table ended */
			if (!r.n && !c->n && !c->copy)
				continue; /* an empty cell between rows */
		}
		row_push(&r, k);
		int fl = !t.rows ? funds_heads(&b, &r) : 0;
		if (fl) {
			/* 项目资金 | 项目 | 上年度安排资金 | 本年度申请资金 | 合计 | 130:
			 * the header row ends before the first amount's label;
			 * empty cells just before that label are the data row's
			 * leading cells (its label under 项目, after a sub-label:
			 * `| | 合计 | 130`), which place() puts back, not the
			 * header's */
			int rn = r.n;
			size_t *rest = xreallocarray(NULL, (size_t)(rn - fl), sizeof *rest);
			memcpy(rest, r.v + fl, (size_t)(rn - fl) * sizeof *rest);
			r.n = fl;
			while (r.n > 1 && !t.v[r.v[r.n - 1]].n && !t.v[r.v[r.n - 1]].copy)
				r.n--; /* blank lines before the label: between rows */
			emit(&b, &r);
			for (int j = 0; j < rn - fl; j++)
				row_push(&r, rest[j]);
			free(rest);
		}
		if (!t.rows) {
			tok *c0 = &t.v[r.v[0]];
			if (r.n == 1 && title_of(&b.w, c0) && block_of(&b.w, c0) == BLK_NONE)
				emit(&b, &r);
			else if (r.n == 1 && filler_full(&b.w, c0) &&
			         block_of(&b.w, c0) == BLK_NONE)
				emit(&b, &r); /* `填报单位(盖章):X`, then a group's heading */
			else if (row_full(&b, &r))
				emit(&b, &r);
		}
	}
	emit(&b, &prev);
	emit(&b, &r);
	place(&b, &b.held);
	free(b.held.v);
	free(prev.v);
	free(r.v);
	free(t.v);
	spaced_out_free(&sp);
	sprow_out_free(&sr);
	for (size_t k = 0; k < b.njoined; k++)
		free(b.joined[k]);
	free(b.joined);
	buf_free(&b.w.key);
	buf_free(&b.w.tmp);
	buf_free(&b.w.both);
	if (t.full)
		warn_add(warn, t.full, "more than %ld cells and row ends: rest of the text ignored",
		         (long)REGRID_MAX_TOKENS);
	if (t.longer)
		warn_add(warn, t.longer, "glued line longer than %ld bytes: the rest is one cell",
		         (long)GLUED_MAX_LINE);
	return g->n - before;
}
