/* SPDX-License-Identifier: MIT */
/* form_blocks: the first stage of form reading, a pure cut: grid ->
 * documents -> blocks. A row whose first non-empty cell is a block label
 * (部门名称, 预算整体情况 ...) opens a block; the rows after it belong to it
 * until the next label. A cell holding a table gives the block that table's
 * rows, and the plain rows that follow (the flattened copies) are compared
 * with the table instead of being read. A title line, or a second
 * department or project, starts a new document. Nothing is read into facts
 * here; the only output is the documents and the copy warnings. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "text.h"

static block *new_block(form_doc *w, int kind, cell *label)
{
	if (w->nb == w->bcap) {
		w->bcap = w->bcap ? w->bcap * 2 : 16;
		w->b = xreallocarray(w->b, (size_t)w->bcap, sizeof *w->b);
	}
	block *b = &w->b[w->nb++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->label = label;
	form_use(label);
	return b;
}

static void block_add_row(block *b, cell *cells, int n)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 2;
		b->rows = xreallocarray(b->rows, (size_t)b->cap, sizeof *b->rows);
	}
	rowv *r = &b->rows[b->n++];
	r->n = n > 0 ? n : 0;
	r->c = xreallocarray(NULL, (size_t)(r->n ? r->n : 1), sizeof *r->c);
	for (int i = 0; i < r->n; i++)
		r->c[i] = &cells[i];
}

/* Is k a year alone: four digits, then `年度` or `年`? */
static int year_only(const char *k)
{
	for (int i = 0; i < 4; i++)
		if (k[i] < '0' || k[i] > '9')
			return 0;
	return strcmp(k + 4, "年度") == 0 || strcmp(k + 4, "年") == 0;
}

/* A title names the form: it ends with a title word, perhaps followed by
 * one parenthesised remark (`...绩效目标表(2024年度)`) or a year
 * (`...绩效目标表2023年度`, a form glued onto one line), and is short. */
static int is_title(form_cutter *w, const cell *c)
{
	if (!form_has_text(c) || c->len > VOCAB_TITLE_MAX)
		return 0;
	const char *k = form_key(w->keys, c->text);
	for (const vocab_word *v = vocab_title_words; v->word; v++) {
		const char *p = strstr(k, v->word);
		if (!p)
			continue;
		p += strlen(v->word);
		if (!*p)
			return 1;
		if (*p == '(' && strchr(p, ')') && strchr(p, ')')[1] == 0)
			return 1;
		if (year_only(p))
			return 1; /* `…绩效目标表2023年度`: the year after it */
	}
	return 0;
}

/* A form's own name without its 表 (`…资金绩效目标自评`, vocab_title_ends)
 * is its title when the next row with text starts with a bracketed year
 * line (`(2021年度)`), as a form writes its year under its title; the row
 * c stands in is the cutter's current one. */
static int named_form(form_cutter *w, const cell *c)
{
	if (!form_has_text(c) || c->len > VOCAB_TITLE_MAX ||
	    !vocab_ends_with(vocab_title_ends, form_key(w->keys, c->text)))
		return 0;
	for (int i = w->row + 1; i < w->g->n; i++) {
		const grid_row *r = &w->g->rows[i];
		for (int j = 0; j < r->n; j++)
			if (form_has_text(&r->cells[j]))
				return vocab_year_line(form_key(w->keys, r->cells[j].text), NULL) ==
				       2;
	}
	return 0;
}

/* A title row: its first non-empty cell a title, any other a note beside it
 * written `label:value` (`2022年度项目支出绩效自评表 | 部门:某中学`, a
 * self-evaluation form's header line): those cells are left to extra. */
static int title_row(form_cutter *w, const grid_row *r, const cell *first, int nne)
{
	if (!is_title(w, first) && !named_form(w, first))
		return 0;
	for (int j = 0; nne > 1 && j < r->n; j++) {
		const cell *c = &r->cells[j];
		if (c == first || !form_has_text(c))
			continue;
		const char *colon = strstr(c->text, ":");
		if (!colon)
			colon = strstr(c->text, "：");
		if (!colon || colon == c->text || c->len > 200)
			return 0;
	}
	return 1;
}

/* The non-empty own texts of a row's cells, blanks removed, joined by TAB. */
static void text_of(form_cutter *w, const cell *c, buf *out)
{
	if (!form_has_text(c))
		return;
	if (out->len)
		buf_addc(out, '\t');
	buf_adds(out, form_key(w->keys, c->text));
}

static void texts_of(form_cutter *w, cell *const *cs, int n, buf *out)
{
	for (int j = 0; j < n; j++)
		text_of(w, cs[j], out);
}

static void row_texts(form_cutter *w, const grid_row *r, int from, buf *out)
{
	for (int j = from; j < r->n; j++)
		text_of(w, &r->cells[j], out);
}

static void mark_row(grid_row *r, int from)
{
	for (int j = from; j < r->n; j++)
		form_use(&r->cells[j]);
}

static void add_pre(form_doc *w, cell *c)
{
	if (w->npre == w->precap) {
		w->precap = w->precap ? w->precap * 2 : 8;
		w->pre = xreallocarray(w->pre, (size_t)w->precap, sizeof *w->pre);
	}
	w->pre[w->npre++] = c;
}

/* Compare a flat row with the next row of (*bp)'s table. A flat cell whose
 * text that table row does not hold (the copy has a cell more) is no copy:
 * it is left for a block of its own, so it is read as extra, not only quoted
 * in the warning. *bp is found again after that block is added. */
static void check_copy(form_cutter *w, form_doc *d, block **bp, grid_row *r)
{
	block *b = *bp;
	int k = b->next_html++;
	grid_row *hr = &b->html->rows[k];
	buf *a = &w->rowt; /* the cutter's: no allocation per row */
	buf_reset(a);
	row_texts(w, r, 0, a);
	const char *h = buf_str(&b->htext[k]);
	if (strcmp(buf_str(a), h) == 0) {
		mark_row(r, 0);
		return;
	}
	w->st->disagree++;
	warn_add(&w->st->warn, r->line,
	         "flat copy disagrees with HTML table row %d (line %ld): [%s] vs [%s]", k + 1,
	         hr->line, buf_str(a), h);
	/* each HTML cell's text matches one flat cell; the flat cells left over
	 * (with text) are the extra ones */
	char *used = xcalloc((size_t)(hr->n ? hr->n : 1), 1);
	cell **extra = xreallocarray(NULL, (size_t)(r->n ? r->n : 1), sizeof *extra);
	int ne = 0;
	buf t = {0};
	for (int j = 0; j < r->n; j++) {
		cell *c = &r->cells[j];
		form_use(c);
		if (!form_has_text(c))
			continue;
		buf_reset(&t);
		buf_adds(&t, form_key(w->keys, c->text));
		int m = -1;
		for (int i = 0; i < hr->n && m < 0; i++)
			if (!used[i] && form_has_text(&hr->cells[i]) &&
			    strcmp(form_key(w->keys, hr->cells[i].text), buf_str(&t)) == 0)
				m = i;
		if (m >= 0) {
			used[m] = 1;
		} else {
			c->flags &= ~(unsigned)CELL_USED;
			extra[ne++] = c;
		}
	}
	if (ne) {
		ptrdiff_t bi = b - d->b;
		block *x = new_block(d, BLK_NONE, NULL);
		block_add_row(x, extra[0], 1);
		for (int i = 1; i < ne; i++) { /* one row: its cells, not contiguous */
			rowv *rv = &x->rows[0];
			rv->c = xreallocarray(rv->c, (size_t)rv->n + 1, sizeof *rv->c);
			rv->c[rv->n++] = extra[i];
		}
		*bp = &d->b[bi];
	}
	buf_free(&t);
	free(extra);
	free(used);
}

/* Note the texts of each row of the block's table (for the flat copies),
 * and compare the inline copy (cells after the table cell on its line) with
 * all of them in order. */
static void check_inline(form_cutter *w, block *b, grid_row *r, int from)
{
	grid *html = b->html;
	b->htext = xcalloc((size_t)(html->n ? html->n : 1), sizeof *b->htext);
	buf a = {0}, h = {0};
	for (int i = 0; i < html->n; i++) {
		row_texts(w, &html->rows[i], 0, &b->htext[i]);
		if (b->htext[i].len) {
			if (h.len)
				buf_addc(&h, '\t');
			buf_add(&h, b->htext[i].s, b->htext[i].len);
		}
	}
	row_texts(w, r, from, &a);
	if (a.len && strcmp(buf_str(&a), buf_str(&h)) != 0) {
		w->st->disagree++;
		warn_add(&w->st->warn, r->line,
		         "inline copy disagrees with the HTML table in cell %d", from);
	}
	mark_row(r, from);
	buf_free(&a);
	buf_free(&h);
}

/* Would the reader of block kind take this row, read from its first cell,
 * as one of its rows that lost its leading empty cell? The block's shift
 * rule (vocab_blocks) says by what. */
static int block_has_text(const block *b)
{
	for (int i = 0; i < b->n; i++)
		for (int j = 0; j < b->rows[i].n; j++)
			if (form_has_text(b->rows[i].c[j]))
				return 1;
	return 0;
}

static int accepts_shifted(form_cutter *w, const block *b, grid_row *r)
{
	cell *c0 = r->n ? &r->cells[0] : NULL;
	const vocab_block *vb = vocab_block_of(b->kind);
	if (!form_has_text(c0) || !vb)
		return 0;
	const char *k = form_key(w->keys, c0->text);
	long num;
	int texts = 0;
	for (int j = 0; j < r->n; j++)
		texts += form_has_text(&r->cells[j]);
	switch (vb->shift) {
	case SH_GOAL_MARKER:
		if (texts == 1 && form_goal_marker(c0->text, c0->len))
			return 1;
		/* fall through */
	case SH_FIRST_TEXT: /* the label's value, on the line after it */
		return texts == 1 && !block_has_text(b) && !vocab_match(vocab_block_labels, k);
	case SH_TASK_PREFIX:
		return form_task_prefix(c0->text, c0->len, &num) > 0;
	case SH_LEVEL_WORD: /* a level name, or the header row's first word */
		return vocab_match(vocab_indicator_levels, k) != NULL ||
		       vocab_match(vocab_indicator_headers, k) != NULL ||
		       (texts == 1 && form_prose_level(w->keys, c0->text, &(int){0}));
	case SH_FUNDS_LABEL:
		return vocab_match(vocab_funds_labels, k) != NULL;
	case SH_LABEL_AMOUNT:
		/* label then amount: the second cell is empty or starts with a digit */
		return !vocab_match(vocab_block_labels, k) &&
		       (r->n < 2 || r->cells[1].len == 0 ||
		        (r->cells[1].text[0] >= '0' && r->cells[1].text[0] <= '9'));
	default:
		return 0;
	}
}

/* Is the row's first text (at fi) a note under the form (备注, 扫一扫 ...,
 * perhaps after a list bullet `- `)? It continues no block. */
static int note_row(form_cutter *w, grid_row *r, int fi)
{
	if (fi < 0)
		return 0;
	const char *k = form_key(w->keys, r->cells[fi].text);
	return vocab_match(vocab_note_labels, k + (k[0] == '-' && k[1])) != NULL;
}

/* A row before any block made of one-cell lines' kinds: a unit line, a
 * 填报单位 line, or a lone text (the department's name); or a filler label
 * alone and its value (`编制单位: | 813-潼南区五桂镇`). Its cells are
 * judged, and the unit read, by pre_line_ok when the form is read. */
static int pre_line_row(form_cutter *w, grid_row *r)
{
	int n = 0, lines = 0, label_first = 0;
	for (int j = 0; j < r->n; j++) {
		cell *c = &r->cells[j];
		if (!form_has_text(c))
			continue;
		n++;
		const char *k = form_key(w->keys, c->text);
		lines += vocab_match(vocab_unit_line, k) || vocab_match(vocab_filler_line, k);
		if (n == 1) { /* the key lost the label's colon (form_labkey) */
			char lab[256];
			snprintf(lab, sizeof lab, "%s:", k);
			const vocab_word *fl = vocab_match(vocab_filler_line, lab);
			label_first = fl && strcmp(fl->word, lab) == 0;
		}
	}
	return n == 1 || (n > 0 && lines == n) || (n == 2 && label_first);
}

static void drop_inline_copies(form_cutter *w, form_doc *d);
static int form_doc_started_blocks(const form_doc *d);

/* Has d a block of a known kind? */
static int form_doc_started_blocks(const form_doc *d)
{
	for (int i = 0; i < d->nb; i++)
		if (d->b[i].kind != BLK_NONE)
			return 1;
	return 0;
}

int form_doc_started(const form_doc *d)
{
	return d->title || d->dept || form_doc_started_blocks(d);
}

/* The document d is complete: the last touch of the cut. */
static int yield(form_cutter *w, form_doc *d)
{
	w->cur = NULL;
	drop_inline_copies(w, d);
	return 1;
}

static void block_add_cells(block *b, cell **v, int n)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 2;
		b->rows = xreallocarray(b->rows, (size_t)b->cap, sizeof *b->rows);
	}
	rowv *r = &b->rows[b->n++];
	r->n = n;
	r->c = xreallocarray(NULL, (size_t)(n ? n : 1), sizeof *r->c);
	memcpy(r->c, v, (size_t)n * sizeof *v);
}

/* Is r a multi-project table's header row? Then note its columns. */
static int multi_header(form_cutter *w, grid_row *r)
{
	int col[MC_N], inds = 0;
	for (int k = 0; k < MC_N; k++)
		col[k] = -1;
	for (int j = 0; j < r->n; j++) {
		cell *c = &r->cells[j];
		if (!form_has_text(c))
			continue;
		const char *k = form_key(w->keys, c->text);
		const vocab_word *v = vocab_match(vocab_multi_headers, k);
		if (v && col[v->kind] < 0 && inds == 0)
			col[v->kind] = j;
		else if (vocab_match(vocab_indicator_headers, k) && inds++ == 0)
			col[MC_IND] = j;
	}
	if (col[MC_PROJECT] < 0 || inds < 2)
		return 0;
	memcpy(w->mcol, col, sizeof col);
	w->mhead = r;
	w->munit = NULL;
	return 1;
}

/* One row of a multi-project table: a project's first row opens a document
 * (its blocks made of the header's cells and the row's); the next rows add
 * their indicator cells. Returns 1 when the row starts the next document. */
static int multi_row(form_cutter *w, form_doc *d, grid_row *r)
{
	int *mc = w->mcol;
	grid_row *h = w->mhead;
	if (mc[MC_PROJECT] < r->n && form_has_text(&r->cells[mc[MC_PROJECT]])) {
		if (d->seen_project)
			return 1;
		d->seen_project = 1;
		d->title = w->mtitle;
		cell *v[4];
		int n = 0;
		for (int k = MC_UNIT; k <= MC_PROJECT; k++) {
			if (mc[k] < 0 || mc[k] >= r->n)
				continue;
			cell *c = &r->cells[mc[k]];
			if (k == MC_UNIT && form_has_text(c))
				w->munit = c;
			else if (k == MC_UNIT && w->munit)
				c = w->munit; /* written on the first project's row only */
			v[n++] = &h->cells[mc[k]], v[n++] = c;
		}
		block *b = new_block(d, BLK_PINFO, NULL);
		block_add_cells(b, v, n);
		if (mc[MC_BUDGET] >= 0 && mc[MC_BUDGET] < r->n) {
			b = new_block(d, BLK_FUNDS, &h->cells[mc[MC_BUDGET]]);
			block_add_cells(b, (cell *[]){&r->cells[mc[MC_BUDGET]]}, 1);
		}
		if (mc[MC_GOAL] >= 0 && mc[MC_GOAL] < r->n) {
			b = new_block(d, BLK_GOAL, &h->cells[mc[MC_GOAL]]);
			block_add_cells(b, (cell *[]){&r->cells[mc[MC_GOAL]]}, 1);
		}
		b = new_block(d, BLK_INDICATOR, NULL);
		if (mc[MC_IND] < h->n)
			block_add_row(b, h->cells + mc[MC_IND], h->n - mc[MC_IND]);
		w->cur = b;
	}
	if (w->cur && mc[MC_IND] < r->n)
		block_add_row(w->cur, r->cells + mc[MC_IND], r->n - mc[MC_IND]);
	return 0;
}

/* The column of the first text after fi in row r when it is a label of
 * the project header's pairs (vocab_block_labels read by RD_PINFO: 组织实施单位
 * after 项目实施计划), else -1. */
static int heads_pairs(form_cutter *w, grid_row *r, int fi)
{
	int j = fi + 1;
	while (j < r->n && !form_has_text(&r->cells[j]))
		j++;
	if (j >= r->n)
		return -1;
	const vocab_word *v = vocab_match(vocab_block_labels, form_key(w->keys, r->cells[j].text));
	const vocab_block *vb = v ? vocab_block_of(v->kind) : NULL;
	return vb && vb->reader == RD_PINFO ? j : -1;
}

/* Is the next grid row's first text a label of the project header's pairs
 * (vocab_block_labels read by RD_PINFO)? */
static int next_heads_pairs(form_cutter *w)
{
	if (w->row + 1 >= w->g->n)
		return 0;
	grid_row *r = &w->g->rows[w->row + 1];
	int j = 0;
	while (j < r->n && !form_has_text(&r->cells[j]))
		j++;
	if (j >= r->n)
		return 0;
	const vocab_word *v = vocab_match(vocab_block_labels, form_key(w->keys, r->cells[j].text));
	const vocab_block *vb = v ? vocab_block_of(v->kind) : NULL;
	return vb && vb->reader == RD_PINFO;
}

/* Does row r start, at its first text fi, with two indicator header words
 * of the level columns (`一级指标 | 二级指标 | …`)? */
static int bare_ind_head(form_cutter *w, grid_row *r, int fi)
{
	int n = 0;
	for (int j = fi; j < r->n && n < 2; j++) {
		const vocab_word *v =
		    vocab_match(vocab_indicator_headers, form_key(w->keys, r->cells[j].text));
		if (!v || (v->kind != IR_L1 && v->kind != IR_L2))
			return 0;
		n++;
	}
	return n == 2;
}

int form_cut_next(form_cutter *w, form_doc *d)
{
	grid *g = w->g;
	form_doc_reset(d);
	w->cur = NULL;
	for (; w->row < g->n; w->row++) {
		block *cur = w->cur;
		grid_row *r = &g->rows[w->row];
		int fi = -1, sub = -1, nne = 0;
		for (int j = 0; j < r->n; j++) {
			cell *c = &r->cells[j];
			if (c->sub && sub < 0)
				sub = j;
			if (form_has_text(c)) {
				nne++;
				if (fi < 0)
					fi = j;
			}
		}
		if (fi < 0 && sub < 0)
			continue;
		cell *first = fi >= 0 ? &r->cells[fi] : NULL;
		if (w->mhead && sub < 0 && first && title_row(w, r, first, nne))
			w->mhead = NULL; /* a new form after the table */
		if (w->mhead) {          /* inside a multi-project table */
			if (multi_row(w, d, r))
				return yield(w, d);
			continue;
		}
		if (sub < 0 && multi_header(w, r)) {
			w->mtitle = d->title; /* each project's document repeats it */
			if (d->nb)            /* blocks before the table: a form of their own */
				return yield(w, d);
			continue;
		}
		int lead = fi >= 0 && (sub < 0 || fi < sub);
		/* a title line */
		if (lead && sub < 0 && title_row(w, r, first, nne)) {
			/* the title ends the rows before it: the one-cell lines
			 * under it (`(2022年度)`, `单位:万元`) are the form's, not
			 * the rest of a page's text above it (real 13) */
			w->cur = NULL;
			if (d->title && !d->dept && !form_doc_started_blocks(d)) {
				/* a title with nothing of a form under it is a page's
				 * heading above the form's own title: a line of it */
				add_pre(d, d->title);
				d->title = first;
				continue;
			}
			if (form_doc_started(d))
				return yield(w, d); /* this row starts the next one */
			d->title = first;
			continue;
		}
		const vocab_word *bl =
		    lead ? vocab_match(vocab_block_labels, form_key(w->keys, first->text)) : NULL;
		if (lead && !bl) { /* a label that lost characters (`绩???效???指???标`) */
			buf lost = {0};
			const char *lk = form_lost_key(form_key(w->keys, first->text), &lost);
			bl = lk ? vocab_match(vocab_block_labels, lk) : NULL;
			buf_free(&lost);
		}
		int col0 = 1;
		for (int j = 0; j < fi && bl; j++)
			if (r->cells[j].flags & CELL_VSPAN)
				col0 = 0;
		if (bl && col0) {
			/* a project header's row: the label starts its pairs */
			const vocab_block *vb = vocab_block_of(bl->kind);
			int hp = vb && (vb->reader == RD_LTEXT || vb->reader == RD_GOAL) && sub < 0
			             ? heads_pairs(w, r, fi)
			             : -1;
			if (vb && vb->reader == RD_GOAL && sub < 0 && nne == 1 &&
			    next_heads_pairs(w)) {
				/* a goal block's label alone on its row, the project
				 * header's pairs on the next (项目基本情况, then 项目名称 |
				 * X: a text with rows lost, section 1h): a group's
				 * heading, no goal: left to extra */
				new_block(d, BLK_NONE, first);
				first->flags &= ~(unsigned)CELL_USED;
				w->cur = NULL;
				continue;
			}
			if (hp >= 0) {
				/* a labelled text over header pairs (项目实施计划 |
				 * 组织实施单位 | X): a heading, its value empty; the
				 * pairs are the project header's, as on rows of their own.
				 * A goal block's label there (项目基本情况 | 项目名称 | X)
				 * is a group's heading, no goal: left to extra */
				if (vb->reader == RD_GOAL) {
					new_block(d, BLK_NONE, first);
					first->flags &= ~(unsigned)CELL_USED;
				} else {
					new_block(d, bl->kind, first);
				}
				const vocab_word *pv = vocab_match(
				    vocab_block_labels, form_key(w->keys, r->cells[hp].text));
				cur = w->cur = new_block(d, pv->kind, &r->cells[hp]);
				r->cells[hp].flags &= ~(unsigned)CELL_USED;
				block_add_row(cur, r->cells + hp, r->n - hp);
				continue;
			}
			int pairs_row = vb && vb->reader == RD_PINFO;
			int proj =
			    pairs_row &&
			    vocab_match(vocab_pinfo_roles, form_key(w->keys, first->text)) &&
			    vocab_match(vocab_pinfo_roles, form_key(w->keys, first->text))->kind ==
			        PI_PROJECT;
			if ((bl->kind == BLK_DEPT && d->dept) || (proj && d->seen_project))
				return yield(w, d); /* a second department or project: a new
				                       form without a title */
			if (proj)
				d->seen_project = 1;
			cur = w->cur = new_block(d, bl->kind, first);
			if (pairs_row) {
				/* the label is the first of the row's label/value pairs */
				first->flags &= ~(unsigned)CELL_USED;
				if (sub < 0) {
					block_add_row(cur, r->cells + fi, r->n - fi);
					continue;
				}
			}
			if (sub >= 0) {
				grid *h = r->cells[sub].sub;
				form_use(&r->cells[sub]);
				for (int k = 0; k < h->n; k++)
					block_add_row(cur, h->rows[k].cells, h->rows[k].n);
				if (pairs_row && cur->n > 0) {
					/* the label starts the first row's pairs */
					rowv *r0 = &cur->rows[0];
					r0->c =
					    xreallocarray(r0->c, (size_t)r0->n + 1, sizeof *r0->c);
					memmove(r0->c + 1, r0->c, (size_t)r0->n * sizeof *r0->c);
					r0->c[0] = first;
					r0->n++;
				}
				cur->html = h;
				check_inline(w, cur, r, sub + 1);
			} else {
				block_add_row(cur, r->cells + fi + 1, r->n - fi - 1);
				/* a label spanning its row (colspan) heads the rows after
				 * it instead of standing in their first column */
				int spans = r->n - fi > 1;
				for (int j = fi + 1; j < r->n; j++)
					if (!(r->cells[j].flags & CELL_HSPAN))
						spans = 0;
				cur->whole = spans;
			}
			/* the department names the document: a second one starts the
			 * next (its first text; form_read_dept reads the same) */
			for (int k = 0; k < cur->n && bl->kind == BLK_DEPT && !d->dept; k++)
				for (int j = 0; j < cur->rows[k].n && !d->dept; j++)
					if (form_has_text(cur->rows[k].c[j]))
						d->dept = cur->rows[k].c[j];
			continue;
		}
		if (!bl && lead && sub < 0 && (!cur || cur->kind != BLK_INDICATOR) &&
		    bare_ind_head(w, r, fi)) {
			/* an indicator header row without a label column (text
			 * whose grid was lost, after a goal's text): the table's
			 * rows keep their first column */
			cur = w->cur = new_block(d, BLK_INDICATOR, NULL);
			block_add_row(cur, r->cells + fi, r->n - fi);
			cur->whole = 1;
			continue;
		}
		if (!bl && lead && sub < 0 && cur && cur->kind == BLK_INDICATOR &&
		    vocab_match(vocab_indicator_totals, form_key(w->keys, first->text))) {
			/* the indicator table's total row (`合计 | 100 | 95`): the
			 * form's total, as 总分 */
			cur = w->cur = new_block(d, BLK_TOTAL, first);
			block_add_row(cur, r->cells + fi + 1, r->n - fi - 1);
			continue;
		}
		if (!cur) {
			if (sub < 0 && pre_line_row(w, r)) {
				for (int j = 0; j < r->n; j++)
					if (form_has_text(&r->cells[j]))
						add_pre(d, &r->cells[j]);
			} else {
				cur = w->cur = new_block(d, BLK_NONE, NULL);
				block_add_row(cur, r->cells, r->n);
			}
			continue;
		}
		if (cur->html && cur->next_html < cur->html->n) {
			check_copy(w, d, &cur, r);
			w->cur = cur;
			continue;
		}
		cell *c0 = &r->cells[0];
		int cont = ((c0->flags & CELL_VSPAN) || form_empty(c0)) && !note_row(w, r, fi);
		int shifted = !cont && accepts_shifted(w, cur, r);
		if ((cont || shifted) && cur->html)
			warn_add(&w->st->warn, r->line,
			         "row after the end of the HTML table's copy: read as data");
		if (cont && !cur->whole) {
			block_add_row(cur, r->cells + 1, r->n - 1);
		} else if (cont) {
			block_add_row(cur, r->cells, r->n);
		} else if (shifted) {
			block_add_row(cur, r->cells, r->n);
		} else {
			/* a row the form does not define */
			cur = w->cur = new_block(d, BLK_NONE, NULL);
			block_add_row(cur, r->cells, r->n);
		}
	}
	if (form_doc_started(d) && !w->done) {
		w->done = 1;
		return yield(w, d);
	}
	return 0;
}

/* Shape without the HTML: a label row whose own cells repeat the rows that
 * follow it (the inline copy) is dropped in favour of those rows. */
static void drop_inline_copies(form_cutter *w, form_doc *d)
{
	for (int i = 0; i < d->nb; i++) {
		block *b = &d->b[i];
		if (b->html || b->n < 2)
			continue;
		/* a copy has as many texts as the rows after it: count first */
		int n0 = 0, nrest = 0;
		for (int j = 0; j < b->n; j++)
			for (int k = 0; k < b->rows[j].n; k++)
				*(j ? &nrest : &n0) += form_has_text(b->rows[j].c[k]);
		if (n0 == 0 || n0 != nrest)
			continue;
		buf a = {0}, rest = {0};
		texts_of(w, b->rows[0].c, b->rows[0].n, &a);
		for (int j = 1; j < b->n; j++) {
			buf t = {0};
			texts_of(w, b->rows[j].c, b->rows[j].n, &t);
			if (t.len) {
				if (rest.len)
					buf_addc(&rest, '\t');
				buf_add(&rest, t.s, t.len);
			}
			buf_free(&t);
		}
		if (a.len && strcmp(a.s, buf_str(&rest)) == 0) {
			for (int j = 0; j < b->rows[0].n; j++)
				form_use(b->rows[0].c[j]);
			b->rows[0].n = 0;
		}
		buf_free(&a);
		buf_free(&rest);
	}
}

void form_doc_reset(form_doc *d)
{
	for (int i = 0; i < d->nb; i++) {
		for (int j = 0; j < d->b[i].n; j++)
			free(d->b[i].rows[j].c);
		free(d->b[i].rows);
		if (d->b[i].htext)
			for (int j = 0; j < d->b[i].html->n; j++)
				buf_free(&d->b[i].htext[j]);
		free(d->b[i].htext);
	}
	d->nb = 0;
	d->npre = 0;
	d->title = NULL;
	d->dept = NULL;
	d->seen_project = 0;
}

void form_doc_free(form_doc *d)
{
	form_doc_reset(d);
	free(d->b);
	free(d->pre);
}
