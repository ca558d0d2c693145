/* SPDX-License-Identifier: MIT */
/* t.h: the unit-test harness. Each CHECK prints "ok"/"FAIL" with its place;
 * T_END prints "unit: N passed, M failed" for tests/run.sh and sets the exit
 * status. Header-only on purpose: one test file = one program. */
#ifndef PG_T_H
#define PG_T_H

#include <stdio.h>
#include <string.h>

static int t_pass, t_fail;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (cond) {                                                                        \
			t_pass++;                                                                  \
		} else {                                                                           \
			t_fail++;                                                                  \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                     \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	do {                                                                                       \
		const char *g_ = (got), *w_ = (want);                                              \
		if (g_ && w_ && strcmp(g_, w_) == 0) {                                             \
			t_pass++;                                                                  \
		} else {                                                                           \
			t_fail++;                                                                  \
			printf("FAIL %s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,    \
			       #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                      \
		}                                                                                  \
	} while (0)

#define CHECK_INT(got, want)                                                                       \
	do {                                                                                       \
		long long g_ = (long long)(got), w_ = (long long)(want);                           \
		if (g_ == w_) {                                                                    \
			t_pass++;                                                                  \
		} else {                                                                           \
			t_fail++;                                                                  \
			printf("FAIL %s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__, #got,  \
			       g_, w_);                                                            \
		}                                                                                  \
	} while (0)

#define T_END()                                                                                    \
	do {                                                                                       \
		printf("unit %s: %d passed, %d failed\n", __FILE__, t_pass, t_fail);               \
		return t_fail != 0;                                                                \
	} while (0)

#endif
