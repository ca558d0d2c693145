/* SPDX-License-Identifier: MIT */
/* form: grid -> facts, the driver. See form.h.
 *
 * Per document: form_blocks.c cuts it from the grid into blocks (a pure
 * step); the template whose marks the blocks show is chosen
 * (vocab_templates, tried in order: the libarchive bid, as data); each block
 * is read by the reader its kind names (vocab_blocks), the document-naming
 * ones first; whatever non-empty cell is left goes to section extra; the
 * template's required blocks that are missing are warned about; facts.c
 * orders and writes the facts. This file reads no block itself. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "form_int.h"

/* The readers, by enum block_reader (the registration table). */
static form_read_fn *const readers[RD_N] = {
    [RD_DEPT] = form_read_dept,           [RD_INFO] = form_read_info,
    [RD_PINFO] = form_read_pinfo,         [RD_BUDGET] = form_read_budget,
    [RD_FUNDS] = form_read_funds,         [RD_GOAL] = form_read_goal,
    [RD_TASK] = form_read_task,           [RD_OTHER] = form_read_other,
    [RD_INDICATOR] = form_read_indicator, [RD_LTEXT] = form_read_ltext,
    [RD_TOTAL] = form_read_total,
};

static void title_year(const cell *c, char *year)
{
	year[0] = 0;
	for (size_t i = 0; i + 4 < c->len; i++) {
		const char *s = c->text + i;
		if ((s[0] == '1' || s[0] == '2') && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
		    s[2] <= '9' && s[3] >= '0' && s[3] <= '9' && strncmp(s + 4, "年", 3) == 0 &&
		    (i == 0 || s[-1] < '0' || s[-1] > '9')) {
			memcpy(year, s, 4);
			year[4] = 0;
			return;
		}
	}
}

/* The template whose title words the title holds, or whose marks the
 * document's blocks show: the first that fits (the last one always does). */
static const vocab_template *choose_template(const form_doc *d, form_keys *keys)
{
	const char *title = d->title ? form_key(keys, d->title->text) : "";
	const vocab_template *t = vocab_templates;
	for (; t[1].name; t++) {
		for (int k = 0; k < 4 && t->title_words[k]; k++)
			if (strstr(title, t->title_words[k]))
				return t;
		for (const int *m = t->marks; *m; m++)
			for (int i = 0; i < d->nb; i++)
				if (d->b[i].kind == *m)
					return t;
	}
	return t;
}

/* Read every block whose kind is read in pass p (vocab_blocks). */
static void read_pass(form_reader *w, int p)
{
	for (int i = 0; i < w->d->nb; i++) {
		block *b = &w->d->b[i];
		const vocab_block *vb = vocab_block_of(b->kind);
		if (vb && vb->pass == p && readers[vb->reader]) {
			form_block_band(w, b);
			readers[vb->reader](w, b);
		}
	}
}

/* Rows nobody read, and unknown rows, go to extra. */
static void read_rest(form_reader *w)
{
	form_doc *d = w->d;
	for (int i = 0; i < d->npre; i++) {
		cell *c = d->pre[i];
		if (!(c->flags & CELL_USED)) {
			rowv r = {&c, 1};
			form_extra_row(w, &r);
		}
	}
	for (int i = 0; i < d->nb; i++) {
		block *b = &d->b[i];
		for (int j = 0; j < b->n; j++) {
			rowv *r = &b->rows[j];
			if (b->kind == BLK_NONE && b->label) {
				/* key the row by the block's label */
				cell **v = xreallocarray(NULL, (size_t)r->n + 1, sizeof *v);
				v[0] = b->label;
				memcpy(v + 1, r->c, (size_t)r->n * sizeof *v);
				rowv rr = {v, r->n + 1};
				b->label->flags &= ~(unsigned)CELL_USED;
				form_extra_row(w, &rr);
				free(v);
			} else {
				form_extra_row(w, r);
			}
		}
		if (b->kind == BLK_NONE && b->label && !(b->label->flags & CELL_USED)) {
			rowv rr = {&b->label, 1};
			form_extra_row(w, &rr);
		}
	}
}

/* Warn about each block the template requires but this document lacks (a
 * form cut short, or a label spelled in a way vocab.c does not know): its
 * facts are not there, and nothing else would say so. */
static void warn_missing(form_reader *w)
{
	form_doc *d = w->d;
	unsigned have = 0;
	long line = d->title ? d->title->line : 0;
	for (int i = 0; i < d->nb; i++) {
		have |= 1u << d->b[i].kind;
		if (!line && d->b[i].label)
			line = d->b[i].label->line;
	}
	for (const int *k = w->tpl->required; *k; k++) {
		if (have & (1u << *k))
			continue;
		const vocab_block *vb = vocab_block_of(*k);
		int facts = 0; /* its facts may come from elsewhere (money in a header) */
		for (long i = 0; vb && i < w->facts.n && !facts; i++)
			facts = w->facts.f[i].sec == vb->sec;
		if (facts)
			continue;
		warn_add(&w->st->warn, line, "form has no %s section", vb ? vb->name : "?");
	}
}

/* Read one document cut by form_cut_next and write its facts. */
static void read_doc(form_reader *w, form_doc *d, FILE *out)
{
	w->d = d;
	w->st->docs++;
	w->tpl = choose_template(d, w->keys);
	memset(w->goal_no, 0, sizeof w->goal_no);
	w->last_goal[0] = 0;
	w->dept = NULL, w->project = NULL, w->dept_rank = 0;
	w->year[0] = 0, w->unit[0] = 0;
	if (d->title) {
		form_use(d->title);
		title_year(d->title, w->year);
		form_fact(w, SEC_META, xstrdup("title"), "text", d->title, "");
	}
	/* FORMAT.md 2c: the family, right after the title, for every family
	 * but A (the contract's own form, whose facts stay exactly those of
	 * section 2); its src is the title's, else the first block label's */
	if (w->tpl->family != 'A') {
		char fam[2] = {w->tpl->family, 0};
		const cell *fat = d->title;
		for (int i = 0; i < d->nb && !fat; i++)
			fat = d->b[i].label;
		form_fact_text(w, SEC_META, xstrdup("family"), "text", fam, 1, fat, "");
	}
	if (d->dept) { /* the department met while cutting comes first */
		w->dept = d->dept;
		form_use(d->dept);
	}
	/* the blocks that name the document, then the one-cell lines (which
	 * the department decides, and which give project amounts their unit),
	 * then the rest in document order */
	read_pass(w, 1);
	read_pass(w, 2);
	for (int i = 0; i < d->npre; i++)
		if (form_pre_line_ok(w, d->pre[i]))
			form_use(d->pre[i]);
	if (!w->year[0] && w->o->year) /* after the year lines */
		snprintf(w->year, sizeof w->year, "%s", w->o->year);
	read_pass(w, 0);
	read_rest(w);
	warn_missing(w);

	char docid[4096];
	if (w->st->docs <= 1)
		snprintf(docid, sizeof docid, "%s", w->o->doc);
	else
		snprintf(docid, sizeof docid, "%s#%d", w->o->doc, w->st->docs);
	char *dept = w->dept ? form_flat_text(w->dept) : xstrdup("");
	char *project = w->project ? form_flat_text(w->project) : xstrdup("");
	facts_write(&w->facts, out, docid, w->year, dept, project);
	free(dept);
	free(project);
	facts_reset(&w->facts);
	form_fit_free(w);
}

int form_extract(grid *g, const form_opts *o, FILE *out, form_stats *st)
{
	form_keys keys = {0};
	form_cutter c = {0};
	c.g = g;
	c.st = st;
	c.keys = &keys;
	form_doc d = {0};
	form_reader w = {0};
	w.o = o;
	w.st = st;
	w.keys = &keys;
	while (form_cut_next(&c, &d)) {
		read_doc(&w, &d, out);
		form_keys_reset(&keys);
	}
	form_keys_free(&keys);
	form_doc_free(&d);
	facts_free(&w.facts);
	buf_free(&w.tmp);
	buf_free(&w.tmp2);
	free(w.dept_text);
	buf_free(&c.tmp);
	buf_free(&c.rowt);
	return st->docs;
}
