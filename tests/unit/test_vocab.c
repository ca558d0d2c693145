/* SPDX-License-Identifier: MIT */
/* Unit tests for vocab_match: a whole-key entry first, else the longest
 * entry that prefixes the key (prefix 1) or is followed by one remark
 * (prefix 2), whatever the table's order; and the labels of real forms 03
 * and 05 (docs/real.md) as the blocks the form stage reads them in; the
 * index of the larger tables gives what a scan of the whole table gives; the
 * year line under a title (vocab_year_line) and a form's name without its
 * 表 (vocab_title_ends, real 19). */
#include <stddef.h>
#include <stdlib.h>

#include "t.h"
#include "vocab.h"

static const char *word(const vocab_word *v)
{
	return v ? v->word : "(none)";
}

/* The vocabulary's tables of words, for the index check. */
static const vocab_word *const tables[] = {
    vocab_block_labels,     vocab_pinfo_roles,      vocab_goal_headers, vocab_funds_drop,
    vocab_funds_year_cols,  vocab_funds_columns,    vocab_unit_line,    vocab_filler_line,
    vocab_budget_groups,    vocab_amount_headers,   vocab_task_headers, vocab_indicator_headers,
    vocab_indicator_levels, vocab_qualitative,      vocab_nature_words, vocab_nature_fields,
    vocab_indicator_units,  vocab_score_fields,     vocab_title_words,  vocab_long_words,
    vocab_multi_headers,    vocab_funds_plain_cols, vocab_funds_labels, vocab_note_labels,
};

/* vocab_match(table, key) is the entry a copy of table (at another
 * address: never indexed, so scanned whole) gives for key. Counts keys
 * that differ into *bad, and keys that match something into *hits. */
static void same_as_scan(const vocab_word *table, const vocab_word *copy, const char *key, int *bad,
                         int *hits)
{
	const vocab_word *a = vocab_match(table, key), *b = vocab_match(copy, key);
	if ((a ? a - table : -1) != (b ? b - copy : -1)) {
		(*bad)++;
		printf("FAIL index: key \"%s\": %s, scan %s\n", key, word(a), word(b));
	}
	*hits += a != NULL;
}

static void index_check(void)
{
	static const char *const tails[] = {"", "X", "(万元)", ":", "指标", "(可选填)x"};
	static const char *const keys[] = {"",         "a",  "ab", "abc", "\xE9",
	                                   "\xE9\x83", "部", "(",  "其中"};
	int bad = 0, hits = 0, keys_tried = 0, words = 0;
	char key[256];
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		const vocab_word *tab = tables[t];
		size_t n = 0;
		while (tab[n].word)
			n++;
		words += (int)n;
		vocab_word *copy = malloc((n + 1) * sizeof *copy);
		for (size_t i = 0; i <= n; i++)
			copy[i] = tab[i];
		for (size_t k = 0; k < sizeof keys / sizeof *keys; k++, keys_tried++)
			same_as_scan(tab, copy, keys[k], &bad, &hits);
		/* each word: cut after each of its bytes, and with each tail */
		for (size_t i = 0; i < n; i++) {
			size_t len = strlen(tab[i].word);
			if (len + 16 > sizeof key)
				continue;
			for (size_t cut = 0; cut <= len; cut++, keys_tried++) {
				memcpy(key, tab[i].word, cut);
				key[cut] = 0;
				same_as_scan(tab, copy, key, &bad, &hits);
			}
			for (size_t j = 0; j < sizeof tails / sizeof *tails; j++, keys_tried++) {
				snprintf(key, sizeof key, "%s%s", tab[i].word, tails[j]);
				same_as_scan(tab, copy, key, &bad, &hits);
			}
		}
		free(copy);
	}
	CHECK_INT(bad, 0);
	/* the keys do reach the entries: each whole word and more */
	CHECK(hits > words);
	CHECK(keys_tried > 4 * words);
}

int main(void)
{
	index_check();

	/* the shorter word first in the table: the longer still wins */
	static const vocab_word t[] = {
	    {"填报单位", 1, 1}, {"填报单位(盖章):", 2, 1},
	    {"单位", 3, 2},     {"单位名称", 4, 0},
	    {"资金", 5, 2},     {NULL, 0, 0},
	};
	CHECK_STR(word(vocab_match(t, "填报单位(盖章):某局")), "填报单位(盖章):");
	CHECK_STR(word(vocab_match(t, "填报单位:某局")), "填报单位");
	CHECK_STR(word(vocab_match(t, "单位名称")), "单位名称"); /* the whole key */
	CHECK_STR(word(vocab_match(t, "单位(万元)")), "单位");   /* a remark after it */
	/* a score band in brackets leaves a word whole (Sichuan's
	 * `绩效指标(90分)`, `(0-20)分`); another remark does not */
	CHECK_STR(word(vocab_match(vocab_block_labels, "绩效指标(90分)")), "绩效指标");
	CHECK_STR(word(vocab_match(vocab_block_labels, "预算执行情况(10分)")), "预算执行情况");
	CHECK_STR(word(vocab_match(vocab_block_labels, "绩效指标(0-20)分")), "绩效指标");
	CHECK(vocab_match(vocab_block_labels, "绩效指标(说明)") == NULL);
	CHECK(vocab_match(vocab_block_labels, "绩效指标(分)") == NULL);
	CHECK_STR(word(vocab_match(t, "单位名称X")), "(none)");  /* neither */
	CHECK_STR(word(vocab_match(t, "资金用途")), "(none)");   /* prefix 2: a remark only */
	CHECK(vocab_match(t, "") == NULL);

	/* the labels of real 03 (Hunan) and 05 (Gansu) are the blocks they
	 * head: header pairs, labelled texts, money, goals, indicators */
	static const struct {
		const char *label;
		int kind;
	} want[] = {
	    {"主管部门编码", BLK_PINFO},       {"项目单位", BLK_PINFO},
	    {"组织实施单位", BLK_PINFO},       {"监督管理单位", BLK_PINFO},
	    {"立项情况", BLK_LTEXT},           {"项目立项的依据", BLK_LTEXT},
	    {"项目申报的可行性", BLK_LTEXT},   {"项目申报的必要性", BLK_LTEXT},
	    {"项目实施进度计划", BLK_LTEXT},   {"基本情况", BLK_LTEXT},
	    {"项目立项必要性", BLK_LTEXT},     {"保证项目实施的制度措施", BLK_LTEXT},
	    {"政策依据", BLK_LTEXT},           {"其他依据", BLK_LTEXT},
	    {"需要说明的其他问题", BLK_LTEXT}, {"资金总额及构成", BLK_FUNDS},
	    {"项目绩效目标", BLK_GOAL},        {"长期绩效指标", BLK_INDICATOR},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const vocab_word *v = vocab_match(vocab_block_labels, want[i].label);
		CHECK_STR(word(v), want[i].label);
		CHECK_INT(v ? v->kind : -1, want[i].kind);
	}
	/* money rows are words of their own, not block labels */
	CHECK_STR(word(vocab_match(vocab_funds_labels, "中央补助安排")), "中央补助安排");
	CHECK(vocab_match(vocab_block_labels, "中央补助安排") == NULL);

	/* year lines: bracketed 2, bare 1 (keys: blanks already removed) */
	char y[8] = "";
	CHECK_INT(vocab_year_line("(2021年度)", y), 2);
	CHECK_STR(y, "2021");
	CHECK_INT(vocab_year_line("(2019年)", y), 2);
	CHECK_STR(y, "2019");
	CHECK_INT(vocab_year_line("2022年度", y), 1);
	CHECK_STR(y, "2022");
	CHECK_INT(vocab_year_line("2017年度)", NULL), 1); /* its `(` lost by the page */
	CHECK_INT(vocab_year_line("(2021年度", NULL), 0);
	CHECK_INT(vocab_year_line("(2021年度)绩效自评", NULL), 0);
	CHECK_INT(vocab_year_line("(202年度)", NULL), 0);
	CHECK_INT(vocab_year_line("2021年12月", NULL), 0);
	CHECK_INT(vocab_year_line("", NULL), 0);
	/* a form's name without its 表: at the key's end only */
	CHECK_INT(vocab_ends_with(vocab_title_ends,
	                          "车辆购置税收入补助地方资金(普通省道公路建设)绩效目标自评"),
	          1);
	CHECK_INT(vocab_ends_with(vocab_title_ends, "项目支出绩效自评"), 1);
	CHECK_INT(vocab_ends_with(vocab_title_ends, "绩效自评情况"), 0);
	CHECK_INT(vocab_ends_with(vocab_title_ends, "自评"), 0);
	CHECK_INT(vocab_ends_with(vocab_title_ends, ""), 0);
	T_END();
}
