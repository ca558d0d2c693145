/* SPDX-License-Identifier: MIT */
/* pairsplit: label/value pairs glued into one cell. A page's text may run
 * an info label into its value, and two pairs into one line
 * (`中央主管部门财政部`, `地方主管部门阆中市交通运输局资金使用单位阆中市交通运输局`,
 * real 19). This stage finds where such a cell splits: it starts with a
 * label of vocab_glued_labels, the rest is not empty and is not itself a
 * label, and a later label of that table with a value after it starts the
 * next pair. It only returns the cut offsets; regrid cuts its cells there
 * and rebuilds the rows. It never guesses a label the table does not hold,
 * and does not split numbers (glued numbers are regrid's glued cells). */
#ifndef PG_PAIRSPLIT_H
#define PG_PAIRSPLIT_H

#include <stddef.h>

/* Pieces one cell is cut into, at most (two labels and their values, and
 * a few more: a cell holding more pairs keeps its rest in its last piece). */
#define PAIRSPLIT_MAX_CUTS 15

/* The offsets in s[0..n) where the pieces of a glued label/value cell
 * start, after the first (the label at 0): into cut (at most max, capped
 * at PAIRSPLIT_MAX_CUTS); returns how many, 0 when the cell is not one. */
int pairsplit_cuts(const char *s, size_t n, size_t *cut, int max);

#endif
