/* SPDX-License-Identifier: MIT */
/* fuzz_xls: libFuzzer target for the XLS reader (libfreexl through an
 * in-memory file): bytes that xls_bid takes, as pg-extract gives them to
 * xls_read. Known: libfreexl 1.0.6 reads past a stack buffer in its iconv
 * call on some inputs (fixtures/office/hostile/README.md). Checks the
 * contract: -1 comes with a message. */
#include <stdint.h>
#include <stdlib.h>

#include "xls.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (xls_bid((const char *)data, size) == 0)
		return 0;
	warnings wn = {0};
	reader_out o = {0};
	o.warn = &wn;
	if (xls_read((const char *)data, size, "fuzz", &o) < 0 && !o.err[0])
		abort();
	reader_out_free(&o);
	warn_free(&wn);
	return 0;
}
