/* SPDX-License-Identifier: MIT */
/* frames: are framed lines rows? See frames.h. */
#include "frames.h"

#include <string.h>

#include "regrid_table.h"
#include "util.h"
#include "vocab.h"

int frames_not_rows(const char *text, size_t n)
{
	size_t i = 0, len;
	const char *s;
	buf key = {0};
	int found = 0;
	while (!found && pg_next_line(text, n, &i, &s, &len)) {
		int head = 0, cells = 0, other = 0, title = 0;
		for (size_t a = 0; a < len && cells < FRAMES_MAX_CELLS && !found; cells++) {
			const char *q = memchr(s + a, '|', len - a);
			size_t e = q ? (size_t)(q - s) : len;
			const char *k = regrid_key(&key, s + a, e - a);
			a = e + 1;
			if (!*k)
				continue;
			const vocab_word *v = vocab_match(vocab_indicator_headers, k);
			const vocab_word *b = vocab_match(vocab_block_labels, k);
			if (title && b)
				found = 1; /* a form's title, then a block label */
			title |= vocab_contains(vocab_title_words, k) != 0;
			int field = vocab_syn_match(vocab_indicator_fields, k) != NULL;
			if (v && (v->kind == IR_L1 || v->kind == IR_L2))
				found = other; /* a level column after another row's end */
			if (v || field)
				head = 1; /* a header word, or an extra column's name */
			else if (head && vocab_match(vocab_indicator_levels, k))
				found = 1; /* a data row's level name after it */
			else if (!(b && b->kind == BLK_INDICATOR))
				other = 1; /* neither the table's label nor a header word */
		}
	}
	buf_free(&key);
	return found;
}
