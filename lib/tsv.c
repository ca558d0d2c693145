/* tsv: fact-stream reader and writer. See tsv.h. */
#include "tsv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define IO_SIZE 65536

const char FACT_HEADER[] = "doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc";

void tsv_reader_init(tsv_reader *r, FILE *fp, const char *name, const char *header)
{
	memset(r, 0, sizeof *r);
	r->fp = fp;
	r->name = name;
	r->header = header;
	r->ncols = 1;
	for (const char *p = header; *p; p++)
		r->ncols += *p == '\t';
	r->io = xmalloc(IO_SIZE);
}

void tsv_reader_free(tsv_reader *r)
{
	if (!r)
		return;
	free(r->io);
	free(r->ln);
	r->io = r->ln = NULL;
}

/* Read one raw line (without LF) into r->ln; returns its length, -1 at EOF,
 * -2 on error. */
static long read_line(tsv_reader *r)
{
	size_t n = 0;
	for (;;) {
		if (r->io_pos == r->io_len) {
			if (r->eof)
				break;
			r->io_len = fread(r->io, 1, IO_SIZE, r->fp);
			r->io_pos = 0;
			if (r->io_len == 0) {
				r->eof = 1;
				if (ferror(r->fp)) {
					snprintf(r->err, sizeof r->err, "read error: %s", strerror(errno));
					return -2;
				}
				break;
			}
		}
		char *start = r->io + r->io_pos;
		size_t avail = r->io_len - r->io_pos;
		char *nl = memchr(start, '\n', avail);
		size_t take = nl ? (size_t)(nl - start) : avail;
		if (n + take > TSV_MAX_LINE) {
			r->line++;
			snprintf(r->err, sizeof r->err, "line longer than %u bytes", TSV_MAX_LINE);
			return -2;
		}
		if (n + take + 1 > r->ln_cap) {
			size_t cap = r->ln_cap ? r->ln_cap : 4096;
			while (cap < n + take + 1)
				cap *= 2;
			r->ln = xrealloc(r->ln, cap);
			r->ln_cap = cap;
		}
		memcpy(r->ln + n, start, take);
		n += take;
		r->io_pos += take + (nl != NULL);
		if (nl) {
			r->ln[n] = 0;
			r->line++;
			return (long)n;
		}
	}
	if (n == 0)
		return -1;
	r->ln[n] = 0; /* last line without LF */
	r->line++;
	return (long)n;
}

int tsv_unescape(char *s, size_t *n)
{
	char *w = memchr(s, '\\', *n);
	if (!w) {
		s[*n] = 0;
		return 0;
	}
	char *r = w, *end = s + *n;
	while (r < end) {
		if (*r != '\\') {
			*w++ = *r++;
			continue;
		}
		if (r + 1 >= end)
			return -1;
		switch (r[1]) {
		case '\\': *w++ = '\\'; break;
		case 't': *w++ = '\t'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		default: return -1;
		}
		r += 2;
	}
	*w = 0;
	*n = (size_t)(w - s);
	return 0;
}

int tsv_read(tsv_reader *r)
{
	for (;;) {
		long n = read_line(r);
		if (n == -1) {
			if (!r->seen_header) {
				snprintf(r->err, sizeof r->err, "empty input: no header line");
				return -1;
			}
			return 0;
		}
		if (n < 0)
			return -1;
		if (strcmp(r->ln, r->header) == 0) {
			r->seen_header = 1;
			continue;
		}
		/* split */
		int nf = 0;
		char *p = r->ln, *end = r->ln + n;
		for (;;) {
			char *tab = memchr(p, '\t', (size_t)(end - p));
			char *fe = tab ? tab : end;
			if (nf < TSV_MAX_COLS) {
				r->f[nf] = p;
				r->len[nf] = (size_t)(fe - p);
			}
			nf++;
			if (!tab)
				break;
			p = tab + 1;
		}
		if (nf != r->ncols) {
			snprintf(r->err, sizeof r->err, "expected %d fields, found %d", r->ncols, nf);
			return -1;
		}
		if (!r->seen_header) {
			snprintf(r->err, sizeof r->err,
				 "first line is not the header (%.40s...)", r->header);
			return -1;
		}
		for (int i = 0; i < nf; i++) {
			if (tsv_unescape(r->f[i], &r->len[i]) < 0) {
				snprintf(r->err, sizeof r->err,
					 "field %d: bad or unterminated backslash escape", i + 1);
				return -1;
			}
		}
		r->nf = nf;
		return 1;
	}
}

void tsv_escape(FILE *fp, const char *s, size_t n)
{
	const char *p = s, *end = s + n, *run = s;
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (c != '\\' && c != '\t' && c != '\n' && c != '\r')
			continue;
		if (p > run)
			fwrite(run, 1, (size_t)(p - run), fp);
		putc('\\', fp);
		putc(c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r', fp);
		run = p + 1;
	}
	if (end > run)
		fwrite(run, 1, (size_t)(end - run), fp);
}

void tsv_write_row(FILE *fp, char *const *f, const size_t *len, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			putc('\t', fp);
		tsv_escape(fp, f[i], len ? len[i] : strlen(f[i]));
	}
	putc('\n', fp);
}
