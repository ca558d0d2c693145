/* SPDX-License-Identifier: MIT */
/* officegen: office containers for tests and the benchmark, written through
 * lib/zipr.c (no other libzip user). Deterministic: no clock, its own PRNG.
 *
 *   officegen pack OUT DIR        zip DIR's files (names relative to DIR):
 *                                 the hand-made fixtures' XML -> .xlsx/.docx
 *   officegen bench OUT ROWS      an XLSX of one sheet: ROWS rows of 8 cells
 *                                 (shared strings, numbers, a percent)
 *   officegen bomb OUT MB         an XLSX whose sheet inflates to MB MiB of blanks
 *   officegen members OUT N       a ZIP archive of N one-byte members
 *   officegen deep OUT N          an XLSX whose sheet nests N elements
 *   officegen badxml OUT          an XLSX whose sheet is not well-formed
 *   officegen bigcell OUT MB      a DOCX whose one table cell holds MB MiB of
 *                                 varied Chinese text (it compresses like
 *                                 real text, so it is no zip bomb)
 *
 * It does not check what it writes; the readers' tests do. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>

#include "util.h"
#include "zipr.h"

static const char CT_XLSX[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "<Override PartName=\"/xl/sharedStrings.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/"
    ">"
    "<Override PartName=\"/xl/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    "</Types>";
static const char WB[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char WB_RELS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "</Relationships>";
static const char STYLES[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/></cellXfs></styleSheet>";
static const char SHEET_HEAD[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
static const char SHEET_TAIL[] = "</sheetData></worksheet>";

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next(void)
{
	uint64_t z = (rng += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static void add(zipw *w, const char *name, const char *s, size_t n)
{
	if (zipw_add(w, name, s, n) < 0) {
		fprintf(stderr, "officegen: cannot add %s\n", name);
		exit(2);
	}
}

/* An XLSX of the fixed parts around sheet (and shared strings sst, may be NULL). */
static zipw *xlsx(const buf *sheet, const buf *sst)
{
	zipw *w = zipw_new();
	add(w, "[Content_Types].xml", CT_XLSX, strlen(CT_XLSX));
	add(w, "xl/workbook.xml", WB, strlen(WB));
	add(w, "xl/_rels/workbook.xml.rels", WB_RELS, strlen(WB_RELS));
	add(w, "xl/styles.xml", STYLES, strlen(STYLES));
	add(w, "xl/worksheets/sheet1.xml", sheet->s, sheet->len);
	if (sst)
		add(w, "xl/sharedStrings.xml", sst->s, sst->len);
	return w;
}

static int finish(zipw *w, const char *out)
{
	buf b = {0};
	char err[256];
	if (zipw_finish(w, &b, err, sizeof err) < 0) {
		fprintf(stderr, "officegen: %s\n", err);
		return 2;
	}
	FILE *f = fopen(out, "wb");
	if (!f || fwrite(b.s, 1, b.len, f) != b.len || fclose(f) != 0) {
		perror(out);
		return 2;
	}
	buf_free(&b);
	return 0;
}

/* finish, and free the generator's buffers (LeakSanitizer checks tools too) */
static int done(zipw *w, const char *out, buf *s, buf *t)
{
	int rc = finish(w, out);
	buf_free(s);
	buf_free(t);
	return rc;
}

static void pack_dir(zipw *w, const char *root, const char *rel)
{
	char path[4096];
	snprintf(path, sizeof path, "%s%s%s", root, *rel ? "/" : "", rel);
	DIR *d = opendir(path);
	if (!d) {
		perror(path);
		exit(2);
	}
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' &&
		    (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	/* a fixed member order: [Content_Types].xml sorts first in C order */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	for (size_t i = 0; i < n; i++) {
		char r[4096], p[8192];
		snprintf(r, sizeof r, "%s%s%s", rel, *rel ? "/" : "", names[i]);
		snprintf(p, sizeof p, "%s/%s", root, r);
		struct stat st;
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			pack_dir(w, root, r);
		} else {
			FILE *f = fopen(p, "rb");
			buf b = {0};
			char chunk[65536];
			size_t k;
			while (f && (k = fread(chunk, 1, sizeof chunk, f)) > 0)
				buf_add(&b, chunk, k);
			if (f)
				fclose(f);
			add(w, r, b.s ? b.s : "", b.len);
			buf_free(&b);
		}
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr,
		        "usage: officegen pack|bench|bomb|members|deep|badxml|bigcell OUT [ARG]\n");
		return 2;
	}
	const char *mode = argv[1], *out = argv[2];
	long arg = argc > 3 ? atol(argv[3]) : 0;
	buf s = {0}, t = {0};
	if (strcmp(mode, "pack") == 0 && argc > 3) {
		zipw *w = zipw_new();
		pack_dir(w, argv[3], "");
		return done(w, out, &s, &t);
	}
	if (strcmp(mode, "bench") == 0 && arg > 0) {
		/* 8 columns: a name (shared), a label (shared), 3 amounts with float
		 * noise, a percent, an integer, a long text (shared) */
		buf_adds(&t,
		         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst "
		         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
		long nstr = 0;
		buf_adds(&s, SHEET_HEAD);
		for (long r = 1; r <= arg; r++) {
			buf_printf(&s, "<row r=\"%ld\">", r);
			for (int c = 0; c < 8; c++) {
				char col = (char)('A' + c);
				switch (c) {
				case 0:
				case 1:
				case 7:
					buf_printf(&t, "<si><t>%s第%ld行%s</t></si>",
					           c == 0   ? "项目"
					           : c == 1 ? "指标"
					                    : "完成全年各项工作任务，确保",
					           r, c == 7 ? "目标实现" : "");
					buf_printf(&s, "<c r=\"%c%ld\" t=\"s\"><v>%ld</v></c>", col,
					           r, nstr++);
					break;
				case 5:
					buf_printf(&s, "<c r=\"%c%ld\" s=\"1\"><v>0.%02d</v></c>",
					           col, r, (int)(next() % 100));
					break;
				case 6:
					buf_printf(&s, "<c r=\"%c%ld\"><v>%d</v></c>", col, r,
					           (int)(next() % 1000));
					break;
				default:
					buf_printf(
					    &s, "<c r=\"%c%ld\"><v>%d.%02d0000000013</v></c>", col,
					    r, (int)(next() % 100000), (int)(next() % 100));
				}
			}
			buf_adds(&s, "</row>");
		}
		buf_adds(&s, SHEET_TAIL);
		buf_adds(&t, "</sst>");
		return done(xlsx(&s, &t), out, &s, &t);
	}
	if (strcmp(mode, "bomb") == 0 && arg > 0) {
		buf_adds(&s, SHEET_HEAD);
		size_t pad = (size_t)arg << 20;
		buf_grow(&s, pad);
		memset(s.s + s.len, ' ', pad);
		s.len += pad;
		buf_adds(&s, SHEET_TAIL);
		return done(xlsx(&s, NULL), out, &s, &t);
	}
	if (strcmp(mode, "members") == 0 && arg > 0) {
		zipw *w = zipw_new();
		add(w, "[Content_Types].xml", CT_XLSX, strlen(CT_XLSX));
		for (long i = 0; i < arg; i++) {
			char name[32];
			snprintf(name, sizeof name, "m/%ld", i);
			add(w, name, "x", 1);
		}
		return done(w, out, &s, &t);
	}
	if (strcmp(mode, "deep") == 0 && arg > 0) {
		buf_adds(&s, SHEET_HEAD);
		for (long i = 0; i < arg; i++)
			buf_adds(&s, "<x>");
		for (long i = 0; i < arg; i++)
			buf_adds(&s, "</x>");
		buf_adds(&s, SHEET_TAIL);
		return done(xlsx(&s, NULL), out, &s, &t);
	}
	if (strcmp(mode, "badxml") == 0) {
		buf_adds(&s, SHEET_HEAD);
		buf_adds(&s, "<row r=\"1\"><c r=\"A1\" "
		             "t=\"inlineStr\"><is><t>项目名称</t></is></c></sheetData>");
		return done(xlsx(&s, NULL), out, &s, &t);
	}
	if (strcmp(mode, "bigcell") == 0 && arg > 0) {
		static const char ct[] =
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
		    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
		    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></"
		    "Types>";
		buf_adds(&s,
		         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document "
		         "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
		         "<w:body><w:p><w:r><w:t>2024年项目支出绩效目标表</w:t></w:r></w:p><w:tbl>"
		         "<w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></"
		         "w:tc><w:tc><w:p><w:r><w:t>");
		size_t want = (size_t)arg << 20;
		while (s.len < want) { /* CJK Unified Ideographs, varied */
			long cp = 0x4E00 + (long)(next() % 0x5000);
			utf8_put(&s, cp);
		}
		buf_adds(&s, "</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>");
		zipw *w = zipw_new();
		add(w, "[Content_Types].xml", ct, strlen(ct));
		add(w, "word/document.xml", s.s, s.len);
		return done(w, out, &s, &t);
	}
	fprintf(stderr, "officegen: unknown mode or missing argument: %s\n", mode);
	return 2;
}
