/* SPDX-License-Identifier: MIT */
/* form_ind: the reader of 绩效指标 blocks: a header row gives the column
 * roles (levels, name, value, 指标性质, unit, other columns as fields), level
 * names are filled down, and a row that lost its leading cells is read by
 * what its cells say. It adds facts from blocks already cut. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "text.h"

/* A level cell's canonical text without its score band (in w->tmp's
 * second half: tmp2); *band gets the band (new string) or NULL. */
static char *level_key(form_reader *w, const cell *c, char **band)
{
	char *k = xstrdup(form_key(w->keys, c->text));
	size_t n = form_band(k, band);
	k[n] = 0;
	return k;
}

static int level_of(form_reader *w, const cell *c)
{
	if (!form_has_text(c))
		return 0;
	char *band, *k = level_key(w, c, &band);
	const vocab_word *v = vocab_match(vocab_indicator_levels, k);
	free(k);
	free(band);
	return v ? v->kind : 0;
}

/* A level's key part (canonical, band left out); its band, if any, becomes
 * field band of key (FORMAT.md 2c). New string. */
static char *level_part(form_reader *w, cell *c, const char *l1)
{
	char *band, *k = level_key(w, c, &band);
	char *part = form_key_part(k);
	free(k);
	if (band) {
		char *key = l1 ? form_join_key(l1, part, NULL) : xstrdup(part);
		form_fact_text(w, SEC_INDICATOR, key, "band", band, strlen(band), c, "");
		free(band);
	}
	return part;
}

/* An indicator name's key part: canonical, leading core marks (★) left
 * out and returned in *mark (new string) or NULL. New string. */
static char *name_part(form_reader *w, const cell *c, char **mark)
{
	const char *k = form_key(w->keys, c->text), *m = VOCAB_CORE_MARK;
	size_t ml = strlen(m), i = 0;
	while (strncmp(k + i, m, ml) == 0)
		i += ml;
	*mark = i && k[i] ? xmemdup(k, i) : NULL;
	return form_key_part(*mark ? k + i : k);
}

/* An extra column's field name: canonical (FORMAT.md 2c). New string. */
static char *field_name(form_reader *w, const cell *c)
{
	const char *k = form_key(w->keys, c->text);
	const char *canon = vocab_syn_match(vocab_indicator_fields, k);
	return form_key_part(canon ? canon : k);
}

/* Long-term and annual columns side by side (二级/三级/指标值 twice): the
 * annual set keeps its roles (its value is value); the long-term set's value
 * becomes field 实施期指标值 and its level/name columns shadow the annual
 * ones (shadow[j] = 1 + the annual column), a field only where they differ.
 * The long-term set is the one whose value header says so (长期, 中期,
 * 实施期 ...), else the first. */
static void side_by_side(form_reader *w, const rowv *r, int *role, char **hname, int *shadow)
{
	int v1 = form_col_of(role, r->n, IR_VALUE), v2 = -1;
	for (int j = v1 + 1; v1 >= 0 && j < r->n && v2 < 0; j++)
		if (role[j] == IR_VALUE)
			v2 = j;
	if (v2 < 0)
		return;
	/* the second set starts at the first level/name column after v1 */
	int s2 = v1 + 1;
	while (s2 < v2 && role[s2] != IR_L2 && role[s2] != IR_L3)
		s2++;
	int long2 = vocab_contains(vocab_long_words, form_key(w->keys, r->c[v2]->text)) &&
	            !vocab_contains(vocab_long_words, form_key(w->keys, r->c[v1]->text));
	int a0 = long2 ? s2 : 0, a1 = long2 ? r->n : s2; /* the long-term set */
	for (int j = a0; j < a1; j++) {
		if (role[j] == IR_VALUE) {
			role[j] = 0;
			hname[j] = xstrdup(VOCAB_LONG_VALUE_FIELD);
		} else if (role[j] == IR_L2 || role[j] == IR_L3) {
			int want = role[j], twin = -1;
			for (int k = long2 ? 0 : s2; k < (long2 ? s2 : r->n) && twin < 0; k++)
				if (role[k] == want)
					twin = k;
			role[j] = 0;
			hname[j] = xstrdup(want == IR_L2 ? VOCAB_LONG_PREFIX "二级指标"
			                                 : VOCAB_LONG_PREFIX "三级指标");
			shadow[j] = twin + 1;
		}
	}
}

size_t form_prose_level(form_keys *keys, const char *text, int *kind)
{
	const char *k = form_key(keys, text), *colon = strchr(k, ':');
	if (!colon || colon == k || !colon[1])
		return 0;
	char *word = xmemdup(k, (size_t)(colon - k)), *band;
	word[form_band(word, &band)] = 0;
	const vocab_word *v = vocab_match(vocab_indicator_levels, word);
	free(word);
	free(band);
	if (!v)
		return 0;
	*kind = v->kind;
	size_t cl;
	const char *c = form_colon(text, &cl); /* the raw text's colon */
	return c ? (size_t)(c - text) + cl : 0;
}

/* A prose indicator (`质量指标:…合格率达100%`, one sentence per level):
 * key L1|L2 (or L1), the sentence after the colon its value (FORMAT.md
 * 2c). The level before the colon sets l1 or l2 as a level cell would. */
static void prose_indicator(form_reader *w, cell *c, size_t at, int kind, char **l1, char **l2)
{
	char *band, *k = xstrdup(form_key(w->keys, c->text));
	*strchr(k, ':') = 0;
	k[form_band(k, &band)] = 0;
	char *part = form_key_part(k);
	if (kind == IR_L12)
		kind = **l1 ? IR_L2 : IR_L1;
	char *key;
	if (kind == IR_L1) {
		free(*l1);
		*l1 = part;
		free(*l2);
		*l2 = xstrdup("");
		key = xstrdup(part);
	} else {
		free(*l2);
		*l2 = part;
		key = form_join_key(*l1, part, NULL);
	}
	if (band)
		form_fact_text(w, SEC_INDICATOR, xstrdup(key), "band", band, strlen(band), c, "");
	const char *v = c->text + at;
	size_t n = c->len - at;
	while (n && (*v == ' ' || *v == '\n'))
		v++, n--;
	form_use(c);
	form_fact_text(w, SEC_INDICATOR, key, "value", v, n, c, "");
	free(band);
	free(k);
}

/* A row whose last text is a prose indicator, after level names only
 * (`产出指标 | 质量指标:…`): the levels are read, then the prose. Returns 1
 * when the row was one. */
static int prose_row(form_reader *w, rowv *r, int i0, char **l1, char **l2)
{
	int last = -1, pk = 0;
	for (int j = i0; j < r->n; j++)
		if (form_has_text(r->c[j]))
			last = j;
	size_t at = last >= 0 ? form_prose_level(w->keys, r->c[last]->text, &pk) : 0;
	for (int j = i0; at && j < last; j++)
		if (form_has_text(r->c[j]) && !level_of(w, r->c[j]))
			return 0;
	if (!at)
		return 0;
	for (int j = i0; j < last; j++) {
		cell *c = r->c[j];
		int lv = level_of(w, c);
		if (!lv)
			continue;
		if (lv == IR_L12)
			lv = j < last - 1 ? IR_L1 : IR_L2;
		form_use(c);
		if (lv == IR_L1) {
			free(*l1), free(*l2);
			*l1 = level_part(w, c, NULL);
			*l2 = xstrdup("");
		} else {
			free(*l2);
			*l2 = level_part(w, c, *l1);
		}
	}
	prose_indicator(w, r->c[last], at, pk, l1, l2);
	return 1;
}

/* Is row r the upper row of an indicator header written in two rows: its
 * texts all header words that are no level column's (年度指标值) or extra
 * columns' names (实际完成值, 分值 ...), at least one, besides the table's
 * label (绩效指标, over the level columns), and the next row a header row
 * with a level column (一级指标 ...)? */
static int upper_head(form_reader *w, block *b, int i)
{
	if (i + 1 >= b->n)
		return 0;
	rowv *r = &b->rows[i], *next = &b->rows[i + 1];
	int words = 0;
	for (int j = 0; j < r->n; j++) {
		if (!form_has_text(r->c[j]))
			continue;
		const char *k = form_labkey(r->c[j]->text, &w->tmp);
		const vocab_word *v = vocab_match(vocab_indicator_headers, k),
		                 *bl = vocab_match(vocab_block_labels, k);
		if (bl && bl->kind == BLK_INDICATOR)
			continue; /* the table's label again, over the level columns */
		if (v ? v->kind == IR_L1 || v->kind == IR_L2 || v->kind == IR_L3
		      : !vocab_syn_match(vocab_indicator_fields, k))
			return 0;
		words++;
	}
	if (!words)
		return 0;
	int *nr = xcalloc((size_t)(next->n ? next->n : 1), sizeof *nr);
	int ok = form_find_roles(w, next, vocab_indicator_headers, nr, NULL) >= 2 &&
	         (form_col_of(nr, next->n, IR_L1) >= 0 || form_col_of(nr, next->n, IR_L2) >= 0);
	free(nr);
	return ok;
}

/* A two-row header's lower row r (role, hname: its columns' roles and
 * names) under its upper row up: a column the lower row leaves unnamed (a
 * row-span copy of the upper cell, or empty) takes the upper cell's name,
 * its role when the lower row has none such, else its extra column's name
 * (实际完成值 over both rows). */
static void upper_names(form_reader *w, const rowv *up, const rowv *r, int *role, char **hname)
{
	for (int j = 0; j < r->n && j < up->n; j++) {
		cell *u = up->c[j];
		if (role[j] || hname[j] || form_has_text(r->c[j]) || !form_has_text(u))
			continue;
		const vocab_word *v =
		    vocab_match(vocab_indicator_headers, form_labkey(u->text, &w->tmp));
		if (v && form_col_of(role, r->n, v->kind) < 0)
			role[j] = v->kind;
		else
			hname[j] = field_name(w, u);
	}
}

void form_read_indicator(form_reader *w, block *b)
{
	int nrole = 4;
	int *role = xcalloc(4, sizeof *role);
	char **hname = xcalloc(4, sizeof *hname);
	role[0] = IR_L1, role[1] = IR_L2, role[2] = IR_L3, role[3] = IR_VALUE;
	char *l1 = xstrdup(""), *l2 = xstrdup("");
	form_fit_indicator(w, b);
	int *shadow = xcalloc(4, sizeof *shadow);
	int up = -1; /* the row before, when it is a two-row header's upper row */
	for (int i = 0; i < b->n; i++) {
		rowv *r = &b->rows[i];
		if (upper_head(w, b, i)) {
			/* its words name the columns of the header row after it */
			for (int j = 0; j < r->n; j++)
				if (form_has_text(r->c[j]))
					form_use(r->c[j]);
			up = i;
			continue;
		}
		int *nr = xcalloc((size_t)(r->n ? r->n : 1), sizeof *nr);
		if (form_find_roles(w, r, vocab_indicator_headers, nr, NULL) >= 2) {
			for (int j = 0; j < nrole; j++)
				free(hname[j]);
			free(role);
			free(hname);
			role = nr;
			nrole = r->n;
			hname = xcalloc((size_t)(nrole ? nrole : 1), sizeof *hname);
			free(shadow);
			shadow = xcalloc((size_t)(nrole ? nrole : 1), sizeof *shadow);
			if (up == i - 1 && up >= 0)
				upper_names(w, &b->rows[up], r, role, hname);
			side_by_side(w, r, role, hname, shadow);
			for (int j = 0; j < r->n; j++) {
				cell *c = r->c[j];
				if (!form_has_text(c))
					continue;
				form_use(c);
				if (!role[j] && !hname[j])
					hname[j] = field_name(w, c);
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
		if (prose_row(w, r, i0, &l1, &l2))
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
			l1 = level_part(w, L1, NULL);
			form_use(L1);
			if (!form_has_text(L2) && !(L2 && (L2->flags & CELL_VSPAN))) {
				free(l2);
				l2 = xstrdup("");
			}
		}
		if (form_has_text(L2)) {
			free(l2);
			l2 = level_part(w, L2, l1);
			form_use(L2);
		}
		if (!form_has_text(L3) && !form_has_text(V))
			continue;
		form_use(L3);
		char *mark = NULL;
		char *l3 = form_has_text(L3) ? name_part(w, L3, &mark) : xstrdup("");
		/* a row without a name (its cell lost): key L1|L2, as a prose
		 * indicator's (FORMAT.md 2c) */
		char *key = form_join_key(l1, l2, *l3 ? l3 : NULL);
		free(l3);
		cell *nat = cn >= 0 ? form_at(r, cn + off) : NULL,
		     *un = cu >= 0 ? form_at(r, cu + off) : NULL;
		if (nat || un) {
			buf v = {0};
			int qual = form_has_text(nat) &&
			           vocab_match(vocab_qualitative, form_key(w->keys, nat->text));
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
		if (mark)
			form_fact_text(w, SEC_INDICATOR, xstrdup(key), "mark", mark, strlen(mark),
			               L3, "");
		free(mark);
		/* extra columns, named by their header */
		for (int j = 0; j < nrole; j++) {
			if (!hname[j])
				continue;
			cell *c = form_at(r, j + off);
			form_use(c);
			if (shadow[j]) { /* a long-term name: a field only when it differs */
				cell *a = form_at(r, shadow[j] - 1 + off);
				if (!form_has_text(c) ||
				    (form_has_text(a) &&
				     strcmp(form_key(w->keys, a->text),
				            form_labkey(c->text, &w->tmp2)) == 0))
					continue;
			}
			form_fact(w, SEC_INDICATOR, xstrdup(key), hname[j], c, "");
		}
	}
	for (int j = 0; j < nrole; j++)
		free(hname[j]);
	free(hname);
	free(role);
	free(shadow);
	free(l1);
	free(l2);
}
