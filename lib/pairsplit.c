/* SPDX-License-Identifier: MIT */
/* pairsplit: where a glued label/value cell splits. See pairsplit.h. */
#include "pairsplit.h"

#include <string.h>

#include "text.h"
#include "util.h"
#include "vocab.h"

/* The longest word of vocab_glued_labels that s[0..n) starts with: its
 * length in bytes, or 0. */
static size_t label_at(const char *s, size_t n)
{
	size_t best = 0;
	for (int i = 0; vocab_glued_labels[i]; i++) {
		size_t m = strlen(vocab_glued_labels[i]);
		if (m <= n && m > best && memcmp(s, vocab_glued_labels[i], m) == 0)
			best = m;
	}
	return best;
}

/* Is s[0..n) a value: not empty, not a colon first (`label:value` cells
 * are the pair readers'), and not itself a label of the vocabulary? */
static int value(const char *s, size_t n)
{
	if (!n || *s == ':' || *s == ' ' || (n >= 3 && memcmp(s, "\xEF\xBC\x9A", 3) == 0))
		return 0;
	buf k = {0};
	text_canon(&k, s, n);
	int label = k.s && (vocab_match(vocab_block_labels, k.s) || label_at(k.s, k.len) == k.len);
	buf_free(&k);
	return !label;
}

int pairsplit_cuts(const char *s, size_t n, size_t *cut, int max)
{
	if (max > PAIRSPLIT_MAX_CUTS)
		max = PAIRSPLIT_MAX_CUTS;
	size_t m = label_at(s, n);
	if (!m || max < 1 || !value(s, n))
		return 0; /* the whole cell a label (主管部门及代码): not a pair */
	/* the value runs to the next label that has a value after it */
	int k = 0;
	size_t from = m;
	while (k < max) {
		size_t e = from, l = 0;
		while (e < n) {
			l = e > from ? label_at(s + e, n - e) : 0;
			if (l && value(s + e + l, n - e - l))
				break;
			l = 0;
			e += utf8_len((const unsigned char *)s + e, n - e);
		}
		if (!value(s + from, e - from))
			return 0; /* a label with no value of its own: not a pair */
		cut[k++] = from;
		if (!l || k + 2 > max)
			break;
		cut[k++] = e; /* the next pair's label */
		from = e + l;
	}
	return k;
}
