/* SPDX-License-Identifier: MIT */
/* form_amounts: the readers of money blocks: the department form's
 * 预算整体情况 (label/amount column pairs under group headers) and a project
 * form's 项目资金 (label, amount(s)). They add facts from blocks already cut;
 * they do not check sums (pg-sum does). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "text.h"

size_t form_item_number(const char *k)
{
	int open = *k == '(';
	size_t i = (size_t)open;
	for (size_t n = 1; n;) {
		n = 0;
		for (const char *p = VOCAB_ITEM_DIGITS; *p && !n;) {
			size_t cl = 1;
			while ((p[cl] & 0xC0) == 0x80)
				cl++;
			if (strncmp(k + i, p, cl) == 0)
				n = cl;
			p += cl;
		}
		i += n;
	}
	if (i == (size_t)open)
		return 0;
	size_t end = 0;
	if (open) {
		end = k[i] == ')' ? i + 1 : 0;
	} else {
		for (int c = 0; vocab_item_closers[c] && !end; c++) {
			size_t cl = strlen(vocab_item_closers[c]);
			if (strncmp(k + i, vocab_item_closers[c], cl) == 0 &&
			    *vocab_item_closers[c] != ')')
				end = i + cl;
		}
	}
	/* `1.5万元` is no item number: a digit after the point */
	if (end && k[end - 1] == '.' && k[end] >= '0' && k[end] <= '9')
		return 0;
	return end && k[end] ? end : 0;
}

/* The label in canonical form without a leading `其中:` or item number
 * (unless nothing follows it). New string. */
static char *funds_label(form_reader *w, const cell *c)
{
	const char *k = form_labkey(c->text, &w->tmp);
	k += form_item_number(k);
	return form_key_part(vocab_funds_undrop(k));
}

/* Is a text after a money label the next label rather than its amount?
 * Words without a digit, longer than a placeholder (`无`, `暂无`, `/`). */
static int next_label(const cell *c)
{
	size_t chars = 0;
	for (const char *p = c->text; *p; p++) {
		if (*p >= '0' && *p <= '9')
			return 0;
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	}
	return chars > 2;
}

/* The index of r's first text, -1 when none. */
static int first_text(const rowv *r)
{
	for (int j = 0; j < r->n; j++)
		if (form_has_text(r->c[j]))
			return j;
	return -1;
}

/* Does a label's text hold an amount with a money unit (`总额10606.7522万元
 * 财政拨款:…`, `174.78万元中央补`)? Then it is no label but cells run
 * together (a form glued onto one line, cut where the vocabulary knows no
 * word): it is not read, and goes to extra. */
static int money_inside(const cell *c)
{
	for (const char *p = c->text; *p; p++) {
		if (!(*p >= '0' && *p <= '9'))
			continue;
		while ((*p >= '0' && *p <= '9') || *p == '.' || *p == ',')
			p++;
		while (*p == ' ')
			p++;
		for (const vocab_money *m = vocab_money_units; m->unit; m++)
			if (strncmp(p, m->unit, strlen(m->unit)) == 0)
				return 1;
		for (int i = 0; vocab_money_short[i]; i++)
			if (strncmp(p, vocab_money_short[i], strlen(vocab_money_short[i])) == 0)
				return 1;
		if (!*p)
			break;
	}
	return 0;
}

/* Project funds: rows of label and amount(s). With a header row naming
 * several amount columns, the year's column gives amount and the others
 * become fields named by their header. */
/* One label and the next non-empty cell after it (else its next own
 * cell, for src) as an amount; returns the column after the amount. */
static int funds_pair(form_reader *w, rowv *r, int first, const char *group, const char *unit)
{
	cell *lab = r->c[first];
	form_use(lab);
	char *lp = funds_label(w, lab);
	char *key = form_join_key(group, lp, NULL);
	free(lp);
	cell *a = NULL;
	int at = first + 1, lost = 0;
	for (int j = first + 1; j < r->n && !a && !lost; j++)
		if (form_has_text(r->c[j])) {
			/* the amount's cell lost (`中期 | 年度 | 25`): empty, and the
			 * text the next label */
			lost = !form_amount(r->c[j]) && next_label(r->c[j]);
			if (!lost)
				a = r->c[j], at = j + 1;
		}
	for (int j = first + 1; j < r->n && !a && !lost; j++)
		if (!(r->c[j]->flags & (CELL_HSPAN | CELL_VSPAN)))
			a = r->c[j];
	form_use(a);
	form_fact(w, SEC_BUDGET, key, "amount", a, unit);
	if (!a || !form_has_text(a)) { /* the next label, if any */
		for (int j = first + 1; j < r->n; j++)
			if (form_has_text(r->c[j]))
				return j;
		return r->n;
	}
	return at;
}

/* Project money blocks (项目资金, 资金来源, 支出明细): rows of label and
 * amount(s), keyed by the block's group (vocab_funds_groups). With a header
 * row naming several columns, the year's column (vocab_funds_year_cols)
 * gives amount and the others fields named by their header; without a year
 * column every column is a field named by its header (FORMAT.md 2c). A row
 * without a header may hold several label/amount pairs. */
void form_read_funds(form_reader *w, block *b)
{
	const char *unit = form_header_unit(&w->tmp, b->label);
	int label_unit = *unit != 0;
	if (!*unit)
		unit = w->unit;
	const char *group =
	    vocab_syn_match(vocab_funds_groups, form_labkey(b->label->text, &w->tmp));
	if (!group)
		group = VOCAB_FUNDS_GROUP;
	int ycol = -1, ncols = 0;
	char **hname = NULL;
	char *held = NULL; /* columns a data row held text in */
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		int texts = 0, nums = 0, first = -1;
		for (int j = 0; j < r->n; j++) {
			if (!form_has_text(r->c[j]))
				continue;
			texts++;
			nums += form_amount(r->c[j]); /* `20万元` too: no header */
			if (first < 0)
				first = j;
		}
		if (first < 0)
			continue;
		if (texts >= 2 && nums == 0 && i + 1 < b->n && !hname) {
			/* a header row: column names */
			ncols = r->n;
			hname = xcalloc((size_t)ncols, sizeof *hname);
			free(held);
			held = xcalloc((size_t)ncols, sizeof *held);
			ycol = -1;
			for (int j = 0; j < r->n; j++) {
				if (!form_has_text(r->c[j]))
					continue;
				if (!label_unit && j == first && j + 1 < r->n &&
				    *form_header_unit(&w->tmp, r->c[j])) {
					/* a sub-label before the columns names the
					 * unit the block's label does not
					 * (`项目资金情况 | 项目资金申请(万元) | 项目 | …`,
					 * `项目资金 | (万元) | 年初预算数 | …`); it heads no
					 * column: a text beside the unit goes to extra */
					unit = form_header_unit(&w->tmp, r->c[j]);
					if (form_labkey(r->c[j]->text, &w->tmp)[0] == '(' ||
					    first_text(&b->rows[i + 1]) == j)
						form_use(r->c[j]); /* it heads the labels'
						                      column (年度预算数(万元)) */
					continue;
				}
				form_use(r->c[j]);
				hname[j] = form_label_key(&w->tmp, r->c[j]->text);
				const char *syn = vocab_syn_match(vocab_funds_col_syn, hname[j]);
				if (syn) {
					free(hname[j]);
					hname[j] = xstrdup(syn);
				}
				if (ycol < 0 && j > first &&
				    vocab_match(vocab_funds_year_cols, hname[j]))
					ycol = j;
			}
			continue;
		}
		if (!hname && i == 0 && form_amount(r->c[first])) {
			/* the block's label names the amount after it (`年度本级
			 * 预算金额 | 250 | 上级资金 | 0`): key it without its remark */
			char *lk = xstrdup(form_labkey(b->label->text, &w->tmp));
			char *open = strrchr(lk, '(');
			if (open && open > lk && open[strcspn(open, ")")] == ')' &&
			    !open[strcspn(open, ")") + 1])
				*open = 0;
			char *lp = form_key_part(lk);
			form_use(r->c[first]);
			form_fact(w, SEC_BUDGET, form_join_key(group, lp, NULL), "amount",
			          r->c[first], unit);
			free(lp);
			free(lk);
			first++;
			while (first < r->n && !form_has_text(r->c[first]))
				first++;
			if (first >= r->n || form_amount(r->c[first]))
				continue;
		}
		if (!hname) {
			for (int j = first; j < r->n;) {
				if (money_inside(r->c[j]))
					break; /* cells run together: left to extra */
				j = funds_pair(w, r, j, group, unit);
				while (j < r->n && !form_has_text(r->c[j]))
					j++;
				if (j < r->n && form_numeric(r->c[j]))
					break; /* a second amount: no label, left to extra */
			}
			continue;
		}
		cell *lab = r->c[first];
		form_use(lab);
		char *lp = funds_label(w, lab);
		char *key = form_join_key(group, lp, NULL);
		free(lp);
		if (ycol >= 0) {
			cell *a = form_at(r, ycol);
			form_use(a);
			form_fact(w, SEC_BUDGET, xstrdup(key), "amount", a, unit);
		}
		/* empty cells after the row's last text, in a note column
		 * (vocab_funds_note_cols: 原因) whose text an earlier row held,
		 * are no fields: the note spans the rows, written once (`总额 |
		 * … | 原因` over the rows under it) */
		int last = r->n - 1;
		while (last > first && !form_has_text(r->c[last]))
			last--;
		for (int j = first + 1; j < r->n && j < ncols; j++)
			if (form_has_text(r->c[j]) && hname[j] &&
			    vocab_match(vocab_funds_note_cols, hname[j]))
				held[j] = 1;
		for (int j = first + 1; j < r->n && j < ncols; j++) {
			if (j == ycol || !hname[j])
				continue;
			if (j > last && last > first && held[j])
				continue;
			cell *c = form_at(r, j);
			form_use(c);
			form_fact(w, SEC_BUDGET, xstrdup(key), hname[j], c,
			          vocab_match(vocab_funds_plain_cols, hname[j]) ? "" : unit);
		}
		free(key);
	}
	for (int j = 0; j < ncols; j++)
		free(hname[j]);
	free(hname);
	free(held);
}

#define MAX_PAIRS 16 /* label/amount column pairs (groups) of a budget block */
#define MAX_COLS 8   /* columns of one 收入构成 / 支出构成 table */

/* A cell holding its label and amount, `公共财政拨款:683` or `政府性基金拨款:`
 * (family B): key GROUP|LABEL, or LABEL|LABEL without a group (the total,
 * `资金总额|资金总额`), amount the text after the colon. Returns 1 when the
 * cell was one. */
static int colon_pair(form_reader *w, cell *c, const char *group, const char *unit)
{
	const char *k = form_labkey(c->text, &w->tmp), *colon = strchr(k, ':');
	if (!colon && form_ends_colon(c->text)) /* `政府性基金拨款:`, amount empty */
		colon = k + strlen(k);
	if (!colon || colon == k)
		return 0;
	const char *a = *colon ? colon + 1 : colon;
	if (*a && !((*a >= '0' && *a <= '9') || *a == '-' || *a == '+' || *a == '.'))
		return 0;
	char *label = xmemdup(k, (size_t)(colon - k)), *amount = xstrdup(a);
	char *lp = form_key_part(label);
	char *key = form_join_key(*group ? group : lp, lp, NULL);
	form_fact_text(w, SEC_BUDGET, key, "amount", amount, strlen(amount), c, unit);
	free(lp);
	free(label);
	free(amount);
	return 1;
}

/* A row whose one text is a money unit in brackets, `(万元)`: the block
 * label's remark broken onto a line of its own. Its unit, or NULL. */
static const char *unit_row(form_reader *w, rowv *r)
{
	cell *t = NULL;
	for (int j = 0; j < r->n; j++)
		if (form_has_text(r->c[j])) {
			if (t)
				return NULL;
			t = r->c[j];
		}
	const char *k = t ? form_labkey(t->text, &w->tmp) : "";
	size_t n = strlen(k);
	if (n < 3 || k[0] != '(' || k[n - 1] != ')')
		return NULL;
	const vocab_money *m = vocab_find_money(k + 1, n - 2);
	if (m)
		form_use(t);
	return m ? m->unit : NULL;
}

/* Groups listed one after the other (a page that lists the 按收入性质分
 * column, then the 按支出性质分 one, a cell a line): the group of a label
 * is the one its words name (vocab_budget_nature), else the group of the
 * label before it. Returns the group's index, at least cur. */
static int stacked_group(form_reader *w, const cell *lab, char **group, int np, int cur)
{
	const char *k = form_labkey(lab->text, &w->tmp);
	char *label = xmemdup(k, strcspn(k, ":"));
	const char *g = vocab_syn_match(vocab_budget_nature, label);
	free(label);
	for (int j = cur + 1; g && j < np; j++)
		if (strcmp(group[j], g) == 0)
			return j;
	return cur;
}

/* A 收入构成 / 支出构成 table's column header: its field name (canonical,
 * a money unit remark dropped: `当年金额(万元)` is 当年金额) in *name (new
 * string); returns the column's unit: the remark's, "" for a column that
 * holds no money (占比), NULL for the block's. */
static const char *table_col(form_reader *w, const cell *c, char **name)
{
	const char *u = form_header_unit(&w->tmp, c);
	char *k = xstrdup(form_labkey(c->text, &w->tmp));
	if (*u)
		*strrchr(k, '(') = 0;
	*name = form_key_part(k);
	free(k);
	if (*u)
		return u;
	return vocab_match(vocab_funds_plain_cols, *name) ? "" : NULL;
}

void form_read_budget(form_reader *w, block *b)
{
	int lcol[MAX_PAIRS], acol[MAX_PAIRS], np = 0;
	char *group[MAX_PAIRS] = {0};
	const char *unit[MAX_PAIRS];
	/* 收入构成 / 支出构成 tables (FORMAT.md 2c): a group's columns, -1 for
	 * a label/amount pair's group */
	int ncol[MAX_PAIRS], fcol[MAX_PAIRS][MAX_COLS];
	char *fname[MAX_PAIRS][MAX_COLS] = {{0}};
	const char *funit[MAX_PAIRS][MAX_COLS];
	/* the block label's unit (`年度预算申请(万元)`) holds where a column's
	 * header names none */
	const char *bunit = form_header_unit(&w->tmp, b->label);
	int prev_head = 0, stacked = 0, cur = 0;
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		const char *u = unit_row(w, r);
		if (u) {
			bunit = u;
			continue;
		}
		/* a header row names groups and amount columns */
		int is_head = 0;
		for (int j = 0; j < r->n; j++)
			if (form_has_text(r->c[j]) &&
			    (vocab_match(vocab_budget_groups, form_key(w->keys, r->c[j]->text)) ||
			     vocab_match(vocab_amount_headers, form_key(w->keys, r->c[j]->text))))
				is_head = 1;
		if (is_head && prev_head && np == 1 && acol[0] < 0 && lcol[0] == 0) {
			/* a second group header right under the first, each alone on
			 * its line: the groups are listed one after the other */
			int t = 0;
			for (int j = 0; j < r->n; j++)
				t += form_has_text(r->c[j]);
			cell *c = r->c[0];
			if (t == 1 && form_has_text(c) &&
			    vocab_match(vocab_budget_groups, form_key(w->keys, c->text))) {
				form_use(c);
				free(group[1]);
				group[1] = form_label_key(&w->tmp, c->text);
				lcol[1] = 0, acol[1] = -1, unit[1] = "";
				np = 2, stacked = 1, cur = 0;
				continue;
			}
		}
		int has_text = 0;
		for (int j = 0; j < r->n; j++)
			has_text |= form_has_text(r->c[j]);
		if (has_text)
			prev_head = is_head;
		if (is_head) {
			int k = 0;
			stacked = 0;
			for (int j = 0; j < r->n && k < MAX_PAIRS; j++) {
				cell *c = r->c[j];
				if (!form_has_text(c))
					continue;
				const char *key = form_key(w->keys, c->text);
				const vocab_word *gw = vocab_match(vocab_budget_groups, key);
				if (!gw && k > 0 && ncol[k - 1] >= 0) {
					/* a column of a 收入构成 / 支出构成 table */
					if (ncol[k - 1] < MAX_COLS) {
						int n = ncol[k - 1]++;
						fcol[k - 1][n] = j;
						funit[k - 1][n] = table_col(w, c, &fname[k - 1][n]);
						form_use(c);
					}
					continue;
				}
				if (!gw && vocab_match(vocab_amount_headers, key)) {
					if (k > 0 && acol[k - 1] < 0)
						acol[k - 1] = j,
						         unit[k - 1] = form_header_unit(&w->tmp, c);
					form_use(c);
				} else {
					free(group[k]);
					group[k] = form_label_key(&w->tmp, c->text);
					lcol[k] = j, acol[k] = -1, unit[k] = "";
					for (int n = 0; n < MAX_COLS; n++)
						free(fname[k][n]), fname[k][n] = NULL;
					ncol[k] = gw && gw->kind == BG_TABLE ? 0 : -1;
					k++;
					form_use(c);
				}
			}
			np = k;
			continue;
		}
		if (!np) { /* no header yet: plain pairs */
			for (int k = 0; k < MAX_PAIRS; k++)
				lcol[k] = 2 * k, acol[k] = 2 * k + 1, unit[k] = "", ncol[k] = -1,
				group[k] = group[k] ? group[k] : xstrdup("");
			np = MAX_PAIRS;
		}
		for (int k = 0; k < np; k++) {
			cell *lab = form_at(r, lcol[k]),
			     *amt = acol[k] >= 0 ? form_at(r, acol[k]) : NULL;
			if (!form_has_text(lab))
				continue;
			if (ncol[k] > 0) { /* a table's row: one field per column */
				form_use(lab);
				char *lp = form_label_key(&w->tmp, lab->text);
				for (int n = 0; n < ncol[k]; n++) {
					cell *c = form_at(r, fcol[k][n]);
					form_use(c);
					form_fact(w, SEC_BUDGET, form_join_key(group[k], lp, NULL),
					          fname[k][n], c,
					          funit[k][n] ? funit[k][n] : bunit);
				}
				free(lp);
				continue;
			}
			int g = k;
			if (stacked) {
				g = cur = stacked_group(w, lab, group, np, cur);
				k = np; /* one label a row */
			}
			const char *un = *unit[g] ? unit[g] : bunit;
			form_use(lab);
			if (colon_pair(w, lab, group[g], un))
				continue;
			form_use(amt);
			char *lp = form_label_key(&w->tmp, lab->text);
			form_fact(w, SEC_BUDGET, form_join_key(group[g], lp, NULL), "amount", amt,
			          un);
			free(lp);
		}
	}
	for (int k = 0; k < MAX_PAIRS; k++) {
		free(group[k]);
		for (int n = 0; n < MAX_COLS; n++)
			free(fname[k][n]);
	}
}
