# diff-html.py: validate pg-diff's --format html page (tests/cli/diff.sh).
# usage: python3 diff-html.py PAGE TSV -- TSV is the same comparison's tsv
# output. Checks: one self-contained page (no script, no external
# reference); a form or department only one input has is one line
# (<p class="whole added|removed" data-dept data-project>) naming as many
# facts as the tsv has rows for it, all of that change; every other tsv row
# is one table row with the same change and key, in report order
# (department, form, then the sections in form order); the section
# headings in the form's words, in form order inside each form; and an
# inline SVG with one bar per money change among the largest (at most 10),
# widths ordered by |delta|.
import sys
from html.parser import HTMLParser

page, tsv = sys.argv[1], sys.argv[2]
def unescape(f):
    out, i = [], 0
    while i < len(f):
        if f[i] == "\\" and i + 1 < len(f):
            out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[f[i + 1]])
            i += 2
        else:
            out.append(f[i])
            i += 1
    return "".join(out)


rows = [[unescape(f) for f in l.rstrip("\n").split("\t")]
        for l in open(tsv, encoding="utf-8")][1:]


class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.trs, self.cur, self.cell = [], [], None, None
        self.bars, self.h4, self.bad, self.svg, self.text = [], [], [], 0, ""
        self.bartitles = []
        self.h3, self.order, self.whole, self.wtext = None, [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "iframe", "object", "embed", "link", "img"):
            self.bad.append(tag)
        for k in ("src", "href"):
            if k in a:
                self.bad.append(k)
        if tag == "svg":
            self.svg += 1
        if tag == "rect" and a.get("class") == "bar":
            self.bars.append(int(a["width"]))
            self.text = ""
        if tag == "tr" and "tbody" in self.stack:
            self.cur = []
        if tag == "td" and self.cur is not None:
            self.cell = ""
        if tag in ("h4", "h2", "h3"):
            self.text = ""
        if tag == "p" and "whole" in a.get("class", ""):
            self.whole.append([a["class"].split()[1], a["data-dept"], a.get("data-project"), ""])
            self.wtext = self.whole[-1]
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
        if tag == "td" and self.cur is not None:
            self.cur.append(self.cell)
            self.cell = None
        if tag == "tr" and self.cur is not None:
            self.trs.append(self.cur)
            self.cur = None
        if tag == "h4":
            self.h4.append(self.text)
            self.order.append((self.h3, self.text))
        if tag == "h2":
            self.h3 = None
        if tag == "h3":
            self.h3 = self.text + "#%d" % len(self.order)
        if tag == "p":
            self.wtext = None

    def handle_data(self, d):
        if self.stack and self.stack[-1] == "title" and "rect" in self.stack:
            self.bartitles.append(d)
        if self.cell is not None:
            self.cell += d
        if self.stack and self.stack[-1] in ("h4", "h2", "h3"):
            self.text += d
        if self.wtext is not None:
            self.wtext[3] += d


p = P()
p.feed(open(page, encoding="utf-8").read())
fail = []
if p.bad:
    fail.append("not self-contained: %s" % p.bad)
# the forms and departments summarised in one line
import re
for change, dept, proj, text in p.whole:
    mine = [r for r in rows if r[1] == dept and (proj is None or r[2] == proj)]
    m = re.search(r", (\d+) facts?$", text)
    if not mine or any(r[0] != change for r in mine) or not m or int(m.group(1)) != len(mine):
        fail.append("whole %s %s %s: %r against %d tsv rows" % (change, dept, proj, text, len(mine)))
    rows = [r for r in rows if r not in mine]
# report order: department and form as in the tsv, sections in form order
forms = []
for r in rows:
    if (r[1], r[2]) not in forms:
        forms.append((r[1], r[2]))
secorder = ["meta", "info", "budget", "goal", "task", "other", "indicator", "extra"]
rows = sorted(rows, key=lambda r: (forms.index((r[1], r[2])),
                                   secorder.index(r[3]) if r[3] in secorder else 99))
titles = ["表头", "基本信息", "预算整体情况", "总体绩效目标", "年度重点工作任务",
          "其他需完成的任务", "绩效指标", "表中其他内容"]
for (f1, t1), (f2, t2) in zip(p.order, p.order[1:]):
    if f1 == f2 and t1 in titles and t2 in titles and titles.index(t1) >= titles.index(t2):
        fail.append("sections not in form order: %s before %s" % (t1, t2))
if len(p.trs) != len(rows):
    fail.append("%d table rows, %d tsv rows" % (len(p.trs), len(rows)))
for tr, r in zip(p.trs, rows):
    key = r[6] + " → " + r[7] if r[0] == "renamed" else r[4]
    if tr[0] != r[0] or tr[1] != key or tr[3] != r[6] and r[0] != "renamed":
        fail.append("row %s does not match tsv %s" % (tr[:4], r[:7]))
        break
words = {"表头", "基本信息", "预算整体情况", "总体绩效目标", "年度重点工作任务",
         "其他需完成的任务", "绩效指标", "表中其他内容"}
if not p.h4 or not set(p.h4) <= words:
    fail.append("section headings %s" % p.h4)
if p.svg != 1:
    fail.append("%d svg" % p.svg)
# each bar is a changed row's delta in 万元, and they are the largest
deltas = [r[8] for r in rows if r[0] == "changed" and r[8]]
got = [t.replace(" 万元", "") for t in p.bartitles]
if not 1 <= len(got) <= 10 or len(got) != len(p.bars) or any(t not in deltas for t in got):
    fail.append("bars %s not among the deltas %s" % (got, deltas))
if p.bars != sorted(p.bars, reverse=True) or (p.bars and p.bars[0] != 300):
    fail.append("bar widths %s" % p.bars)
print("\n".join(fail))
sys.exit(1 if fail else 0)
