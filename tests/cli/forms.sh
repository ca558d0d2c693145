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
