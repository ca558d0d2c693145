/* form_ind: the reader of 绩效指标 blocks: a header row gives the column
 * roles (levels, name, value, 指标性质, unit, other columns as fields), level
 * names are filled down, and a row that lost its leading cells is read by
 * what its cells say. It adds facts from blocks already cut. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "text.h"

static int level_of(form_reader *w, const cell *c)
{
	return form_word_kind(&w->tmp, c, vocab_indicator_levels);
}

void form_read_indicator(form_reader *w, block *b)
{
	int nrole = 4;
	int *role = xcalloc(4, sizeof *role);
	char **hname = xcalloc(4, sizeof *hname);
	role[0] = IR_L1, role[1] = IR_L2, role[2] = IR_L3, role[3] = IR_VALUE;
	char *l1 = xstrdup(""), *l2 = xstrdup("");
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		int *nr = xcalloc((size_t)(r->n ? r->n : 1), sizeof *nr);
		if (form_find_roles(w, r, vocab_indicator_headers, nr, NULL) >= 2) {
			for (int j = 0; j < nrole; j++)
				free(hname[j]);
			free(role);
			free(hname);
			role = nr;
			nrole = r->n;
			hname = xcalloc((size_t)(nrole ? nrole : 1), sizeof *hname);
			for (int j = 0; j < r->n; j++) {
				cell *c = r->c[j];
				if (!form_has_text(c))
					continue;
				form_use(c);
				if (!role[j])
					hname[j] = form_flat_text(c);
			}
			continue;
		}
		free(nr);
		int c1 = form_col_of(role, nrole, IR_L1), c2 = form_col_of(role, nrole, IR_L2);
		int c3 = form_col_of(role, nrole, IR_L3), cv = form_col_of(role, nrole, IR_VALUE);
		int cn = form_col_of(role, nrole, IR_NATURE),
		    cu = form_col_of(role, nrole, IR_UNIT);
		/* Is the row where the header says? A row that lost cells at its
		 * start shows a level-2 name (or a name) in the level-1 column. */
		int i0 = 0;
		while (i0 < r->n && !form_has_text(r->c[i0]) && !(r->c[i0]->flags & CELL_VSPAN))
			i0++;
		if (i0 >= r->n)
			continue;
		/* 成本指标 is level 1 on project forms (经济成本指标 ... under it) and
		 * level 2 under 产出指标 elsewhere: level 1 only when a level-2
		 * name follows it. */
		int lv0 = level_of(w, r->c[i0]);
		if (lv0 == IR_L12) {
			int next = i0 + 1;
			while (next < r->n && !form_has_text(r->c[next]))
				next++;
			lv0 = level_of(w, form_at(r, next)) == IR_L2 ? IR_L1 : IR_L2;
		}
		int shift = c1 >= 0 && i0 == c1 && lv0 != IR_L1 && c2 >= 0 &&
		            !form_has_text(form_at(r, c2)) &&
		            !(form_at(r, c2) && (form_at(r, c2)->flags & CELL_VSPAN));
		cell *L1 = NULL, *L2 = NULL, *L3 = NULL;
		int off = 0; /* how far the row's name and value sit from their columns */
		if (!shift) {
			L1 = form_at(r, c1), L2 = form_at(r, c2), L3 = form_at(r, c3);
		} else {
			/* A row that lost cells at its start: read the level names by
			 * their words; the first other text is the name, and the cells
			 * after it keep their places relative to it. */
			int j = i0;
			for (; j < r->n; j++) {
				cell *c = r->c[j];
				int lv = j == i0 ? lv0 : level_of(w, c);
				if (lv == IR_L12)
					lv = L1 ? IR_L2 : IR_L1;
				if (lv == IR_L1)
					L1 = c;
				else if (lv == IR_L2)
					L2 = c;
				else if (form_has_text(c))
					break;
			}
			L3 = form_at(r, j);
			off = j - c3;
		}
		cell *V = form_at(r, cv >= 0 ? cv + off : -1);
		if (form_has_text(L1)) {
			free(l1);
			l1 = form_key_part(L1->text);
			form_use(L1);
			if (!form_has_text(L2) && !(L2 && (L2->flags & CELL_VSPAN))) {
				free(l2);
				l2 = xstrdup("");
			}
		}
		if (form_has_text(L2)) {
			free(l2);
			l2 = form_key_part(L2->text);
			form_use(L2);
		}
		if (!form_has_text(L3) && !form_has_text(V))
			continue;
		form_use(L3);
		char *l3 = form_has_text(L3) ? form_key_part(L3->text) : xstrdup("");
		char *key = form_join_key(l1, l2, l3);
		free(l3);
		cell *nat = cn >= 0 ? form_at(r, cn + off) : NULL,
		     *un = cu >= 0 ? form_at(r, cu + off) : NULL;
		if (nat || un) {
			buf v = {0};
			int qual = form_has_text(nat) &&
			           vocab_match(vocab_qualitative, form_labkey(nat->text, &w->tmp));
			int cmpword = form_has_text(nat) && !qual;
			if (cmpword)
				buf_add(&v, nat->text, nat->len);
			if (form_has_text(V))
				buf_add(&v, V->text, V->len);
			if (!qual && form_has_text(un))
				buf_add(&v, un->text, un->len);
			form_use(nat), form_use(un), form_use(V);
			form_fact_text(w, SEC_INDICATOR, key, "value", buf_str(&v), v.len,
			               form_has_text(V) ? V : L3, "");
			buf_free(&v);
		} else {
			form_use(V);
			form_fact(w, SEC_INDICATOR, key, "value", V, "");
		}
		/* extra columns, named by their header */
		for (int j = 0; j < nrole; j++) {
			if (!hname[j])
				continue;
			cell *c = form_at(r, j + off);
			form_use(c);
			form_fact(w, SEC_INDICATOR, xstrdup(key), hname[j], c, "");
		}
	}
	for (int j = 0; j < nrole; j++)
		free(hname[j]);
	free(hname);
	free(role);
	free(l1);
	free(l2);
}
