# SPDX-License-Identifier: MIT
# The project-level form (FORMAT.md 2b): three projects of one department on
# one saved web page, and the same page exported as CSV (UTF-8 BOM, CRLF) and
# as UTF-16 "Unicode text" (bench/html2dsv writes merged cells once).
P=fixtures/project/three-projects

tc "project page: facts as reviewed" 0 "@$P.raw.tsv" '' "pg-extract $P.html"
tc "project page: --strict flags the 备注 line in extra" 1 '*' '~1 cell\(s\) in section extra' \
	"pg-extract --strict $P.html"
tc "project page: three documents" 0 "$(printf 'three-projects\nthree-projects#2\nthree-projects#3')" '' \
	"pg-extract -H $P.html | cut -f1 | uniq"
tc "project page: dept and project columns" 0 "$(printf '廉江市交通运输局\t农村公路养护工程\n廉江市交通运输局\t公交车辆运营补贴\n廉江市交通运输局\t交通安全宣传')" '' \
	"pg-extract -H $P.html | cut -f3,4 | uniq"
for f in $P.csv $P-utf16.tsv; do
	ok "project: $f gives the page's facts" "pg-extract $f | cut -f2-11 > \$OUT/p.got && cut -f2-11 $P.raw.tsv | diff - \$OUT/p.got"
done
ok "project: the seed-shape rendering (bench/html2seed) gives the page's facts" \
	"pg-extract $P-seed.txt | cut -f2-11 > \$OUT/p.got && cut -f2-11 $P.raw.tsv | diff - \$OUT/p.got"
tc "project: the seed-shape rendering raises no warning" 0 '' '' "pg-extract $P-seed.txt > /dev/null"

# Year over year: the 2024 page had two of the three projects, with a smaller
# 农村公路养护工程 budget. Projects match on (dept, project).
ok "project diff: the new project is all added" \
	"pg-extract fixtures/project/two-projects-2024.html | pg-normalize > \$OUT/old && pg-extract $P.html | pg-normalize > \$OUT/new; pg-diff \$OUT/old \$OUT/new > \$OUT/d; test \$? -eq 1 && awk -F'\t' '\$3==\"交通安全宣传\" && \$1!=\"added\"{bad=1} \$3==\"交通安全宣传\"{n++} END{exit bad || n!=15}' \$OUT/d"
tc "project diff: amounts changed with delta and pct" 0 \
	"$(printf 'changed\t项目资金|年度资金总额\t1,100.00\t1,250.50\t150.5\t13.68\nchanged\t项目资金|财政拨款\t1050\t1200.5\t150.5\t14.33')" '' \
	"pg-extract fixtures/project/two-projects-2024.html | pg-normalize > \$OUT/old && pg-extract $P.html | pg-normalize > \$OUT/new; pg-diff \$OUT/old \$OUT/new | awk -F'\t' '\$3==\"农村公路养护工程\" && \$4==\"budget\"' | cut -f1,5,7-10"
