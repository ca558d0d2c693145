/* SPDX-License-Identifier: MIT */
/* fuzz_regrid: libFuzzer target for the lost-grid reader (regrid_sniff,
 * regrid_read). The first byte chooses the shape (sniffed, or one of the
 * seven forced, REGRID_SPROW among them); the rest is the text (UTF-8 or
 * not: the stage must cope with any bytes). Checks that every row and cell
 * records a line within the input and that a cell's text is NUL-terminated
 * at its length. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "regrid.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *t = (const char *)data + 1;
	size_t n = size - 1;
	char *copy = xmemdup(t, n);
	int shape = data[0] % 8 ? data[0] % 8 : regrid_sniff(copy, n);
	if (shape < REGRID_NONE || shape > REGRID_SPROW)
		abort();
	grid *g = grid_new();
	warnings warn = {0};
	if (shape != REGRID_NONE)
		regrid_read(copy, n, shape, g, &warn);
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
	warn_free(&warn);
	free(copy);
	return 0;
}
