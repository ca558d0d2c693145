/* SPDX-License-Identifier: MIT */
/* fuzz_tsv: libFuzzer target for the fact-stream reader (tsv_read) over
 * fmemopen, plus the escape/unescape round trip of each field read. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsv.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0; /* fmemopen refuses size 0 */
	FILE *fp = fmemopen((void *)data, size, "r");
	if (!fp)
		return 0;
	tsv_reader r;
	tsv_reader_init(&r, fp, "fuzz", FACT_HEADER);
	int rc;
	while ((rc = tsv_read(&r)) == 1) {
		if (r.nf != FACT_NCOLS)
			abort();
		for (int i = 0; i < r.nf; i++) {
			char *out = NULL;
			size_t outn = 0;
			FILE *m = open_memstream(&out, &outn);
			tsv_escape(m, r.f[i], r.len[i]);
			fclose(m);
			if (memchr(out, '\t', outn) || memchr(out, '\n', outn))
				abort();
			if (tsv_unescape(out, &outn) != 0 || outn != r.len[i] ||
			    memcmp(out, r.f[i], outn) != 0)
				abort();
			free(out);
		}
	}
	if (rc < 0 && (!r.err[0] || r.line < 0))
		abort();
	tsv_reader_free(&r);
	fclose(fp);
	return 0;
}
