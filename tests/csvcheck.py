#!/usr/bin/python3
"""csvcheck: does a loader read a program's --format csv output back as the
exact values of its TSV output? (tests/cli/csv.sh)

    csvcheck.py TSV csv CSV        Python's csv module (RFC 4180) reads CSV
                                   (UTF-8, with or without a byte-order mark)
    csvcheck.py TSV rfc4180 CSV    a strict reading of RFC 4180 plus the UTF-8
                                   byte-order mark: CRLF after every record,
                                   quotes only around a whole field, a field
                                   quoted exactly when it must be
    csvcheck.py TSV pandas CSV     pandas.read_csv(dtype=str, keep_default_na=False)
    csvcheck.py TSV sqlite DB T    table T of DB, made by sqlite3's .import --csv

The TSV is split at TAB and LF and unescaped (\\\\ \\t \\n \\r) as FORMAT.md
section 1 says (with --cr-as-lf before TSV, a CR in a value is wanted as
LF: LibreOffice stores a cell's CR so); its header must be the loader's column names and each of
its values the loader's value, as the same bytes. Exits 1 with the first
difference on stderr."""
import sys


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[s[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_tsv(path):
    with open(path, "rb") as f:
        data = f.read().decode("utf-8")
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [[unescape(x) for x in ln.split("\t")] for ln in lines]


def rfc4180(path):
    with open(path, "rb") as f:
        data = f.read()
    if not data.startswith(b"\xef\xbb\xbf"):
        sys.exit("csvcheck: %s: no UTF-8 byte-order mark" % path)
    s, i, rows, row = data[3:].decode("utf-8"), 0, [], []
    while i < len(s):
        if s[i] == '"':
            j, val = i + 1, []
            while True:
                q = s.index('"', j)
                val.append(s[j:q])
                if s.startswith('""', q):
                    val.append('"')
                    j = q + 2
                else:
                    i = q + 1
                    break
            v = "".join(val)
            if not any(c in v for c in '",\r\n'):
                sys.exit("csvcheck: %s: record %d: %r quoted without need" % (path, len(rows) + 1, v))
        else:
            j = i
            while j < len(s) and s[j] not in ',\r\n"':
                j += 1
            if j < len(s) and s[j] == '"':
                sys.exit("csvcheck: %s: record %d: a quote inside an unquoted field" % (path, len(rows) + 1))
            v, i = s[i:j], j
        row.append(v)
        if s.startswith(",", i):
            i += 1
            if i == len(s):
                sys.exit("csvcheck: %s: a comma at the end" % path)
        elif s.startswith("\r\n", i):
            rows.append(row)
            row, i = [], i + 2
        else:
            sys.exit("csvcheck: %s: record %d: not ended by CRLF" % (path, len(rows) + 1))
    if row:
        sys.exit("csvcheck: %s: the last record has no CRLF" % path)
    return rows


def load(mode, args):
    if mode == "rfc4180":
        return rfc4180(args[0])
    if mode == "csv":
        import csv
        with open(args[0], newline="", encoding="utf-8-sig") as f:
            return [row for row in csv.reader(f, strict=True)]
    if mode == "pandas":
        import pandas as pd
        df = pd.read_csv(args[0], dtype=str, keep_default_na=False, encoding="utf-8-sig")
        return [list(df.columns)] + df.values.tolist()
    if mode == "sqlite":
        import sqlite3
        con = sqlite3.connect(args[0])
        cur = con.execute('SELECT * FROM "%s" ORDER BY rowid' % args[1])
        head = [d[0] for d in cur.description]
        return [head] + [list(r) for r in cur.fetchall()]
    sys.exit("csvcheck: unknown mode " + mode)


def main():
    args = sys.argv[1:]
    cr_as_lf = args[0] == "--cr-as-lf"
    if cr_as_lf:
        args = args[1:]
    tsv, mode = args[0], args[1]
    want = read_tsv(tsv)
    if cr_as_lf:
        want = [[v.replace("\r", "\n") for v in row] for row in want]
    got = load(mode, args[2:])
    if len(want) != len(got):
        sys.exit("csvcheck: %s: %d rows, want %d" % (mode, len(got), len(want)))
    for i, (w, g) in enumerate(zip(want, got)):
        if len(w) != len(g):
            sys.exit("csvcheck: %s: row %d: %d fields, want %d" % (mode, i + 1, len(g), len(w)))
        for j, (a, b) in enumerate(zip(w, g)):
            if not isinstance(b, str) or a.encode("utf-8") != b.encode("utf-8"):
                sys.exit("csvcheck: %s: row %d field %d: %r, want %r" % (mode, i + 1, j + 1, b, a))
    print("%s: %d rows, every value the same" % (mode, len(want)))


main()
