/* form_amounts: the readers of money blocks: the department form's
 * 预算整体情况 (label/amount column pairs under group headers) and a project
 * form's 项目资金 (label, amount(s)). They add facts from blocks already cut;
 * they do not check sums (pg-sum does). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "text.h"

/* The label without a leading `其中:`. New string. */
static char *funds_label(form_reader *w, const cell *c)
{
	const char *t = c->text, *k = form_labkey(t, &w->tmp);
	for (const vocab_word *v = vocab_funds_drop; v->word; v++) {
		size_t n = strlen(v->word);
		if (strncmp(k, v->word, n) != 0)
			continue;
		/* matched on the key: skip the source bytes that made its first n
		 * bytes (blanks make none; a folded character makes one) */
		size_t used = 0, i = 0, len = strlen(t);
		while (i < len && used < n) {
			size_t kk;
			long cp = utf8_decode((const unsigned char *)t + i, len - i, &kk);
			if (cp < 0)
				used++;
			else if (!text_is_space(cp))
				used += text_fold(cp) != cp ? 1 : kk;
			i += kk;
		}
		while (i < len && (t[i] == ' ' || t[i] == '\n'))
			i++;
		if (!t[i])
			break; /* nothing after it: keep the label as written */
		return form_key_part(t + i);
	}
	return form_key_part(t);
}

/* Project funds: rows of label and amount(s). With a header row naming
 * several amount columns, the year's column gives amount and the others
 * become fields named by their header. */
void form_read_funds(form_reader *w, block *b)
{
	const char *unit = form_header_unit(&w->tmp, b->label);
	if (!*unit)
		unit = w->unit;
	int ycol = -1, ncols = 0;
	char **hname = NULL;
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		int texts = 0, nums = 0, first = -1;
		for (int j = 0; j < r->n; j++) {
			if (!form_has_text(r->c[j]))
				continue;
			texts++;
			nums += form_numeric(r->c[j]);
			if (first < 0)
				first = j;
		}
		if (first < 0)
			continue;
		if (texts >= 2 && nums == 0 && i + 1 < b->n) {
			/* a header row: column names */
			for (int j = 0; j < ncols; j++)
				free(hname[j]);
			free(hname);
			ncols = r->n;
			hname = xcalloc((size_t)ncols, sizeof *hname);
			ycol = -1;
			for (int j = 0; j < r->n; j++) {
				if (!form_has_text(r->c[j]))
					continue;
				form_use(r->c[j]);
				hname[j] = form_flat_text(r->c[j]);
				if (ycol < 0 && vocab_contains(vocab_funds_year_cols,
				                               form_labkey(r->c[j]->text, &w->tmp)))
					ycol = j;
			}
			if (ycol < 0) /* the last named column */
				for (int j = 0; j < ncols; j++)
					if (hname[j])
						ycol = j;
			continue;
		}
		cell *lab = r->c[first];
		form_use(lab);
		char *lp = funds_label(w, lab);
		char *key = form_join_key(VOCAB_FUNDS_GROUP, lp, NULL);
		free(lp);
		if (ycol >= 0) {
			cell *a = form_at(r, ycol);
			form_use(a);
			form_fact(w, SEC_BUDGET, key, "amount", a, unit);
			for (int j = first + 1; j < r->n && j < ncols; j++) {
				if (j == ycol || !hname[j])
					continue;
				cell *c = form_at(r, j);
				form_use(c);
				form_fact(w, SEC_BUDGET, xstrdup(key), hname[j], c, unit);
			}
		} else {
			/* the next non-empty cell, else the next own cell (for src) */
			cell *a = NULL;
			for (int j = first + 1; j < r->n && !a; j++)
				if (form_has_text(r->c[j]))
					a = r->c[j];
			for (int j = first + 1; j < r->n && !a; j++)
				if (!(r->c[j]->flags & (CELL_HSPAN | CELL_VSPAN)))
					a = r->c[j];
			form_use(a);
			form_fact(w, SEC_BUDGET, key, "amount", a, unit);
		}
	}
	for (int j = 0; j < ncols; j++)
		free(hname[j]);
	free(hname);
}

#define MAX_PAIRS 16

void form_read_budget(form_reader *w, block *b)
{
	int lcol[MAX_PAIRS], acol[MAX_PAIRS], np = 0;
	char *group[MAX_PAIRS] = {0};
	const char *unit[MAX_PAIRS];
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		/* a header row names groups and amount columns */
		int is_head = 0;
		for (int j = 0; j < r->n; j++)
			if (form_has_text(r->c[j]) &&
			    (vocab_match(vocab_budget_groups,
			                 form_labkey(r->c[j]->text, &w->tmp)) ||
			     vocab_match(vocab_amount_headers,
			                 form_labkey(r->c[j]->text, &w->tmp))))
				is_head = 1;
		if (is_head) {
			int k = 0;
			for (int j = 0; j < r->n && k < MAX_PAIRS; j++) {
				cell *c = r->c[j];
				if (!form_has_text(c))
					continue;
				const char *key = form_labkey(c->text, &w->tmp);
				if (vocab_match(vocab_amount_headers, key)) {
					if (k > 0 && acol[k - 1] < 0)
						acol[k - 1] = j,
						         unit[k - 1] = form_header_unit(&w->tmp, c);
					form_use(c);
				} else {
					free(group[k]);
					group[k] = form_key_part(c->text);
					lcol[k] = j, acol[k] = -1, unit[k] = "";
					k++;
					form_use(c);
				}
			}
			np = k;
			continue;
		}
		if (!np) { /* no header yet: plain pairs */
			for (int k = 0; k < MAX_PAIRS; k++)
				lcol[k] = 2 * k, acol[k] = 2 * k + 1, unit[k] = "",
				group[k] = group[k] ? group[k] : xstrdup("");
			np = MAX_PAIRS;
		}
		for (int k = 0; k < np; k++) {
			cell *lab = form_at(r, lcol[k]),
			     *amt = acol[k] >= 0 ? form_at(r, acol[k]) : NULL;
			if (!form_has_text(lab))
				continue;
			form_use(lab);
			form_use(amt);
			char *lp = form_key_part(lab->text);
			form_fact(w, SEC_BUDGET, form_join_key(group[k], lp, NULL), "amount", amt,
			          unit[k]);
			free(lp);
		}
	}
	for (int k = 0; k < MAX_PAIRS; k++)
		free(group[k]);
}
