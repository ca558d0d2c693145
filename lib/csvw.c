/* SPDX-License-Identifier: MIT */
/* csvw: TSV records -> RFC 4180 CSV. See csvw.h. */
#include "csvw.h"

#include <string.h>

#include "tsv.h"

/* Nonzero when s[0..n) must be quoted: it holds a quote, comma, CR or LF. */
static int needs_quotes(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '"' || s[i] == ',' || s[i] == '\r' || s[i] == '\n')
			return 1;
	return 0;
}

static void add_field(buf *out, const char *s, size_t n)
{
	if (!needs_quotes(s, n)) {
		buf_add(out, s, n);
		return;
	}
	buf_addc(out, '"');
	const char *run = s, *end = s + n, *q;
	while ((q = memchr(run, '"', (size_t)(end - run))) != NULL) {
		buf_add(out, run, (size_t)(q - run) + 1);
		buf_addc(out, '"');
		run = q + 1;
	}
	buf_add(out, run, (size_t)(end - run));
	buf_addc(out, '"');
}

void csvw_row(buf *out, char *const *f, const size_t *len, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			buf_addc(out, ',');
		add_field(out, f[i], len ? len[i] : strlen(f[i]));
	}
	buf_add(out, "\r\n", 2);
}

/* One TSV line s[0..n) (no LF, s[n] == 0; modified in place) as a CSV
 * record. */
static void conv_line(char *s, size_t n, buf *out)
{
	char *end = s + n, *p = s;
	for (;;) {
		char *tab = memchr(p, '\t', (size_t)(end - p));
		size_t fl = (size_t)((tab ? tab : end) - p), ul = fl;
		char save = p[fl];
		/* tsv_unescape NUL-terminates: keep the byte it overwrites */
		if (memchr(p, '\\', fl) && tsv_unescape(p, &ul) == 0) {
			add_field(out, p, ul);
		} else {
			add_field(out, p, fl);
		}
		p[fl] = save;
		if (!tab)
			break;
		buf_addc(out, ',');
		p = tab + 1;
	}
	buf_add(out, "\r\n", 2);
}

void csvw_feed(csvw_conv *c, const char *s, size_t n, buf *out)
{
	if (n && !c->started) {
		buf_adds(out, CSVW_BOM);
		c->started = 1;
	}
	const char *end = s + n, *nl;
	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		buf_add(&c->line, s, (size_t)(nl - s)); /* NUL-terminated */
		conv_line(c->line.s, c->line.len, out);
		buf_reset(&c->line);
		s = nl + 1;
	}
	buf_add(&c->line, s, (size_t)(end - s));
}

void csvw_end(csvw_conv *c, buf *out)
{
	if (c->line.len)
		conv_line(c->line.s, c->line.len, out);
	buf_free(&c->line);
}
