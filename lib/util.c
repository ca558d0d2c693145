/* SPDX-License-Identifier: MIT */
/* util: allocation wrappers, the byte buffer, UTF-8 primitives. See util.h. */
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void die_oom(size_t n)
{
	fprintf(stderr, "pg-tools: out of memory (%zu bytes)\n", n);
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		die_oom(SIZE_MAX);
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}

char *xmemdup(const void *s, size_t n)
{
	char *p = xmalloc(n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void buf_grow(buf *b, size_t extra)
{
	if (extra >= SIZE_MAX - b->len - 1)
		die_oom(SIZE_MAX);
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

/* buf_add and buf_addc call buf_grow only when the room left (cap - len,
 * which holds the NUL) is short: most adds fit. */
void buf_add(buf *b, const void *p, size_t n)
{
	if (n >= b->cap - b->len)
		buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = 0;
}

void buf_addc(buf *b, int c)
{
	if (b->cap - b->len <= 1)
		buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = 0;
}

void buf_adds(buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

int buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n >= 0) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
	return n;
}

void buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void warn_add(warnings *w, long line, const char *fmt, ...)
{
	buf m = {0};
	buf_grow(&m, 0); /* an empty message is "", not NULL */
	va_list ap;
	va_start(ap, fmt);
	int n = buf_vprintf(&m, fmt, ap);
	va_end(ap);
	if (n < 0) {
		buf_free(&m);
		return;
	}
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 8;
		w->v = xreallocarray(w->v, w->cap, sizeof *w->v);
	}
	w->v[w->n].line = line;
	w->v[w->n].msg = m.s;
	w->n++;
}

void warn_free(warnings *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].msg);
	free(w->v);
	*w = (warnings){0};
}

void buf_reset(buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = 0;
}

void buf_free(buf *b)
{
	if (!b)
		return;
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

char *strarena_memdup(strarena *a, const void *s, size_t n)
{
	if ((size_t)(a->end - a->next) <= n) {
		size_t cap = n + 1 > STRARENA_CHUNK ? n + 1 : STRARENA_CHUNK;
		strarena_chunk *c = xmalloc(sizeof *c + cap);
		c->cap = cap;
		if (a->head && cap > STRARENA_CHUNK) { /* a big string's own chunk goes second */
			c->next = a->head->next;
			a->head->next = c;
			memcpy(c->data, s, n);
			c->data[n] = 0;
			return c->data;
		}
		c->next = a->head;
		a->head = c;
		a->next = c->data;
		a->end = c->data + cap;
	}
	char *p = a->next;
	memcpy(p, s, n);
	p[n] = 0;
	a->next += n + 1;
	return p;
}

char *strarena_strdup(strarena *a, const char *s)
{
	return strarena_memdup(a, s, strlen(s));
}

void strarena_reset(strarena *a)
{
	if (!a->head)
		return;
	strarena_chunk *keep = a->head, *c = keep->next;
	while (c) {
		strarena_chunk *nx = c->next;
		free(c);
		c = nx;
	}
	keep->next = NULL;
	a->next = keep->data;
	a->end = keep->data + keep->cap;
}

void strarena_free(strarena *a)
{
	strarena_reset(a);
	free(a->head);
	a->head = NULL;
	a->next = a->end = NULL;
}

const char *buf_str(const buf *b)
{
	return b->s ? b->s : "";
}

char *pg_basename_noext(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return xmemdup(base, n);
}

long utf8_decode(const unsigned char *s, size_t avail, size_t *n)
{
	*n = 1;
	if (!avail)
		return -1;
	unsigned c = s[0];
	if (c < 0x80)
		return c;
	int len;
	long cp, min;
	if ((c & 0xE0) == 0xC0)
		len = 2, cp = c & 0x1F, min = 0x80;
	else if ((c & 0xF0) == 0xE0)
		len = 3, cp = c & 0x0F, min = 0x800;
	else if ((c & 0xF8) == 0xF0)
		len = 4, cp = c & 0x07, min = 0x10000;
	else
		return -1;
	if ((size_t)len > avail)
		return -1;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*n = (size_t)len;
	return cp;
}

size_t utf8_len(const unsigned char *s, size_t avail)
{
	size_t n;
	utf8_decode(s, avail, &n);
	return n;
}

void utf8_put(buf *b, long cp)
{
	char t[4];
	size_t n;
	if (cp < 0x80)
		t[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		t[0] = (char)(0xC0 | (cp >> 6)), t[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	else if (cp < 0x10000)
		t[0] = (char)(0xE0 | (cp >> 12)), t[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
		t[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	else
		t[0] = (char)(0xF0 | (cp >> 18)), t[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), t[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	buf_add(b, t, n);
}

int pg_only_of(const char *s, size_t n, const char *const *set, size_t nset)
{
	size_t i = 0;
	while (i < n) {
		size_t k = 0;
		for (size_t d = 0; !k && d < nset; d++) {
			size_t m = strlen(set[d]);
			if (n - i >= m && memcmp(s + i, set[d], m) == 0)
				k = m;
		}
		if (!k)
			return 0;
		i += k;
	}
	return n > 0;
}

int pg_numeric(const char *s, size_t n)
{
	int digits = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != ',' && s[i] != '.' && !(i == 0 && s[i] == '-'))
			return 0;
	}
	return digits > 0;
}

int pg_next_line(const char *text, size_t n, size_t *i, const char **s, size_t *len)
{
	if (*i >= n)
		return 0;
	size_t a = *i, b = a;
	while (b < n && text[b] != '\n' && text[b] != '\r')
		b++;
	*s = text + a;
	*len = b - a;
	if (b < n && text[b] == '\r' && b + 1 < n && text[b + 1] == '\n')
		b++;
	*i = b < n ? b + 1 : b;
	return 1;
}
