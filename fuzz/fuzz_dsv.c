/* SPDX-License-Identifier: MIT */
/* fuzz_dsv: libFuzzer target for the delimited-text reader (dsv_read_flags).
 * The first byte chooses the delimiter (sniffed, TAB or comma) and the
 * quoting flag; the rest is the text. Checks the return code's contract and
 * that every cell records a line within the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dsv.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const int delims[] = {0, '\t', ','};
	int delim = delims[data[0] % 3];
	unsigned flags = data[0] & 4 ? DSV_NO_QUOTES : 0;
	const char *t = (const char *)data + 1;
	size_t n = size - 1;
	char *copy = xmemdup(t, n);
	grid *g = grid_new();
	dsv_err err;
	int rc = dsv_read_flags(copy, n, delim, flags, g, &err);
	if (rc < -1 || rc > 1 || (rc != 0 && !err.msg[0]))
		abort();
	long lines = 1;
	for (size_t i = 0; i < n; i++)
		lines += t[i] == '\n' || (t[i] == '\r' && (i + 1 == n || t[i + 1] != '\n'));
	for (int i = 0; i < g->n; i++) {
		if (g->rows[i].line < 1 || g->rows[i].line > lines)
			abort();
		for (int j = 0; j < g->rows[i].n; j++) {
			const cell *c = &g->rows[i].cells[j];
			if (c->line < 1 || c->line > lines || c->text[c->len] != 0)
				abort();
		}
	}
	grid_free(g);
	free(copy);
	return 0;
}
