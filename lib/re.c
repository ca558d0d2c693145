/* SPDX-License-Identifier: MIT */
/* re: PCRE2 wrapper. See re.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "re.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

struct re {
	pcre2_code *code;
	pcre2_match_data *md;
	int jit; /* JIT compilation succeeded */
	int ngroups;
};

re *re_new(const char *pattern, char *err, size_t errsz)
{
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	                                 PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &ec, &eo, NULL);
	if (!code) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(ec, msg, sizeof msg);
		if (err && errsz)
			snprintf(err, errsz, "pattern offset %zu: %s", (size_t)eo, (char *)msg);
		return NULL;
	}
	re *r = xcalloc(1, sizeof *r);
	r->code = code;
	r->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
	r->md = pcre2_match_data_create_from_pattern(code, NULL);
	if (!r->md) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	uint32_t n = 0;
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &n);
	r->ngroups = (int)n;
	return r;
}

void re_free(re *r)
{
	if (!r)
		return;
	pcre2_match_data_free(r->md);
	pcre2_code_free(r->code);
	free(r);
}

int re_groups(const re *r)
{
	return r->ngroups;
}

int re_match(re *r, const char *s, size_t n, size_t start, int anchored)
{
	/* The subject may hold invalid UTF-8 (it passes through canonical text
	 * unchanged): the pattern is compiled with PCRE2_MATCH_INVALID_UTF, so
	 * such bytes simply match nothing and the rest of the subject is still
	 * searched. pcre2_match runs the JIT code when there is some. */
	uint32_t opt = anchored ? PCRE2_ANCHORED : 0;
	int rc = pcre2_match(r->code, (PCRE2_SPTR)s, n, start, opt, r->md, NULL);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
		return 0;
	return -1;
}

int re_group(const re *r, int g, size_t *b, size_t *e)
{
	if (g < 0 || g > r->ngroups)
		return 0;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
	uint32_t cnt = pcre2_get_ovector_count(r->md);
	if ((uint32_t)g >= cnt || ov[2 * g] == PCRE2_UNSET)
		return 0;
	*b = ov[2 * g];
	*e = ov[2 * g + 1];
	return 1;
}
