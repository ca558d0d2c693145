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
	hclean_limits lim = {depth, tags, work, 0};
	hclean(h, strlen(h), &lim, &b, &r);
	const char *dt = "<!DOCTYPE html>";
	return strncmp(b.s, dt, strlen(dt)) == 0 ? b.s + strlen(dt) : "(no doctype)";
}

/* hclean as html.c calls it for blanks between table parts (tables up to
 * tdepth deep read as tables); the text written, without the doctype. */
static const char *tclean(const char *h, int tdepth)
{
	static buf b;
	buf_free(&b);
	hclean_limits lim = {10, 1000, 100000, tdepth};
	hclean(h, strlen(h), &lim, &b, &r);
	return b.s + strlen("<!DOCTYPE html>");
}

/* The grid html_read makes of h: each row's cells' texts. New string. */
static char *grid_text(const char *h)
{
	grid *g = grid_new();
	warnings w = {0};
	html_read(h, strlen(h), 1, 0, g, &w);
	buf t = {0};
	for (int y = 0; y < g->n; y++) {
		for (int x = 0; x < g->rows[y].n; x++)
			buf_printf(&t, "%s|", g->rows[y].cells[x].text);
		buf_addc(&t, '\n');
	}
	warn_free(&w);
	grid_free(g);
	return t.s;
}

/* h's grid is the grid of kept, the same text with its blank runs between
 * table parts made to reach gumbo (a dropped tag between two blanks: hclean
 * then writes both) */
static void same_grid(const char *h, const char *kept)
{
	CHECK(strstr(tclean(kept, 16), "  ") != NULL);
	char *a = grid_text(h), *b = grid_text(kept);
	CHECK_STR(a, b);
	free(a);
	free(b);
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
	hclean_limits lim = {HTML_MAX_DEPTH, HTML_MAX_TAGS, HTML_MAX_WORK, HTML_MAX_TABLE_DEPTH};
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

	/* blank runs between a table's parts are not written: HTML makes them
	 * text nodes of the table, tbody or tr, which the grid never reads */
	CHECK_STR(
	    tclean("<table> <tr>\t<td> a </td> <th>b</th> </tr> <tbody> </tbody> </table> x", 16),
	    "<table><tr><td> a </td><th>b</th></tr><tbody></tbody></table> x");
	CHECK_STR(tclean("<table> <tr> <td>a</td> </table>", 0), /* table_depth 0: all written */
	          "<table> <tr> <td>a</td> </table>");
	/* kept: a run with a line break (lines), or before text (fostered
	 * with it: dropped markup between them writes nothing), or after text */
	CHECK_STR(tclean("<table>\n<tr> <td>", 16), "<table>\n<tr><td>");
	CHECK_STR(tclean("<table><tr> <b> </b>x<td>", 16), "<table><tr>  x<td>");
	CHECK_STR(tclean("<table><tr> <b></b><td>", 16), "<table><tr><td>");
	CHECK_STR(tclean("<table><tr>x <td>", 16), "<table><tr>x <td>");
	/* kept where HTML is not between the parts: in a caption (where
	 * </td> is ignored); once a tag leaves the parser's place in doubt (a
	 * </td> in a th is ignored; a block is put before the table), until
	 * the table ends; in a table nested deeper than table_depth */
	CHECK_STR(tclean("<table><caption>x</td> y</caption> <tr>", 16),
	          "<table><caption>x</td> y</caption><tr>");
	CHECK_STR(tclean("<table><tr><th>a</td> b</th> <td>", 16),
	          "<table><tr><th>a</td> b</th> <td>");
	CHECK_STR(tclean("<table><p>x</p> <tr> <td></table> <table> <tr>", 16),
	          "<table><p>x</p> <tr> <td></table> <table><tr>");
	CHECK_STR(tclean("<table><tr><td><table> <tr><td>", 1), "<table><tr><td><table> <tr><td>");
	CHECK_STR(tclean("<table><tr><td><table> <tr><td></table> </td> <td>", 2),
	          "<table><tr><td><table><tr><td></table> </td><td>");
	/* the grid is the one the blanks give */
	same_grid("<table> <tr> <td>a</td> <td colspan=2> b <i>c</i> </td> </tr> <tr> <th>d</th> "
	          "</tr> </table> e <table> <caption>f</td> g</caption> <tr><td>h</td></tr> "
	          "</table>",
	          "<table> <i></i> <tr> <i></i> <td>a</td> <i></i> <td colspan=2> b <i>c</i> </td> "
	          "<i></i> </tr> <i></i> <tr> <i></i> <th>d</th> <i></i> </tr> <i></i> </table> e "
	          "<table> <i></i> <caption>f</td> g</caption> <i></i> <tr><td>h</td></tr> <i></i> "
	          "</table>");
	same_grid("<table><tbody> <tr><th>a</td> b</th> <td>c</td> </tr> </tbody> <tr> <td>y "
	          "</td></tr></table>",
	          "<table><tbody> <i></i> <tr><th>a</td> b</th> <i></i> <td>c</td> <i></i> </tr> "
	          "<i></i> </tbody> <i></i> <tr> <i></i> <td>y </td></tr></table>");

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
