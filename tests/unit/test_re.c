/* SPDX-License-Identifier: MIT */
/* Unit tests for re: compile errors, groups, anchored and unanchored search
 * from an offset, unset groups, invalid UTF-8 subjects. */
#include <string.h>

#include "re.h"
#include "t.h"

int main(void)
{
	char err[200] = "";
	CHECK(re_new("(unclosed", err, sizeof err) == NULL);
	CHECK(err[0] != 0);

	re *r = re_new("([0-9]+)年(底)?|x([a-z])", err, sizeof err);
	CHECK(r != NULL);
	CHECK_INT(re_groups(r), 3);
	const char *s = "在2024年开展";
	size_t b, e;
	CHECK_INT(re_match(r, s, strlen(s), 0, 0), 1);
	CHECK(re_group(r, 0, &b, &e) && b == 3 && e == 10);
	CHECK(re_group(r, 1, &b, &e) && b == 3 && e == 7);
	CHECK(!re_group(r, 2, &b, &e)); /* unset */
	CHECK(!re_group(r, 3, &b, &e));
	CHECK(!re_group(r, 4, &b, &e));                /* out of range */
	CHECK_INT(re_match(r, s, strlen(s), 0, 1), 0); /* anchored at 0: no */
	CHECK_INT(re_match(r, s, strlen(s), 3, 1), 1); /* anchored at 3: yes */
	CHECK_INT(re_match(r, s, strlen(s), 10, 0), 0);
	const char *t = "2024年底";
	CHECK_INT(re_match(r, t, strlen(t), 0, 0), 1);
	CHECK(re_group(r, 2, &b, &e) && b == 7 && e == 10);
	/* invalid UTF-8 around a match: still found */
	const char bad[] = "\xFF\xE3 2024年\xC2";
	CHECK_INT(re_match(r, bad, sizeof bad - 1, 0, 0), 1);
	CHECK(re_group(r, 1, &b, &e) && b == 3 && e == 7);
	CHECK_INT(re_match(r, "", 0, 0, 0), 0);
	re_free(r);
	re_free(NULL);
	T_END();
}
