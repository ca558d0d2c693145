/* SPDX-License-Identifier: MIT */
/* pg-normalize: canonical text and quantities for a fact stream (FORMAT.md
 * sections 3-4). Reads each operand in turn ("-" or none: standard input),
 * writes one header and the records, one at a time. The work is lib/norm's. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "norm.h"
#include "tsv.h"

static const char usage[] =
    "Usage: pg-normalize [OPTION]... [FILE]...\n"
    "Canonicalise the text of a fact stream and parse its quantities\n"
    "(comparator, exact number, unit or date). With no FILE, or when FILE\n"
    "is -, read standard input.\n"
    "\n"
    "      --format FMT  tsv (default) or csv (RFC 4180, for spreadsheets\n"
    "                    and databases)\n"
    "  -h, --help        print this help and exit\n"
    "      --version     print the version and exit\n"
    "\n"
    "Exit status: 0 ok; 2 when an input was bad (the others are still read).\n";

static norm nm;

/* Normalise one input to stdout. Returns 1 when it went without error. */
static int process(const char *path)
{
	tsv_reader r;
	FILE *fp = cli_open_facts(path, &r);
	if (!fp)
		return 0;
	const char *name = r.name;
	char *out[FACT_NCOLS];
	size_t outlen[FACT_NCOLS];
	int ok = 1, rc;
	while ((rc = tsv_read(&r)) == 1) {
		if (norm_record(&nm, r.f, r.len, out, outlen) < 0) {
			cli_error(name, r.line, "%s", nm.err);
			ok = 0;
		}
		tsv_write_row(stdout, out, outlen, FACT_NCOLS);
		if (cli_out_failed())
			break;
	}
	if (rc < 0) {
		cli_error(name, r.line, "%s", r.err);
		ok = 0;
	}
	tsv_reader_free(&r);
	cli_close(fp);
	return ok;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'F'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	cli_init(argv);
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'F':
			cli_format_arg(optarg, 0);
			break;
		case 'h':
			cli_usage(usage, 0);
		case 'V':
			cli_version();
		default:
			cli_usage(usage, 2);
		}
	}
	norm_init(&nm);
	fputs(FACT_HEADER, stdout);
	putchar('\n');
	int ok = 1;
	if (optind == argc)
		ok &= process("-");
	for (int i = optind; i < argc && !cli_out_failed(); i++)
		ok &= process(argv[i]);
	norm_free(&nm);
	qty_cleanup();
	return cli_finish(ok ? 0 : 2);
}
