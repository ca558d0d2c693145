/* SPDX-License-Identifier: MIT */
/* Unit tests for the fast paths of tsv's reader and row writer (eight bytes
 * at a time): every special byte at every position of fields of many
 * lengths, rare control bytes, and write -> read round trips of whole rows,
 * against a plain byte-by-byte reference escape. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "tsv.h"

/* The reference: FORMAT.md section 1, one byte at a time. */
static size_t ref_escape(char *d, const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
			d[k++] = '\\';
			d[k++] = c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
		} else {
			d[k++] = c;
		}
	}
	return k;
}

static char *write_row(char *const *f, const size_t *len, int n, size_t *outn)
{
	char *p = NULL;
	FILE *m = open_memstream(&p, outn);
	tsv_write_row(m, f, len, n);
	fclose(m);
	return p;
}

int main(void)
{
	const char specials[] = {'\\', '\t', '\n', '\r', 0x01, 0x0B, 0x0C, 0x0E, 0x00, '[', ']'};
	int bad = 0, rows = 0;
	for (size_t len = 1; len <= 40; len++)
		for (size_t pos = 0; pos < len; pos++)
			for (size_t k = 0; k < sizeof specials; k++) {
				char field[64], want[160];
				memset(field, 'x', len);
				for (size_t i = 0; i < len; i += 3)
					field[i] = (char)0xE4; /* some non-ASCII bytes */
				field[pos] = specials[k];
				size_t wn = ref_escape(want, field, len);
				want[wn++] = '\n';
				char *f[1] = {field};
				size_t fl[1] = {len}, gn;
				char *got = write_row(f, fl, 1, &gn);
				rows++;
				if (gn != wn || memcmp(got, want, wn) != 0)
					bad++;
				free(got);
			}
	CHECK_INT(bad, 0);
	CHECK_INT(rows, 9020);

	/* a long row (over the one-fwrite line buffer) is escaped the same */
	static char big[5000];
	memset(big, 'a', sizeof big);
	big[4000] = '\t';
	char *f1[2] = {big, "b\\"};
	size_t l1[2] = {sizeof big, 2}, n1;
	char *o1 = write_row(f1, l1, 2, &n1);
	CHECK_INT(n1, sizeof big + 1 + 1 + 3 + 1);
	CHECK(memcmp(o1 + 4000, "\\t", 2) == 0);
	CHECK(memcmp(o1 + n1 - 5, "\tb\\\\\n", 5) == 0);
	free(o1);

	/* write -> read: the reader's tab scan on rows of many shapes */
	srand(7);
	bad = 0;
	const char alpha[] = "ab\\\t\n\r\x01\xE4\xB8\xAD|";
	for (int it = 0; it < 3000; it++) {
		char store[3][32];
		char *f[3];
		size_t l[3];
		for (int i = 0; i < 3; i++) {
			l[i] = (size_t)(rand() % 30);
			for (size_t j = 0; j < l[i]; j++)
				store[i][j] = alpha[rand() % (sizeof alpha - 1)];
			f[i] = store[i];
		}
		size_t rn;
		char *row = write_row(f, l, 3, &rn);
		char text[256];
		int tn = snprintf(text, sizeof text, "a\tb\tc\n%.*s", (int)rn, row);
		free(row);
		FILE *m = fmemopen(text, (size_t)tn, "r");
		tsv_reader r;
		tsv_reader_init(&r, m, "mem", "a\tb\tc");
		int rc = tsv_read(&r);
		if (rc != 1 || r.nf != 3)
			bad++;
		else
			for (int i = 0; i < 3; i++)
				if (r.len[i] != l[i] || memcmp(r.f[i], store[i], l[i]) != 0 ||
				    r.f[i][l[i]] != 0)
					bad++;
		tsv_reader_free(&r);
		fclose(m);
	}
	CHECK_INT(bad, 0);
	T_END();
}
