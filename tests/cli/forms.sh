# SPDX-License-Identifier: MIT
# Form reading (sourced by tests/run.sh): the templates and families of
# FORMAT.md 2c, labels in canonical form, and numbers out of range in the
# form readers. Goldens under fixtures/forms and fixtures/families were
# written by reading each document, line by line.
F=fixtures/forms

# A task number beyond FORM_TASK_NO_MAX (30 Chinese numerals, 8 digits) is
# out of range: numbered by position, with a warning; UBSan saw a signed
# overflow here and the plain build printed a garbage number.
tc "task numbers out of range: numbered by position, warned" 0 @$F/task-numbers.facts.tsv \
	"pg-extract: $F/task-numbers.html:5: warning: task number out of range (more than 9999999): numbered by its position 1
pg-extract: $F/task-numbers.html:6: warning: task number out of range (more than 9999999): numbered by its position 2
pg-extract: $F/task-numbers.html:2: warning: form has no 基本信息 section
pg-extract: $F/task-numbers.html:2: warning: form has no 预算整体情况 section
pg-extract: $F/task-numbers.html:2: warning: form has no 总体绩效目标 section
pg-extract: $F/task-numbers.html:2: warning: form has no 绩效指标 section" \
	"pg-extract $F/task-numbers.html"

# Keys stay the same from year to year (FORMAT.md 2c): 2025 writes the same
# form with required stars, score bands (`(50分)`, `(0-20)分`, `10分`,
# `（30分）`), core marks and labels broken by blanks and line breaks.
for y in 2024 2025; do
	tc "keys $y: facts as reviewed" 0 @$F/keys-$y.facts.tsv '' "pg-extract $F/keys-$y.html"
done
tc "keys: 2025's keys are 2024's (bands and marks aside)" 0 '' '' \
	"for y in 2024 2025; do pg-extract -H $F/keys-\$y.html | awk -F'\t' '\$7!=\"band\" && \$7!=\"mark\"' | cut -f5-7 >\$OUT/keys.\$y; done; diff \$OUT/keys.2024 \$OUT/keys.2025"
tc "keys: bands and marks are fields of their own" 0 \
	"$(printf 'band\t50分\nband\t10分\nmark\t★\nband\t0-20分\nband\t30分\nmark\t★★★\nband\t10')" '' \
	"pg-extract -H $F/keys-2025.html | awk -F'\t' '\$7==\"band\" || \$7==\"mark\"' | cut -f7,8"

# Labels of real project forms the vocabulary learnt from real 03 and 05
# (Gansu's 省级部门预算项目支出绩效目标表, docs/real.md), in a grid of our
# own: header pairs (组织实施单位, 监督管理单位) under the heading 项目实施计划
# (its value empty), labelled texts (基本情况, 政策依据 ...), money rows on
# rows of their own (中央补助安排 | 10: vocab_funds_labels); its glued twin is
# fixtures/text/glued-gansu-2024.txt, the Hunan form's glued-hunan-2024.txt.
tc "project labels of real forms (Gansu): facts as reviewed" 0 @$F/gansu-project-2024.facts.tsv '' \
	"pg-extract $F/gansu-project-2024.html"
tc "project labels: a heading over header pairs has an empty value, the pairs are read" 0 \
	"$(printf '组织实施单位\t某省文化和旅游厅\n监督管理单位\t某市财政局\n项目实施单位\t某市文化馆\n项目实施计划\t')" '' \
	"pg-extract -H $F/gansu-project-2024.html | awk -F'\t' '\$6 ~ /单位\$|计划\$/ {print \$6 \"\t\" \$8}'"

# Sichuan's 部门预算项目支出绩效自评表 (family F; issue 13), in a grid of our
# own written after two real forms' layout (11 columns): block labels with
# score bands (`预算执行情况(10分)`, `绩效指标(90分)`: the band a fact of its
# own), the goal under 项目基本情况's headers, the 预算执行情况 money table
# (columns named as the other F forms name them, unit from 年度预算数(万元)),
# indicator columns 完成值 / 未完成原因分析, the 合计 row, the texts under the
# table and the `项目负责人:X` signatures. Its pipes rendering is the real
# texts' shape (`cell | cell | |||`), in the metamorphic test (regrid.sh).
tc "Sichuan self-evaluation: facts as reviewed" 0 @$F/sichuan-selfeval-2023.facts.tsv '' \
	"pg-extract $F/sichuan-selfeval-2023.html"
tc "Sichuan self-evaluation: a block label's score band is a meta fact" 0 \
	"$(printf '预算执行情况\tband\t10分\n绩效指标\tband\t90分')" '' \
	"pg-extract -H $F/sichuan-selfeval-2023.html | awk -F'\t' '\$5==\"meta\" && \$7==\"band\"' | cut -f6-8"
tc "Sichuan self-evaluation: pipes rendering as the real texts give it" 0 \
	"$(printf '绩效指标\tband\t90分\n项目资金|总额\t全年预算数\t25.50\n效益指标|社会效益指标|群众文化活动参与率\t实际完成值\t80')" '' \
	"\$BUILD/bench/flatten pipes <$F/sichuan-selfeval-2023.html >\$OUT/sc.pipes && grep -q '^绩效指标(90分) | 一级指标 | ' \$OUT/sc.pipes && pg-extract -H \$OUT/sc.pipes | awk -F'\t' '(\$7==\"band\" && \$6==\"绩效指标\") || (\$6~/参与率/ && \$7==\"实际完成值\") || (\$6==\"项目资金|总额\" && \$7==\"全年预算数\")' | cut -f6-8"
tc "Sichuan self-evaluation: nothing in extra" 0 '' '' \
	"pg-extract -H $F/sichuan-selfeval-2023.html | awk -F'\t' '\$5==\"extra\"'"
ok "Sichuan self-evaluation: pg-normalize reads it" "pg-extract $F/sichuan-selfeval-2023.html | pg-normalize >/dev/null"

# Families of FORMAT.md 2c (templates.md section 1), two documents each,
# written after the layouts templates.md and ../shared/real describe; each
# golden was checked line by line against its document.
for d in fixtures/families/*.html fixtures/families/*.csv; do
	n=$(basename "$d"); n=${n%.*}
	tc "family ${n%%-*}: $n: facts as reviewed" 0 @fixtures/families/$n.facts.tsv '' "pg-extract $d"
	tc "family ${n%%-*}: $n: recognised as ${n%%-*}" 0 "${n%%-*}" '' \
		"pg-extract -H $d | awk -F'\\t' '\$5==\"meta\" && \$6==\"family\"{print \$8; f=1} END{if(!f) print \"A\"}' | sort -u"
	tc "family ${n%%-*}: $n: nothing in extra but site noise" 0 '' '' \
		"pg-extract -H $d | awk -F'\t' '\$5==\"extra\" && \$6 !~ /发布时间/'"
	ok "family ${n%%-*}: $n: pg-normalize reads it" "pg-extract $d | pg-normalize >/dev/null"
done

# Family B as the text of a web page, a cell a line (real excerpt 25's
# shape): a page heading above the form's title (a line, not a form), the
# year line's bracket lost, values on the line after their labels, the
# block label's `(万元)` on a line of its own (the unit of its amounts),
# the 按收入性质分 column listed before the 按支出性质分 one (each label's
# group by its words), `目标3` without its colon, prose indicators (key
# L1|L2, the sentence the value: FORMAT.md 2c).
tc "family B, a cell a line: facts as reviewed" 0 @$F/b-lines-2019.facts.tsv '' "pg-extract $F/b-lines-2019.txt"
tc "family B, a cell a line: its splits add up" 0 "$(printf 'byincome=total\tok\nbyexpense=total\tok\nbyincome=byexpense\tok')" '' \
	"pg-extract $F/b-lines-2019.txt | pg-normalize | pg-sum | awk -F'\t' '\$5 ~ /^by/' | cut -f5,6"
tc "family B, a cell a line: nothing lost" 0 '' '' \
	"pg-extract $F/b-lines-2019.txt >\$OUT/bl.tsv; \$BUILD/bench/cells $F/b-lines-2019.txt \$OUT/bl.tsv"

# A 收入构成 table reads at most MAX_COLS (8) columns (docs/limits.md): the
# 9th header and its cells go to extra, nothing is lost.
tc "收入构成 table: 8 columns read, the 9th to extra" 0 "$(printf 'budget\t8\nextra\t2')" '' \
	"pg-extract $F/b-table-cols.html 2>/dev/null | awk -F'\t' '\$5==\"budget\" || \$5==\"extra\"' | cut -f5 | uniq -c | awk '{print \$2 \"\t\" \$1}'"

# A synonym is a data change: 项目主管部门 (one row of vocab_pinfo_roles)
# names the department; before that row its pair went to extra.
tc "synonym: 项目主管部门 names the department" 0 @$F/label-synonym.facts.tsv '' "pg-extract $F/label-synonym.html"
# A label written with a trailing colon (`年度资金总额：`, `主管部门:`) keys as
# without it: the same facts, src aside, for every label cell so written.
for f in fixtures/families/E-education-2023.html fixtures/families/F-nutrition-2022.html; do
	tc "trailing colon on labels: $f: same facts" 0 '' '' \
		"pg-extract $f | cut -f1-11 >\$OUT/colon.want && sed 's|>年度资金总额<|>年度资金总额：<|; s|>主管部门<|>主管部门:<|' $f >\$OUT/colon.html; grep -q '年度资金总额：' \$OUT/colon.html && cut -f2-11 \$OUT/colon.want >\$OUT/colon.w2; pg-extract \$OUT/colon.html | cut -f2-11 | diff \$OUT/colon.w2 -"
done

# Hubei's 市直部门预算项目支出绩效目标表 (an unseen real form of 2022, seen
# glued: `项目类别本级支出项目项目性质持续性项目立项依据…`): 项目类别 and 项目性质
# are labels of the project header (lib/vocab.c), each followed by its value;
# before, both were read into 项目名称's value.
printf '%s\n' '某市2023年市直部门预算项目支出绩效目标表 |||' '项目名称 | 市民服务中心运行保障 |||' \
	'项目类别 | 本级支出项目 | 项目性质 | 持续性项目 |' '立项依据 | 市政府办公室工作规则 |||' \
	'绩效目标 | 保障市民服务中心全年正常运行 |||' '绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |' \
	'| 产出指标 | 数量指标 | 窗口服务天数 | ≥250天 |' >"$OUT/hubei.txt"
tc "labels 项目类别 and 项目性质: pairs of the project header" 0 "$(printf '项目名称\t市民服务中心运行保障\n项目类别\t本级支出项目\n项目性质\t持续性项目\n立项依据\t市政府办公室工作规则')" '~warning: form has no 项目资金 section' \
	"pg-extract $OUT/hubei.txt | awk -F'\t' '\$5==\"info\"{print \$6 \"\t\" \$8}'"
tc "labels 项目类别 and 项目性质: nothing lost" 0 '' '~warning: form has no 项目资金 section' \
	"pg-extract $OUT/hubei.txt >\$OUT/hubei.tsv; \$BUILD/bench/cells $OUT/hubei.txt \$OUT/hubei.tsv"
