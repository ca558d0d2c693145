/* SPDX-License-Identifier: MIT */
/* diffrep: the reports for people, in form order. See diffrep.h.
 *
 * Rows arrive in merge order (dept, project, section by bytes). Each
 * section's rows go to its slot's temporary file; when the form ends, the
 * slots are copied in form order to the department's file, or, when only
 * one input has the form, one line replaces them; when the department
 * ends, its file is copied to the body, or one line replaces it when only
 * one input has the department. Slots are rewritten from their start for
 * each form (seclen says how much is valid), so nothing grows. */
#include "diffrep.h"

#include <string.h>

#include "vocab.h"

static const char *const side_word[2] = {"removed", "added"};

int diffrep_init(diffrep *r, int html, int all)
{
	memset(r, 0, sizeof *r);
	r->html = html;
	r->all = all;
	r->cur = -1;
	while (vocab_section_titles[r->nsec].section)
		r->nsec++;
	r->nsec++; /* one more: sections the table does not know, in byte order */
	if (r->nsec > (int)(sizeof r->sec / sizeof *r->sec))
		r->nsec = (int)(sizeof r->sec / sizeof *r->sec);
	r->body = tmpfile();
	r->dept = tmpfile();
	if (!r->body || !r->dept)
		return r->err = -1;
	for (int i = 0; i < r->nsec; i++)
		if (!(r->sec[i] = tmpfile()))
			return r->err = -1;
	return 0;
}

void diffrep_free(diffrep *r)
{
	if (!r)
		return;
	if (r->body)
		fclose(r->body);
	if (r->dept)
		fclose(r->dept);
	for (int i = 0; i < r->nsec; i++)
		if (r->sec[i])
			fclose(r->sec[i]);
	buf_free(&r->dname);
	buf_free(&r->pname);
	buf_free(&r->label);
	for (int k = 0; k < 2; k++) {
		buf_free(&r->flabel[k]);
		buf_free(&r->dwlabel[k]);
	}
	memset(r, 0, sizeof *r);
}

/* Copy the first n bytes of from (a temporary file being written) to to,
 * and set from back to its start for the next writer. */
static void copy_back(diffrep *r, FILE *from, long n, FILE *to)
{
	char b[65536];
	if (fflush(from) != 0 || fseek(from, 0, SEEK_SET) != 0)
		r->err = -1;
	while (n > 0 && !r->err) {
		size_t want = n < (long)sizeof b ? (size_t)n : sizeof b;
		size_t got = fread(b, 1, want, from);
		if (got == 0) {
			r->err = -1;
			break;
		}
		fwrite(b, 1, got, to);
		n -= (long)got;
	}
	if (fseek(from, 0, SEEK_SET) != 0 || ferror(from) || ferror(to))
		r->err = -1;
}

/* Text: markdown-escaped or HTML-escaped. */
static void put(const diffrep *r, FILE *out, const char *s, size_t n)
{
	if (r->html)
		diffhtml_text(out, s, n);
	else
		diff_md_cell(out, s, n);
}

static void put0(const diffrep *r, FILE *out, const char *s)
{
	put(r, out, s, strlen(s));
}

static void put_total(const diffrep *r, FILE *out, int have, dec v, const char *why)
{
	if (!have) {
		fputs("no total stated", out);
		return;
	}
	char num[DEC_BUFSZ];
	dec_format(v, num);
	fprintf(out, "total %s %s (", num, VOCAB_MONEY_CANON);
	put0(r, out, why);
	putc(')', out);
}

/* The start and end of a one-line summary of a whole form or department. */
static void whole_open(const diffrep *r, FILE *out, int side, int form)
{
	if (r->html) {
		fprintf(out, "<p class=\"whole %s\" data-dept=\"", side_word[side]);
		diffhtml_text(out, r->dname.s ? r->dname.s : "", r->dname.len);
		if (form) {
			fputs("\" data-project=\"", out);
			diffhtml_text(out, r->pname.s ? r->pname.s : "", r->pname.len);
		}
		fprintf(out, "\"><strong>%s</strong> ", side_word[side]);
	} else {
		fprintf(out, "- **%s** ", side_word[side]);
	}
}

static void whole_close(const diffrep *r, FILE *out, long rows)
{
	fprintf(out, ", %ld fact%s%s\n", rows, rows == 1 ? "" : "s", r->html ? "</p>" : "\n");
}

/* The form (the pname of dname) is complete: its sections in form order,
 * or one line, go to the department's file. */
static void form_end(diffrep *r)
{
	if (!r->fside)
		return;
	FILE *out = r->dept;
	int one = r->fside == 1 ? 0 : r->fside == 2 ? 1 : -1; /* the side it is only in */
	for (int k = 0; k < 2; k++) {
		if (!(r->fside >> k & 1))
			continue;
		r->dforms[k]++;
		if (!r->pname.len) {
			r->dwform[k] = 1;
			r->dwhave[k] = r->fhave[k];
			r->dwtot[k] = r->ftot[k];
			buf_reset(&r->dwlabel[k]);
			buf_add(&r->dwlabel[k], buf_str(&r->flabel[k]), r->flabel[k].len);
		} else if (r->fhave[k] && !r->dpbad[k]) {
			r->dpwith[k]++;
			if (dec_add(r->dpsum[k], r->ftot[k], &r->dpsum[k]) != 0)
				r->dpbad[k] = 1;
		}
	}
	if (r->frows && one >= 0) {
		whole_open(r, out, one, 1);
		if (r->pname.len) {
			fputs("项目：", out);
			put(r, out, r->pname.s, r->pname.len);
		} else {
			fputs("部门整体", out);
		}
		fputs(" — ", out);
		put_total(r, out, r->fhave[one], r->ftot[one], buf_str(&r->flabel[one]));
		whole_close(r, out, r->frows);
		r->dwhole[one]++;
	} else if (r->frows) {
		if (r->html) {
			diffhtml_form(out, r->pname.s, r->pname.len);
		} else if (r->pname.len) {
			fputs("### 项目：", out);
			diff_md_cell(out, r->pname.s, r->pname.len);
			fputs("\n\n", out);
		} else {
			fputs("### 部门整体\n\n", out);
		}
		for (int i = 0; i < r->nsec; i++)
			if (r->seclen[i])
				copy_back(r, r->sec[i], r->seclen[i], out);
	}
	r->drows += r->frows;
	r->frows = 0;
	r->fside = 0;
	for (int k = 0; k < 2; k++) {
		r->fhave[k] = 0;
		buf_reset(&r->flabel[k]);
	}
	for (int i = 0; i < r->nsec; i++) {
		if (r->seclen[i] && fseek(r->sec[i], 0, SEEK_SET) != 0)
			r->err = -1; /* the slot is written again from its start */
		r->seclen[i] = 0;
	}
}

/* The department is complete: its heading and forms, or one line, go to
 * the body. */
static void dept_end(diffrep *r)
{
	form_end(r);
	FILE *out = r->body;
	long dlen = ftell(r->dept);
	if (r->drows) {
		if (r->html) {
			diffhtml_dept(out, r->dname.s, r->dname.len);
		} else {
			fputs("## ", out);
			if (r->dname.len)
				diff_md_cell(out, r->dname.s, r->dname.len);
			else
				fputs("(no department)", out);
			fputs("\n\n", out);
		}
	}
	int one = r->dside == 1 ? 0 : r->dside == 2 ? 1 : -1;
	if (r->drows && one >= 0) {
		whole_open(r, out, one, 0);
		fprintf(out, "the whole department, %ld form%s — ", r->dforms[one],
		        r->dforms[one] == 1 ? "" : "s");
		long nproj = r->dforms[one] - r->dwform[one];
		if (r->dwhave[one]) {
			buf why = {0};
			buf_adds(&why, "部门整体, ");
			buf_adds(&why, buf_str(&r->dwlabel[one]));
			put_total(r, out, 1, r->dwtot[one], buf_str(&why));
			buf_free(&why);
		} else if (nproj > 0 && r->dpwith[one] == nproj && !r->dpbad[one]) {
			char why[80];
			snprintf(why, sizeof why, "Σ of %ld project form%s", nproj,
			         nproj == 1 ? "" : "s");
			put_total(r, out, 1, r->dpsum[one], why);
		} else {
			put_total(r, out, 0, r->dpsum[one], "");
		}
		whole_close(r, out, r->drows);
		r->whole_depts[one]++;
	} else if (r->drows) {
		copy_back(r, r->dept, dlen, out);
		for (int k = 0; k < 2; k++)
			r->whole_forms[k] += r->dwhole[k];
	}
	if (fseek(r->dept, 0, SEEK_SET) != 0)
		r->err = -1;
	r->drows = 0;
	r->dside = 0;
	for (int k = 0; k < 2; k++) {
		r->dforms[k] = r->dwhole[k] = r->dpwith[k] = 0;
		r->dwform[k] = r->dwhave[k] = r->dpbad[k] = 0;
		r->dpsum[k] = (dec){0, 0};
		buf_reset(&r->dwlabel[k]);
	}
}

static int same_buf(const buf *b, const char *s, size_t n)
{
	return b->len == n && (n == 0 || memcmp(b->s, s, n) == 0);
}

void diffrep_group(diffrep *r, const char *dept, size_t dn, const char *proj, size_t pn,
                   const char *section, size_t sn, int has_old, int has_new,
                   const diffrep_total *tot)
{
	if (!r->started || !same_buf(&r->dname, dept, dn)) {
		if (r->started)
			dept_end(r);
		buf_reset(&r->dname);
		buf_add(&r->dname, dept, dn);
		buf_reset(&r->pname);
		buf_add(&r->pname, proj, pn);
	} else if (!same_buf(&r->pname, proj, pn)) {
		form_end(r);
		buf_reset(&r->pname);
		buf_add(&r->pname, proj, pn);
	}
	r->started = 1;
	int side = (has_old ? 1 : 0) | (has_new ? 2 : 0);
	r->fside |= side;
	r->dside |= side;
	for (int k = 0; tot && k < 2; k++)
		if (tot[k].have) {
			r->fhave[k] = 1;
			r->ftot[k] = tot[k].v;
			buf_reset(&r->flabel[k]);
			if (tot[k].sum)
				buf_adds(&r->flabel[k], "Σ ");
			buf_add(&r->flabel[k], tot[k].label, tot[k].ln);
		}
	r->cur = r->nsec - 1;
	for (int i = 0; i < r->nsec - 1; i++)
		if (strlen(vocab_section_titles[i].section) == sn &&
		    memcmp(vocab_section_titles[i].section, section, sn) == 0)
			r->cur = i;
	r->cur_open = 0;
	buf_reset(&r->label);
	if (r->cur == r->nsec - 1)
		buf_add(&r->label, section, sn);
	else
		buf_adds(&r->label, vocab_section_titles[r->cur].title);
}

static void md_row(FILE *out, const diffrep_row *w)
{
	fprintf(out, "| %s | ", diff_change_name[w->change]);
	if (w->change == DIFF_RENAMED) {
		diff_md_cell(out, w->ov, w->ovn);
		fputs(" → ", out);
		diff_md_cell(out, w->nv, w->nvn);
		fputs(" |  |  |  |  |  |\n", out);
		return;
	}
	diff_md_cell(out, w->k, w->kn);
	fputs(" | ", out);
	diff_md_cell(out, w->f, w->fn);
	fputs(" | ", out);
	diff_md_cell(out, w->ov, w->ovn);
	fputs(" | ", out);
	diff_md_cell(out, w->nv, w->nvn);
	int unit = w->delta[0] && *w->unit && strcmp(w->unit, "date") != 0;
	fprintf(out, " | %s%s", w->delta, unit ? " " : "");
	if (unit)
		diff_md_cell(out, w->unit, strlen(w->unit));
	fprintf(out, " | %s%s |\n", w->pct, w->pct[0] ? "%" : "");
}

/* One row of the html report; a money change is offered to the chart,
 * labelled with its project (if any) and key. */
static void html_row(diffrep *r, FILE *out, const diffrep_row *w)
{
	if (w->change == DIFF_RENAMED) {
		buf l = {0};
		buf_add(&l, w->ov, w->ovn);
		buf_adds(&l, " → ");
		buf_add(&l, w->nv, w->nvn);
		diffhtml_row(out, diff_change_name[w->change], l.s, l.len, "", 0, "", 0, "", 0, "",
		             "", "");
		buf_free(&l);
		return;
	}
	diffhtml_row(out, diff_change_name[w->change], w->k, w->kn, w->f, w->fn, w->ov, w->ovn,
	             w->nv, w->nvn, w->delta, w->unit, w->pct);
	if (w->change == DIFF_CHANGED && w->delta[0] && strcmp(w->unit, VOCAB_MONEY_CANON) == 0) {
		buf l = {0};
		if (r->pname.len) {
			buf_add(&l, r->pname.s, r->pname.len);
			buf_adds(&l, " ");
		}
		buf_add(&l, w->k, w->kn);
		diffhtml_bar_offer(&r->bars, l.s, l.len, w->deltav);
		buf_free(&l);
	}
}

void diffrep_add(diffrep *r, const diffrep_row *w)
{
	if (r->cur < 0)
		return;
	FILE *out = r->sec[r->cur];
	if (!r->cur_open) {
		if (r->html) {
			diffhtml_section(out, buf_str(&r->label));
		} else {
			fputs("#### ", out);
			diff_md_cell(out, r->label.s, r->label.len);
			fputs("\n\n| change | key | field | old | new | delta | pct |\n"
			      "|---|---|---|---|---|---:|---:|\n",
			      out);
		}
		r->cur_open = 1;
	}
	if (r->html)
		html_row(r, out, w);
	else
		md_row(out, w);
	r->count[w->change]++;
	r->frows++;
}

void diffrep_end_group(diffrep *r)
{
	if (r->cur >= 0 && r->cur_open) {
		FILE *out = r->sec[r->cur];
		if (r->html)
			diffhtml_end_group(out);
		else
			putc('\n', out);
		r->seclen[r->cur] = ftell(out);
		if (r->seclen[r->cur] < 0)
			r->err = -1;
	}
	r->cur = -1;
	r->cur_open = 0;
}

long diffrep_differences(const diffrep *r)
{
	long n = 0;
	for (int k = 0; k < DIFF_NKINDS; k++)
		if (k != DIFF_SAME)
			n += r->count[k];
	return n;
}

void diffrep_summary(const diffrep *r, buf *b)
{
	if (!diffrep_differences(r) && !r->count[DIFF_SAME]) {
		buf_adds(b, "No differences.");
		return;
	}
	static const int order[] = {DIFF_CHANGED, DIFF_ADDED, DIFF_REMOVED, DIFF_RENAMED,
	                            DIFF_SAME};
	const char *sep = "";
	for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
		if (order[k] == DIFF_SAME && !r->all)
			continue;
		buf_printf(b, "%s%ld %s", sep, r->count[order[k]], diff_change_name[order[k]]);
		sep = ", ";
	}
	/* the forms and departments summarised in one line */
	const long *n[2] = {r->whole_forms, r->whole_depts};
	static const char *const what[2] = {"form", "department"};
	sep = "; as a whole: ";
	for (int w = 0; w < 2; w++)
		for (int k = 1; k >= 0; k--)
			if (n[w][k]) {
				buf_printf(b, "%s%ld %s%s %s", sep, n[w][k], what[w],
				           n[w][k] == 1 ? "" : "s", side_word[k]);
				sep = ", ";
			}
}

int diffrep_finish(diffrep *r, FILE *out, const char *oldname, const char *oldyear,
                   const char *newname, const char *newyear)
{
	if (r->started)
		dept_end(r);
	if (r->err || ferror(r->body))
		return -1;
	buf sm = {0};
	diffrep_summary(r, &sm);
	if (r->html) {
		diffhtml_page(out, r->body, oldname, oldyear, newname, newyear, buf_str(&sm),
		              &r->bars);
		buf_free(&sm);
		return 0;
	}
	fputs("# Changes from ", out);
	diff_md_cell(out, oldname, strlen(oldname));
	if (*oldyear)
		fprintf(out, " (%s)", oldyear);
	fputs(" to ", out);
	diff_md_cell(out, newname, strlen(newname));
	if (*newyear)
		fprintf(out, " (%s)", newyear);
	fputs("\n\n", out);
	if (!diffrep_differences(r) && !r->count[DIFF_SAME])
		fprintf(out, "%s\n", buf_str(&sm));
	else
		fprintf(out, "**%s**\n\n", buf_str(&sm));
	buf_free(&sm);
	rewind(r->body);
	char b[65536];
	size_t n;
	while ((n = fread(b, 1, sizeof b, r->body)) > 0)
		fwrite(b, 1, n, out);
	return 0;
}
