/* SPDX-License-Identifier: MIT */
/* floor-xlsx: the XLSX reader against its floor, for bench/office.sh.
 *
 *   floor-xlsx read FILE...    xlsx_read: every sheet into grids (what
 *                              pg-extract does before form recognition)
 *   floor-xlsx floor FILE...   only inflate every worksheet part and
 *                              tokenise its XML (expat with no-op
 *                              handlers): the least any streaming reader
 *                              must do
 *
 * Prints the number of cells (read) or bytes of XML (floor) to stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "ooxml.h"
#include "xlsx.h"
#include "xml.h"
#include "zipr.h"

static void on_start(void *u, const char *name, const char **attrs)
{
	(void)name, (void)attrs;
	++*(long *)u;
}

int main(int argc, char **argv)
{
	if (argc < 3 || (strcmp(argv[1], "read") && strcmp(argv[1], "floor"))) {
		fprintf(stderr, "usage: floor-xlsx read|floor FILE...\n");
		return 2;
	}
	int floor = strcmp(argv[1], "floor") == 0;
	long total = 0;
	for (int i = 2; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		char *data, err[300];
		size_t n;
		if (!f || extract_slurp(f, &data, &n, err, sizeof err) < 0) {
			perror(argv[i]);
			return 2;
		}
		fclose(f);
		if (!floor) {
			warnings wn = {0};
			reader_out o = {0};
			o.warn = &wn;
			if (xlsx_read(data, n, argv[i], &o) < 0) {
				fprintf(stderr, "floor-xlsx: %s: %s\n", argv[i], o.err);
				return 2;
			}
			for (int k = 0; k < o.n; k++)
				total += o.g[k]->ncells;
			reader_out_free(&o);
			warn_free(&wn);
		} else {
			zipr *z = zipr_open(data, n, err, sizeof err);
			if (!z) {
				fprintf(stderr, "floor-xlsx: %s: %s\n", argv[i], err);
				return 2;
			}
			/* the worksheets, as the generated workbooks name them */
			static const xml_ops ops = {on_start, NULL, NULL};
			for (int s = 1;; s++) {
				char part[64];
				snprintf(part, sizeof part, "xl/worksheets/sheet%d.xml", s);
				if (!zipr_has(z, part))
					break;
				if (ooxml_parse(z, part, &ops, &total, err, sizeof err) < 0) {
					fprintf(stderr, "floor-xlsx: %s: %s\n", argv[i], err);
					return 2;
				}
			}
			zipr_close(z);
		}
		free(data);
	}
	printf("%ld\n", total);
	return 0;
}
