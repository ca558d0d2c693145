/* SPDX-License-Identifier: MIT */
/* Unit tests for diff: the escaped byte order, the Dice coefficient over code
 * points, the exact threshold, markdown cell escaping, and diff_run on small
 * in-memory streams (matching, duplicates, the --sorted order check). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "t.h"
#include "tsv.h"

static int esc_cmp(const char *a, const char *b)
{
	return diff_esc_cmp(a, strlen(a), b, strlen(b));
}

/* The escaped order by definition: escape both, compare the bytes. */
static int esc_cmp_ref(const char *a, size_t an, const char *b, size_t bn)
{
	char ea[64], eb[64];
	size_t na = 0, nb = 0;
	for (size_t i = 0; i < an; i++) {
		char c = a[i], e = c == '\\'   ? '\\'
		                   : c == '\t' ? 't'
		                   : c == '\n' ? 'n'
		                   : c == '\r' ? 'r'
		                               : 0;
		if (e)
			ea[na++] = '\\', ea[na++] = e;
		else
			ea[na++] = c;
	}
	for (size_t i = 0; i < bn; i++) {
		char c = b[i], e = c == '\\'   ? '\\'
		                   : c == '\t' ? 't'
		                   : c == '\n' ? 'n'
		                   : c == '\r' ? 'r'
		                               : 0;
		if (e)
			eb[nb++] = '\\', eb[nb++] = e;
		else
			eb[nb++] = c;
	}
	int c = memcmp(ea, eb, na < nb ? na : nb);
	if (!c)
		c = (na > nb) - (na < nb);
	return c < 0 ? -1 : c > 0;
}

/* diff_esc_cmp against the definition on random texts of bytes that
 * matter: the specials, their letters, their neighbours, NUL, high bytes;
 * long common prefixes too (the word-at-a-time scan). */
static void esc_cmp_random(void)
{
	static const char alpha[] = {'\\', '\t', '\n', '\r',       't',        'n',  'r',  '[',
	                             ']',  'a',  0,    (char)0xe4, (char)0xff, 0x08, 0x0b, 0x5b};
	uint64_t st = 42;
	int bad = 0;
	for (int it = 0; it < 200000; it++) {
		char a[24], b[24];
		st = st * 6364136223846793005u + 1442695040888963407u;
		size_t an = (st >> 33) % 24, bn = (st >> 45) % 24, common = (st >> 20) % 24;
		for (size_t i = 0; i < 24; i++) {
			st = st * 6364136223846793005u + 1442695040888963407u;
			a[i] = alpha[(st >> 40) % sizeof alpha];
			b[i] = i < common ? a[i] : alpha[(st >> 50) % sizeof alpha];
		}
		int got = diff_esc_cmp(a, an, b, bn), want = esc_cmp_ref(a, an, b, bn);
		if (got != want && bad++ < 5)
			printf("FAIL esc_cmp_random: iteration %d: got %d, want %d\n", it, got,
			       want);
	}
	CHECK(bad == 0);
}

static void dice(const char *a, const char *b, long long wn, long long wd)
{
	long long n = -1, d = -1;
	diff_dice(a, strlen(a), b, strlen(b), &n, &d);
	CHECK_INT(n, wn);
	CHECK_INT(d, wd);
}

static char *md(const char *s)
{
	char *p = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&p, &n);
	diff_md_cell(m, s, strlen(s));
	fclose(m);
	return p;
}

/* Run diff_run on two in-memory streams; the output goes to *out (caller
 * frees), the first error into msg/line. */
static int run(const diff_opts *o, const char *a, const char *b, char **out, char *msg, long *line)
{
	FILE *fa = fmemopen((void *)a, strlen(a), "r"), *fb = fmemopen((void *)b, strlen(b), "r");
	size_t n = 0;
	FILE *m = open_memstream(out, &n);
	diff_errors e;
	int st = diff_run(o, (diff_input){fa, "old"}, (diff_input){fb, "new"}, m, &e);
	fclose(m);
	fclose(fa);
	fclose(fb);
	msg[0] = 0;
	*line = 0;
	if (e.n) {
		snprintf(msg, 400, "%s:%s", e.e[0].file ? e.e[0].file : "", e.e[0].msg);
		*line = e.e[0].line;
	}
	return st;
}

#define H "doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc\n"
#define R(sec, key, field, value, op, num, unit)                                                   \
	"d\t2024\tD\t\t" sec "\t" key "\t" field "\t" value "\t" op "\t" num "\t" unit "\t\n"

int main(void)
{
	/* escaped order: TAB sorts as "\t" (0x5C 0x74), not as 0x09 */
	CHECK(esc_cmp("aA", "a\tb") < 0);
	CHECK(esc_cmp("a\tb", "aa") < 0);
	CHECK(esc_cmp("a\\", "a]") < 0);    /* 0x5C < 0x5D */
	CHECK(esc_cmp("a\\", "a\\\\") < 0); /* prefix first */
	CHECK(esc_cmp("", "a") < 0);
	CHECK(esc_cmp("x\ny", "x\ny") == 0);
	CHECK(esc_cmp("\xe4\xba\xa7", "a") > 0); /* bytes unsigned */
	CHECK(esc_cmp("a\n", "a\t") < 0);        /* "\n" < "\t" */
	esc_cmp_random();

	/* Dice over code points */
	dice("abcde", "abcxy", 4, 8);
	dice("人大", "人小", 0, 2); /* bytes would share bigrams here */
	dice("人大代表", "人大代会", 4, 6);
	dice("aaa", "aa", 2, 3); /* multisets */
	dice("", "", 1, 1);
	dice("a", "a", 1, 1);
	dice("a", "b", 0, 1);
	dice("\xff\xfe", "\xff\xfe", 2, 2); /* invalid bytes still count */
	CHECK(diff_ratio_ge(4, 8, (dec){5, 1}));
	CHECK(!diff_ratio_ge(4, 8, (dec){51, 2}));
	CHECK(diff_ratio_ge(0, 1, (dec){0, 0}));
	CHECK(diff_ratio_ge(1, 1, (dec){1, 0}));
	CHECK(!diff_ratio_ge(999, 1000, (dec){1, 0}));

	char *s = md("a|b\\c\nd*e");
	CHECK_STR(s, "a\\|b\\\\c d\\*e");
	free(s);

	diff_opts o;
	diff_opts_init(&o);
	char *out, msg[400];
	long line;
	const char *old = H R("budget", "G|x", "amount", "1", "=", "1", "万元")
	    R("task", "t", "amount", "15000元", "=", "1.5", "万元");
	const char *new = H R("budget", "G|x", "amount", "1.5", "=", "1.5", "万元")
	    R("task", "t", "amount", "1.5万元", "=", "1.5", "万元");
	CHECK_INT(run(&o, old, new, &out, msg, &line), 1);
	CHECK_STR(out, "change\tdept\tproject\tsection\tkey\tfield\told\tnew\tdelta\tpct\n"
	               "changed\tD\t\tbudget\tG|x\tamount\t1\t1.5\t0.5\t50\n");
	free(out);
	CHECK_INT(run(&o, old, old, &out, msg, &line), 0);
	CHECK_STR(out, "change\tdept\tproject\tsection\tkey\tfield\told\tnew\tdelta\tpct\n");
	free(out);
	/* the unit change: equal (op, num, unit), so same, delta 0 */
	o.all = 1;
	CHECK_INT(run(&o, old, new, &out, msg, &line), 1);
	CHECK(strstr(out, "same\tD\t\ttask\tt\tamount\t15000元\t1.5万元\t0\t0\n") != NULL);
	free(out);
	o.all = 0;

	/* duplicates: the second occurrence is named, with the first */
	const char *dup = H R("task", "t", "no", "1", "=", "1", "")
	    R("task", "u", "no", "2", "=", "2", "") R("task", "t", "no", "3", "=", "3", "");
	CHECK_INT(run(&o, dup, old, &out, msg, &line), 2);
	CHECK_STR(msg, "old:duplicate record (first at line 2)");
	CHECK_INT(line, 4);
	CHECK_STR(out, "");
	free(out);
	/* in --sorted mode the same duplicate is adjacent once sorted */
	o.sorted = 1;
	const char *dups =
	    H R("task", "t", "no", "1", "=", "1", "") R("task", "t", "no", "3", "=", "3", "");
	CHECK_INT(run(&o, old, dups, &out, msg, &line), 2);
	CHECK_STR(msg, "new:duplicate record (first at line 2)");
	CHECK_INT(line, 3);
	free(out);
	/* and out of order is named with the sort command */
	CHECK_INT(run(&o, dup, old, &out, msg, &line), 2);
	CHECK(strstr(msg, "old:input not sorted (use sort: ") == msg);
	CHECK(strstr(msg, "LC_ALL=C sort -t") != NULL);
	CHECK_INT(line, 4); /* t, u, then t again */
	free(out);
	o.sorted = 0;

	/* a bad input names its line */
	CHECK_INT(run(&o, H "a\tb\n", old, &out, msg, &line), 2);
	CHECK_STR(msg, "old:expected 12 fields, found 2");
	CHECK_INT(line, 2);
	free(out);
	CHECK_INT(run(&o, old, "", &out, msg, &line), 2);
	CHECK(strstr(msg, "empty input") != NULL);
	free(out);
	T_END();
}
