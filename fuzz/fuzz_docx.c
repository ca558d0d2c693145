/* SPDX-License-Identifier: MIT */
/* fuzz_docx: libFuzzer target for the DOCX reader. The first byte picks
 * what the rest is: 0 a whole archive, 1 word/document.xml in an otherwise
 * valid package (zipw). Checks the contract: -1 comes with a message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "zipr.h"

static const char CT[] = "<Types><Override PartName=\"/word/document.xml\" "
                         "ContentType=\"application/vnd.openxmlformats-officedocument."
                         "wordprocessingml.document.main+xml\"/></Types>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *d = (const char *)data + 1;
	size_t n = size - 1;
	buf a = {0};
	if (data[0] % 2 == 0) {
		buf_add(&a, d, n);
	} else {
		zipw *w = zipw_new();
		zipw_add(w, "[Content_Types].xml", CT, strlen(CT));
		zipw_add(w, "word/document.xml", d, n);
		char err[200];
		if (zipw_finish(w, &a, err, sizeof err) < 0)
			abort();
	}
	warnings wn = {0};
	reader_out o = {0};
	o.warn = &wn;
	if (docx_read(a.s ? a.s : "", a.len, "fuzz", &o) < 0 && !o.err[0])
		abort();
	reader_out_free(&o);
	warn_free(&wn);
	buf_free(&a);
	return 0;
}
