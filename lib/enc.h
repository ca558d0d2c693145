/* SPDX-License-Identifier: MIT */
/* enc: the first stage of every reader, bytes of unknown encoding -> UTF-8
 * text. It decides the encoding by one fixed rule (byte-order mark, else
 * UTF-16 by its zero bytes, else valid UTF-8, else a <meta> charset
 * declaration, else mostly-valid UTF-8 repaired, else GB18030 when the whole
 * input decodes cleanly, else an error; docs/readers.md) and converts the
 * whole buffer with iconv. The output is always valid UTF-8 without NUL
 * bytes. It does not touch line ends (CRLF and lone CR stay), whitespace or
 * anything else about the text: that is the next stage's business. */
#ifndef PG_ENC_H
#define PG_ENC_H

#include <stddef.h>

#define ENC_MAX_INPUT ((size_t)256 << 20) /* bytes of input accepted */
#define ENC_SNIFF_BYTES 4096              /* where a <meta> charset is looked for */

typedef struct enc_result {
	char *text;        /* UTF-8, NUL-terminated, owned; NULL after an error */
	size_t len;        /* bytes in text, without the terminating NUL */
	char encoding[48]; /* what the input was: "UTF-8", "UTF-16LE", "GB18030" ... */
	const char *how;   /* why (static): "bom", "utf16-zeros", "valid", "declared",
	                      "mostly-utf8", "gb18030-clean"; "" after an error */
	size_t replaced;   /* invalid bytes replaced by U+FFFD (mostly-utf8 only) */
	size_t nuls;       /* NUL characters dropped from the text */
	char err[256];     /* the message when enc_decode fails */
} enc_result;

/* Decode bytes[0..n) into out (which need not be initialised). Returns 0 on
 * success: out->text holds the UTF-8 text, to be freed with enc_result_free.
 * Returns -1 on failure (input over ENC_MAX_INPUT, encoding undetermined,
 * invalid bytes under a byte-order mark): out->text is NULL and out->err says
 * why, e.g. "cannot determine the text encoding". A caller should warn when
 * out->replaced or out->nuls is non-zero. */
int enc_decode(const char *bytes, size_t n, enc_result *out);

/* Free out->text and reset it to NULL. NULL is a no-op. */
void enc_result_free(enc_result *out);

#endif
