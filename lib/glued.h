/* SPDX-License-Identifier: MIT */
/* glued: a whole form glued onto one line -> its cells. The text of a
 * scanned or converted page sometimes keeps a form as one long line with no
 * separator at all between its cells (`项目名称X项目属性新增项目…一级指标
 * 二级指标三级指标指标目标值产出指标数量指标免费开放天数=300天…`). This stage
 * decides whether a text holds such lines, and cuts each into cells at the
 * words the vocabulary names as labels, headers, level names, titles and
 * lines above a table (vocab.h; longest word first, words of
 * GLUED_MIN_CHARS characters or more): the text between two words is one
 * value cell. In an indicator table it also cuts an indicator's name from
 * its value at a comparator sign before a number (`免费开放天数=300天`), and
 * marks the value cells of a row that holds fewer of them than the header
 * has columns after its levels (`数量指标88100`: two numbers, or one, or a
 * name and a value run together) as glued: they are not guessed apart.
 * It knows words, not rows: rebuilding the rows from the cells is regrid's
 * (as for one cell per line). Rules in docs/regrid.md section 1g. */
#ifndef PG_GLUED_H
#define PG_GLUED_H

#include <stddef.h>

/* A line shorter than this (bytes) is not a glued form. */
#define GLUED_MIN_LINE 256

/* Bytes of a line looked at and cut at words: the rest of a longer line is
 * one cell (regrid warns). Bounds the words tried per line, and so the
 * time spent on one line, whatever its length. */
#define GLUED_MAX_LINE 65536

/* Words (all long lines together) a glued form holds at least: among them
 * a title word, an indicator header word and a level name. */
#define GLUED_MIN_WORDS 8

/* Words a long line holds at least to be cut (a form's line, not a long
 * paragraph of text beside it). */
#define GLUED_LINE_WORDS 3

/* Characters of a word cut at: shorter words (名称, 资金, 指标, 备注) are too
 * common inside values. */
#define GLUED_MIN_CHARS 3

/* A cell of a cut line: bytes in the line; glued 1 when its text may be
 * several cells run together (not split). */
typedef struct {
	size_t off, len;
	int glued;
} glued_piece;

typedef struct {
	glued_piece *v;
	size_t n, cap;
	int longer; /* the line was longer than GLUED_MAX_LINE: its rest is the last piece */
} glued_out;

/* Does text[0..n) (UTF-8) hold a form glued onto long lines: lines of
 * GLUED_MIN_LINE bytes or more, with at most one space per 64 bytes, that
 * together hold GLUED_MIN_WORDS words or more, among them a title word, an
 * indicator header word and a level name? */
int glued_text(const char *text, size_t n);

/* Is line s[0..n) one to cut: long, with few spaces, and GLUED_LINE_WORDS
 * words or more? */
int glued_line(const char *s, size_t n);

/* Cut line s[0..n) into its cells, appended to o (zero-initialised or
 * reset by the caller: o->n = 0). Empty pieces are not written. */
void glued_cut(const char *s, size_t n, glued_out *o);

void glued_out_free(glued_out *o);

#endif
