/* SPDX-License-Identifier: MIT */
/* vocab: the domain vocabulary as data. Every word the tools recognise --
 * comparator words, money units, date suffixes, section labels, budget
 * groups, indicator levels, column headers -- lives in the tables of
 * vocab.c, and code walks these tables instead of spelling words in if
 * chains. Entries are UTF-8 in canonical text (FORMAT.md section 3), so
 * callers compare them with canonical cell text. */
#ifndef PG_VOCAB_H
#define PG_VOCAB_H

#include <stddef.h>

#include "facts.h"

/* Comparators, FORMAT.md section 4. */
enum cmp_op { OP_NONE, OP_GE, OP_LE, OP_GT, OP_LT, OP_EQ };
extern const char *const vocab_op_text[]; /* indexed by cmp_op: "", ">=", ... */

typedef struct {
	const char *word;
	enum cmp_op op;
} vocab_op;
/* Words before a number (longest first), and after a number+unit. NULL-terminated. */
extern const vocab_op vocab_prefix_ops[];
extern const vocab_op vocab_suffix_ops[];

/* Money units and their power of ten relative to 万元. NULL-terminated. */
typedef struct {
	const char *unit;
	int shift; /* value in 万元 = value * 10^shift */
} vocab_money;
extern const vocab_money vocab_money_units[];
/* Money units written short after an amount in a money block (`250万`):
 * they make the cell an amount, not a label. NULL-terminated. */
extern const char *const vocab_money_short[];
extern const char VOCAB_MONEY_CANON[]; /* "万元" */

/* Words after a date that make it a deadline (op <=). NULL-terminated. */
extern const char *const vocab_deadline_words[];

/* Look up word (length n) in a NULL-terminated op table: exact match. */
const vocab_op *vocab_find_op(const vocab_op *table, const char *word, size_t n);
/* The money unit entry for unit (length n), or NULL. */
const vocab_money *vocab_find_money(const char *unit, size_t n);

/* Words that other modules name in their own tables (pg-sum's checks): the
 * budget groups, the keys checked on their own, the cost level. Macros, so
 * that keys can be spelled by concatenation (VOCAB_W_EXPENSE "|" ...). */
#define VOCAB_W_EXPENSE "部门预算支出"
#define VOCAB_W_INCOME "收入来源"
#define VOCAB_W_LEVEL "按预算级次划分"
#define VOCAB_W_DEVEXP "事业发展性支出"
#define VOCAB_W_PROJECT_EXP "项目支出"
#define VOCAB_W_FUNDS "项目资金"
#define VOCAB_W_FUNDS_TOTAL "年度资金总额"
#define VOCAB_W_COST "成本指标"
/* ... and the words of FORMAT.md section 2c that pg-sum's family checks
 * name (lib/sumfam.c): budget groups, total rows, score and result fields. */
#define VOCAB_W_SOURCES "资金来源"
#define VOCAB_W_LINES "支出明细"
#define VOCAB_W_INCOME_TAB "收入构成"
#define VOCAB_W_EXPENSE_TAB "支出构成"
#define VOCAB_W_TOTAL_ROW "合计"
#define VOCAB_W_B_TOTAL "资金总额"
#define VOCAB_W_B_BYINCOME "按收入性质分"
#define VOCAB_W_B_BYEXPENSE "按支出性质分"
#define VOCAB_F_WEIGHT "权重"
#define VOCAB_F_SCORE "得分"
#define VOCAB_F_MAX "分值"
#define VOCAB_F_RESULT "实际完成值"
#define VOCAB_K_TOTAL_SCORE "总分"
/* Budget labels and fields (canonical, FORMAT.md 2c) that state a year's
 * amount, and those that state the whole period's: the year's is at most
 * the whole's (pg-sum's year<=total). */
extern const char *const vocab_budget_year_words[];
extern const char *const vocab_budget_total_words[];
/* Fields pg-diff does not compare unless -f names them: the form's
 * decoration (FORMAT.md 2c's score bands and core marks). NULL-terminated. */
extern const char *const vocab_diff_skip_fields[];
/* A form's total for pg-diff's reports (a form only one input has is one
 * line with its total): budget labels (the key's last |-part) that state
 * it, in order of preference; else the groups whose rows add up to it (the
 * department form's 部门预算支出). NULL-terminated. */
extern const char *const vocab_diff_total_labels[];
extern const char *const vocab_diff_total_groups[];
/* The sections' titles in the form's own words, in form order, for reports
 * (pg-diff --format markdown/html). Terminated by section NULL. */
typedef struct {
	const char *section, *title;
} vocab_section_title;
extern const vocab_section_title vocab_section_titles[];

/* ---- the department-level form (FORMAT.md section 2) ----
 * Words are matched against a cell's "label key": its text with every blank
 * removed and full-width ASCII folded (form.c). An entry with prefix = 1
 * also matches keys that start with it (`单位:万元`); with prefix = 2 it
 * matches the word followed by one parenthesised remark
 * (`其他需完成的任务(可选填)`, `预算金额(万元)`, `产出指标(50分)`). */
typedef struct {
	const char *word;
	int kind;
	int prefix;
} vocab_word;

/* What a label in a form's first column introduces. */
enum form_block {
	BLK_NONE,
	BLK_DEPT,
	BLK_INFO,
	BLK_BUDGET,
	BLK_GOAL,
	BLK_TASK,
	BLK_OTHER,
	BLK_INDICATOR,
	BLK_PINFO,   /* project form: a label/value row of its header block */
	BLK_FUNDS,   /* project form: 项目资金 */
	BLK_LTEXT,   /* a labelled text (部门职责 | text): info, keyed by the label */
	BLK_SPECIAL, /* special-fund form: 专项名称 (read as a project header) */
	BLK_TOTAL,   /* self-evaluation: 总分 | 分值 | 得分 | 等级 */
};
extern const vocab_word vocab_block_labels[];

/* ---- templates: what a form is made of (libmagic-style rules as data) ----
 * A block kind names the reader that reads it (form_*.c registers one
 * function per reader), when it is read, and how a row that lost its
 * leading empty cell is still recognised as one of its rows. */
enum block_reader {
	RD_NONE,
	RD_DEPT,      /* the department's name */
	RD_INFO,      /* label/value pairs, labels not numbers */
	RD_PINFO,     /* label/value pairs of a project header */
	RD_BUDGET,    /* amounts in column pairs under group headers */
	RD_FUNDS,     /* project funds: label, amount(s) */
	RD_GOAL,      /* goal texts split at their markers */
	RD_TASK,      /* task rows under a header row */
	RD_OTHER,     /* one free text */
	RD_INDICATOR, /* indicator rows, levels filled down */
	RD_LTEXT,     /* a labelled text: info LABEL value */
	RD_TOTAL,     /* the self-evaluation total: info 总分 fields */
	RD_N
};
enum shift_rule {
	SH_NONE,
	SH_TASK_PREFIX,  /* the first cell starts with `任务N:` */
	SH_LEVEL_WORD,   /* the first cell is an indicator level name or header */
	SH_LABEL_AMOUNT, /* a non-label, then an empty cell or an amount */
	SH_FIRST_TEXT,   /* one text, while the block has none: its value on the
	                    line after its label (text read a cell a line) */
	SH_GOAL_MARKER,  /* SH_FIRST_TEXT, or a text led by a goal marker
	                    (`目标N:`, `1.`, `(1)`, `一、`) */
	SH_FUNDS_LABEL,  /* the first cell a money row's label (vocab_funds_labels:
	                    中央补助安排 | 10, on a row of its own) */
};
typedef struct {
	int kind;         /* enum form_block */
	const char *name; /* the label that names it in messages */
	int reader;       /* enum block_reader */
	int pass;         /* 1, 2: read before the others, in this order (they name
	                     the document: project, department); 0: in document order */
	int shift;        /* enum shift_rule */
	int sec;          /* enum fact_section its facts go to: a required block is
	                     missing only when that section has no fact either */
} vocab_block;
/* One entry per block kind but BLK_NONE, terminated by kind 0. */
extern const vocab_block vocab_blocks[];
/* The entry of kind k, or NULL. */
const vocab_block *vocab_block_of(int k);

/* A form template: the words of its title or the blocks that make a
 * document one of its kind (any of them; neither: the default template), the blocks it must have (a
 * warning for each one missing), and the words naming its table columns. */
typedef struct {
	const char *name;           /* "department", "project" */
	char family;                /* FORMAT.md 2c: 'A' ... 'F' */
	const char *title_words[4]; /* any of them in the title (canonical) selects it */
	int marks[4];               /* block kinds, 0-terminated */
	int required[8];            /* block kinds, 0-terminated */
	const vocab_word *task_headers, *indicator_headers;
} vocab_template;
/* Tried in order; the last one has no marks. Terminated by name NULL. */
extern const vocab_template vocab_templates[];

/* Budget group headers (部门预算支出 ...), and words that mark an amount
 * column's header (预算金额(万元)). */
enum budget_group_kind { BG_PAIRS = 1, BG_TABLE /* 收入构成 / 支出构成: fields by column */ };
extern const vocab_word vocab_budget_groups[];
extern const vocab_word vocab_amount_headers[];

enum task_role { TR_NONE, TR_NAME, TR_CONTENT, TR_AMOUNT, TR_TARGET };
extern const vocab_word vocab_task_headers[];
/* Task name prefix word: `任务N:` */
extern const char VOCAB_TASK_PREFIX[];

enum ind_role {
	IR_NONE,
	IR_L1,
	IR_L2,
	IR_L3,
	IR_VALUE,
	IR_NATURE,
	IR_UNIT,
	IR_L12 /* level 1 or 2 */
};
extern const vocab_word vocab_indicator_headers[];
/* Indicator level names, to recognise a level-1 or level-2 cell by its text
 * when a row has lost its position. */
extern const vocab_word vocab_indicator_levels[];
/* The core-indicator mark leading a name (`★`, `★★★`), FORMAT.md 2c. */
#define VOCAB_CORE_MARK "★"
/* 指标性质 values meaning "no quantity": the value is the 指标值 text alone. */
extern const vocab_word vocab_qualitative[];
/* The row fit's cues (lib/form_fit.c): a 指标性质 cell's words (定量, 定性);
 * the canonical field names of a 指标性质 column and of score columns
 * (分值, 得分, 权重: a number or nothing). */
extern const vocab_word vocab_nature_words[];
extern const vocab_word vocab_nature_fields[];
extern const vocab_word vocab_score_fields[];
/* Units an indicator's 计量单位 column holds (%, 个, 人次, 公里 ...). */
extern const vocab_word vocab_indicator_units[];

/* Project form: labels of the header block whose value names the project,
 * and the department (主管部门, else 预算部门). */
enum pinfo_role { PI_OTHER = 1, PI_PROJECT, PI_DEPT, PI_DEPT2 };
/* Goal column/row headers: annual goals (key N) vs implementation-period
 * goals (key 实施期|N). */
enum goal_kind {
	GK_YEAR = 1,
	GK_LONG,
	GK_ACTUAL, /* a field of the row's goal */
	GK_HEAD,   /* a heading beside the goal columns, spanning their rows: no goal */
	GK_TEXT    /* a labelled text among the goals: info, keyed by its label */
};
#define VOCAB_GOAL_ACTUAL_FIELD "实际完成情况"
extern const vocab_word vocab_goal_headers[];
extern const vocab_word vocab_pinfo_roles[];
extern const char VOCAB_GOAL_LONG_KEY[]; /* "实施期" */
/* Funds: the `其中:` prefix dropped from labels; words marking the annual
 * column when the block has several amount columns. */
extern const char VOCAB_FUNDS_GROUP[]; /* "项目资金" */
extern const vocab_word vocab_funds_drop[];
/* k past a leading vocab_funds_drop word (`其中:`) when text follows it,
 * else k itself. */
const char *vocab_funds_undrop(const char *k);
extern const vocab_word vocab_funds_year_cols[];
/* The column headers of a project money table's header row (`项目 |
 * 上年度安排资金 | 本年度申请资金 | 测算依据及说明`): FC_LABEL heads the
 * column of the rows' labels (a header row may have a sub-label before it,
 * `项目资金申请(万元)`); the others head amount and remark columns. Words of
 * the form for text whose cells are separated by single spaces (sprow.c). */
enum funds_col { FC_LABEL = 1, FC_AMOUNT, FC_REMARK };
extern const vocab_word vocab_funds_columns[];
/* A form-wide unit line: `单位:万元`, `金额单位:元`. */
extern const vocab_word vocab_unit_line[];
/* `填报单位:` lines naming who filled the form in; kind FL_DEPT: a line
 * that names the department when nothing else does (`预算单位:`). */
enum filler_kind { FL_FILLER = 1, FL_DEPT };
extern const vocab_word vocab_filler_line[];

/* Words that make a one-cell line a form title, and the title's year mark. */
extern const vocab_word vocab_title_words[];
/* Bytes of a cell that may be a form's title: longer, it is a text. */
#define VOCAB_TITLE_MAX 300
/* A year line under a title: `(2017年度)`. */
#define VOCAB_YEAR_WORD "年度"
/* A form's own name written without its 表 (`…资金绩效目标自评`, real 19):
 * a title only where it ends its cell and a bracketed year line follows
 * it (vocab_year_line: 2), as a form writes its year under its title. */
extern const vocab_word vocab_title_ends[];
/* Is key (a label key: blanks removed, full-width folded) a year line
 * written under a title: `(2017年度)`, `(2017年)`, `2017年度`, `2017年`,
 * or `2017年度)` (its opening bracket lost by the page text)? 0 when not;
 * 2 when bracketed on both sides, else 1. When it is one and year is not
 * NULL, the four digits go to year[0..5), NUL-terminated. */
int vocab_year_line(const char *key, char *year);
/* Does key end with a word of table (its prefix field ignored)? */
int vocab_ends_with(const vocab_word *table, const char *key);
/* Text whose grid was lost: words that open a note under a table (备注,
 * 注:, 填表人 ...), ending the block they follow (regrid.c). */
extern const vocab_word vocab_note_labels[];
/* Marks a conversion writes for characters it lost (`?`, U+FFFD); a run
 * of them inside a label is read as nothing (form_lost_key). NULL-terminated. */
extern const char *const vocab_lost_marks[];
/* Goal markers: `目标N:` uses this word. */
extern const char VOCAB_GOAL_WORD[];

/* Multi-project tables (单位名称 / 项目名称 / 预算数 / 年度目标 on a project's
 * first row only, then indicator columns): the header words of the project
 * columns. A header row holding MC_PROJECT and indicator headers makes the
 * table one; each project is a document of its own. */
enum multi_role { MC_UNIT, MC_PROJECT, MC_BUDGET, MC_GOAL, MC_IND, MC_N };
extern const vocab_word vocab_multi_headers[];

/* Synonyms: a word (matched as vocab_word's, prefix 0/1/2) and the
 * canonical name it stands for. Terminated by word NULL. */
typedef struct {
	const char *word, *canon;
	int prefix;
} vocab_syn;
/* Indicator columns beyond the value, by canonical field name (FORMAT.md
 * 2c); a header not listed is its own name, in canonical form. */
extern const vocab_syn vocab_indicator_fields[];
/* Long-term columns beside annual ones: words that mark a header as the
 * long-term one, the value's field name, the prefix of the other fields. */
extern const vocab_word vocab_long_words[];
/* The self-evaluation total's fields, in the order its cells give them
 * (FORMAT.md 2c: info 总分, fields 分值, 得分, 等级). NULL-terminated. */
extern const char *const vocab_total_fields[];
/* A row under an indicator table that totals it (`合计 | 100 | 95`, Sichuan's
 * self-evaluation): the form's total, read as 总分 is (info key = the word). */
extern const vocab_word vocab_indicator_totals[];
/* Columns of a money block that hold no money (scores, rates, the text of
 * 测算依据及说明): no unit. */
extern const vocab_word vocab_funds_plain_cols[];
/* Money column headers named as the other family F forms name them
 * (调整后预算数 -> 全年预算数 ...): header -> canonical field. */
extern const vocab_syn vocab_funds_col_syn[];
#define VOCAB_LONG_VALUE_FIELD "实施期指标值"
#define VOCAB_LONG_PREFIX "实施期"
/* Project money blocks: the block label's group (FORMAT.md 2c: 项目资金,
 * 资金来源, 支出明细); a label not listed gives 项目资金. */
extern const vocab_syn vocab_funds_groups[];
/* Row labels of project money blocks (templates.md section 2: 中央补助安排,
 * 省级财政安排, 预算申报数 ...). The funds reader takes any text as a label;
 * these are the words a form glued onto one line is cut at (glued.c), so
 * that an amount and the next row's label come apart, and a row starting
 * with one stays in its money block (shift rule SH_FUNDS_LABEL), and, in
 * a text whose rows were lost, one under a 项目资金 header starts a row
 * (regrid.c: never a value of the row before). NULL-terminated. */
extern const vocab_word vocab_funds_labels[];
/* Note columns of a money table (原因): one note may span the rows. */
extern const vocab_word vocab_funds_note_cols[];
/* The money rows of a self-evaluation's 预算执行情况 (总额, 财政资金 ...):
 * with rows lost, each starts a row (lib/regrid.c). */
extern const vocab_word vocab_funds_exec_rows[];
/* Item numbers leading a money label (`1、`, `(一)`, `一、`) are dropped:
 * the characters such a number is made of, and what may close it. */
extern const char VOCAB_ITEM_DIGITS[];
extern const char *const vocab_item_closers[];
/* Canonical name of key in table, or NULL. */
const char *vocab_syn_match(const vocab_syn *table, const char *key);
/* Canonical indicator fields that are remarks, mostly left empty (偏差原因,
 * 备注): a page's renderer that drops empty cells drops them. NULL-ended. */
extern const char *const vocab_remark_fields[];
/* Info labels that a page's text may glue to their value in one cell
 * (`中央主管部门财政部`; pairsplit.c), as written (raw bytes). NULL-ended. */
extern const char *const vocab_glued_labels[];
/* Family B's budget labels and the group they belong to (按收入性质分,
 * 按支出性质分), for groups a page lists one after the other. */
extern const vocab_syn vocab_budget_nature[];

/* The entry of table whose word equals key, else the longest whose word
 * prefixes it (prefix entries: `填报单位(盖章):` over `填报单位:`, whatever
 * their order); the first of equal ones; NULL when none. The larger tables
 * of this file are looked up through an index of their entries by first
 * character, built on the first call (so the first call is not
 * thread-safe); any other table is scanned whole, with the same answer. */
const vocab_word *vocab_match(const vocab_word *table, const char *key);
/* Nonzero when some entry's word occurs anywhere in key. */
int vocab_contains(const vocab_word *table, const char *key);

/* Fields whose value may state a quantity (FORMAT.md section 4): section and
 * field names, and the unit a bare number in that field has when neither
 * the value nor the unit column says one (NULL: none); money: 1 when the
 * field holds money, so that a unit written `万` (vocab_money_short) is
 * 万元. Terminated by an entry with section NULL. */
typedef struct {
	const char *section, *field;
	const char *unit;
	int money;
} vocab_field;
extern const vocab_field vocab_qty_fields[];
/* The entry of vocab_qty_fields for section/field (lengths sn, fn), or NULL. */
const vocab_field *vocab_qty_field(const char *section, size_t sn, const char *field, size_t fn);
/* 1 when section/field (lengths sn, fn) is in vocab_qty_fields. */
int vocab_is_qty_field(const char *section, size_t sn, const char *field, size_t fn);

#endif
