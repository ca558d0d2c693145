/* SPDX-License-Identifier: MIT */
/* fuzz_enc: libFuzzer target for the decoder (enc_decode). Checks its
 * promise: on success the text is valid UTF-8, NUL-terminated at len, with
 * no NUL inside; on failure text is NULL and err is set. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "enc.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enc_result r;
	if (enc_decode((const char *)data, size, &r) == 0) {
		if (!r.text || r.text[r.len] != 0 || memchr(r.text, 0, r.len))
			abort();
		const unsigned char *p = (const unsigned char *)r.text;
		for (size_t i = 0; i < r.len;) {
			size_t k;
			if (utf8_decode(p + i, r.len - i, &k) < 0)
				abort();
			i += k;
		}
	} else if (r.text || !r.err[0]) {
		abort();
	}
	enc_result_free(&r);
	return 0;
}
