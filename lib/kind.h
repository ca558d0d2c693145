/* SPDX-License-Identifier: MIT */
/* kind: what an input is, told from its first bytes, for messages that name
 * a wrong input: the outputs of the four programs (fact stream, pg-sum's
 * checks and totals, pg-diff's changes and report; as TSV or as CSV) and
 * the documents pg-extract reads (HTML pages, 绩效目标表 text and exports,
 * ZIP, PDF and OLE2 containers, UTF-16 or non-UTF-8 text). The signs are
 * tables walked in order. This is a guess for a message, never a decision
 * about how to read an input: pg-extract's readers decide that. */
#ifndef PG_KIND_H
#define PG_KIND_H

#include <stddef.h>

#define KIND_SNIFF 65536 /* bytes of an input worth looking at */

typedef enum {
	KIND_UNKNOWN,  /* none of the below */
	KIND_DOCUMENT, /* something for pg-extract */
	KIND_FACTS,    /* a fact stream (pg-extract, pg-normalize) */
	KIND_OUTPUT,   /* another program's output: sum checks or totals, diff */
} kind_class;

typedef struct {
	kind_class cls;
	int csv;          /* the CSV form (--format csv) */
	const char *what; /* "a fact stream", "pg-diff output (changes)", "an HTML page" ... */
} kind;

/* Look at s[0..n) (the start of an input; n may be less than the whole)
 * and say what it is. what is a static string, "" for KIND_UNKNOWN. */
kind kind_sniff(const char *s, size_t n);

#endif
