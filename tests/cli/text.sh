# SPDX-License-Identifier: MIT
# Text shapes the real excerpts come in (sourced by tests/run.sh; issue 13
# part 3, docs/regrid.md section 1b): forms of our own written in those
# shapes -- space-aligned columns (pdftotext -layout, a plain-text page),
# framed lines that are not rows (frames-selfeval-2023.txt: a self-evaluation
# form with a two-row indicator header, written by `bench/flatten frames`) --
# each with a golden checked line by line against its text. Their shapes'
# rules are unit-tested in tests/unit/test_spaced.c and test_regrid.c; the
# metamorphic test (regrid.sh) renders every fixture form space-aligned.
for d in fixtures/text/*.txt; do
	n=${d%.txt}
	tc "text shape: $(basename "$d"): facts as reviewed" 0 @$n.facts.tsv '*' "pg-extract $d"
	ok "text shape: $(basename "$d"): nothing lost" \
		"pg-extract $d >\$OUT/text.all 2>/dev/null; \$BUILD/bench/cells $d \$OUT/text.all"
done
# the shape is told from the text: a space-aligned form is read in columns
tc "space-aligned text: read in columns" 0 'L15C5' '' \
	"pg-extract fixtures/text/spaced-selfeval-2022.txt | awk -F'\t' '\$6==\"产出指标|数量指标|养护里程\" && \$7==\"value\"{print \$12}'"
# traditional characters (and pinyin readings after them) are folded for
# label matching and keys, values keep what was written (lib/hant.c)
tc "traditional characters: keys folded, values as written" 0 '满意度指标|服务对象满意度指标|沿线群众满意度	≥90%
项目名称	農(nóng)村公路養護工程' '' \
	"pg-extract fixtures/text/hant-project-2023.txt | awk -F'\t' '\$6~/沿线群众/ || \$6==\"项目名称\"{print \$6 \"\t\" \$8}' | sort"
# a whole form glued onto one line (lib/glued.c, docs/regrid.md 1g): cut at
# the vocabulary's words; a row whose values are fewer than the header's
# columns after its levels is glued, not guessed apart: extra, with a warning
tc "glued form: a name and its value run together go to extra, with a warning" 0 \
	'群众出行条件改善
养护完成时间2023年12月底前' \
	'~glued-project-2023.txt:3: warning: glued cells not split \(their text goes to extra\): 群众出行条件改善' \
	"pg-extract fixtures/text/glued-project-2023.txt | awk -F'\t' '\$5==\"extra\" && \$12 ~ /^L3C/ && \$8 !~ /填报/{print \$8}' | sort -r"
# GLUED_MAX_LINE: a longer line is cut up to the limit, its rest one cell,
# with a warning; the facts before the limit are read, nothing is lost
tc "glued form: a line longer than GLUED_MAX_LINE (65536 bytes): the rest one cell, a warning" 0 \
	'产出指标|数量指标|养护里程	≥120公里' \
	'~glued\.txt:1: warning: glued line longer than 65536 bytes: the rest is one cell' \
	"{ sed -n 3p fixtures/text/glued-project-2023.txt | tr -d '\n'; head -c 70000 /dev/zero | tr '\000' x; echo; } >\$OUT/glued.txt; pg-extract \$OUT/glued.txt | awk -F'\t' '\$6 ~ /养护里程/{print \$6 \"\t\" \$8}'"
ok "glued form: a line longer than GLUED_MAX_LINE: nothing lost" \
	"pg-extract \$OUT/glued.txt >\$OUT/glued.all 2>/dev/null; \$BUILD/bench/cells \$OUT/glued.txt \$OUT/glued.all"
# one cell per line: a goal's text too long to be a table's label, then an
# indicator header row without a label column: the text stays the goal, the
# header opens the indicator block (before: the header took the text as its
# label, and no goal and no indicator were read)
tc "lines: a long goal text, then a header without a label column" 0 \
	'goal	1	进一步提高博物馆纪念馆运行效率和免费开放服务水平
indicator	产出指标|数量指标|开放天数	=300天' '*' \
	"printf '项目支出绩效目标表\n项目名称\n测试项目\n主管部门\n某局\n年度绩效目标\n进一步提高博物馆纪念馆运行效率和免费开放服务水平\n一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n开放天数\n=300天\n' >\$OUT/bare.txt; pg-extract \$OUT/bare.txt | awk -F'\t' '\$5==\"goal\" || \$5==\"indicator\"{print \$5 \"\t\" \$6 \"\t\" \$8}'"
# Rows that lost or gained cells after their level names are fitted to the
# table's columns by what their cells are (lib/form_fit.c, docs/regrid.md
# 4b): a lost 计量单位 (a sentence is no unit), a lost 指标值类型 (a number is
# no 定量/定性), a lost name (定量 right after the levels: key L1|L2); before,
# each row's cells were read one column off
tc "row fit: cells placed by what they are, not where they stand" 0 \
	'产出指标|数量指标|高素质农民培训人次	value	1200人次
产出指标|数量指标|高素质农民培训人次	指标值类型	
产出指标|数量指标|高素质农民培训人次	指标解释	该指标考察农民培训任务完成情况
产出指标|时效指标|资金拨付时间	value	按进度拨付
产出指标|时效指标|资金拨付时间	指标值类型	定性
产出指标|时效指标|资金拨付时间	指标解释	该指标考察资金拨付及时情况
成本指标|经济成本指标	value	1500万元
成本指标|经济成本指标	指标值类型	定量' '' \
	"pg-extract fixtures/text/pipes-lostcells-2023.txt | awk -F'\t' '(\$6~/高素质|资金拨付/ && \$7~/value|指标值类型|指标解释/) || (\$6~/^成本指标/ && \$7~/value|指标值类型/){print \$6 \"\t\" \$7 \"\t\" \$8}'"
# words: an empty 偏差原因 leaves no trace, so the row ended by count took
# the next row's name; the next row (a quantity where its name should be)
# takes it back. A remark followed by a whole row stays the remark.
tc "row fit, words: a name taken by the row before is given back" 0 \
	'产出指标|数量指标|受益人口	≥1.2万人
产出指标|数量指标|新建供水管网长度	
产出指标|质量指标|工程验收合格率	100%
产出指标|质量指标|水质达标率	
效益指标|社会效益指标|农村自来水普及率	个别村入户率偏低' '' \
	"pg-extract fixtures/text/words-lostcells-2022.txt | awk -F'\t' '(\$7==\"偏差原因\" && \$6~/长度|水质|普及率/) || (\$7==\"value\" && \$6~/受益人口|验收/){print \$6 \"\t\" \$8}' | sort"
# words (cells cut at single spaces, rows lost; docs/regrid.md 1c): the
# goal texts under 预期目标 | 实际完成情况 are prose cut at their spaces: a
# piece that does not end a sentence goes on with the next one, a leader of
# dots between them is no cell (before: five goals, one a piece). When that
# does not give one text a goal column, the pieces stay as they were, with
# the warning.
WG='项目支出绩效自评表 (2023年度) 项目名称 乡镇污水管网维护 主管部门 某县住房和城乡建设局 实施单位 某县排水管理所 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 50 50 48 10 96% 9.6 年度总体目标 预期目标 实际完成情况 维护乡镇污水管网40公里,其中主管网25公里,支管网 15公里,保障污水收集率达到90%。 ...... 完成维护管网40公里,其中主管网25公里,支管网 15公里,污水收集率达到92%。 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标(50分) 数量指标 维护管网长度 =40公里 40 20 20 质量指标 管网完好率 ≥95% 97% 30 30'
tc "words: goal texts cut at their spaces are one cell a column" 0 \
	'1	text	维护乡镇污水管网40公里,其中主管网25公里,支管网 15公里,保障污水收集率达到90%。
1	实际完成情况	完成维护管网40公里,其中主管网25公里,支管网 15公里,污水收集率达到92%。' '' \
	"printf '%s\\n' '$WG' >\$OUT/wgoal.txt; pg-extract \$OUT/wgoal.txt | awk -F'\t' '\$5==\"goal\"{print \$6 \"\t\" \$7 \"\t\" \$8}'"
ok "words: goal texts cut at their spaces: nothing lost" \
	"pg-extract \$OUT/wgoal.txt >\$OUT/wgoal.all 2>/dev/null; \$BUILD/bench/cells \$OUT/wgoal.txt \$OUT/wgoal.all"
tc "words: goal pieces that do not fit the goal columns stay apart, with a warning" 0 \
	'1	text	维护乡镇污水管网40公里,其中主管网25公里,支管网
2	text	15公里,保障污水收集率达到90%。
3	text	另行监测。
4	text	......' \
	'~wgoal2.txt:1: warning: 6 goal lines under 2 goal columns' \
	"printf '%s\\n' '$WG' | sed 's/达到90%。/达到90%。 另行监测。/' >\$OUT/wgoal2.txt; pg-extract \$OUT/wgoal2.txt | awk -F'\t' '\$5==\"goal\" && \$6<5{print \$6 \"\t\" \$7 \"\t\" \$8}'"
# the limit of words_goal (WORDS_GOAL_MAX, docs/limits.md): a goal row of
# more than 4096 pieces is not joined into goal texts; it is left as it is,
# with the warning, nothing lost. Three runs of numbered goals (1.a … 1400.a,
# then b, then c): three columns by their markers under two headers
tc "words: a goal row of more than 4096 pieces: left as it is, with a warning" 0 '*' \
	'~wgoal3.txt:1: warning: 4200 goal lines under 2 goal columns' \
	"G=\$(for c in a b c; do seq 1 1400 | sed \"s/\\\$/.\$c/\"; done | tr '\\n' ' '); printf '%s\\n' '$WG' | sed \"s/维护乡镇污水管网40公里,其中主管网25公里,支管网 15公里,保障污水收集率达到90%。 ...... 完成维护管网40公里,其中主管网25公里,支管网 15公里,污水收集率达到92%。/\$G/\" >\$OUT/wgoal3.txt; pg-extract \$OUT/wgoal3.txt"
ok "words: a goal row of more than 4096 pieces: nothing lost" \
	"pg-extract \$OUT/wgoal3.txt >\$OUT/wgoal3.all 2>/dev/null; \$BUILD/bench/cells \$OUT/wgoal3.txt \$OUT/wgoal3.all"
# text that shows its rows never moves a cell from one row to the next: the
# row that lost its name keeps key L1|L2, the remark stays the remark
tc "row fit, pipes: no cell moves between rows the text shows" 0 \
	'产出指标|数量指标|补助村数量	偏差原因	保障村干部人数
产出指标|数量指标	value	=42个' '*' \
	"printf '项目支出绩效自评表 | ||||||||\n项目名称 | 测试项目 | 主管部门 | 某局 | |||||\n绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n产出指标 | 数量指标 | 补助村数量 | =8个 | 8 | 8 | 8 | 保障村干部人数 | |\n=42个 | 42 | 8 | 8 | |||||\n' >\$OUT/fitpipes.txt; pg-extract \$OUT/fitpipes.txt | awk -F'\t' '(\$6==\"产出指标|数量指标\" && \$7==\"value\") || (\$7==\"偏差原因\" && \$8!=\"\"){print \$6 \"\t\" \$7 \"\t\" \$8}'"
# two placements fit at the same cost (the name lost, or the value): the
# row is read as it stands, with a warning, never guessed
tc "row fit: a row that fits two ways is read as it stands, with a warning" 0 \
	'产出指标|质量指标|严格执行相关制度规定	达成预期指标' \
	'~fitamb\.txt:6: warning: indicator row.s cells do not fit the table.s columns in one way: read as they stand' \
	"printf '项目支出绩效自评表 | |||||||\n项目名称 | 测试项目 | 主管部门 | 某局 | ||||\n绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n产出指标 | 质量指标 | 补助资格合规性 | 合规 | 达成预期指标 | 8 | 8 | |\n补助经费到位及时性 | 及时 | 达成预期指标 | 8 | 8 | |||\n严格执行相关制度规定 | 达成预期指标 | 8 | 8 | ||||\n' >\$OUT/fitamb.txt; pg-extract \$OUT/fitamb.txt | awk -F'\t' '\$6~/严格/ && \$7==\"value\"{print \$6 \"\t\" \$8}'"
# FIT_MAX_COLS (docs/limits.md): a table of more than 64 columns from the
# name column on is read as it stands; one of fewer is fitted (the same row,
# `定量` where the name should be: key L1|L2 when fitted)
for w in 10 70; do
	awk -v w="$w" 'function pads(k,  s, i) { s = ""; for (i = 0; i < k; i++) s = s "|"; return s }
	BEGIN { h = "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 计量单位"; n = 7
		for (i = 1; i <= w; i++) { h = h " | 列" i; n++ }
		print "项目支出绩效目标表 | " pads(n - 1)
		print "项目名称 | 测试项目 | 主管部门 | 某局 | " pads(n - 4)
		print h " |"
		print "产出指标 | 数量指标 | 定量 | 100 | % | " pads(n - 5) }' >"$OUT/fitwide$w.txt"
done
tc "row fit: a table of 10 columns after the levels is fitted" 0 '产出指标|数量指标	100%' '*' \
	"pg-extract \$OUT/fitwide10.txt | awk -F'\t' '\$5==\"indicator\" && \$7==\"value\"{print \$6 \"\t\" \$8}'"
tc "row fit: a table wider than FIT_MAX_COLS (64) is read as it stands" 0 '产出指标|数量指标|定量	%' '*' \
	"pg-extract \$OUT/fitwide70.txt | awk -F'\t' '\$5==\"indicator\" && \$7==\"value\"{print \$6 \"\t\" \$8}'"
# a row a line, cells separated by single spaces (lib/sprow.c, docs/regrid.md
# 1h): `合 计 40 86.5` under `项 目 上年度安排资金 本年度申请资金`, the money
# unit from the sub-label `项目资金申请(万元)`, the label under the header's
# 项目 column (before: read as dsv, one row a line, nothing but the title)
tc "single-spaced rows: 项目资金 amounts under their header, unit from the sub-label" 0 \
	'项目资金|合计	amount	86.5	万元	L10C3
项目资金|合计	上年度安排资金	40	万元	L10C2' '' \
	"pg-extract fixtures/text/rows-project-2024.txt | awk -F'\t' '\$6==\"项目资金|合计\"{print \$6 \"\t\" \$7 \"\t\" \$8 \"\t\" \$11 \"\t\" \$12}'"
# a value over several lines goes on in its cell; a number is not continued
tc "single-spaced rows: a value over three lines is one cell" 0 \
	'项目类型	A类 □ 其中:新建 □ B类 R C类 □' '*' \
	"printf '项目支出绩效目标表\n项目名称 X\n项目类型 A类 □ 其中:新建 □\nB类 R\nC类 □\n主管部门 某局\n项目负责人 张三 联系电话 123\n项目资金 项 目 上年度安排资金 本年度申请资金\n合 计 1 2\n' >\$OUT/sprow.txt; pg-extract \$OUT/sprow.txt | awk -F'\t' '\$6==\"项目类型\"{print \$6 \"\t\" \$8}'"
# SPROW_MAX_PIECES: the rest of a longer line is one cell, with a warning;
# nothing is lost
tc "single-spaced rows: a line of more than SPROW_MAX_PIECES (1024) pieces: the rest one cell, a warning" 0 \
	'项目名称	X' \
	'~sprow-long\.txt:2: warning: more than 1024 pieces between spaces in one line: the rest is one cell' \
	"{ head -1 \$OUT/sprow.txt; printf '项目概况'; for i in \$(seq 1100); do printf ' x'; done; echo; tail -n +2 \$OUT/sprow.txt; } >\$OUT/sprow-long.txt; pg-extract \$OUT/sprow-long.txt | awk -F'\t' '\$6==\"项目名称\"{print \$6 \"\t\" \$8}'"
ok "single-spaced rows: a line of more than SPROW_MAX_PIECES pieces: nothing lost" \
	"pg-extract \$OUT/sprow-long.txt >\$OUT/sprow-long.all 2>/dev/null; \$BUILD/bench/cells \$OUT/sprow-long.txt \$OUT/sprow-long.all"
# The form's year on a line or cell of its own right after its title
# (docs/regrid.md 5, real 13 and 19): a form's own name written without its
# 表 (`…资金绩效目标自评`), a bracketed year line under it, is the title, the
# page's headline above it a line of it; a title ends the page's text
# before it, so the year cell under it is read (before: the cell joined
# that text and the year was empty)
tc "lines: a form's name without 表, (2021年度) under it: title and year" 0 \
	'2021	车辆购置税收入补助地方资金(农村公路建设)绩效目标自评' '' \
	"pg-extract fixtures/text/lines-selfeval-2021.txt | awk -F'\t' '\$6==\"title\"{print \$2 \"\t\" \$8}'"
tc "words: a page's text, then the title and (2022年度): the year" 0 '2022	项目支出绩效自评表' '' \
	"pg-extract fixtures/text/words-props-selfeval-2022.txt | awk -F'\t' '\$6==\"title\"{print \$2 \"\t\" \$8}'"
# the name without 表 is a title only with the bracketed year under it: an
# indicator's name ending in 绩效自评, a bare year after it, stays an
# indicator; without the year line, the headline stays the title
tc "lines: an indicator named …绩效自评, a bare year after it: an indicator" 0 \
	'产出指标|质量指标|按时开展绩效自评	2021年度' '' \
	"sed 's/^交工验收合格率\$/按时开展绩效自评/; 0,/^100%\$/s//2021年度/' fixtures/text/lines-selfeval-2021.txt | pg-extract - | awk -F'\t' '\$5==\"indicator\" && \$7==\"value\" && \$6 ~ /自评/{print \$6 \"\t\" \$8}'"
tc "lines: a form's name without 表 and no year line: not the title" 0 \
	'	中央车购税对地方补助资金绩效目标自评表 (农村公路)' '' \
	"sed '/^(2021年度)\$/d' fixtures/text/lines-selfeval-2021.txt | pg-extract - | awk -F'\t' '\$6==\"title\"{print \$2 \"\t\" \$8}'"
# 项目资金 rows that lost empty cells (docs/regrid.md 1c, 1e, section 3): as
# words, a money label vocab knows starts a row, never a value
# (words-fundrows-2023.txt); as framed lines, a row gets its lost empty cells
# back at the line ends it crosses when they are as many as it lacks
# (frames-fundrows-2022.txt); when they are more, the row is read as it
# stands, with a warning (real 15's 上年结转资金)
tc "text shape: words: an empty money row's label is no value" 0 '项目资金|本年财政拨款	分值	
项目资金|上年结转资金	年初预算数	12
项目资金|其他资金	年初预算数	' '' \
	"pg-extract fixtures/text/words-fundrows-2023.txt | awk -F'\t' '(\$6~/本年财政拨款/ && \$7==\"分值\") || (\$6~/上年结转资金|其他资金/ && \$7==\"年初预算数\"){print \$6 \"\t\" \$7 \"\t\" \$8}'"
tc "text shape: framed money rows get their empty cells back at line ends" 0 '项目资金|当年财政拨款	年初预算数	
项目资金|当年财政拨款	全年预算数	120000
项目资金|当年财政拨款	执行率	
项目资金|当年财政拨款	得分	—' '' \
	"pg-extract fixtures/text/frames-fundrows-2022.txt | awk -F'\t' '\$6~/当年财政拨款/ && \$7~/年初|全年预算|执行率|得分/{print \$6 \"\t\" \$7 \"\t\" \$8}'"
tc "text shape: framed money row that fits in more than one way: read as it stands, with a warning" 0 '*' \
	"~15-yongde-minglang-nutrition-2022-project-selfeval.txt:10: warning: money row's cells do not fit the table's columns in one way: read as they stand" \
	"pg-extract fixtures/real/15-yongde-minglang-nutrition-2022-project-selfeval.txt"
