/* SPDX-License-Identifier: MIT */
/* cells: the "nothing lost" check. `cells DOC` lists the non-empty cell
 * texts of a document as pg-extract's readers see them (the reader
 * reader.c picks: text through enc and html or dsv, HTML tables inside cells
 * expanded; workbooks, every sheet; DOCX), one "LINE<TAB>TEXT" a line, text
 * escaped as in the fact stream. `cells DOC FACTS` prints only the cells that
 * nothing in FACTS (pg-extract's output for DOC) or the vocabulary accounts
 * for, and exits 1 when there are any. A cell is accounted for when, compared
 * without blanks and with full-width ASCII folded, it equals a fact's value,
 * a part of a key, a field name or a vocabulary word; or is a piece of a
 * value (指标性质 + 指标值 + 度量单位 are joined); or holds a value of 6 bytes
 * or more (goals split at their markers). It reads through the library, so a
 * cell the readers themselves drop is not seen here: that is what the
 * readers' own limits and warnings are for. Tables inside a page's table
 * cells are rows of the grid (html.h), so their cells are checked like the
 * others; so is a flat copy's cell its HTML row lacks (read as extra).
 * Text whose grid was lost (regrid.h: one cell per line, pipes, a browser
 * copy) is checked a step earlier too, apart from the library's cutting:
 * each non-empty piece of the decoded text as its shape cuts it (a line, a
 * piece between pipes, a TAB field) must be inside a grid cell of its line
 * (or of a cell joined over lines that starts before it), so that no piece
 * is lost between the text and the grid (text_pieces); a piece cut into
 * consecutive cells of its line (pairsplit.h) is found in those cells run
 * together in reading order; a line of a form glued onto one line
 * (glued.h) must be covered by its line's cells, each a part of it, their
 * lengths adding up to the line's; a line of cells separated by single
 * spaces (sprow.h) is one piece, which its line's cells run together hold.
 * tests/cli/hostile-html.sh runs it over the hostile inputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enc.h"
#include "extract.h"
#include "reader.h"
#include "grid.h"
#include "form.h"
#include "hant.h"
#include "html.h"
#include "regrid.h"
#include "textdoc.h"
#include "tsv.h"
#include "util.h"
#include "vocab.h"

typedef struct {
	char **v;
	size_t n, cap;
} list;

static void add(list *l, char *s)
{
	if (l->n == l->cap)
		l->v = xreallocarray(l->v, l->cap = l->cap ? l->cap * 2 : 256, sizeof *l->v);
	l->v[l->n++] = s;
}

/* Comparable form: blanks dropped, U+FF01..U+FF5E folded to ASCII. */
static char *norm(const char *s, size_t n)
{
	buf b = {0};
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t k;
		long cp = utf8_decode(u + i, n - i, &k);
		if (cp < 0)
			cp = 0xFFFD, k = 1;
		i += k;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
		    cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF)
			continue;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		utf8_put(&b, cp);
	}
	buf_addc(&b, 0);
	return b.s;
}

static void vocab_words(list *w)
{
	const vocab_word *tables[] = {
	    vocab_block_labels, vocab_budget_groups,     vocab_amount_headers,
	    vocab_task_headers, vocab_indicator_headers, vocab_indicator_levels,
	    vocab_qualitative,  vocab_goal_headers,      vocab_pinfo_roles,
	    vocab_funds_drop,   vocab_funds_year_cols,   vocab_unit_line,
	    vocab_filler_line,  vocab_title_words};
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
		for (const vocab_word *v = tables[t]; v->word; v++)
			add(w, norm(v->word, strlen(v->word)));
	for (const vocab_money *m = vocab_money_units; m->unit; m++) /* `单位:元` */
		add(w, norm(m->unit, strlen(m->unit)));
	add(w, norm(VOCAB_FUNDS_GROUP, strlen(VOCAB_FUNDS_GROUP)));
	add(w, norm(VOCAB_GOAL_LONG_KEY, strlen(VOCAB_GOAL_LONG_KEY)));
}

static void read_facts(const char *path, list *tokens, list *values)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		exit(2);
	}
	tsv_reader r;
	tsv_reader_init(&r, fp, path, FACT_HEADER);
	int rc;
	while ((rc = tsv_read(&r)) == 1) {
		char *key = r.f[COL_KEY];
		for (char *p = key;;) {
			char *bar = strchr(p, '|');
			add(tokens, norm(p, bar ? (size_t)(bar - p) : strlen(p)));
			if (!bar)
				break;
			p = bar + 1;
		}
		add(tokens, norm(r.f[COL_FIELD], r.len[COL_FIELD]));
		add(tokens, norm(r.f[COL_DEPT], r.len[COL_DEPT]));
		add(tokens, norm(r.f[COL_PROJECT], r.len[COL_PROJECT]));
		if (r.len[COL_YEAR]) { /* a year line under the title */
			char y[64];
			snprintf(y, sizeof y, "(%s" VOCAB_YEAR_WORD ")", r.f[COL_YEAR]);
			add(tokens, xstrdup(y));
			y[strlen(y) - 1] = 0; /* without brackets */
			add(tokens, xstrdup(y + 1));
			/* `2021年` and `(2021年)`, which form_pairs.c's year_line
			 * takes too */
			snprintf(y, sizeof y, "(%s年)", r.f[COL_YEAR]);
			add(tokens, xstrdup(y));
			y[strlen(y) - 1] = 0;
			add(tokens, xstrdup(y + 1));
			/* `2017年度)`: the opening bracket lost (year_line too) */
			snprintf(y, sizeof y, "%s" VOCAB_YEAR_WORD ")", r.f[COL_YEAR]);
			add(tokens, xstrdup(y));
		}
		char *v = norm(r.f[COL_VALUE], r.len[COL_VALUE]);
		add(tokens, xstrdup(v));
		add(values, v);
	}
	if (rc < 0) {
		fprintf(stderr, "cells: %s:%ld: %s\n", path, r.line, r.err);
		exit(2);
	}
	tsv_reader_free(&r);
	fclose(fp);
}

static list vocab; /* the vocabulary words alone */

static int accounted(const char *c, const list *tokens, const list *values)
{
	/* a task name keyed without its `任务N:` (pg-extract's own rule) */
	long num;
	size_t pl = form_task_prefix(c, strlen(c), &num);
	if (pl && c[pl] && accounted(c + pl, tokens, values))
		return 1;
	/* an item number (`1、`), the year's amount column header (its facts
	 * are field amount), synonyms of field names */
	size_t in = form_item_number(c);
	if (in)
		return accounted(c + in, tokens, values);
	if (vocab_match(vocab_funds_year_cols, c))
		return 1;
	if (vocab_syn_match(vocab_indicator_fields, c) || vocab_syn_match(vocab_funds_groups, c) ||
	    vocab_syn_match(vocab_funds_col_syn, c))
		return 1;
	/* a label that lost characters (`绩???效???指???标`) */
	buf lost = {0};
	const char *lk = form_lost_key(c, &lost);
	int lost_ok = lk && accounted(lk, tokens, values);
	buf_free(&lost);
	if (lost_ok)
		return 1;
	/* a label with a money unit remark: `中期市财政预算(万元)`, or the
	 * remark alone on its line (`(万元)`, the label's unit) */
	size_t cn = strlen(c);
	const char *par = strrchr(c, '(');
	if (par == c && c[cn - 1] == ')' && vocab_find_money(c + 1, cn - 2))
		return 1;
	if (par && par > c && c[cn - 1] == ')' &&
	    vocab_find_money(par + 1, (size_t)(c + cn - 1 - (par + 1)))) {
		char *label = xmemdup(c, (size_t)(par - c));
		int ok = accounted(label, tokens, values);
		free(label);
		if (ok)
			return 1;
	}
	/* a label and its amount in one cell (`资金总额:704`, family B) */
	const char *colon = strchr(c, ':');
	if (colon && colon > c) {
		char *label = xmemdup(c, (size_t)(colon - c));
		int ok = accounted(label, tokens, values) &&
		         (!colon[1] || accounted(colon + 1, tokens, values));
		free(label);
		if (ok)
			return 1;
	}
	/* a required-field star, core marks, a score band (FORMAT.md 2c) */
	if (*c == '*' && c[1])
		return accounted(c + 1, tokens, values);
	size_t ml = strlen(VOCAB_CORE_MARK), m = 0;
	while (strncmp(c + m, VOCAB_CORE_MARK, ml) == 0)
		m += ml;
	if (m && c[m])
		return accounted(c + m, tokens, values);
	char *band;
	size_t bl = form_band(c, &band);
	if (band) {
		char *label = xmemdup(c, bl);
		int ok = accounted(label, tokens, values) && accounted(band, tokens, values);
		free(label);
		free(band);
		if (ok)
			return 1;
	}
	/* a label with a unit or a prefix: `预算金额(万元)`, `其中:财政拨款` */
	for (size_t i = 0; i < vocab.n; i++) {
		size_t k = strlen(vocab.v[i]);
		if (k == 0 || strncmp(c, vocab.v[i], k) != 0 || !c[k])
			continue;
		const char *rest = c + k;
		if (*rest == '(' && strchr(rest, ')') && strchr(rest, ')')[1] == 0)
			return 1;
		if (accounted(rest, tokens, values))
			return 1;
	}
	for (size_t i = 0; i < tokens->n; i++)
		if (strcmp(c, tokens->v[i]) == 0)
			return 1;
	for (size_t i = 0; i < values->n; i++) {
		const char *v = values->v[i];
		if (*v && (strstr(v, c) || (strlen(v) >= 6 && strstr(c, v))))
			return 1;
	}
	return 0;
}

static int bad;

static void walk(const grid *g, const list *tokens, const list *values, int check)
{
	for (int i = 0; i < g->n; i++)
		for (int j = 0; j < g->rows[i].n; j++) {
			const cell *c = &g->rows[i].cells[j];
			if (c->sub) { /* a cell holding a table: its cells count */
				walk(c->sub, tokens, values, check);
				continue;
			}
			if (!c->len)
				continue;
			if (check) {
				char *n = norm(c->text, c->len);
				int ok = accounted(n, tokens, values);
				if (!ok) { /* a label in traditional characters: keyed folded */
					hant_fold(n, strlen(n));
					ok = accounted(n, tokens, values);
				}
				free(n);
				if (ok)
					continue;
				bad = 1;
			}
			printf("%ld\t", c->line);
			tsv_escape(stdout, c->text, c->len);
			putchar('\n');
		}
}

/* A grid cell of lost-grid text: its first line, its text normalised. */
typedef struct {
	long line;
	char *t;
	int multi;  /* joined over lines (its text holds a line break) */
	size_t seq; /* its place in the grids' reading order */
} gcell;

static void gather(const grid *g, gcell **v, size_t *n, size_t *cap)
{
	for (int i = 0; i < g->n; i++)
		for (int j = 0; j < g->rows[i].n; j++) {
			const cell *c = &g->rows[i].cells[j];
			if (c->sub)
				gather(c->sub, v, n, cap);
			if (!c->len)
				continue;
			if (*n == *cap)
				*v = xreallocarray(*v, *cap = *cap ? *cap * 2 : 256, sizeof **v);
			(*v)[*n] = (gcell){c->line, norm(c->text, c->len),
			                   memchr(c->text, '\n', c->len) != NULL, *n};
			(*n)++;
		}
}

static int by_line(const void *a, const void *b)
{
	const gcell *x = a, *y = b;
	if (x->line != y->line)
		return (x->line > y->line) - (x->line < y->line);
	return (x->seq > y->seq) - (x->seq < y->seq); /* reading order in a line */
}

/* Lost-grid text (the text reader's regrid path: not a page, and
 * regrid_sniff names a shape): print each non-empty piece of the text that
 * no grid cell holds (a cell of its line, or a cell joined over lines that
 * starts before it) and return how many. Other inputs: 0. */
static int text_pieces(const char *data, size_t n, const reader_out *ro)
{
	if (reader_pick(data, n)->read != textdoc_read)
		return 0;
	enc_result er;
	if (enc_decode(data, n, &er) < 0)
		return 0;
	int shape = html_sniff(er.text, er.len) ? REGRID_NONE : regrid_sniff(er.text, er.len);
	if (shape != REGRID_LINES && shape != REGRID_PIPES && shape != REGRID_COPY &&
	    shape != REGRID_GLUED && shape != REGRID_SPROW) {
		enc_result_free(&er);
		return 0;
	}
	gcell *v = NULL;
	size_t nv = 0, cap = 0, lost = 0;
	for (int i = 0; i < ro->n; i++)
		gather(ro->g[i], &v, &nv, &cap);
	qsort(v, nv, sizeof *v, by_line);
	int sep = shape == REGRID_PIPES ? '|' : shape == REGRID_COPY ? '\t' : 0;
	const char *t = er.text, *e = er.text + er.len;
	size_t at = 0; /* the first cell of the current line or after */
	for (long line = 1; t < e || line == 1; line++) {
		const char *eol = t;
		while (eol < e && *eol != '\n' && *eol != '\r')
			eol++;
		while (at < nv && v[at].line < line)
			at++;
		for (const char *p = t; p <= eol;) {
			const char *q = sep ? memchr(p, sep, (size_t)(eol - p)) : NULL;
			if (!q)
				q = eol;
			char *piece = norm(p, (size_t)(q - p));
			int found = !*piece || strcmp(piece, "\xEF\xBF\xBD") == 0;
			for (size_t k = at; !found && k < nv && v[k].line == line; k++)
				found = strstr(v[k].t, piece) != NULL;
			for (size_t k = at; !found && k-- > 0;)
				found = v[k].multi && strstr(v[k].t, piece) != NULL;
			/* a glued line (cut at its words by the library): the
			 * line's cells, each a part of it, cover all of it */
			size_t covered = 0;
			for (size_t k = at;
			     !found && shape == REGRID_GLUED && k < nv && v[k].line == line; k++)
				if (strstr(piece, v[k].t))
					covered += strlen(v[k].t);
			found |= covered >= strlen(piece);
			if (!found) {
				/* a cell cut into consecutive cells of its line (a label
				 * glued to its value, regrid's pairsplit): the line's
				 * cells run together, in reading order, hold it */
				size_t len = 0;
				for (size_t k = at; k < nv && v[k].line == line; k++)
					len += strlen(v[k].t);
				char *all = xmalloc(len + 1);
				all[0] = 0;
				for (size_t k = at, o = 0; k < nv && v[k].line == line; k++) {
					size_t m = strlen(v[k].t);
					memcpy(all + o, v[k].t, m + 1);
					o += m;
				}
				found = strstr(all, piece) != NULL;
				free(all);
			}
			if (!found) {
				printf("%ld\t", line);
				tsv_escape(stdout, p, (size_t)(q - p));
				fputs("\t(lost between the text and the grid)\n", stdout);
				lost++;
			}
			free(piece);
			p = q + 1;
		}
		t = eol;
		if (t < e && *t == '\r' && t + 1 < e && t[1] == '\n')
			t++;
		if (t < e)
			t++;
		else
			break;
	}
	for (size_t k = 0; k < nv; k++)
		free(v[k].t);
	free(v);
	enc_result_free(&er);
	return lost > 0;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fputs("usage: cells DOC [FACTS]\n", stderr);
		return 2;
	}
	FILE *fp = fopen(argv[1], "rb");
	char *data, err[256];
	size_t n;
	if (!fp || extract_slurp(fp, &data, &n, err, sizeof err) < 0) {
		perror(argv[1]);
		return 2;
	}
	fclose(fp);
	/* the reader pg-extract picks (reader.c): text, workbooks, DOCX */
	warnings warn = {0};
	reader_out ro = {0};
	ro.warn = &warn;
	if (reader_pick(data, n)->read(data, n, argv[1], &ro) < 0) {
		fprintf(stderr, "cells: %s: %s\n", argv[1], ro.err);
		return 2;
	}
	list tokens = {0}, values = {0};
	if (argc == 3) {
		vocab_words(&vocab);
		for (size_t i = 0; i < vocab.n; i++)
			add(&tokens, xstrdup(vocab.v[i]));
		read_facts(argv[2], &tokens, &values);
	}
	for (int i = 0; i < ro.n; i++)
		walk(ro.g[i], &tokens, &values, argc == 3);
	if (argc == 3 && text_pieces(data, n, &ro))
		bad = 1;
	for (size_t i = 0; i < tokens.n; i++)
		free(tokens.v[i]);
	for (size_t i = 0; i < values.n; i++)
		free(values.v[i]);
	free(tokens.v);
	for (size_t i = 0; i < vocab.n; i++)
		free(vocab.v[i]);
	free(vocab.v);
	free(values.v);
	reader_out_free(&ro);
	warn_free(&warn);
	free(data);
	return bad;
}
