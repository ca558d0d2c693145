/* SPDX-License-Identifier: MIT */
/* kind: naming an input from its first bytes. See kind.h. */
#include "kind.h"

#include <string.h>

#include "diff.h"
#include "sum.h"
#include "tsv.h"
#include "util.h"

/* Byte signatures at the very start. */
static const struct {
	const char *magic;
	size_t len;
	const char *what;
} magics[] = {
    {"PK\x03\x04", 4, "a ZIP container (an XLSX or DOCX document)"},
    {"%PDF-", 5, "a PDF document"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "an OLE2 file (an XLS or DOC document)"},
    {"\xFF\xFE", 2, "UTF-16 text (a document export)"},
    {"\xFE\xFF", 2, "UTF-16 text (a document export)"},
};

/* The header lines the programs write (TSV; the CSV form has commas). */
static const struct {
	const char *header;
	kind_class cls;
	const char *what, *csv_what;
} headers[] = {
    {FACT_HEADER, KIND_FACTS, "a fact stream", "a fact stream in CSV (--format csv)"},
    {SUM_HEADER, KIND_OUTPUT, "pg-sum output (its checks)", "pg-sum output (its checks) in CSV"},
    {DIFF_HEADER, KIND_OUTPUT, "pg-diff output (a table of changes)",
     "pg-diff output (a table of changes) in CSV"},
};

/* Words that only documents hold near their start (ASCII ones matched
 * without regard to case). */
static const struct {
	const char *word;
	const char *what;
} doc_words[] = {
    {"<html", "an HTML page"},
    {"<!doctype", "an HTML page"},
    {"绩效目标", "a 绩效目标表 document"},
    {"预算绩效", "a 绩效目标表 document"},
    {"项目名称", "a 绩效目标表 document"},
    {"<table", "a document holding HTML tables"},
};

static int same_header(const char *line, size_t n, const char *header, char sep)
{
	size_t hl = strlen(header);
	if (n != hl)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (line[i] != (header[i] == '\t' ? sep : header[i]))
			return 0;
	return 1;
}

/* pg-sum --totals: fact column names, then "docs" and "sum". */
static int totals_header(const char *line, size_t n, char sep)
{
	int cols = 0;
	const char *p = line, *end = line + n;
	for (;;) {
		const char *e = memchr(p, sep, (size_t)(end - p));
		size_t len = e ? (size_t)(e - p) : (size_t)(end - p);
		if (!e)
			return cols >= 1 && len == 3 && memcmp(p, "sum", 3) == 0;
		int known = len == 4 && memcmp(p, "docs", 4) == 0 && e + 1 < end &&
		            memcmp(e + 1, "sum", 3) == 0 && (size_t)(end - e - 1) == 3;
		if (!known) {
			int col = 0;
			for (int i = 0; i < FACT_NCOLS && !col; i++)
				col = strlen(FACT_COLS[i]) == len &&
				      memcmp(FACT_COLS[i], p, len) == 0;
			if (!col)
				return 0;
			cols++;
		}
		p = e + 1;
	}
}

/* First place in s[0..n) of the lowercase word w, ASCII letters of s
 * matched without regard to case; NULL when absent. A word whose first
 * byte is not a letter (every doc_words entry: '<' or a UTF-8 lead byte)
 * is looked for with memchr on that byte, so a window of text without it
 * costs one memchr instead of a comparison per byte. */
static const char *find_word(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);
	if (wl == 0 || wl > n)
		return wl == 0 ? s : NULL;
	unsigned char w0 = (unsigned char)w[0];
	int letter = w0 >= 'a' && w0 <= 'z';
	for (size_t i = 0; i + wl <= n; i++) {
		if (!letter) {
			const char *f = memchr(s + i, w0, n - wl + 1 - i);
			if (!f)
				return NULL;
			i = (size_t)(f - s);
		}
		size_t k = 0;
		while (k < wl) {
			unsigned char c = (unsigned char)s[i + k];
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			if (c != (unsigned char)w[k])
				break;
			k++;
		}
		if (k == wl)
			return s + i;
	}
	return NULL;
}

kind kind_sniff(const char *s, size_t n)
{
	kind k = {KIND_UNKNOWN, 0, ""};
	if (n > KIND_SNIFF)
		n = KIND_SNIFF;
	for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (n >= magics[i].len && memcmp(s, magics[i].magic, magics[i].len) == 0) {
			k.cls = KIND_DOCUMENT;
			k.what = magics[i].what;
			return k;
		}
	const char *p = s, *end = s + n;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	size_t ll = (size_t)((nl ? nl : end) - p);
	if (ll && p[ll - 1] == '\r')
		ll--;
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
		for (int c = 0; c < 2; c++)
			if (same_header(p, ll, headers[i].header, c ? ',' : '\t')) {
				k.cls = headers[i].cls;
				k.csv = c;
				k.what = c ? headers[i].csv_what : headers[i].what;
				return k;
			}
	for (int c = 0; c < 2; c++)
		if (totals_header(p, ll, c ? ',' : '\t')) {
			k.cls = KIND_OUTPUT;
			k.csv = c;
			k.what = c ? "pg-sum --totals output in CSV" : "pg-sum --totals output";
			return k;
		}
	if (ll >= 15 && memcmp(p, "# Changes from ", 15) == 0) {
		k.cls = KIND_OUTPUT;
		k.what = "a pg-diff report (--format markdown)";
		return k;
	}
	k.cls = KIND_DOCUMENT;
	for (size_t i = 0; i < sizeof doc_words / sizeof doc_words[0]; i++)
		if (find_word(s, n, doc_words[i].word)) {
			k.what = doc_words[i].what;
			return k;
		}
	/* text that is not UTF-8 (a sequence cut at the window's end aside) */
	for (const unsigned char *q = (const unsigned char *)s; q < (const unsigned char *)end;) {
		size_t len;
		if (*q == 0 ||
		    (utf8_decode(q, (size_t)((const unsigned char *)end - q), &len) < 0 &&
		     (const unsigned char *)end - q >= 4)) {
			k.what = "not UTF-8 text (a document in GB18030, or a binary file)";
			return k;
		}
		q += len ? len : 1;
	}
	k.cls = KIND_UNKNOWN;
	return k;
}
