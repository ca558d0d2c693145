/* SPDX-License-Identifier: MIT */
/* fuzz_qty: libFuzzer target for the quantity parser and canonical text.
 * The input is split at the first two NUL bytes into value, unit column and
 * year. Checks the properties the pipeline relies on: canonical text is
 * idempotent; a parsed number is canonical (dec_parse and dec_format give it
 * back unchanged); a date is YYYY-MM-DD; an empty result has no unit. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "qty.h"
#include "text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *v = (const char *)data, *end = v + size;
	const char *z1 = memchr(v, 0, size);
	const char *u = z1 ? z1 + 1 : end;
	const char *z2 = z1 ? memchr(u, 0, (size_t)(end - u)) : NULL;
	const char *y = z2 ? z2 + 1 : end;
	size_t vn = (size_t)((z1 ? z1 : end) - v), un = (size_t)((z2 ? z2 : end) - u);
	size_t yn = (size_t)(end - y);

	buf c1 = {0}, c2 = {0};
	text_canon(&c1, v, vn);
	text_canon(&c2, buf_str(&c1), c1.len);
	if (c1.len != c2.len || memcmp(buf_str(&c1), buf_str(&c2), c1.len) != 0)
		abort();

	qty q;
	int rc = qty_parse(buf_str(&c1), c1.len, u, un, y, yn, &q);
	if (rc == QTY_NUM) {
		dec d;
		char back[DEC_BUFSZ];
		if (dec_parse(q.num, q.num_len, &d) != DEC_OK)
			abort();
		size_t bn = dec_format(d, back);
		if (bn != q.num_len || memcmp(back, q.num, bn) != 0)
			abort();
	} else if (rc == QTY_DATE) {
		if (q.num_len != 10 || q.num[4] != '-' || q.num[7] != '-')
			abort();
	} else if (q.num_len || q.unit_len) {
		abort();
	}
	buf_free(&c1);
	buf_free(&c2);
	return 0;
}
