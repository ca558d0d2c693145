/* SPDX-License-Identifier: MIT */
/* fuzz_pdf: libFuzzer target for the PDF reader (pdf_read): poppler's
 * parsing, the rendering, lines to tables, pages joined. Seeds: the PDFs
 * of fixtures/pdf (make fuzz adds the folder). Small limits keep each run
 * short (a few pages, few characters). Checks that every cell's text is
 * NUL-terminated at its length, that a table place has a page, and that an
 * error leaves a message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "pdf.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pdf_limits lim = {4, 2000, 20000, 2000, 2000};
	grid *g = grid_new();
	warnings warn = {0};
	char err[256] = "";
	int rc = pdf_read((const char *)data, size, &lim, g, &warn, err, sizeof err);
	if (rc < 0 && !err[0])
		abort();
	for (int i = 0; i < g->n; i++)
		for (int j = 0; j < g->rows[i].n; j++) {
			const cell *c = &g->rows[i].cells[j];
			if (c->text[c->len] != 0 || strlen(c->text) != c->len)
				abort();
			if (c->trow && !c->page)
				abort();
		}
	grid_free(g);
	warn_free(&warn);
	return 0;
}
