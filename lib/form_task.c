/* SPDX-License-Identifier: MIT */
/* form_task: the reader of 年度重点工作任务 blocks (a header row naming the
 * columns, then one task a row, keyed by its name without the `任务N:`
 * prefix), and the column-role finder it shares with the indicator reader.
 * It adds facts from blocks already cut. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "text.h"

/* `任务N:` prefix: returns its length and sets *num, or 0. */
size_t form_task_prefix(const char *s, size_t n, long *num)
{
	size_t wl = strlen(VOCAB_TASK_PREFIX), j, k;
	if (n < wl || memcmp(s, VOCAB_TASK_PREFIX, wl) != 0)
		return 0;
	j = wl;
	long v = 0;
	int any = 0, over = 0;
	long cp;
	while (j < n && (cp = form_cp_at(s, n, j, &k)) == ' ')
		j += k;
	while (j < n && (cp = form_cp_at(s, n, j, &k)) >= '0' && cp <= '9') {
		/* every digit is read (the prefix's length), the value only while
		 * it stays within FORM_TASK_NO_MAX */
		if (!over && v > (FORM_TASK_NO_MAX - (cp - '0')) / 10)
			over = 1;
		if (!over)
			v = v * 10 + (cp - '0');
		any = 1;
		j += k;
	}
	if (!any) {
		/* 任务一, 任务十二, 任务二十 */
		long units = 0;
		int d;
		while (j < n && (d = form_cn_digit(form_cp_at(s, n, j, &k))) > 0) {
			if (over) {
				/* past the bound: only the length */
			} else if (d == 10) {
				v += (units ? units : 1) * 10;
				units = 0;
			} else if (units > (FORM_TASK_NO_MAX - d) / 10) {
				over = 1;
			} else {
				units = units * 10 + d;
			}
			if (!over && v > FORM_TASK_NO_MAX - units)
				over = 1;
			any = 1;
			j += k;
		}
		v += over ? 0 : units;
	}
	if (!any)
		return 0;
	size_t num_end = j;
	while (j < n && (cp = form_cp_at(s, n, j, &k)) == ' ')
		j += k;
	if (j < n && ((cp = form_cp_at(s, n, j, &k)) == ':' || cp == 0x3001 || cp == '.'))
		j += k;
	else if (j < n && j == num_end)
		return 0; /* `任务12项` is a name, not a number and a name */
	while (j < n && (cp = form_cp_at(s, n, j, &k)) == ' ')
		j += k;
	*num = over ? -1 : v;
	return j;
}

int form_find_roles(form_reader *w, const rowv *r, const vocab_word *table, int *role,
                    int *unit_col)
{
	/* a header row has a header word among its first two texts (the first
	 * may be 序号): other rows are not looked at cell by cell */
	int seen = 0, any = 0;
	for (int j = 0; j < r->n && seen < 2 && !any; j++)
		if (form_has_text(r->c[j])) {
			seen++;
			any = vocab_match(table, form_key(w->keys, r->c[j]->text)) != NULL;
		}
	if (!any) {
		memset(role, 0, (size_t)(r->n ? r->n : 1) * sizeof *role);
		return 0;
	}
	int hits = 0;
	for (int j = 0; j < r->n; j++) {
		role[j] = 0;
		if (!form_has_text(r->c[j]))
			continue;
		const vocab_word *v = vocab_match(table, form_key(w->keys, r->c[j]->text));
		if (v) {
			role[j] = v->kind;
			hits++;
			if (unit_col && v->kind == TR_AMOUNT)
				*unit_col = j;
		}
	}
	return hits;
}

int form_col_of(const int *role, int n, int want)
{
	for (int j = 0; j < n; j++)
		if (role[j] == want)
			return j;
	return -1;
}

/* Tasks: a header row names the columns by their words (else the order is
 * name, content, amount, target); a header the form does not define (序号
 * ...) names a field of its own, after the four. */
void form_read_task(form_reader *w, block *b)
{
	int cname = 0, ccontent = 1, camount = 2, ctarget = 3, pos = 0, nh = 0;
	char **hname = NULL;
	const char *unit = "";
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		int *role = xcalloc((size_t)(r->n ? r->n : 1), sizeof *role);
		int ucol = -1;
		if (form_find_roles(w, r, vocab_task_headers, role, &ucol) >= 2) {
			cname = form_col_of(role, r->n, TR_NAME);
			ccontent = form_col_of(role, r->n, TR_CONTENT);
			camount = form_col_of(role, r->n, TR_AMOUNT);
			ctarget = form_col_of(role, r->n, TR_TARGET);
			unit = ucol >= 0 ? form_header_unit(&w->tmp, r->c[ucol]) : "";
			for (int j = 0; j < nh; j++)
				free(hname[j]);
			free(hname);
			nh = r->n;
			hname = xcalloc((size_t)(nh ? nh : 1), sizeof *hname);
			for (int j = 0; j < r->n; j++) {
				if (!form_has_text(r->c[j]))
					continue;
				form_use(r->c[j]);
				if (!role[j])
					hname[j] = form_flat_text(r->c[j]);
			}
			free(role);
			continue;
		}
		free(role);
		cell *name = form_at(r, cname);
		if (!form_has_text(name))
			continue;
		pos++;
		form_use(name);
		long num = 0;
		size_t pl = form_task_prefix(name->text, name->len, &num);
		char *key = form_label_key(&w->tmp, name->text + pl);
		char nobuf[32];
		if (pl && num < 0)
			warn_add(
			    &w->st->warn, name->line,
			    "task number out of range (more than %ld): numbered by its position %d",
			    (long)FORM_TASK_NO_MAX, pos);
		snprintf(nobuf, sizeof nobuf, "%ld", pl && num >= 0 ? num : (long)pos);
		form_fact_text(w, SEC_TASK, key, "no", nobuf, strlen(nobuf), name, "");
		cell *cc = form_at(r, ccontent), *ca = form_at(r, camount),
		     *ct = form_at(r, ctarget);
		form_use(cc), form_use(ca), form_use(ct);
		form_fact(w, SEC_TASK, xstrdup(key), "content", cc, "");
		form_fact(w, SEC_TASK, xstrdup(key), "amount", ca, unit);
		form_fact(w, SEC_TASK, xstrdup(key), "target", ct, "");
		for (int j = 0; j < nh; j++) {
			if (!hname[j])
				continue;
			cell *c = form_at(r, j);
			form_use(c);
			form_fact(w, SEC_TASK, xstrdup(key), hname[j], c, "");
		}
	}
	for (int j = 0; j < nh; j++)
		free(hname[j]);
	free(hname);
}
