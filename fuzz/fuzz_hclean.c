/* SPDX-License-Identifier: MIT */
/* fuzz_hclean: libFuzzer target for hclean, the rewrite gumbo is given.
 * Checks its promises: the text it writes starts with the doctype, holds no
 * NUL it was not given, and the tree gumbo builds from it (html_depth) nests
 * no deeper than HCLEAN_FLAT_FACTOR * (counted depth + 1) + 3; small limits
 * are used so that the cuts are reached too, and tables 0 to 2 deep have
 * their blank runs between parts left out. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hclean.h"
#include "html.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the first byte picks the limits, the rest is the text */
	if (size < 1)
		return 0;
	hclean_limits lim = {1 + data[0] % 40, 1 + data[0] * 7, 1 + data[0] * 50, data[0] % 3};
	const char *t = (const char *)data + 1;
	size_t n = size - 1;
	buf out = {0};
	hclean_result r;
	hclean(t, n, &lim, &out, &r);
	if (!out.s || strncmp(out.s, "<!DOCTYPE html>", 15) != 0)
		abort();
	if (r.depth > lim.max_depth || r.tags > lim.max_tags || r.work > lim.max_work)
		abort();
	if (r.cut > n || (r.why == HCLEAN_CUT_NONE && r.cut != n))
		abort();
	if (!memchr(t, 0, n) && strlen(out.s) != out.len)
		abort();
	if (html_depth(out.s, out.len) > HCLEAN_FLAT_FACTOR * (r.depth + 1) + 3)
		abort();
	buf_free(&out);
	return 0;
}
