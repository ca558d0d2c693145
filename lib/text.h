/* SPDX-License-Identifier: MIT */
/* text: canonical text (FORMAT.md section 3), the one definition shared by
 * pg-normalize and by pg-extract's key matching. Width folding (U+FF01-U+FF5E
 * to ASCII, U+3000 to space), every listed white-space character to a space,
 * runs collapsed, ends trimmed, and a space kept only between two ASCII
 * letters or digits. The result is idempotent. Invalid UTF-8 bytes pass
 * through unchanged. This module does not know about fields, keys or
 * quantities, and it allocates nothing but the caller's buffer growth. */
#ifndef PG_TEXT_H
#define PG_TEXT_H

#include <stddef.h>

#include "util.h"

/* Append the canonical form of s[0..n) to out (out is not reset first).
 * The canonical form is never longer than the input. */
void text_canon(buf *out, const char *s, size_t n);

/* Append the canonical form of a key: s[0..n) is split on '|', each part is
 * canonicalised, and the parts are joined again with '|'. A '|' that width
 * folding makes out of U+FF5C inside a part becomes U+00A6 (as pg-extract
 * does with labels), so the key keeps its parts. */
void text_canon_key(buf *out, const char *s, size_t n);

/* 1 when code point cp is white space in the sense of section 3 step 2
 * (TAB, LF, VT, FF, CR, space, U+0085, U+00A0, U+1680, U+180E,
 * U+2000-U+200B, U+2028, U+2029, U+202F, U+205F, U+2060, U+3000, U+FEFF). */
int text_is_space(long cp);
/* Width folding of one code point (step 1): U+FF01-U+FF5E to U+0021-U+007E,
 * U+3000 to a space; others unchanged. */
long text_fold(long cp);

/* Byte classes for canonical text: TEXT_PLAIN bytes are copied as they
 * are; TEXT_SPACE are TAB, LF, VT, FF, CR and space; TEXT_LEAD are the
 * UTF-8 lead bytes of the characters that fold or count as space (C2, E2,
 * E3, EF), to be decoded. The one table of them. */
enum { TEXT_PLAIN, TEXT_SPACE, TEXT_LEAD };
extern const unsigned char text_class[256];

/* The length of the longest prefix of s[0..n) with no byte that canonical
 * text or a label key may change or must look at: no TAB, LF, VT, FF, CR or
 * space, and no UTF-8 lead byte of a character that folds or counts as
 * space (C2, E2, E3, EF). Eight bytes at a time; most cells are all plain. */
size_t text_plain_prefix(const char *s, size_t n);

/* 1 when s[0..n) is already canonical (text_canon would not change it). */
int text_is_canon(const char *s, size_t n);

/* The canonical form of s[0..n) without copying when it is already
 * canonical: returns s itself, or tmp->s after text_canon into tmp (reset
 * first). *outn gets the length. key nonzero: as text_canon_key. */
const char *text_canon_ref(buf *tmp, const char *s, size_t n, int key, size_t *outn);

#endif
