/* SPDX-License-Identifier: MIT */
/* Unit test for the PDF reader's libraries missing: lib/pdf.c loads
 * poppler-glib, cairo, gobject and glib with dlopen on the first PDF. Here
 * it is compiled with sonames that no system has, so the load fails:
 * pdf_read must return -1 with "PDF support not available: " and the
 * loader's reason (dlerror's text, naming the library), the same on the
 * next call, and leave the grid empty. Other readers do not need these
 * libraries (tests/cli/pdf.sh checks that pg-extract links none of them).
 * Run from the top directory, as tests/run.sh does. */
#define PDF_SONAME_POPPLER "libpg-test-missing-poppler.so.0"
#define PDF_SONAME_CAIRO "libpg-test-missing-cairo.so.0"
#define PDF_SONAME_GOBJECT "libpg-test-missing-gobject.so.0"
#define PDF_SONAME_GLIB "libpg-test-missing-glib.so.0"
#include "../../lib/pdf.c"

#include "extract.h"
#include "t.h"

static const char WANT[] = "PDF support not available: ";

int main(void)
{
	FILE *f = fopen("fixtures/pdf/seed.pdf", "rb");
	char *d = NULL, err[512] = "";
	size_t n = 0;
	if (!f || extract_slurp(f, &d, &n, err, sizeof err) < 0) {
		printf("FAIL cannot read fixtures/pdf/seed.pdf\n");
		return 1;
	}
	fclose(f);
	CHECK(pdf_sniff(d, n)); /* sniffing needs no library */
	for (int round = 0; round < 2; round++) {
		grid *g = grid_new();
		warnings w = {0};
		err[0] = 0;
		CHECK_INT(pdf_read(d, n, NULL, g, &w, err, sizeof err), -1);
		CHECK(strncmp(err, WANT, sizeof WANT - 1) == 0);
		CHECK(strstr(err, "libpg-test-missing-poppler.so.0") != NULL);
		CHECK_INT(g->n, 0);
		CHECK_INT(w.n, 0);
		grid_free(g);
		warn_free(&w);
	}
	printf("%s\n", err);
	free(d);
	T_END();
}
