/* SPDX-License-Identifier: MIT */
/* xml: expat, streaming. See xml.h. */
#include "xml.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct xml_parser {
	XML_Parser xp;
	const xml_ops *ops;
	void *u;
	int depth;
	int stopped;
	char err[200];
	const char *attrs[2 * 64 + 1]; /* attribute pointers without prefixes */
};

const char *xml_local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

void xml_stop(xml_parser *p, const char *msg)
{
	if (p->stopped)
		return;
	p->stopped = 1;
	snprintf(p->err, sizeof p->err, "%s", msg);
	XML_StopParser(p->xp, XML_FALSE);
}

static void XMLCALL on_start(void *u, const XML_Char *name, const XML_Char **atts)
{
	xml_parser *p = u;
	if (p->stopped)
		return;
	if (++p->depth > XML_MAX_DEPTH) {
		char m[100];
		snprintf(m, sizeof m, "XML elements nested deeper than %d", XML_MAX_DEPTH);
		xml_stop(p, m);
		return;
	}
	int k = 0;
	for (int i = 0; atts[i] && k < 2 * 64; i += 2) {
		p->attrs[k++] = xml_local(atts[i]);
		p->attrs[k++] = atts[i + 1];
	}
	p->attrs[k] = NULL;
	if (p->ops->start)
		p->ops->start(p->u, xml_local(name), p->attrs);
}

static void XMLCALL on_end(void *u, const XML_Char *name)
{
	xml_parser *p = u;
	if (p->stopped)
		return;
	p->depth--;
	if (p->ops->end)
		p->ops->end(p->u, xml_local(name));
}

static void XMLCALL on_text(void *u, const XML_Char *s, int len)
{
	xml_parser *p = u;
	if (!p->stopped && p->ops->text && len > 0)
		p->ops->text(p->u, s, (size_t)len);
}

static void XMLCALL on_doctype(void *u, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal)
{
	xml_stop(u, "XML with a DOCTYPE (not used by office documents)");
}

xml_parser *xml_new(const xml_ops *ops, void *u)
{
	xml_parser *p = xcalloc(1, sizeof *p);
	p->xp = XML_ParserCreate("UTF-8");
	if (!p->xp) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	p->ops = ops;
	p->u = u;
	XML_SetUserData(p->xp, p);
	XML_SetElementHandler(p->xp, on_start, on_end);
	XML_SetCharacterDataHandler(p->xp, on_text);
	XML_SetStartDoctypeDeclHandler(p->xp, on_doctype);
	return p;
}

void xml_free(xml_parser *p)
{
	if (!p)
		return;
	XML_ParserFree(p->xp);
	free(p);
}

int xml_feed(xml_parser *p, const char *s, size_t n, int final)
{
	if (p->stopped)
		return -1;
	while (n > 0 || final) {
		int k = n > (1u << 30) ? 1 << 30 : (int)n;
		if (XML_Parse(p->xp, s, k, final && (size_t)k == n) == XML_STATUS_ERROR) {
			if (!p->stopped)
				snprintf(p->err, sizeof p->err,
				         "XML not well-formed at line %lu: %s",
				         (unsigned long)XML_GetCurrentLineNumber(p->xp),
				         XML_ErrorString(XML_GetErrorCode(p->xp)));
			p->stopped = 1;
			return -1;
		}
		s += k;
		n -= (size_t)k;
		if (n == 0)
			break;
	}
	return p->stopped ? -1 : 0;
}

const char *xml_error(const xml_parser *p)
{
	return p->err;
}

const char *xml_attr(const char **attrs, const char *name)
{
	for (int i = 0; attrs[i]; i += 2)
		if (strcmp(attrs[i], name) == 0)
			return attrs[i + 1];
	return NULL;
}
