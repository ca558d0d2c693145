/* SPDX-License-Identifier: MIT */
/* vocab: the tables. See vocab.h. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vocab.h"

const char *const vocab_op_text[] = {"", ">=", "<=", ">", "<", "="};

/* Longest words first so a prefix scan may stop at the first hit. */
const vocab_op vocab_prefix_ops[] = {
    {"大于等于", OP_GE}, {"小于等于", OP_LE}, {"不低于", OP_GE}, {"不少于", OP_GE},
    {"不小于", OP_GE},   {"不高于", OP_LE},   {"不超过", OP_LE}, {"不多于", OP_LE},
    {"不大于", OP_LE},   {">=", OP_GE},       {"<=", OP_LE},     {"≥", OP_GE},
    {"≧", OP_GE},        {"≤", OP_LE},        {"≦", OP_LE},      {"大于", OP_GT},
    {"高于", OP_GT},     {"超过", OP_GT},     {"小于", OP_LT},   {"低于", OP_LT},
    {"少于", OP_LT},     {"等于", OP_EQ},     {">", OP_GT},      {"<", OP_LT},
    {"=", OP_EQ},        {"═", OP_EQ},        {NULL, OP_NONE},
};

const vocab_op vocab_suffix_ops[] = {
    {"及以上", OP_GE}, {"及以下", OP_LE}, {"以上", OP_GE}, {"以下", OP_LE},
    {"以内", OP_LE},   {"之内", OP_LE},   {NULL, OP_NONE},
};

const char VOCAB_MONEY_CANON[] = "万元";

/* Labels (the part after GROUP|) or field names; NULL-terminated. */
const char *const vocab_budget_year_words[] = {
    "年度资金总额", "当年年度预算", "年度预算资金总额",
    "当年资金总额", "项目当年预算", "本年度申请资金",
    "年度",         "当年",         NULL,
};
const char *const vocab_diff_skip_fields[] = {"band", "mark", NULL};
const char *const vocab_diff_total_labels[] = {
    "年度资金总额", "当年年度预算", "年度预算资金总额", "当年资金总额", "项目当年预算", "资金总额",
    "合计",         "总计",         "预算数",           NULL,
};
const char *const vocab_diff_total_groups[] = {"部门预算支出", NULL};

const vocab_section_title vocab_section_titles[] = {
    {"meta", "表头"},          {"info", "基本信息"},         {"budget", "预算整体情况"},
    {"goal", "总体绩效目标"},  {"task", "年度重点工作任务"}, {"other", "其他需完成的任务"},
    {"indicator", "绩效指标"}, {"extra", "表中其他内容"},    {NULL, NULL},
};

const char *const vocab_budget_total_words[] = {
    "项目总预算", "项目总投资", "中期预算资金总额", "中期", NULL,
};

const vocab_money vocab_money_units[] = {
    {"元", -4}, {"千元", -1}, {"万元", 0}, {"亿元", 4}, {NULL, 0},
};

const char *const vocab_money_short[] = {"万", NULL};

const char *const vocab_deadline_words[] = {"之前", "以前", "底前", "前", "止", NULL};

const vocab_op *vocab_find_op(const vocab_op *table, const char *word, size_t n)
{
	for (const vocab_op *v = table; v->word; v++)
		if (strlen(v->word) == n && memcmp(v->word, word, n) == 0)
			return v;
	return NULL;
}

const vocab_money *vocab_find_money(const char *unit, size_t n)
{
	for (const vocab_money *v = vocab_money_units; v->unit; v++)
		if (strlen(v->unit) == n && memcmp(v->unit, unit, n) == 0)
			return v;
	return NULL;
}

/* ---- department-level form ---- */

const vocab_word vocab_block_labels[] = {
    {"部门名称", BLK_DEPT, 0},
    {"单位名称", BLK_DEPT, 0},
    {"部门(单位)名称", BLK_DEPT, 0},
    {"预算部门", BLK_DEPT, 0},
    {"基本信息", BLK_INFO, 0},
    {"部门基本信息", BLK_INFO, 0},
    {"预算整体情况", BLK_BUDGET, 0},
    {"部门预算整体情况", BLK_BUDGET, 0},
    {"预算情况", BLK_BUDGET, 0},
    {"总体绩效目标", BLK_GOAL, 0},
    {"部门整体绩效目标", BLK_GOAL, 0},
    {"整体绩效目标", BLK_GOAL, 0},
    {"年度总体目标", BLK_GOAL, 0},
    {"年度重点工作任务", BLK_TASK, 0},
    {"重点工作任务", BLK_TASK, 0},
    {"其他需完成的任务", BLK_OTHER, 2},
    {"绩效指标", BLK_INDICATOR, 0},
    {"本年度绩效指标", BLK_INDICATOR, 0},
    {"年度绩效指标", BLK_INDICATOR, 0},
    {"部门整体绩效指标", BLK_INDICATOR, 0},
    {"项目绩效指标", BLK_INDICATOR, 0},
    {"总体目标", BLK_GOAL, 0},
    {"项目总体目标", BLK_GOAL, 0},
    {"年度绩效目标", BLK_GOAL, 0},
    {"绩效目标", BLK_GOAL, 0},
    /* department, families B and C */
    {"部门(单位)职责", BLK_LTEXT, 0},
    {"部门职责", BLK_LTEXT, 0},
    {"部门职能职责概述", BLK_LTEXT, 0},
    {"部门职能(职责)概述", BLK_LTEXT, 0},
    {"部门职能概述", BLK_LTEXT, 0},
    /* project forms' labelled texts (real 11, 17) */
    {"项目概况", BLK_LTEXT, 0},
    {"立项依据", BLK_LTEXT, 0},
    {"项目立项依据", BLK_LTEXT, 0},
    {"项目设立必要性", BLK_LTEXT, 0},
    {"保证项目实施的制度、措施", BLK_LTEXT, 0},
    {"项目实施计划", BLK_LTEXT, 0},
    {"年度预算申请", BLK_BUDGET, 2},
    {"部门总体资金情况", BLK_BUDGET, 2},
    {"年度总体绩效目标", BLK_GOAL, 0},
    {"部门整体支出年度绩效指标", BLK_INDICATOR, 0},
    /* project forms, family D label variants */
    {"实施期绩效目标", BLK_GOAL, 0},
    {"本年度绩效目标", BLK_GOAL, 0},
    {"本年度绩效指标", BLK_INDICATOR, 0},
    {"项目支出绩效指标", BLK_INDICATOR, 0},
    {"项目名称", BLK_PINFO, 0},
    {"项目支出名称", BLK_PINFO, 0},
    {"业务主管部门", BLK_PINFO, 0},
    {"主管预算部门", BLK_PINFO, 0},
    {"项目实施单位", BLK_PINFO, 0},
    {"项目起止时间", BLK_PINFO, 0},
    {"项目期限", BLK_PINFO, 0},
    /* family F */
    {"总分", BLK_TOTAL, 0},
    {"总得分", BLK_TOTAL, 0},
    /* family E */
    {"专项名称", BLK_SPECIAL, 0},
    {"专项资金名称", BLK_SPECIAL, 0},
    {"资金名称", BLK_SPECIAL, 0},
    {"主管部门", BLK_PINFO, 0},
    {"主管部门及代码", BLK_PINFO, 0},
    {"实施单位", BLK_PINFO, 2}, /* `实施单位 (盖章)` (Sichuan) */
    {"项目属性", BLK_PINFO, 0},
    {"项目类型", BLK_PINFO, 0},
    {"项目期", BLK_PINFO, 0},
    {"起止时间", BLK_PINFO, 0},
    {"项目支出实施期", BLK_PINFO, 0},
    {"项目负责人", BLK_PINFO, 0},
    /* Gansu's 省级部门预算项目支出绩效目标表 (real 05) */
    {"一级项目名称", BLK_PINFO, 0},
    {"二级项目名称", BLK_PINFO, 0},
    {"项目开始日期", BLK_PINFO, 0},
    {"项目完成日期", BLK_PINFO, 0},
    {"项目分类", BLK_PINFO, 0},
    {"资金用途", BLK_PINFO, 0},
    {"资金性质", BLK_PINFO, 0},
    {"基本情况", BLK_LTEXT, 0}, /* its 项目概况 */
    {"项目立项必要性", BLK_LTEXT, 0},
    {"保证项目实施的制度措施", BLK_LTEXT, 0},
    {"组织实施单位", BLK_PINFO, 0}, /* under 项目实施计划, with 项目实施单位 */
    {"监督管理单位", BLK_PINFO, 0},
    {"政策依据", BLK_LTEXT, 0},
    {"其他依据", BLK_LTEXT, 0},
    {"需要说明的其他问题", BLK_LTEXT, 0},
    /* Hunan's 项目绩效目标表 (real 03) */
    {"主管部门编码", BLK_PINFO, 0},
    {"项目单位", BLK_PINFO, 0},
    {"立项情况", BLK_LTEXT, 0}, /* a heading over the three below: its value empty */
    {"项目立项的依据", BLK_LTEXT, 0},
    {"项目申报的可行性", BLK_LTEXT, 0},
    {"项目申报的必要性", BLK_LTEXT, 0},
    {"项目实施进度计划", BLK_LTEXT, 0},
    {"项目绩效目标", BLK_GOAL, 0},
    {"长期绩效指标", BLK_INDICATOR, 0},
    /* Hubei's 市直部门预算项目支出绩效目标表 (鄂州 2022: 项目类别 | 本级支出项目,
     * 项目性质 | 持续性项目, then 立项依据, 项目预算成本构成, 绩效目标 and
     * 绩效指标 with a 保障绩效目标实现措施 column) */
    {"项目类别", BLK_PINFO, 0},
    {"项目性质", BLK_PINFO, 0},
    /* transfer payments (family E/F, real 19) */
    {"转移支付(项目)名称", BLK_PINFO, 0},
    {"转移支付名称", BLK_PINFO, 0},
    {"中央主管部门", BLK_PINFO, 0},
    {"省级主管部门", BLK_PINFO, 0},
    {"地方主管部门", BLK_PINFO, 0},
    {"资金使用单位", BLK_PINFO, 0},
    {VOCAB_W_FUNDS, BLK_FUNDS, 2},
    {"资金总额及构成", BLK_FUNDS, 2}, /* real 03 */
    {"资金情况", BLK_FUNDS, 2},
    {"项目资金情况", BLK_FUNDS, 2},
    {"项目预算资金", BLK_FUNDS, 2},
    {"项目预算金额", BLK_FUNDS, 2},
    {"年度本级预算金额", BLK_FUNDS, 2},
    {"项目总预算", BLK_FUNDS, 2},
    {"项目总投资", BLK_FUNDS, 2},
    {"资金来源", BLK_FUNDS, 2},
    {"支出明细预算", BLK_FUNDS, 2},
    {"支出明细", BLK_FUNDS, 2},
    {"项目预算成本构成", BLK_FUNDS, 2},
    {"当年预算", BLK_FUNDS, 2},
    {"当年绩效目标", BLK_GOAL, 0},
    {"预算执行情况", BLK_FUNDS, 2}, /* Sichuan's self-evaluation (family F) */
    {"项目基本情况", BLK_GOAL, 0},
    /* Sichuan's 部门预算项目支出绩效自评表 (family F): labelled texts under
     * the indicators, the two signatures */
    {"评价结论", BLK_LTEXT, 0},
    {"存在问题", BLK_LTEXT, 0},
    {"改进措施", BLK_LTEXT, 0},
    {"项目负责人:", BLK_PINFO, 1},
    {"财务负责人:", BLK_PINFO, 1},
    {"财务负责人", BLK_PINFO, 0},
    {NULL, 0, 0},
};

const vocab_block vocab_blocks[] = {
    {BLK_PINFO, "项目名称", RD_PINFO, 1, SH_NONE, SEC_INFO},
    {BLK_DEPT, "部门名称", RD_DEPT, 2, SH_FIRST_TEXT, SEC_N /* no facts: the dept column */},
    {BLK_INFO, "基本信息", RD_INFO, 0, SH_LABEL_AMOUNT, SEC_INFO},
    {BLK_BUDGET, "预算整体情况", RD_BUDGET, 0, SH_LABEL_AMOUNT, SEC_BUDGET},
    {BLK_GOAL, "总体绩效目标", RD_GOAL, 0, SH_GOAL_MARKER, SEC_GOAL},
    {BLK_TASK, "年度重点工作任务", RD_TASK, 0, SH_TASK_PREFIX, SEC_TASK},
    {BLK_OTHER, "其他需完成的任务", RD_OTHER, 0, SH_NONE, SEC_OTHER},
    {BLK_INDICATOR, "绩效指标", RD_INDICATOR, 0, SH_LEVEL_WORD, SEC_INDICATOR},
    {BLK_FUNDS, VOCAB_W_FUNDS, RD_FUNDS, 0, SH_FUNDS_LABEL, SEC_BUDGET},
    {BLK_LTEXT, "部门职责", RD_LTEXT, 0, SH_FIRST_TEXT, SEC_INFO},
    {BLK_SPECIAL, "专项名称", RD_PINFO, 1, SH_NONE, SEC_INFO},
    {BLK_TOTAL, "总分", RD_TOTAL, 0, SH_NONE, SEC_INFO},
    {0, NULL, 0, 0, 0, 0},
};

const vocab_block *vocab_block_of(int k)
{
	for (const vocab_block *b = vocab_blocks; b->kind; b++)
		if (b->kind == k)
			return b;
	return NULL;
}

/* Tried in order (FORMAT.md 2c families, templates.md section 1): the
 * first whose title word or mark block the document shows. */
const vocab_template vocab_templates[] = {
    {"self-evaluation",
     'F',
     {"自评表", "自评情况表", "绩效目标自评", "绩效自评"},
     {0},
     {BLK_GOAL, BLK_INDICATOR, 0},
     vocab_task_headers,
     vocab_indicator_headers},
    {"special fund",
     'E',
     {"专项资金绩效目标", "转移支付资金绩效目标", "专项绩效目标", NULL},
     {BLK_SPECIAL, 0},
     {BLK_GOAL, BLK_INDICATOR, 0},
     vocab_task_headers,
     vocab_indicator_headers},
    {"department, budget by nature",
     'B',
     {"部门整体支出绩效目标申报表", NULL},
     {0},
     {BLK_DEPT, BLK_BUDGET, BLK_GOAL, BLK_INDICATOR, 0},
     vocab_task_headers,
     vocab_indicator_headers},
    {"project",
     'D',
     {"项目支出", "项目绩效目标", NULL},
     {BLK_PINFO, BLK_FUNDS, 0},
     {BLK_FUNDS, BLK_GOAL, BLK_INDICATOR, 0},
     vocab_task_headers,
     vocab_indicator_headers},
    {"department, no money",
     'C',
     {"整体绩效目标表", NULL},
     {BLK_LTEXT, 0},
     {BLK_DEPT, BLK_GOAL, BLK_INDICATOR, 0},
     vocab_task_headers,
     vocab_indicator_headers},
    {"department",
     'A',
     {NULL},
     {0},
     {BLK_INFO, BLK_BUDGET, BLK_GOAL, BLK_TASK, BLK_INDICATOR, 0},
     vocab_task_headers,
     vocab_indicator_headers},
    {NULL, 0, {NULL}, {0}, {0}, NULL, NULL},
};

/* kind: enum pinfo_role */
const vocab_word vocab_pinfo_roles[] = {
    {"项目名称", PI_PROJECT, 0},
    {"主管部门", PI_DEPT, 0},
    {"主管部门及代码", PI_DEPT, 0},
    {"业务主管部门", PI_DEPT, 0},
    {"项目主管部门", PI_DEPT, 0},
    {"主管预算部门", PI_DEPT, 0},
    {"预算部门", PI_DEPT2, 0},
    {"项目支出名称", PI_PROJECT, 0},
    {"二级项目名称", PI_PROJECT, 0}, /* under its 一级项目 (real 05) */
    {"单位名称", PI_DEPT, 0},
    {"专项名称", PI_PROJECT, 0},
    {"专项资金名称", PI_PROJECT, 0},
    {"资金名称", PI_PROJECT, 0},
    {"地方主管部门", PI_DEPT, 0}, /* the one filling the form in, not 中央主管部门 */
    {"转移支付(项目)名称", PI_PROJECT, 0},
    {"转移支付名称", PI_PROJECT, 0},
    {"联系电话", PI_OTHER, 0}, /* beside 项目负责人 (real 09) */
    {NULL, 0, 0},
};

const vocab_word vocab_goal_headers[] = {
    {"年度目标", GK_YEAR, 2},
    {"年度绩效目标", GK_YEAR, 2},
    {"当年目标", GK_YEAR, 2},
    {"当年绩效目标", GK_YEAR, 2},
    {"实施期目标", GK_LONG, 2},
    {"中长期目标", GK_LONG, 2},
    {"中期目标", GK_LONG, 2},
    {"长期目标", GK_LONG, 2},
    {"实施期绩效目标", GK_LONG, 2},
    {"中期滚动目标", GK_LONG, 2},
    {"本年度绩效目标", GK_YEAR, 2},
    {"预期目标", GK_YEAR, 2},
    {"实际完成情况", GK_ACTUAL, 2},
    {"目标实际完成情况", GK_ACTUAL, 2},
    /* Sichuan's self-evaluation: 项目基本情况 | 1.项目年度目标完成情况 |
     * 项目年度目标 | 年度目标完成情况, then 2.项目实施内容及过程概述 | text
     * (an item number before a word is no part of it) */
    {"项目年度目标", GK_YEAR, 2},
    {"年度目标完成情况", GK_ACTUAL, 2},
    {"项目年度目标完成情况", GK_HEAD, 2},
    {"项目实施内容及过程概述", GK_TEXT, 2},
    {NULL, 0, 0},
};
const char VOCAB_GOAL_LONG_KEY[] = "实施期";

const char VOCAB_FUNDS_GROUP[] = VOCAB_W_FUNDS;
const vocab_word vocab_funds_drop[] = {{"其中:", 1, 1}, {"其中", 1, 1}, {NULL, 0, 0}};

const char *vocab_funds_undrop(const char *k)
{
	for (const vocab_word *v = vocab_funds_drop; v->word; v++) {
		size_t n = strlen(v->word);
		if (strncmp(k, v->word, n) == 0 && k[n])
			return k + n;
	}
	return k;
}
/* a header starting with one of these (本年度申请资金, 年度预算数; not
 * 上年度安排资金) is the year's amount column */
const vocab_word vocab_funds_year_cols[] = {
    {"年度", 1, 1},
    {"当年", 1, 1},
    {"本年", 1, 1},
    {NULL, 0, 0},
};
const vocab_word vocab_funds_columns[] = {
    {"项目", FC_LABEL, 0},
    {"上年度安排资金", FC_AMOUNT, 2},
    {"本年度申请资金", FC_AMOUNT, 2},
    {"上年度预算数", FC_AMOUNT, 2},
    {"本年度预算数", FC_AMOUNT, 2},
    {"测算依据及说明", FC_REMARK, 0},
    {"测算依据", FC_REMARK, 0},
    {NULL, 0, 0},
};
const vocab_word vocab_unit_line[] = {
    {"单位:", 1, 1},
    {"金额单位:", 1, 1},
    {"单位：", 1, 1},
    {NULL, 0, 0},
};
const vocab_word vocab_filler_line[] = {
    {"填报单位(盖章):", 1, 1}, {"填报单位:(盖章)", 1, 1}, {"单位名称:", 1, 1}, {"填报单位:", 1, 1},
    {"预算单位:", FL_DEPT, 1}, {"编制单位:", 1, 1},       {NULL, 0, 0},
};

const vocab_word vocab_budget_groups[] = {
    {VOCAB_W_EXPENSE, 1, 0},
    {VOCAB_W_INCOME, 1, 0},
    {VOCAB_W_DEVEXP, 1, 0},
    {VOCAB_W_LEVEL, 1, 0},
    {"支出预算", 1, 0},
    {"收入预算", 1, 0},
    {"按收入性质分", 1, 0},
    {"按支出性质分", 1, 0},
    {VOCAB_W_INCOME_TAB, BG_TABLE, 2},
    {VOCAB_W_EXPENSE_TAB, BG_TABLE, 2},
    {NULL, 0, 0},
};

const vocab_syn vocab_budget_nature[] = {
    {"公共财政拨款", VOCAB_W_B_BYINCOME, 2},
    {"一般公共预算拨款", VOCAB_W_B_BYINCOME, 2},
    {"财政拨款", VOCAB_W_B_BYINCOME, 2},
    {"政府性基金拨款", VOCAB_W_B_BYINCOME, 2},
    {"纳入专户管理的非税收入拨款", VOCAB_W_B_BYINCOME, 2},
    {"非税收入", VOCAB_W_B_BYINCOME, 2},
    {"事业收入", VOCAB_W_B_BYINCOME, 2},
    {"上级补助收入", VOCAB_W_B_BYINCOME, 2},
    {"其他收入", VOCAB_W_B_BYINCOME, 2},
    {"其他资金", VOCAB_W_B_BYINCOME, 2},
    {"基本支出", VOCAB_W_B_BYEXPENSE, 2},
    {"项目支出", VOCAB_W_B_BYEXPENSE, 2},
    {"人员经费", VOCAB_W_B_BYEXPENSE, 2},
    {"公用经费", VOCAB_W_B_BYEXPENSE, 2},
    {"人员支出", VOCAB_W_B_BYEXPENSE, 2},
    {"公用支出", VOCAB_W_B_BYEXPENSE, 2},
    {NULL, NULL, 0},
};

const vocab_word vocab_amount_headers[] = {
    {"预算金额", 1, 2},
    {"金额", 1, 2},
    {"预算数", 1, 2},
    {"资金", 1, 2},
    /* the columns of 收入构成 / 支出构成 tables (FORMAT.md 2c) */
    {"当年金额", 1, 2},
    {"占比", 1, 2},
    {NULL, 0, 0},
};

const vocab_word vocab_task_headers[] = {
    {"名称", TR_NAME, 0},
    {"任务名称", TR_NAME, 0},
    {"工作任务", TR_NAME, 0},
    {"主要实施内容", TR_CONTENT, 2},
    {"项目实施内容", TR_CONTENT, 2}, /* 项目实施进度计划's table (real 03) */
    {"实施内容", TR_CONTENT, 2},
    {"主要内容", TR_CONTENT, 2},
    {"拟投入的资金", TR_AMOUNT, 2},
    {"拟投入资金", TR_AMOUNT, 2},
    {"投入资金", TR_AMOUNT, 2},
    {"资金", TR_AMOUNT, 2},
    {"期望达到的目标", TR_TARGET, 2},
    {"预期目标", TR_TARGET, 2},
    {"期望目标", TR_TARGET, 2},
    {NULL, 0, 0},
};

const char VOCAB_TASK_PREFIX[] = "任务";

const vocab_word vocab_indicator_headers[] = {
    {"一级指标", IR_L1, 2},
    {"二级指标", IR_L2, 2},
    {"三级指标", IR_L3, 2},
    {"指标名称", IR_L3, 2},
    {"指标内容", IR_L3, 2},
    {"指标值", IR_VALUE, 2},
    {"全年指标值", IR_VALUE, 2},
    {"年度目标值", IR_VALUE, 2},
    {"目标值", IR_VALUE, 2},
    {"指标目标值", IR_VALUE, 2},
    {"年度指标值", IR_VALUE, 0},
    {"指标性质", IR_NATURE, 0},
    {"指标值及单位", IR_VALUE, 0},
    {"当年预期实现值", IR_VALUE, 0},
    {"指标", IR_L3, 0},
    {"计划指标值", IR_VALUE, 2},
    {"度量单位", IR_UNIT, 0},
    {"计量单位", IR_UNIT, 0},
    {NULL, 0, 0},
};

const vocab_word vocab_indicator_levels[] = {
    {"产出指标", IR_L1, 2},
    {"预期产出指标", IR_L1, 2},
    {"效果指标", IR_L1, 2},
    {"效益指标", IR_L1, 2},
    {"满意度指标", IR_L1, 2},
    {VOCAB_W_COST, IR_L12, 2}, /* level 1 on project forms, 2 under 产出指标 */
    {"数量指标", IR_L2, 2},
    {"质量指标", IR_L2, 2},
    {"时效指标", IR_L2, 2},
    {"经济效益指标", IR_L2, 2},
    {"社会效益指标", IR_L2, 2},
    {"生态效益指标", IR_L2, 2},
    {"可持续影响指标", IR_L2, 2},
    {"服务对象满意度指标", IR_L2, 2},
    {"社会公众或服务对象满意度指标", IR_L2, 2},
    {"社会公众满意度指标", IR_L2, 2},
    {"环境效益指标", IR_L2, 2},
    {"社会效益目标", IR_L2, 2},
    {"社会、经济、生态效益指标", IR_L2, 2},
    {"预算(或投资规模)控制指标", IR_L2, 2},
    {"进度指标", IR_L2, 2},
    {"服务对象满意度指标等", IR_L2, 2},
    {"服务对象满意度", IR_L2, 2},
    {"满意度", IR_L2, 2},
    {"经济成本指标", IR_L2, 2},
    {"社会成本指标", IR_L2, 2},
    {"生态环境成本指标", IR_L2, 2},
    {"预期产出指标", IR_L1, 2}, /* the older vocabulary (templates.md 5) */
    {"效果指标", IR_L1, 2},
    {"预算(或投资规模)控制指标", IR_L2, 2},
    {"社会、经济、生态效益指标", IR_L2, 2},
    {NULL, 0, 0},
};

const vocab_word vocab_qualitative[] = {{"定性", 1, 0}, {NULL, 0, 0}};

/* What an indicator row's cells are, for the row fit (lib/form_fit.c). */
const vocab_word vocab_nature_words[] = {{"定量", 1, 0}, {"定性", 1, 0}, {NULL, 0, 0}};
const vocab_word vocab_nature_fields[] = {{"指标值类型", 1, 0}, {"指标性质", 1, 0}, {NULL, 0, 0}};
/* Units an indicator's 计量单位 column holds (matched whole). */
const vocab_word vocab_indicator_units[] = {
    {"%", 1, 0},      {"‰", 1, 0},        {"个", 1, 0},       {"人", 1, 0},     {"人次", 1, 0},
    {"万人", 1, 0},   {"万人次", 1, 0},   {"次", 1, 0},       {"户", 1, 0},     {"家", 1, 0},
    {"所", 1, 0},     {"座", 1, 0},       {"台", 1, 0},       {"套", 1, 0},     {"件", 1, 0},
    {"项", 1, 0},     {"份", 1, 0},       {"本", 1, 0},       {"册", 1, 0},     {"场", 1, 0},
    {"场次", 1, 0},   {"批", 1, 0},       {"处", 1, 0},       {"条", 1, 0},     {"辆", 1, 0},
    {"名", 1, 0},     {"位", 1, 0},       {"期", 1, 0},       {"班", 1, 0},     {"篇", 1, 0},
    {"部", 1, 0},     {"间", 1, 0},       {"张", 1, 0},       {"棵", 1, 0},     {"株", 1, 0},
    {"头", 1, 0},     {"只", 1, 0},       {"亩", 1, 0},       {"万亩", 1, 0},   {"公顷", 1, 0},
    {"平方米", 1, 0}, {"万平方米", 1, 0}, {"平方公里", 1, 0}, {"立方米", 1, 0}, {"万立方米", 1, 0},
    {"米", 1, 0},     {"公里", 1, 0},     {"千米", 1, 0},     {"吨", 1, 0},     {"万吨", 1, 0},
    {"千克", 1, 0},   {"公斤", 1, 0},     {"万公斤", 1, 0},   {"元", 1, 0},     {"万元", 1, 0},
    {"亿元", 1, 0},   {"天", 1, 0},       {"日", 1, 0},       {"个月", 1, 0},   {"月", 1, 0},
    {"年", 1, 0},     {"小时", 1, 0},     {"分钟", 1, 0},     {"工作日", 1, 0}, {"分", 1, 0},
    {"级", 1, 0},     {"km", 1, 0},       {"m", 1, 0},        {"t", 1, 0},      {"kg", 1, 0},
    {NULL, 0, 0},
};
const vocab_word vocab_score_fields[] = {
    {"分值", 1, 0}, {"得分", 1, 0}, {"权重", 1, 0}, {NULL, 0, 0}};

const vocab_word vocab_title_words[] = {
    {"绩效目标表", 1, 0},     {"绩效目标申报表", 1, 0},
    {"绩效目标审批表", 1, 0}, {"绩效目标批复表", 1, 0},
    {"绩效自评表", 1, 0},     {"绩效目标自评表", 1, 0},
    {"自评表", 1, 0},         {NULL, 0, 0},
};
const vocab_word vocab_title_ends[] = {{"绩效目标自评", 1, 0}, {"绩效自评", 1, 0}, {NULL, 0, 0}};

int vocab_year_line(const char *key, char *year)
{
	const char *p = key + (*key == '(');
	for (int i = 0; i < 4; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	const char *q = p + 4;
	if (strncmp(q, VOCAB_YEAR_WORD, strlen(VOCAB_YEAR_WORD)) == 0)
		q += strlen(VOCAB_YEAR_WORD);
	else if (strncmp(q, "年", strlen("年")) == 0)
		q += strlen("年");
	else
		return 0;
	int closed = *q == ')';
	if (*key == '(' && !closed)
		return 0;
	q += closed; /* `2017 年度)`: the opening bracket lost by the page text */
	if (*q)
		return 0;
	if (year)
		memcpy(year, p, 4), year[4] = 0;
	return *key == '(' ? 2 : 1;
}

int vocab_ends_with(const vocab_word *table, const char *key)
{
	size_t n = strlen(key);
	for (const vocab_word *v = table; v->word; v++) {
		size_t m = strlen(v->word);
		if (m <= n && strcmp(key + n - m, v->word) == 0)
			return 1;
	}
	return 0;
}

const char *const vocab_remark_fields[] = {"偏差原因", "备注", NULL};

const char *const vocab_glued_labels[] = {
    "项目名称",     "转移支付(项目)名称", "转移支付名称", "专项资金名称",
    "主管部门",     "中央主管部门",       "省级主管部门", "地方主管部门",
    "资金使用单位", "实施单位",           "项目实施单位", NULL,
};

const char VOCAB_GOAL_WORD[] = "目标";
const char *const vocab_lost_marks[] = {"?", "\xEF\xBF\xBD", NULL};

const vocab_syn vocab_indicator_fields[] = {
    {"实施期指标值", "实施期指标值", 2},
    {"中期指标值", "实施期指标值", 2},
    {"长期指标值", "实施期指标值", 2},
    {"实施周期指标值", "实施期指标值", 2},
    {"实施周期目标值", "实施期指标值", 2},
    {"实际完成值", "实际完成值", 2},
    {"全年实际完成值", "实际完成值", 2},
    {"全年完成值", "实际完成值", 2},
    {"实际完成情况", "实际完成值", 2},
    {"完成值", "实际完成值", 2}, /* Sichuan's 项目支出绩效自评表 */
    {"分值", "分值", 2},
    {"得分", "得分", 2},
    {"偏差原因", "偏差原因", 2},
    {"偏差原因分析及改进措施", "偏差原因", 2},
    {"未完成原因和改进措施", "偏差原因", 2},
    {"未完成原因", "偏差原因", 2},
    {"未达到指标值原因", "偏差原因", 2},
    {"未完成原因分析", "偏差原因", 2},
    {"权重", "权重", 2},
    {"指标权重", "权重", 2},
    {"评(扣)分标准", "评分标准", 0},
    {"评分标准", "评分标准", 2},
    {"评价标准", "评分标准", 2},
    {"指标解释", "指标解释", 2},
    {"指标值类型", "指标值类型", 2},
    {"指标方向性", "指标方向性", 2},
    {"绩效标准", "绩效标准", 2},
    {"备注", "备注", 2},
    {NULL, NULL, 0},
};

/* matched anywhere in the header (prefix 1 after any text: vocab_contains) */
const vocab_word vocab_long_words[] = {
    {"长期", 1, 1}, {"中期", 1, 1}, {"实施期", 1, 1}, {"实施周期", 1, 1}, {NULL, 0, 0},
};

const vocab_word vocab_multi_headers[] = {
    {"单位名称", MC_UNIT, 0}, {"部门名称", MC_UNIT, 0},     {"项目名称", MC_PROJECT, 0},
    {"预算数", MC_BUDGET, 2}, {"预算金额", MC_BUDGET, 2},   {"项目预算", MC_BUDGET, 2},
    {"年度目标", MC_GOAL, 2}, {"年度绩效目标", MC_GOAL, 2}, {NULL, 0, 0},
};

const char *const vocab_total_fields[] = {"分值", "得分", "等级", NULL};
const vocab_word vocab_indicator_totals[] = {
    {"合计", BLK_TOTAL, 0}, {"总计", BLK_TOTAL, 0}, {NULL, 0, 0}};
const vocab_word vocab_funds_plain_cols[] = {
    {"分值", 1, 2},     {"得分", 1, 2}, {"执行率", 1, 2}, {"占比", 1, 2},
    {"测算依据", 1, 1}, {"权重", 1, 2}, {"原因", 1, 2},   {NULL, 0, 0},
};

/* A self-evaluation's money columns under other names (Sichuan's
 * 预算执行情况: 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率), named as
 * the other family F forms name them (FORMAT.md 2c) */
const vocab_syn vocab_funds_col_syn[] = {
    {"年初预算", "年初预算数", 0},   {"调整后预算数", "全年预算数", 0},
    {"调整后预算", "全年预算数", 0}, {"预算执行数", "全年执行数", 0},
    {"预算执行率", "执行率", 0},     {NULL, NULL, 0},
};

const vocab_syn vocab_funds_groups[] = {
    {"资金来源", "资金来源", 2},
    {"支出明细预算", "支出明细", 2},
    {"支出明细", "支出明细", 2},
    {"项目预算成本构成", "支出明细", 2},
    {NULL, NULL, 0},
};

/* as written in real forms (templates.md section 2: 05; 06, 08, 12, 18;
 * self-evaluations' 本年财政拨款, 上年结转资金: real 13, 15) */
const vocab_word vocab_funds_labels[] = {
    {"中央补助安排", 1, 0}, {"省级财政安排", 1, 0}, {"其他资金", 1, 0},     {"预算申报数", 1, 0},
    {"年度资金总额", 1, 0}, {"当年资金总额", 1, 0}, {"当年财政拨款", 1, 0}, {"当年其他资金", 1, 0},
    {"本年财政拨款", 1, 0}, {"上年结转资金", 1, 0}, {NULL, 0, 0},
};

const vocab_word vocab_funds_note_cols[] = {{"原因", 1, 0}, {NULL, 0, 0}};

/* The rows of Sichuan's 预算执行情况 (family F), after `其中:` */
const vocab_word vocab_funds_exec_rows[] = {
    {"总额", 0, 0},     {"财政资金", 0, 0}, {"财政专户管理资金", 0, 0},
    {"单位资金", 0, 0}, {NULL, 0, 0},
};

const char VOCAB_ITEM_DIGITS[] = "0123456789一二三四五六七八九十";
const char *const vocab_item_closers[] = {"、", ".", ")", NULL};

/* How word (an entry of kind prefix, as vocab_word) meets key: 2 when it
 * is the whole key, 1 when it starts the key as its entry allows, else 0;
 * *n is the word's length when not 0. */
static inline int word_hit(const char *word, int prefix, const char *key, size_t *n)
{
	/* most words differ in their first character (three bytes for the CJK
	 * ones, which share lead bytes): skip strlen and strncmp; a byte is
	 * looked at only when neither string ended before it */
	if (word[0] != key[0])
		return 0;
	if (key[0] && (word[1] != key[1] || (key[1] && word[2] != key[2])))
		return 0;
	*n = strlen(word);
	if (strncmp(key, word, *n) != 0)
		return 0;
	const char *rest = key + *n;
	if (!*rest)
		return 2;
	/* prefix 2: only a parenthesised remark may follow */
	if (prefix == 2 && *rest == '(') {
		const char *close = strchr(rest, ')');
		return close && close[1] == 0;
	}
	/* a score band in brackets (`绩效指标(90分)`, `(0-20)分`) leaves the
	 * word whole: the reader keeps the band as a fact (FORMAT.md) */
	if (prefix != 1 && *rest == '(') {
		const char *p = rest + 1;
		int d = 0;
		while ((*p >= '0' && *p <= '9') || *p == '.' || *p == '-')
			d += *p >= '0' && *p <= '9', p++;
		if (d && !strcmp(p, "分)"))
			return 2;
		if (d && !strcmp(p, ")分"))
			return 2;
	}
	return prefix == 1;
}

const char *vocab_syn_match(const vocab_syn *table, const char *key)
{
	size_t n;
	for (const vocab_syn *v = table; v->word; v++)
		if (word_hit(v->word, v->prefix, key, &n))
			return v->canon;
	return NULL;
}

int vocab_contains(const vocab_word *table, const char *key)
{
	for (const vocab_word *v = table; v->word; v++)
		if (strstr(key, v->word))
			return 1;
	return 0;
}

/* FORMAT.md section 4, with the fields of section 2c: budget columns beside
 * amount, the indicator's result/score/weight columns, the self-evaluation
 * total's 分值/得分. 执行率 and 占比 are percents: `95.5` under them is 95.5%. */
const vocab_field vocab_qty_fields[] = {
    {"info", "value", NULL, 0},
    {"info", "分值", NULL, 0},
    {"info", "得分", NULL, 0},
    {"budget", "amount", NULL, 1},
    {"budget", "上年度安排资金", NULL, 1},
    {"budget", "本年度申请资金", NULL, 1},
    {"budget", "年初预算数", NULL, 1},
    {"budget", "全年预算数", NULL, 1},
    {"budget", "全年执行数", NULL, 1},
    {"budget", "当年金额", NULL, 1},
    {"budget", "中期", NULL, 1},
    {"budget", "执行率", "%", 0},
    {"budget", "占比", "%", 0},
    {"budget", "分值", NULL, 0},
    {"budget", "得分", NULL, 0},
    {"task", "no", NULL, 0},
    {"task", "amount", NULL, 1},
    {"indicator", "value", NULL, 0},
    {"indicator", "实施期指标值", NULL, 0},
    {"indicator", "实际完成值", NULL, 0},
    {"indicator", "分值", NULL, 0},
    {"indicator", "得分", NULL, 0},
    {"indicator", "权重", NULL, 0},
    {NULL, NULL, NULL, 0},
};

const vocab_field *vocab_qty_field(const char *section, size_t sn, const char *field, size_t fn)
{
	for (const vocab_field *v = vocab_qty_fields; v->section; v++)
		if (sn && v->section[0] == section[0] && strncmp(v->section, section, sn) == 0 &&
		    !v->section[sn] && strncmp(v->field, field, fn) == 0 && !v->field[fn])
			return v;
	return NULL;
}

int vocab_is_qty_field(const char *section, size_t sn, const char *field, size_t fn)
{
	return vocab_qty_field(section, sn, field, fn) != NULL;
}

/* ---- text whose grid was lost (regrid.c) ---- */

/* A row that starts with one of these is a note under a table, not a row of
 * it: it ends the block (matched as a label key's prefix). */
const vocab_word vocab_note_labels[] = {
    {"备注", 1, 1},
    {"注:", 1, 1},
    {"说明", 1, 1},
    {"填表人", 1, 1},
    {"填报人", 1, 1},
    {"单位负责人", 1, 1},
    {"联系电话", 1, 1},
    {"财政部门审核意见", 1, 1},
    {"审核意见", 1, 1},
    {"扫一扫", 1, 1},
    {"其他需要说明事项", 1, 1},
    {NULL, 0, 0},
};

/* vocab_match's index of the larger tables (vocab_indexed, below):
 * word_hit is nonzero only when word and key agree in their
 * first three bytes (bytes after the terminating NUL read as NUL: a word
 * of one or two bytes matches only the whole key), so the entries whose
 * head3 bucket is the key's are all that can match. A table's index lists
 * its entries bucket by bucket, in the table's order within a bucket: the
 * scan of the key's bucket gives the answer the scan of the whole table
 * gives. Built once, on the first vocab_match (not thread-safe then). */
#define VOCAB_BUCKETS 32 /* a power of two */
typedef struct {
	unsigned short start[VOCAB_BUCKETS + 1]; /* into vocab_order */
} vocab_index;

/* The bucket of s's first three bytes (as word_hit compares them). */
static inline unsigned head3(const char *s)
{
	unsigned a = (unsigned char)s[0], b = a ? (unsigned char)s[1] : 0;
	unsigned c = b ? (unsigned char)s[2] : 0;
	unsigned h = a * 961u + b * 31u + c;
	return (h ^ (h >> 5)) & (VOCAB_BUCKETS - 1);
}

/* The tables vocab_match indexes: those of six entries or more (a shorter
 * one is scanned as fast as its index is found). Any other table is
 * scanned whole. */
#define VOCAB_INDEXED(X)                                                                           \
	X(vocab_block_labels)                                                                      \
	X(vocab_pinfo_roles)                                                                       \
	X(vocab_goal_headers)                                                                      \
	X(vocab_funds_columns)                                                                     \
	X(vocab_filler_line)                                                                       \
	X(vocab_budget_groups)                                                                     \
	X(vocab_amount_headers)                                                                    \
	X(vocab_task_headers)                                                                      \
	X(vocab_indicator_headers)                                                                 \
	X(vocab_indicator_levels)                                                                  \
	X(vocab_indicator_units)                                                                   \
	X(vocab_title_words)                                                                       \
	X(vocab_multi_headers)                                                                     \
	X(vocab_funds_labels)                                                                      \
	X(vocab_note_labels)
#define VOCAB_INDEXED_PTR(t) t,
#define VOCAB_INDEXED_SIZE(t) +sizeof t / sizeof t[0]
static const vocab_word *const vocab_indexed[] = {VOCAB_INDEXED(VOCAB_INDEXED_PTR)};
#define VOCAB_NINDEXED (sizeof vocab_indexed / sizeof vocab_indexed[0])
static vocab_index vocab_indexes[VOCAB_NINDEXED];
/* the entries of every indexed table (room for each one's terminator too),
 * bucket by bucket: each table's share is exactly its size */
#define VOCAB_ORDER_N (0 VOCAB_INDEXED(VOCAB_INDEXED_SIZE))
_Static_assert(VOCAB_ORDER_N <= 65535, "vocab_order's entries are unsigned short");
static unsigned short vocab_order[VOCAB_ORDER_N];

/* Fill vocab_indexes and vocab_order. */
static void index_build(void)
{
	unsigned used = 0;
	for (size_t t = 0; t < VOCAB_NINDEXED; t++) {
		const vocab_word *tab = vocab_indexed[t];
		unsigned n = 0, count[VOCAB_BUCKETS] = {0};
		while (tab[n].word)
			count[head3(tab[n++].word)]++;
		vocab_index *ix = &vocab_indexes[t];
		unsigned at = used;
		for (unsigned b = 0; b < VOCAB_BUCKETS; b++) {
			ix->start[b] = (unsigned short)at;
			at += count[b];
		}
		ix->start[VOCAB_BUCKETS] = (unsigned short)at;
		unsigned short fill[VOCAB_BUCKETS];
		memcpy(fill, ix->start, sizeof fill);
		for (unsigned i = 0; i < n; i++)
			vocab_order[fill[head3(tab[i].word)]++] = (unsigned short)i;
		used += n;
	}
}

/* Where each indexed table's index is: open addressing on the table's
 * address, VOCAB_SLOTS slots (more than twice the tables), 0 empty, else
 * 1 + the table's place in vocab_indexed. */
#define VOCAB_SLOTS 32 /* a power of two */
static unsigned char vocab_slot[VOCAB_SLOTS];

static inline unsigned slot_of(const vocab_word *table)
{
	return (unsigned)(((uintptr_t)table * UINT64_C(0x9E3779B97F4A7C15)) >> 32) &
	       (VOCAB_SLOTS - 1);
}

/* The index of table, or NULL when it has none (built on the first call). */
static const vocab_index *index_of(const vocab_word *table)
{
	static int built;
	if (!built) {
		index_build();
		for (size_t t = 0; t < VOCAB_NINDEXED; t++) {
			unsigned h = slot_of(vocab_indexed[t]);
			while (vocab_slot[h])
				h = (h + 1) & (VOCAB_SLOTS - 1);
			vocab_slot[h] = (unsigned char)(t + 1);
		}
		built = 1;
	}
	for (unsigned h = slot_of(table); vocab_slot[h]; h = (h + 1) & (VOCAB_SLOTS - 1)) {
		if (vocab_indexed[vocab_slot[h] - 1] == table)
			return &vocab_indexes[vocab_slot[h] - 1];
	}
	return NULL;
}

/* Entry v against key: 1 when it is the whole key (*best = v: no entry is
 * longer), else 0, *best and *best_n updated when v is a longer match. */
static inline int match_one(const vocab_word *v, const char *key, const vocab_word **best,
                            size_t *best_n)
{
	size_t n;
	int hit = word_hit(v->word, v->prefix, key, &n);
	if (hit == 2) {
		*best = v;
		return 1;
	}
	if (hit && n > *best_n)
		*best = v, *best_n = n;
	return 0;
}

const vocab_word *vocab_match(const vocab_word *table, const char *key)
{
	const vocab_word *best = NULL;
	size_t best_n = 0;
	const vocab_index *ix = index_of(table);
	if (ix) {
		unsigned b = head3(key);
		for (unsigned i = ix->start[b]; i < ix->start[b + 1]; i++)
			if (match_one(&table[vocab_order[i]], key, &best, &best_n))
				break;
		return best;
	}
	for (const vocab_word *v = table; v->word; v++)
		if (match_one(v, key, &best, &best_n))
			break;
	return best;
}
