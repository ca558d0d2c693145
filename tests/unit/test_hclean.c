/* SPDX-License-Identifier: MIT */
/* Unit tests for hclean: the HTML5 tokenizer's reading of comments, quotes
 * and raw text; what is written anew; the depth, tag and work limits, each
 * at its edge; and the bound on the tree gumbo builds from the result
 * (html_depth), on each hostile shape of issue 18. */
#include <stdlib.h>
#include <string.h>

#include "hclean.h"
#include "html.h"
#include "t.h"

static hclean_result r;

/* hclean with the given limits; the text written, without the doctype. */
static const char *clean(const char *h, int depth, long tags, long work)
{
	static buf b;
	buf_free(&b);
	hclean_limits lim = {depth, tags, work};
	hclean(h, strlen(h), &lim, &b, &r);
	const char *dt = "<!DOCTYPE html>";
	return strncmp(b.s, dt, strlen(dt)) == 0 ? b.s + strlen(dt) : "(no doctype)";
}

static const char *big(void)
{
	return clean("", 1000, 1000000, 30000000);
}

/* s repeated k times after head, then tail */
static char *rep(const char *head, const char *s, long k, const char *tail)
{
	buf b = {0};
	buf_adds(&b, head);
	for (long i = 0; i < k; i++)
		buf_adds(&b, s);
	buf_adds(&b, tail);
	return b.s;
}

/* hclean with the real limits, then gumbo on its text: the bound holds */
static void bounded(const char *h)
{
	buf b = {0};
	hclean_limits lim = {HTML_MAX_DEPTH, HTML_MAX_TAGS, HTML_MAX_WORK};
	hclean(h, strlen(h), &lim, &b, &r);
	int d = html_depth(b.s, b.len);
	if (d > HCLEAN_FLAT_FACTOR * (r.depth + 1) + 3)
		printf("depth %d, counted %d\n", d, r.depth);
	CHECK(d <= HCLEAN_FLAT_FACTOR * (r.depth + 1) + 3);
	buf_free(&b);
}

int main(void)
{
	(void)big;
	/* dropped tags leave their text; kept ones are written anew */
	CHECK_STR(clean("<SPAN class=x>a</span><B>b</B>", 10, 100, 1000), "ab");
	CHECK_STR(clean("<TD style='w' ColSpan=' 3' rowspan=x ROWSPAN=2>a", 10, 100, 1000),
	          "<td colspan=\"3\">a");
	CHECK_STR(clean("<td rowspan=0 colspan=99999999999>", 10, 100, 1000),
	          "<td colspan=\"999999999\" rowspan=\"0\">");
	CHECK_STR(clean("<div/><br/></br><p/>x", 10, 100, 1000), "<div><br><br><p>x");
	CHECK_INT(r.depth, 1); /* <div/> opens a div: HTML ignores the slash */
	/* line breaks kept: in a kept tag, as a comment for dropped markup */
	CHECK_STR(clean("<td\nclass=a\n>x<span\n>y<!--\n\n-->z", 10, 100, 1000),
	          "<td\n\n>x<!--\n-->y<!--\n\n-->z");
	CHECK_STR(clean("a\r\n<i\r\n>b", 10, 100, 1000), "a\r\n<!--\n-->b");
	/* comments as HTML5 ends them: <!--> and <!---> are whole comments */
	CHECK_STR(clean("<!--><div>a<!---><div>b<!-- x --!><div>c", 10, 100, 1000),
	          "<div>a<div>b<div>c");
	CHECK_INT(r.depth, 3);
	CHECK_STR(
	    clean("<!-- <div> -- > --><?php x ?><!DOCTYPE html><![CDATA[<div>]]>e", 10, 100, 1000),
	    "]]>e");
	/* a quote inside an attribute's name does not start a value */
	CHECK_STR(clean("<p a\"b=1 c='>'>x<div>", 10, 100, 1000), "<p>x<div>");
	CHECK_INT(r.depth, 1);
	/* "<" as text; one that ends a text before dropped markup is escaped */
	CHECK_STR(clean("1 < 2 <3 <<b>/x>", 10, 100, 1000), "1 < 2 <3 &lt;/x>");
	CHECK_STR(clean("a</>b</ x>c</", 10, 100, 1000), "abc</");
	/* raw text: script and style lose it, the others keep it as written */
	CHECK_STR(clean("<script>if (a<b) x = '</scripts>';</SCRIPT >y", 10, 100, 1000),
	          "<script></script>y");
	CHECK_STR(clean("<xmp><div><table></xmp/><title>a<b>&amp;</title>", 10, 100, 1000),
	          "<xmp><div><table></xmp><title>a<b>&amp;</title>");
	CHECK_INT(r.depth, 0);
	CHECK_STR(clean("<plaintext><div></plaintext>", 10, 100, 1000),
	          "<plaintext><div></plaintext>");
	/* template: dropped with its content, a table in it said */
	CHECK_STR(clean("a<template><template></template><table><script></template></script>"
	                "</template>b",
	                10, 100, 1000),
	          "ab");
	CHECK_INT(r.template_table, 1);
	/* a tag the text ends inside is no tag */
	CHECK_STR(clean("a<div class=\"x>", 10, 100, 1000), "a");

	/* the stack: an end tag closes what is open up to its element, when in
	 * scope; a stray one closes nothing */
	clean("<div><ul><section></div></x></y></div></ul><div>", 10, 100, 1000);
	CHECK_INT(r.depth, 3);
	clean("<div></span></span></span><div><div>", 10, 100, 1000);
	CHECK_INT(r.depth, 3);
	clean("<div><table><tr><td></div><div>", 10, 100, 1000); /* behind a table */
	CHECK_INT(r.depth, 3);
	clean("<noscript><p></noscript><noscript>", 10, 100, 1000);
	CHECK_INT(r.depth, 2);
	clean("<noscript></noscript><noscript>", 10, 100, 1000);
	CHECK_INT(r.depth, 1);

	/* limits: depth at the tag that opens one too many */
	clean("<div><div><div>x", 2, 100, 1000);
	CHECK_INT(r.why, HCLEAN_CUT_DEPTH);
	CHECK_INT(r.cut, 10);
	clean("<div><div>\n<div>x", 3, 100, 1000);
	CHECK_INT(r.why, HCLEAN_CUT_NONE);
	CHECK_INT(r.cut, 17);
	/* tags: those written count, dropped ones and comments not */
	CHECK_STR(clean("<p><i>a</i></p><!-- x --><p>b", 10, 3, 1000), "<p>a</p><p>b");
	CHECK_INT(r.why, HCLEAN_CUT_NONE);
	CHECK_STR(clean("<p><i>a</i></p><!-- x --><p>b", 10, 2, 1000), "<p>a</p>");
	CHECK_INT(r.why, HCLEAN_CUT_TAGS);
	CHECK_INT(r.cut, 25);
	/* work: the depth each tag is met at (with its own element), plus one */
	clean("<div><div></div></div>", 10, 100, 10); /* 2 + 3 + 3 + 2 */
	CHECK_INT(r.why, HCLEAN_CUT_NONE);
	CHECK_INT(r.work, 10);
	clean("<div>\n<div></div></div>", 10, 100, 7);
	CHECK_INT(r.why, HCLEAN_CUT_WORK);
	CHECK_INT(r.cut_line, 2);

	/* a 1 MB attribute value is markup, not text: nothing is cut, and the
	 * next cell is whole */
	char *attr = rep("<td title=\"", "x", 1100000, "\">a</td><td>实施单位</td>");
	CHECK_STR(clean(attr, 10, 100, 1000), "<td>a</td><td>实施单位</td>");
	CHECK_INT(r.runs_cut, 0);
	free(attr);
	char *longtext = rep("<td>", "y", 1100000, "</td>\n<td>z</td>");
	clean(longtext, 10, 100, 1000);
	CHECK_INT(r.runs_cut, 1);
	CHECK_INT(r.run_line, 1);
	free(longtext);

	/* the hostile shapes of issue 18: gumbo's tree stays within the bound */
	const char *shapes[][3] = {
	    {"", "<div/>", ""},
	    {"<!-->", "<div>", ""},
	    {"<p a\"b=1>", "<div>", ""},
	    {"", "<span>", ""},
	    {"", "<b id=1><i>", "</div>x"},
	    {"<div>", "<p><li>", ""},
	    {"<table>", "<tr><td><table>", ""},
	    {"", "<noscript><p></noscript>", ""},
	    {"", "<h1><li>", ""},
	    {"", "<table><div>", ""},
	    {"", "<svg><style><div>", ""},
	    {"", "<select><div>", ""},
	    {"", "<aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa>", ""},
	    {"", "</x><div>", ""},
	    {"", "<caption><li><p><div>", ""},
	};
	for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
		char *h = rep(shapes[i][0], shapes[i][1], 3000, shapes[i][2]);
		bounded(h);
		free(h);
	}
	T_END();
}
