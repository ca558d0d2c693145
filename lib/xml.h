/* SPDX-License-Identifier: MIT */
/* xml: a streaming XML tokenizer over expat (the only module that includes
 * expat.h): start tags with their attributes, end tags and character data
 * are handed to callbacks as they are parsed, so a large sheet never needs
 * a tree. Element and attribute names are given without their namespace
 * prefix (`x:row` -> `row`), as OOXML writers differ in prefixes. Nesting
 * deeper than XML_MAX_DEPTH and any DOCTYPE (entity expansion) are errors.
 * It knows nothing of OOXML. */
#ifndef PG_XML_H
#define PG_XML_H

#include <stddef.h>

#define XML_MAX_DEPTH 256 /* open elements */

typedef struct {
	/* attrs: name, value, name, value ..., NULL; names without prefix */
	void (*start)(void *u, const char *name, const char **attrs);
	void (*end)(void *u, const char *name);
	void (*text)(void *u, const char *s, size_t n);
} xml_ops;

typedef struct xml_parser xml_parser;

xml_parser *xml_new(const xml_ops *ops, void *u);
/* xml_free(NULL) is a no-op. */
void xml_free(xml_parser *p);
/* Parse the next n bytes (final: the document ends). Returns 0, or -1 with
 * the reason in xml_error (not well-formed at line L, too deep, stopped). */
int xml_feed(xml_parser *p, const char *s, size_t n, int final);
const char *xml_error(const xml_parser *p);
/* Stop parsing from a callback: the current xml_feed returns -1 with msg. */
void xml_stop(xml_parser *p, const char *msg);
/* The value of attribute name (without prefix) in attrs, or NULL. */
const char *xml_attr(const char **attrs, const char *name);
/* The name without its namespace prefix. */
const char *xml_local(const char *name);

#endif
