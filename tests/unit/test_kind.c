/* SPDX-License-Identifier: MIT */
/* Unit tests for kind: the document words are found anywhere in the
 * window, ASCII ones without regard to case, a word cut by the window's end
 * is not found; program outputs are told by their header lines. */
#include <stdlib.h>
#include <string.h>

#include "kind.h"
#include "t.h"

static kind sniff(const char *s)
{
	return kind_sniff(s, strlen(s));
}

int main(void)
{
	CHECK_STR(sniff("<html><body>").what, "an HTML page");
	CHECK_STR(sniff("x\n<HTML lang=zh>").what, "an HTML page");
	CHECK_STR(sniff("  <!DocType html>").what, "an HTML page");
	CHECK_STR(sniff("a\tb\n\t<TABLE border=1>").what, "a document holding HTML tables");
	CHECK_STR(sniff("<<<<table").what, "a document holding HTML tables");
	CHECK_STR(sniff("2025年部门整体预算绩效目标表\n").what, "a 绩效目标表 document");
	CHECK_STR(sniff("标题\t项目名称\t").what, "a 绩效目标表 document");
	CHECK_INT(sniff("plain words <tabl").cls, KIND_UNKNOWN);
	CHECK_INT(sniff("<").cls, KIND_UNKNOWN);
	CHECK_INT(sniff("").cls, KIND_UNKNOWN);
	/* a word past the window is not looked at; one ending at it is */
	size_t n = KIND_SNIFF + 100;
	char *big = malloc(n);
	memset(big, 'x', n);
	memcpy(big + KIND_SNIFF - 3, "<table", 6);
	CHECK_INT(kind_sniff(big, n).cls, KIND_UNKNOWN);
	memcpy(big + KIND_SNIFF - 6, "<TaBlE", 6);
	CHECK_STR(kind_sniff(big, n).what, "a document holding HTML tables");
	free(big);
	/* not UTF-8 when no word says more */
	CHECK_STR(sniff("\xB2\xE2\xCA\xD4 abc def\n").what,
	          "not UTF-8 text (a document in GB18030, or a binary file)");
	/* program outputs */
	CHECK_INT(
	    sniff("doc\tyear\tdept\tproject\tsection\tkey\tfield\tvalue\top\tnum\tunit\tsrc\n").cls,
	    KIND_FACTS);
	CHECK_INT(sniff("doc,year,dept,project,section,key,field,value,op,num,unit,src\r\n").csv,
	          1);
	CHECK_INT(sniff("section\tkey\tdocs\tsum\n").cls, KIND_OUTPUT);
	CHECK_STR(sniff("%PDF-1.4").what, "a PDF document");
	T_END();
}
