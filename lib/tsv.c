/* SPDX-License-Identifier: MIT */
/* tsv: fact-stream reader and writer. See tsv.h. */
#include "tsv.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kind.h"
#include "util.h"

#define IO_SIZE 65536

const char FACT_HEADER[] =
    "doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc";
const char *const FACT_COLS[FACT_NCOLS] = {"doc",   "year",  "dept", "project", "section", "key",
                                           "field", "value", "op",   "num",     "unit",    "src"};

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

/* Read one raw line (without LF, NUL-terminated) and point *line at it:
 * into the read buffer when the whole line is there (the usual case: no
 * copy), else into r->ln. Valid until the next call. Returns its length,
 * -1 at EOF, -2 on error. */
static long read_line(tsv_reader *r, char **line)
{
	size_t n = 0;
	for (;;) {
		if (r->io_pos == r->io_len) {
			if (r->eof)
				break;
			r->io_len = fread(r->io, 1, IO_SIZE, r->fp);
			r->io_pos = 0;
			if (r->line == 0 && !r->kind_what) { /* the input's first bytes */
				kind k = kind_sniff(r->io, r->io_len);
				r->kind_cls = k.cls;
				r->kind_csv = k.csv;
				r->kind_what = k.what;
			}
			if (r->io_len == 0) {
				r->eof = 1;
				if (ferror(r->fp)) {
					snprintf(r->err, sizeof r->err, "read error: %s",
					         strerror(errno));
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
		if (nl && n == 0) {
			*nl = 0;
			r->io_pos += take + 1;
			r->line++;
			*line = start;
			return (long)take;
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
			*line = r->ln;
			return (long)n;
		}
	}
	if (n == 0)
		return -1;
	r->ln[n] = 0; /* last line without LF */
	r->line++;
	*line = r->ln;
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
		case '\\':
			*w++ = '\\';
			break;
		case 't':
			*w++ = '\t';
			break;
		case 'n':
			*w++ = '\n';
			break;
		case 'r':
			*w++ = '\r';
			break;
		default:
			return -1;
		}
		r += 2;
	}
	*w = 0;
	*n = (size_t)(w - s);
	return 0;
}

/* Nonzero when one of the 8 bytes of w is a TAB (exact: the classic
 * has-zero-byte test on w XOR TABs). */
static inline uint64_t has_tab(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t t = w ^ (ones * '\t');
	return (t - ones) & ~t & highs;
}

/* The first line is not the header: when the input's first bytes say what
 * it is instead, put that in r->err and return 1. A document is named only
 * when the line does not have the stream's field count (a fact stream
 * without its header holds a form's words too). */
static int wrong_kind(tsv_reader *r, int nf)
{
	int facts = strcmp(r->header, FACT_HEADER) == 0;
	switch (r->kind_cls) {
	case KIND_DOCUMENT:
		if (nf == r->ncols)
			return 0;
		snprintf(r->err, sizeof r->err, "this is %s, not %s: run pg-extract on it first",
		         r->kind_what, facts ? "a fact stream" : "the expected table");
		return 1;
	case KIND_FACTS:
		if (!r->kind_csv)
			return 0;
		snprintf(r->err, sizeof r->err,
		         "this is %s; read the TSV form (without --format csv)", r->kind_what);
		return 1;
	case KIND_OUTPUT:
		snprintf(r->err, sizeof r->err, "this is %s, not %s", r->kind_what,
		         facts ? "a fact stream" : "the expected table");
		return 1;
	}
	return 0;
}

int tsv_read(tsv_reader *r)
{
	for (;;) {
		char *ln;
		long n = read_line(r, &ln);
		if (n == -1) {
			if (!r->seen_header) {
				snprintf(r->err, sizeof r->err, "empty input: no header line");
				return -1;
			}
			return 0;
		}
		if (n < 0)
			return -1;
		/* CRLF line ends and a byte-order mark, as a spreadsheet saves
		 * text: a raw CR is never inside a field (writers escape it) */
		if (n > 0 && ln[n - 1] == '\r')
			ln[--n] = 0;
		if (n >= 3 && memcmp(ln, "\xEF\xBB\xBF", 3) == 0 &&
		    (r->line == 1 || strcmp(ln + 3, r->header) == 0)) {
			ln += 3;
			n -= 3;
		}
		if (strcmp(ln, r->header) == 0) {
			r->seen_header = 1;
			continue;
		}
		/* split: fields are short, so a scan of eight bytes at a time
		 * beats a memchr call per field; the lowest flagged byte of
		 * has_tab is the first TAB */
		int nf = 0;
		char *p = ln, *end = ln + n, *fs = p;
		for (;;) {
			uint64_t w, m = 0;
			while (end - p >= 8) {
				memcpy(&w, p, 8);
				if ((m = has_tab(w)) != 0)
					break;
				p += 8;
			}
			if (m) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				p += __builtin_ctzll(m) / 8;
#else
				while (*p != '\t')
					p++;
#endif
			} else {
				while (p < end && *p != '\t')
					p++;
			}
			if (nf < TSV_MAX_COLS) {
				r->f[nf] = fs;
				r->len[nf] = (size_t)(p - fs);
			}
			nf++;
			if (p == end)
				break;
			*p = 0; /* terminates the field */
			fs = ++p;
		}
		if (!r->seen_header && wrong_kind(r, nf))
			return -1;
		if (nf != r->ncols) {
			snprintf(r->err, sizeof r->err, "expected %d fields, found %d", r->ncols,
			         nf);
			return -1;
		}
		if (!r->seen_header) {
			snprintf(r->err, sizeof r->err, "first line is not the header (%.40s...)",
			         r->header);
			return -1;
		}
		/* most lines hold no backslash at all: then the fields are
		 * terminated already */
		int escaped = memchr(ln, '\\', (size_t)n) != NULL;
		for (int i = 0; escaped && i < nf; i++) {
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

/* Nonzero when one of the 8 bytes of w may need an escape: a byte below
 * 0x0E (TAB, LF, CR and a few rare controls, which the caller looks at one
 * by one) or a backslash. The has-zero-byte and has-less-than tests are
 * exact as a whole (any false bit sits above a true one). */
static inline uint64_t has_special(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t b = w ^ (ones * '\\');
	return ((w - ones * 0x0E) | (b - ones)) & ~w & highs;
}

/* The letter after the backslash for each byte to escape (FORMAT.md
 * section 1), else 0. */
static const char esc[256] = {['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r'};

void tsv_escape(FILE *fp, const char *s, size_t n)
{
	const char *p = s, *end = s + n, *run = s;
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (!esc[c])
			continue;
		if (p > run)
			fwrite(run, 1, (size_t)(p - run), fp);
		putc('\\', fp);
		putc(esc[c], fp);
		run = p + 1;
	}
	if (end > run)
		fwrite(run, 1, (size_t)(end - run), fp);
}

/* Escape s[0..n) into dst (room for 2n bytes); returns the length written.
 * Plain bytes are tested and copied eight at a time, the last few one by
 * one (no library call for the short fields that are most fields); from
 * the first byte to escape on, byte by byte. */
static size_t escape_into(char *dst, const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (has_special(w))
			break;
		memcpy(dst + i, &w, 8);
	}
	size_t k = i;
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!esc[c]) {
			dst[k++] = (char)c;
			continue;
		}
		dst[k++] = '\\';
		dst[k++] = esc[c];
	}
	return k;
}

char *tsv_join_fields(char *const *f, int n, size_t *outn)
{
	size_t need = 1;
	for (int i = 0; i < n; i++)
		need += 2 * strlen(f[i]) + 1;
	char *s = xmalloc(need), *p = s;
	for (int i = 0; i < n; i++) {
		p += escape_into(p, f[i], strlen(f[i]));
		*p++ = '\t';
	}
	*p = 0;
	*outn = (size_t)(p - s);
	return s;
}

void tsv_write_row(FILE *fp, char *const *f, const size_t *len, int n)
{
	tsv_write_row_after(fp, "", 0, f, len, n);
}

void tsv_write_row_after(FILE *fp, const char *pre, size_t pre_n, char *const *f, const size_t *len,
                         int n)
{
	/* the usual short record goes out in one fwrite: stdio's per-call cost
	 * (locking) outweighs the escaping itself */
	char line[4096];
	size_t own[TSV_MAX_COLS], need = pre_n;
	if (!len && n <= TSV_MAX_COLS) { /* each length measured once */
		for (int i = 0; i < n; i++)
			own[i] = strlen(f[i]);
		len = own;
	}
	for (int i = 0; i < n; i++)
		need += 2 * (len ? len[i] : strlen(f[i])) + 1;
	if (need <= sizeof line) {
		memcpy(line, pre, pre_n);
		size_t k = pre_n;
		for (int i = 0; i < n; i++) {
			if (i)
				line[k++] = '\t';
			k += escape_into(line + k, f[i], len ? len[i] : strlen(f[i]));
		}
		line[k++] = '\n';
		fwrite(line, 1, k, fp);
		return;
	}
	fwrite(pre, 1, pre_n, fp);
	for (int i = 0; i < n; i++) {
		if (i)
			putc('\t', fp);
		tsv_escape(fp, f[i], len ? len[i] : strlen(f[i]));
	}
	putc('\n', fp);
}
