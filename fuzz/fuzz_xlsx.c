/* SPDX-License-Identifier: MIT */
/* fuzz_xlsx: libFuzzer target for the XLSX reader. The first byte picks
 * what the rest is: 0 a whole archive (zipr, ooxml, xlsx on damaged
 * packages), 1 a worksheet's XML, 2 the shared strings, 3 the styles, 4 the
 * workbook part, each wrapped in an otherwise valid package (zipw), so the
 * fuzzer reaches the XML readers instead of the ZIP checks. Checks the
 * contract: -1 comes with a message; grids are freed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"
#include "zipr.h"

static const char CT[] =
    "<Types><Override PartName=\"/xl/workbook.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
    "sheet.main+xml\"/></Types>";
static const char WB[] = "<workbook><sheets><sheet name=\"S\" id=\"rId1\"/></sheets></workbook>";
static const char RELS[] =
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"s.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"t.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"y.xml\"/></Relationships>";
static const char SHEET[] =
    "<worksheet><sheetData><row><c t=\"s\"><v>0</v></c><c s=\"1\"><v>0.5</v>"
    "</c></row></sheetData><mergeCells><mergeCell ref=\"A1:B2\"/>"
    "</mergeCells></worksheet>";
static const char SST[] = "<sst><si><t>a</t></si></sst>";
static const char STY[] = "<styleSheet><cellXfs><xf/><xf numFmtId=\"9\"/></cellXfs></styleSheet>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int mode = data[0] % 5;
	const char *d = (const char *)data + 1;
	size_t n = size - 1;
	buf a = {0};
	if (mode == 0) {
		buf_add(&a, d, n);
	} else {
		zipw *w = zipw_new();
		zipw_add(w, "[Content_Types].xml", CT, strlen(CT));
		zipw_add(w, "xl/workbook.xml", mode == 4 ? d : WB, mode == 4 ? n : strlen(WB));
		zipw_add(w, "xl/_rels/workbook.xml.rels", RELS, strlen(RELS));
		zipw_add(w, "xl/s.xml", mode == 1 ? d : SHEET, mode == 1 ? n : strlen(SHEET));
		zipw_add(w, "xl/t.xml", mode == 2 ? d : SST, mode == 2 ? n : strlen(SST));
		zipw_add(w, "xl/y.xml", mode == 3 ? d : STY, mode == 3 ? n : strlen(STY));
		char err[200];
		if (zipw_finish(w, &a, err, sizeof err) < 0)
			abort();
	}
	warnings wn = {0};
	reader_out o = {0};
	o.warn = &wn;
	if (xlsx_read(a.s ? a.s : "", a.len, "fuzz", &o) < 0 && !o.err[0])
		abort();
	reader_out_free(&o);
	warn_free(&wn);
	buf_free(&a);
	return 0;
}
