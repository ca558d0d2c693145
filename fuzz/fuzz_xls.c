/* SPDX-License-Identifier: MIT */
/* fuzz_xls: libFuzzer target for the XLS reader (our own OLE2 compound
 * file and BIFF8 record reader, lib/ole2.c and lib/xls.c): bytes that
 * xls_bid takes, as pg-extract gives them to xls_read. Checks the contract:
 * -1 comes with a message; ASan checks every read stays in bounds. */
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
