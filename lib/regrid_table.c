/* SPDX-License-Identifier: MIT */
/* regrid_table: table titles, row cells and prose indicators told from a
 * label key by the vocabulary's tables. See regrid_table.h. */
#include "regrid_table.h"

#include <stdlib.h>
#include <string.h>

#include "hant.h"
#include "text.h"
#include "util.h"
#include "vocab.h"

const char *regrid_key(buf *out, const char *s, size_t n)
{
	buf_reset(out);
	text_canon(out, s, n);
	char *k = out->s ? out->s : (char *)"", *o = k;
	const char *p = k;
	while (*p == '*')
		p++;
	for (; *p; p++)
		if (*p != ' ')
			*o++ = *p;
	*o = 0;
	hant_fold(k, (size_t)(o - k));
	return k;
}

static unsigned first_hash(const char *k)
{
	const unsigned char *u = (const unsigned char *)k;
	unsigned h = u[0];
	if (u[0] && u[1])
		h = h * 31 + u[1] + (u[2] ? u[2] * 961u : 0);
	return h % 4096;
}

void regrid_starts_add(regrid_starts *st, const char *word)
{
	unsigned h = first_hash(word);
	st->bit[h / 8] |= (unsigned char)(1u << (h % 8));
}

int regrid_starts_may(const regrid_starts *st, const char *key)
{
	unsigned h = first_hash(key);
	return (st->bit[h / 8] >> (h % 8)) & 1;
}

int regrid_table_title(const char *key)
{
	const vocab_word *v = vocab_match(vocab_budget_groups, key);
	return v && v->kind == BG_TABLE;
}

int regrid_table_row_cell(const char *key)
{
	if (!*key)
		return 1;
	int digits = 0, other = 0;
	for (const char *p = key; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p != ',' && *p != '.' && *p != '%' && !(p == key && *p == '-'))
			other++;
	}
	if (digits && !other)
		return 1; /* an amount or a share (`74.8%`) */
	return strcmp(key, VOCAB_W_TOTAL_ROW) == 0 || vocab_syn_match(vocab_budget_nature, key);
}

int regrid_prose(const char *key)
{
	const char *colon = strchr(key, ':');
	if (!colon || colon == key || !colon[1])
		return 0;
	char *word = xmemdup(key, (size_t)(colon - key));
	int lv = vocab_match(vocab_indicator_levels, word) != NULL;
	free(word);
	return lv;
}
