/* SPDX-License-Identifier: MIT */
/* norm: one record through pg-normalize. See norm.h. */
#include "norm.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "vocab.h"

void norm_init(norm *nm)
{
	memset(nm, 0, sizeof *nm);
}

void norm_free(norm *nm)
{
	if (!nm)
		return;
	for (int i = 0; i < 4; i++)
		buf_free(&nm->text[i]);
}

int norm_record(norm *nm, char *const *in, const size_t *inlen, char **out, size_t *outlen)
{
	static const int canon_cols[4] = {COL_DEPT, COL_PROJECT, COL_KEY, COL_VALUE};
	for (int i = 0; i < FACT_NCOLS; i++) {
		out[i] = in[i];
		outlen[i] = inlen[i];
	}
	for (int i = 0; i < 4; i++) {
		int c = canon_cols[i];
		out[c] =
		    (char *)text_canon_ref(&nm->text[i], in[c], inlen[c], c == COL_KEY, &outlen[c]);
	}
	if (inlen[COL_OP] > 0) /* normalised before: keep op, num, unit */
		return 0;

	const char *v = out[COL_VALUE];
	size_t vn = outlen[COL_VALUE];
	int rc = QTY_NONE;
	qty *q = &nm->q;
	const vocab_field *qf =
	    vocab_qty_field(in[COL_SECTION], inlen[COL_SECTION], in[COL_FIELD], inlen[COL_FIELD]);
	if (qf) {
		const char *u = in[COL_UNIT];
		size_t un = inlen[COL_UNIT];
		if (!un && qf->unit) /* a percent column's bare number */
			u = qf->unit, un = strlen(qf->unit);
		rc = qty_parse(v, vn, u, un, in[COL_YEAR], inlen[COL_YEAR], q);
	}
	if (rc == QTY_NUM && qf->money) /* `250万` in a money field: 万元 */
		for (int i = 0; vocab_money_short[i]; i++)
			if (q->unit_len == strlen(vocab_money_short[i]) &&
			    memcmp(q->unit, vocab_money_short[i], q->unit_len) == 0)
				q->unit = VOCAB_MONEY_CANON,
				q->unit_len = strlen(VOCAB_MONEY_CANON);
	if (rc == QTY_NUM || rc == QTY_DATE) {
		out[COL_OP] = (char *)vocab_op_text[q->op];
		outlen[COL_OP] = strlen(vocab_op_text[q->op]);
		out[COL_NUM] = q->num;
		outlen[COL_NUM] = q->num_len;
		out[COL_UNIT] = (char *)q->unit;
		outlen[COL_UNIT] = q->unit_len;
		return 0;
	}
	out[COL_OP] = out[COL_NUM] = out[COL_UNIT] = (char *)"";
	outlen[COL_OP] = outlen[COL_NUM] = outlen[COL_UNIT] = 0;
	if (rc == QTY_ERANGE) {
		snprintf(nm->err, sizeof nm->err, "number out of range");
		return -1;
	}
	return 0;
}
