/* SPDX-License-Identifier: MIT */
/* floor-dsv: the benchmark's floor for delimited text (TSV/CSV exports and
 * the seed shape's text without HTML). For each input file it does only what
 * pg-extract cannot avoid: read the bytes, decode them to UTF-8 (lib/enc:
 * GB18030 and UTF-16 exports need iconv) and split the records into fields
 * with libcsv, the delimiter sniffed as pg-extract sniffs it. No grid, no
 * cell text kept, no form. Prints the number of fields (so the work is not
 * optimised away). Usage: floor-dsv FILE... */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

#include "dsv.h"
#include "enc.h"
#include "extract.h"

static long fields;

static void on_field(void *s, size_t len, void *data)
{
	fields++;
}

static void on_record(int c, void *data)
{
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		if (!fp) {
			perror(argv[i]);
			return 2;
		}
		char *d, err[256];
		size_t n;
		if (extract_slurp(fp, &d, &n, err, sizeof err) < 0) {
			fprintf(stderr, "%s: %s\n", argv[i], err);
			return 2;
		}
		fclose(fp);
		enc_result er;
		if (n == 0 || enc_decode(d, n, &er) < 0) {
			fprintf(stderr, "%s: cannot decode\n", argv[i]);
			return 2;
		}
		struct csv_parser cp;
		if (csv_init(&cp, 0) != 0)
			return 2;
		csv_set_delim(&cp, (unsigned char)dsv_sniff(er.text, er.len));
		csv_parse(&cp, er.text, er.len, on_field, on_record, NULL);
		csv_fini(&cp, on_field, on_record, NULL);
		csv_free(&cp);
		enc_result_free(&er);
		free(d);
	}
	printf("%ld\n", fields);
	return 0;
}
