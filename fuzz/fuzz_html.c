/* SPDX-License-Identifier: MIT */
/* fuzz_html: libFuzzer target for the HTML grid builder (html_read). The
 * input is taken as UTF-8 text, as html_read's callers pass it. Checks that
 * every cell's text is NUL-terminated at its length. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "html.h"
#include "util.h"

static void check(const grid *g)
{
	for (int i = 0; i < g->n; i++)
		for (int j = 0; j < g->rows[i].n; j++) {
			const cell *c = &g->rows[i].cells[j];
			if (c->text[c->len] != 0 || strlen(c->text) != c->len)
				abort();
			if (c->sub)
				check(c->sub);
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *t = xmemdup(data, size);
	grid *g = grid_new();
	warnings warn = {0};
	html_read(t, size, 1, 0, g, &warn);
	check(g);
	grid_free(g);
	warn_free(&warn);
	free(t);
	return 0;
}
