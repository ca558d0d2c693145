/* SPDX-License-Identifier: MIT */
/* form_pairs: the readers of label/value blocks -- the department's name,
 * 基本信息, a project form's header block, the one-cell lines around a form
 * -- and of what is left: every non-empty cell nobody used goes to extra.
 * They read blocks already cut (form_blocks.c) and add facts; they do not
 * cut, order or write. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "text.h"

void form_read_dept(form_reader *w, block *b)
{
	for (int i = 0; i < b->n; i++)
		for (int j = 0; j < b->rows[i].n; j++) {
			cell *c = b->rows[i].c[j];
			if (form_has_text(c) && !w->dept) {
				w->dept = c;
				form_use(c);
			}
		}
}

/* Label/value pairs of one row. A label is a cell is_label() accepts; its
 * value is the next non-empty cell before the next label, else empty. This
 * reads the same pairs whether merged cells arrive as span copies (HTML) or
 * as empty cells (a delimited export writes a merged cell once). Calls
 * pair(w, label, value-or-NULL) for each. */
typedef void pair_fn(form_reader *w, cell *lab, cell *val);
static void read_pairs(form_reader *w, rowv *r, int (*is_label)(form_reader *, const cell *),
                       pair_fn *pair)
{
	for (int j = 0; j < r->n; j++) {
		cell *lab = r->c[j];
		if (!form_has_text(lab) || !is_label(w, lab))
			continue;
		cell *val = NULL;
		int k = j + 1;
		for (; k < r->n; k++) {
			cell *c = r->c[k];
			if (!form_has_text(c))
				continue;
			if (!is_label(w, c))
				val = c;
			break;
		}
		form_use(lab);
		if (!val) {
			/* keep the value cell's place for src when it is there */
			for (int e = j + 1; e < r->n && !val; e++)
				if (!(r->c[e]->flags & (CELL_HSPAN | CELL_VSPAN)))
					val = r->c[e];
			if (val && form_has_text(val))
				val = NULL;
		}
		form_use(val);
		pair(w, lab, val);
		if (val && form_has_text(val))
			j = k;
	}
}

/* Department info: labels are the texts that are not numbers. */
static int info_label(form_reader *w, const cell *c)
{
	return !form_numeric(c);
}

static void info_pair(form_reader *w, cell *lab, cell *val)
{
	form_fact(w, SEC_INFO, form_label_key(&w->tmp, lab->text), "value", val, "");
}

void form_read_info(form_reader *w, block *b)
{
	for (int i = 0; i < b->n; i++)
		read_pairs(w, &b->rows[i], info_label, info_pair);
}

/* Project header block: label/value pairs whose labels are the block's
 * words (项目名称, 主管部门 ...); they name the project and the department. */
static int pinfo_label(form_reader *w, const cell *c)
{
	const char *k = form_labkey(c->text, &w->tmp);
	const vocab_word *v = vocab_match(vocab_block_labels, k);
	const vocab_block *vb = v ? vocab_block_of(v->kind) : NULL;
	return (vb && vb->reader == RD_PINFO) || vocab_match(vocab_pinfo_roles, k) ||
	       *form_header_unit(&w->tmp, c); /* 中期市财政预算(万元) | 284500.00 */
}

/* A label cell holding its value after a colon (`项目负责人:某某`, a
 * signature line under a self-evaluation form): info key = the label,
 * value = the text after the colon, at the cell. 0 when lab is not so. */
static int glued_pair(form_reader *w, cell *lab)
{
	size_t cl;
	const char *t = lab->text, *c = form_colon(t, &cl);
	if (!c || c == t)
		return 0;
	const char *v = c + cl, *e = t + lab->len;
	while (v < e && (*v == ' ' || *v == '\n' || *v == '\t'))
		v++;
	while (e > v && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t'))
		e--;
	if (v == e)
		return 0;
	char *lk = xmemdup(t, (size_t)(c - t));
	form_fact_text(w, SEC_INFO, form_label_key(&w->tmp, lk), "value", v, (size_t)(e - v), lab,
	               "");
	free(lk);
	return 1;
}

static void pinfo_pair(form_reader *w, cell *lab, cell *v)
{
	const char *unit = form_header_unit(&w->tmp, lab);
	if (*unit) { /* an amount in the header block: project money */
		char *lk = xstrdup(form_labkey(lab->text, &w->tmp));
		*strrchr(lk, '(') = 0; /* the unit's remark (form_header_unit found it) */
		char *lp = form_key_part(lk);
		form_fact(w, SEC_BUDGET, form_join_key(VOCAB_FUNDS_GROUP, lp, NULL), "amount", v,
		          unit);
		free(lp);
		free(lk);
		return;
	}
	cell *val = form_has_text(v) ? v : NULL;
	if (!val && glued_pair(w, lab))
		return;
	const vocab_word *role = vocab_match(vocab_pinfo_roles, form_labkey(lab->text, &w->tmp));
	if (role && role->kind == PI_PROJECT && val && !w->project)
		w->project = val;
	if (role && (role->kind == PI_DEPT || role->kind == PI_DEPT2) && val) {
		int rank = role->kind == PI_DEPT ? 1 : 2;
		if (!w->dept || rank < w->dept_rank)
			w->dept = val, w->dept_rank = rank;
	}
	if (!v) /* no cell for the value (`项目负责人:` alone): at the label */
		form_fact_text(w, SEC_INFO, form_label_key(&w->tmp, lab->text), "value", "", 0, lab,
		               "");
	else
		form_fact(w, SEC_INFO, form_label_key(&w->tmp, lab->text), "value", v, "");
}

void form_read_pinfo(form_reader *w, block *b)
{
	for (int i = 0; i < b->n; i++)
		read_pairs(w, &b->rows[i], pinfo_label, pinfo_pair);
}

/* A year line under the title (`(2017年度)`, `2019 年度`: vocab_year_line):
 * 1, and the year when the title gave none. */
static int year_line(form_reader *w, const char *k)
{
	char y[8];
	if (!vocab_year_line(k, y))
		return 0;
	if (!w->year[0])
		snprintf(w->year, sizeof w->year, "%s", y);
	return 1;
}

/* Is a one-cell line outside the blocks accounted for? It is when it is
 * a year line, or made of a `填报单位:NAME` part naming the department (or
 * the bare name) and/or a `单位:万元` part; the unit is remembered. */
int form_pre_line_ok(form_reader *w, const cell *c)
{
	if (year_line(w, form_labkey(c->text, &w->tmp)))
		return 1;
	char *k = xstrdup(form_labkey(c->text, &w->tmp));
	char *name = k;
	const vocab_word *fl = vocab_match(vocab_filler_line, k);
	if (fl)
		name = k + strlen(fl->word);
	else if (*k) { /* `编制单位:` alone: its key lost the colon (form_labkey) */
		char lab[256];
		snprintf(lab, sizeof lab, "%s:", k);
		fl = vocab_match(vocab_filler_line, lab);
		if (fl && strcmp(fl->word, lab) == 0)
			name = k + strlen(k);
		else
			fl = NULL;
	}
	/* a unit part at the end */
	int unit_ok = 0;
	for (const vocab_word *u = vocab_unit_line; u->word && !unit_ok; u++) {
		char *p = strstr(name, u->word);
		while (p) {
			const char *m = p + strlen(u->word);
			const vocab_money *mu = vocab_find_money(m, strlen(m));
			if (mu && (p == name || p[-1] != ':')) {
				snprintf(w->unit, sizeof w->unit, "%s", mu->unit);
				*p = 0;
				unit_ok = 1;
				break;
			}
			p = strstr(p + 1, u->word);
		}
	}
	int ok = !*name && (unit_ok || fl);
	if (!ok && *name && w->dept)
		ok = strcmp(name, form_labkey(w->dept->text, &w->tmp)) == 0;
	if (!ok && *name && fl && fl->kind == FL_DEPT && !w->dept) {
		/* `预算单位:东莞市交通运输局` names the department when nothing
		 * else does: the name, in a copy of the cell (for src) */
		free(w->dept_text);
		w->dept_text = xstrdup(name);
		w->dept_own = *c;
		w->dept_own.text = w->dept_text;
		w->dept_own.len = strlen(name);
		w->dept = &w->dept_own;
		ok = 1;
	}
	free(k);
	return ok;
}

/* Rows (or cells) nobody used go to extra: key = the row's first non-empty
 * cell, fields c2, c3 ... by position; a first cell left alone (the rest of
 * its row used) is its own value, field cN by its position. */
void form_extra_row(form_reader *w, rowv *r)
{
	int first = -1, left = 0;
	for (int j = 0; j < r->n; j++)
		if (form_has_text(r->c[j])) {
			if (first < 0)
				first = j;
			if (!(r->c[j]->flags & CELL_USED))
				left++;
		}
	if (!left)
		return;
	cell *k = r->c[first];
	for (int j = 0; j < r->n; j++) {
		cell *c = r->c[j];
		if (!form_has_text(c) || (c->flags & CELL_USED))
			continue;
		/* the key cell is a value of its own only when nothing else of
		 * the row is left: then it would appear nowhere */
		if (c == k && left > 1)
			continue;
		char field[16];
		snprintf(field, sizeof field, "c%d", j + 1);
		form_fact(w, SEC_EXTRA, form_key_part(k->text), field, c, "");
		form_use(c);
	}
	form_use(k);
}

/* The self-evaluation total (总分 | 100 | 96 | 优): info 总分, its texts
 * as the fields of vocab_total_fields in order; texts beyond them are left
 * to extra. */
void form_read_total(form_reader *w, block *b)
{
	int k = 0;
	for (int i = 0; i < b->n; i++)
		for (int j = 0; j < b->rows[i].n && vocab_total_fields[k]; j++) {
			cell *c = b->rows[i].c[j];
			if (!form_has_text(c))
				continue;
			form_use(c);
			form_fact(w, SEC_INFO, form_label_key(&w->tmp, b->label->text),
			          vocab_total_fields[k++], c, "");
		}
}
