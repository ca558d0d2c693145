/* SPDX-License-Identifier: MIT */
/* hant: traditional characters folded to simplified, for label keys. A form
 * written in traditional characters (岳陽樓區 ... 績效目標表), sometimes with
 * each character's pinyin after it (`績效目標(biāo)表`, a site's reading
 * aid), is matched against the vocabulary, and its labels keyed, in
 * simplified characters without those readings. The table is data
 * (hant_table.h, generated from Unihan by tools/hant-table.py). Values are
 * never folded: only the keys that label matching computes (form_labkey,
 * regrid's key_of). It knows nothing of forms. */
#ifndef PG_HANT_H
#define PG_HANT_H

#include <stddef.h>

/* The simplified form of code point cp, or cp itself. */
long hant_simplified(long cp);

/* Offset of the first byte of s[0..n) that hant_fold would change (a
 * traditional character, or a pinyin reading in brackets after a CJK
 * character: `(biāo)`, lowercase letters with at least one tone mark, at
 * most 8 letters), or n when there is none. */
size_t hant_first(const char *s, size_t n);

/* Fold s[0..n) in place: traditional characters to simplified (the same
 * UTF-8 length), pinyin readings dropped. Returns the new length; a NUL is
 * written there when it is shorter. */
size_t hant_fold(char *s, size_t n);

#endif
