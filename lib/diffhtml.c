/* SPDX-License-Identifier: MIT */
/* diffhtml: the HTML report's writer. See diffhtml.h. Bar widths are
 * computed from the exact decimals in integer arithmetic. */
#include "diffhtml.h"

#include <string.h>

void diffhtml_text(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			putc(s[i], out);
		}
	}
}

static void text0(FILE *out, const char *s)
{
	diffhtml_text(out, s, strlen(s));
}

void diffhtml_dept(FILE *out, const char *dept, size_t dn)
{
	fputs("<h2>", out);
	if (dn)
		diffhtml_text(out, dept, dn);
	else
		fputs("(无部门名称)", out);
	fputs("</h2>\n", out);
}

void diffhtml_form(FILE *out, const char *proj, size_t pn)
{
	if (pn) {
		fputs("<h3>项目：", out);
		diffhtml_text(out, proj, pn);
	} else {
		fputs("<h3>部门整体", out);
	}
	fputs("</h3>\n", out);
}

void diffhtml_section(FILE *out, const char *section_title)
{
	fputs("<h4>", out);
	text0(out, section_title);
	fputs("</h4>\n<table>\n<thead><tr><th>变化</th><th>项目</th><th>字段</th><th>原值</th>"
	      "<th>新值</th><th class=\"n\">增减</th><th class=\"n\">增减率</th></tr></thead>\n"
	      "<tbody>\n",
	      out);
}

void diffhtml_row(FILE *out, const char *change, const char *k, size_t kn, const char *f, size_t fn,
                  const char *ov, size_t ovn, const char *nv, size_t nvn, const char *delta,
                  const char *unit, const char *pct)
{
	fprintf(out, "<tr class=\"%s\"><td>%s</td><td>", change, change);
	diffhtml_text(out, k, kn);
	fputs("</td><td>", out);
	diffhtml_text(out, f, fn);
	fputs("</td><td>", out);
	diffhtml_text(out, ov, ovn);
	fputs("</td><td>", out);
	diffhtml_text(out, nv, nvn);
	fputs("</td><td class=\"n\">", out);
	if (*delta) {
		text0(out, delta);
		if (*unit && strcmp(unit, "date") != 0) {
			putc(' ', out);
			text0(out, unit);
		}
	}
	fputs("</td><td class=\"n\">", out);
	if (*pct) {
		text0(out, pct);
		putc('%', out);
	}
	fputs("</td></tr>\n", out);
}

void diffhtml_end_group(FILE *out)
{
	fputs("</tbody>\n</table>\n", out);
}

static dec dabs(dec a)
{
	if (a.m < 0)
		a.m = -a.m;
	return a;
}

void diffhtml_bar_offer(diffhtml_bars *b, const char *label, size_t ln, dec delta)
{
	if (dec_is_zero(delta))
		return;
	int at = b->n;
	if (b->n == DIFFHTML_MAX_BARS) { /* replace the smallest, if smaller */
		at = 0;
		for (int i = 1; i < b->n; i++)
			if (dec_cmp(dabs(b->v[i].delta), dabs(b->v[at].delta)) < 0)
				at = i;
		if (dec_cmp(dabs(delta), dabs(b->v[at].delta)) <= 0)
			return;
	} else {
		b->n++;
	}
	size_t n = ln < sizeof b->v[at].label - 1 ? ln : sizeof b->v[at].label - 1;
	while (n > 0 && n < ln && ((unsigned char)label[n] & 0xC0) == 0x80)
		n--; /* cut on a character boundary */
	memcpy(b->v[at].label, label, n);
	b->v[at].label[n] = 0;
	b->v[at].delta = delta;
}

/* |a| / |max| * full, in whole pixels (max not zero). */
static long width_of(dec a, dec max, long full)
{
	a = dabs(a), max = dabs(max);
	int s = a.scale > max.scale ? a.scale : max.scale;
	__int128 x = a.m, y = max.m;
	for (int i = a.scale; i < s; i++)
		x *= 10;
	for (int i = max.scale; i < s; i++)
		y *= 10;
	while (y > ((__int128)1 << 100)) /* keep x * full in range */
		x /= 2, y /= 2;
	long w = (long)(x * full / (y ? y : 1));
	return w < 1 ? 1 : w;
}

static int by_size(const void *pa, const void *pb)
{
	const dec *a = pa, *b = pb; /* delta is not the first member: see below */
	return dec_cmp(dabs(*b), dabs(*a));
}

static void chart(FILE *out, const diffhtml_bars *in)
{
	if (!in->n)
		return;
	diffhtml_bars b = *in;
	/* largest first (qsort on the entries, compared by their delta) */
	for (int i = 1; i < b.n; i++)
		for (int j = i; j > 0 && by_size(&b.v[j - 1].delta, &b.v[j].delta) > 0; j--) {
			__typeof__(b.v[0]) t = b.v[j];
			b.v[j] = b.v[j - 1];
			b.v[j - 1] = t;
		}
	const long labw = 360, barw = 300, rowh = 24, h = rowh * b.n + 10;
	fputs("<h2>金额变化最大的项目（万元）</h2>\n", out);
	fprintf(
	    out,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%ld\" "
	    "height=\"%ld\" viewBox=\"0 0 %ld %ld\">\n<title>金额变化最大的项目（万元）</title>\n",
	    labw + 2 * barw + 120, h, labw + 2 * barw + 120, h);
	long axis = labw + barw;
	fprintf(out, "<line x1=\"%ld\" y1=\"0\" x2=\"%ld\" y2=\"%ld\" stroke=\"#888\"/>\n", axis,
	        axis, h);
	for (int i = 0; i < b.n; i++) {
		long w = width_of(b.v[i].delta, b.v[0].delta, barw), y = 5 + i * rowh;
		int neg = b.v[i].delta.m < 0;
		char num[DEC_BUFSZ];
		dec_format(b.v[i].delta, num);
		fprintf(out, "<text x=\"%ld\" y=\"%ld\" font-size=\"12\" text-anchor=\"end\">",
		        labw - 6, y + 15);
		text0(out, b.v[i].label);
		fprintf(
		    out,
		    "</text>\n<rect class=\"bar\" x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"%ld\" "
		    "fill=\"%s\"><title>%s 万元</title></rect>\n",
		    neg ? axis - w : axis, y + 2, w, rowh - 6, neg ? "#c0392b" : "#2e86c1", num);
		fprintf(out, "<text x=\"%ld\" y=\"%ld\" font-size=\"12\"%s>%s</text>\n",
		        neg ? axis - w - 4 : axis + w + 4, y + 15,
		        neg ? " text-anchor=\"end\"" : "", num);
	}
	fputs("</svg>\n", out);
}

void diffhtml_page(FILE *out, FILE *body, const char *oldname, const char *oldyear,
                   const char *newname, const char *newyear, const char *summary,
                   const diffhtml_bars *bars)
{
	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<title>",
	      out);
	fputs(*oldyear ? oldyear : "", out);
	fputs(*oldyear && *newyear ? " → " : "", out);
	fputs(*newyear ? newyear : "", out);
	fputs(" 绩效目标变化</title>\n<style>\n"
	      "body{font-family:sans-serif;margin:2em;color:#222}\n"
	      "table{border-collapse:collapse;margin-bottom:1.5em}\n"
	      "th,td{border:1px solid #bbb;padding:3px 8px;vertical-align:top}\n"
	      "th{background:#eee}td.n,th.n{text-align:right}\n"
	      "tr.added td{background:#eafaf1}tr.removed td{background:#fdedec}\n"
	      "tr.renamed td{background:#fef9e7}\n"
	      "p.whole{margin:.3em 0 1em}p.added{color:#1e8449}p.removed{color:#a93226}\n"
	      "</style>\n</head>\n<body>\n<h1>",
	      out);
	if (*oldyear || *newyear) {
		text0(out, oldyear);
		fputs("年 → ", out);
		text0(out, newyear);
		fputs("年：", out);
	}
	fputs("绩效目标的变化</h1>\n<p>", out);
	text0(out, oldname);
	fputs(" → ", out);
	text0(out, newname);
	fputs("</p>\n<p><strong>", out);
	text0(out, summary);
	fputs("</strong></p>\n", out);
	chart(out, bars);
	rewind(body);
	char b[65536];
	size_t n;
	while ((n = fread(b, 1, sizeof b, body)) > 0)
		fwrite(b, 1, n, out);
	fputs("</body>\n</html>\n", out);
}
