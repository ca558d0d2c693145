# diff-html.py: validate pg-diff's --format html page (tests/cli/diff.sh).
# usage: python3 diff-html.py PAGE TSV -- TSV is the same comparison's tsv
# output. Checks: one self-contained page (no script, no external
# reference), one table row per tsv row with the same change and key, the
# section headings in the form's words, and an inline SVG with one bar per
# money change among the largest (at most 10), widths ordered by |delta|.
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
        if tag == "h4":
            self.text = ""
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

    def handle_data(self, d):
        if self.stack and self.stack[-1] == "title" and "rect" in self.stack:
            self.bartitles.append(d)
        if self.cell is not None:
            self.cell += d
        if self.stack and self.stack[-1] == "h4":
            self.text += d


p = P()
p.feed(open(page, encoding="utf-8").read())
fail = []
if p.bad:
    fail.append("not self-contained: %s" % p.bad)
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
