/* SPDX-License-Identifier: MIT */
/* fuzz_extract: libFuzzer target for pg-extract as a whole: bytes ->
 * extract_bytes -> facts written to /dev/null. Checks the result contract:
 * -1 comes with a message, otherwise at least one form. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	if (!null && !(null = fopen("/dev/null", "w")))
		abort();
	extract_opts o = {"fuzz", NULL, NULL};
	extract_result res;
	int docs = extract_bytes((const char *)data, size, &o, null, &res);
	if ((docs < 0 && !res.err[0]) || docs == 0)
		abort();
	extract_result_free(&res);
	return 0;
}
