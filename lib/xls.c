/* SPDX-License-Identifier: MIT */
/* xls: libfreexl -> grids. See xls.h. */
#include "xls.h"

#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "numfmt.h"
#include "ole2.h"

int xls_bid(const char *bytes, size_t n)
{
	return ole2_kind(bytes, n) == OLE2_XLS ? 100 : 0;
}

/* One worksheet -> g. Returns cells read; *full when XLS_MAX_CELLS hit. */
static void read_sheet(const void *h, grid *g, int date1904, int *full, int *scan_cut)
{
	unsigned int rows = 0;
	unsigned short cols = 0;
	if (freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
		return;
	long cells = 0;
	if ((long)rows * (cols ? cols : 1) > XLS_MAX_SCAN) {
		rows = (unsigned)(XLS_MAX_SCAN / (cols ? cols : 1));
		*scan_cut = 1;
	}
	buf t = {0};
	for (unsigned y = 0; y < rows && !g->err[0]; y++) {
		grid_row *r = NULL;
		int last = -1; /* cells written into r, so empty ones before a value are kept */
		for (unsigned short x = 0; x < cols; x++) {
			FreeXL_CellValue v;
			if (freexl_get_cell_value(h, y, x, &v) != FREEXL_OK)
				continue;
			buf_reset(&t);
			switch (v.type) {
			case FREEXL_CELL_INT:
				buf_printf(&t, "%d", v.value.int_value);
				break;
			case FREEXL_CELL_DOUBLE:
				numfmt_double(v.value.double_value, NUMFMT_GENERAL, date1904, &t);
				break;
			case FREEXL_CELL_TEXT:
			case FREEXL_CELL_SST_TEXT:
			case FREEXL_CELL_TIME:
				buf_adds(&t, v.value.text_value ? v.value.text_value : "");
				break;
			case FREEXL_CELL_DATE:
			case FREEXL_CELL_DATETIME: /* the date */
				buf_add(&t, v.value.text_value ? v.value.text_value : "",
				        v.value.text_value ? strnlen(v.value.text_value, 10) : 0);
				break;
			default:
				break;
			}
			if (!t.len)
				continue;
			if (cells >= XLS_MAX_CELLS) {
				*full = 1;
				break;
			}
			cells++;
			if (!r)
				r = grid_add_row(g, (long)y + 1);
			/* columns with nothing before this one: empty cells */
			for (int k = last + 1; k <= x; k++) {
				cell *c =
				    grid_add_cell(g, r, k == x ? t.s : "", k == x ? t.len : 0);
				if (!c)
					break;
				c->flags |= CELL_SHEET;
				c->trow = (int)y + 1;
				c->tcol = k + 1;
				c->line = (long)y + 1;
			}
			last = x;
		}
		if (*full)
			break;
	}
	buf_free(&t);
}

int xls_read(const char *bytes, size_t n, const char *name, reader_out *o)
{
	/* libfreexl opens a path: an anonymous file in memory holds the bytes */
	int fd = memfd_create("pg-extract-xls", 0);
	if (fd < 0) {
		snprintf(o->err, sizeof o->err, "XLS: cannot make an in-memory file");
		return -1;
	}
	for (size_t off = 0; off < n;) {
		ssize_t k = write(fd, bytes + off, n - off);
		if (k <= 0) {
			close(fd);
			snprintf(o->err, sizeof o->err, "XLS: cannot write the in-memory file");
			return -1;
		}
		off += (size_t)k;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	const void *h = NULL;
	int rc = freexl_open(path, &h);
	if (rc != FREEXL_OK) {
		snprintf(
		    o->err, sizeof o->err,
		    "XLS workbook that libfreexl cannot read (error %d: encrypted, or not BIFF8?)",
		    rc);
		freexl_close(h);
		close(fd);
		return -1;
	}
	unsigned int nsheets = 0, mode = 0;
	freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &nsheets);
	freexl_get_info(h, FREEXL_BIFF_DATEMODE, &mode);
	for (unsigned i = 0; i < nsheets && i < 1000; i++) {
		const char *sn = NULL;
		if (freexl_select_active_worksheet(h, (unsigned short)i) != FREEXL_OK)
			continue;
		freexl_get_worksheet_name(h, (unsigned short)i, &sn);
		char nm[64];
		snprintf(nm, sizeof nm, "Sheet%u", i + 1);
		grid *g = grid_new();
		int full = 0, scan_cut = 0;
		read_sheet(h, g, mode == FREEXL_BIFF_DATEMODE_1904, &full, &scan_cut);
		if (full)
			warn_add(o->warn, 0, "sheet %s: more than %ld cells: rest ignored",
			         sn ? sn : nm, XLS_MAX_CELLS);
		if (scan_cut)
			warn_add(o->warn, 0, "sheet %s: more than %ld cell positions: rest ignored",
			         sn ? sn : nm, XLS_MAX_SCAN);
		reader_add(o, g, sn ? sn : nm);
	}
	freexl_close(h);
	close(fd);
	(void)name;
	return 0;
}
