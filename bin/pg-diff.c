/* SPDX-License-Identifier: MIT */
/* pg-diff: what changed from one year's fact stream to the next (FORMAT.md
 * section 6). Option parsing, opening the two operands and the exit status;
 * the comparison itself is lib/diff.c. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dec.h"
#include "diff.h"
#include "util.h"

static const char usage[] =
    "Usage: pg-diff [OPTION]... OLD NEW\n"
    "Compare two normalised fact streams and print what changed from OLD to NEW:\n"
    "one row per added, removed, changed or renamed record, sorted by dept,\n"
    "project, section, key, field. OLD or NEW may be '-' (standard input), not both.\n"
    "\n"
    "  -a, --all             also print unchanged records (change 'same')\n"
    "  -f, --fields LIST     compare only records of these fields (comma-separated;\n"
    "                        may be repeated)\n"
    "      --min-pct P       hide 'changed' rows whose |pct| is below P\n"
    "      --similarity X    Dice coefficient (0..1) from which unmatched task and\n"
    "                        indicator keys pair as renamed (default 0.5)\n"
    "      --sorted          both inputs are sorted (LC_ALL=C sort -t TAB -k3,3 -k4,4\n"
    "                        -k5,5 -k6,6 -k7,7 after the header): streaming merge in\n"
    "                        memory bounded by the largest (dept, project, section)\n"
    "      --absolute-dates  a deadline that moves with the form's year (and the\n"
    "                        title's year) is a change; by default it is the same\n"
    "      --format FMT      tsv (default), csv (RFC 4180, for spreadsheets and\n"
    "                        databases), markdown or html (reports to read)\n"
    "  -S, --buffer-size SIZE  memory for loading each input without --sorted\n"
    "                        (bytes; suffix K, M, G; default 96M): a larger input\n"
    "                        is sorted in runs in temporary files ($TMPDIR)\n"
    "  -h, --help            show this help and exit\n"
    "      --version         show the version and exit\n"
    "\n"
    "Exit status: 0 no differences, 1 differences, 2 trouble.\n";

enum { OPT_MIN_PCT = 256, OPT_SIMILARITY, OPT_SORTED, OPT_FORMAT, OPT_VERSION, OPT_ABSOLUTE };

static const struct option longopts[] = {
    {"all", no_argument, NULL, 'a'},
    {"fields", required_argument, NULL, 'f'},
    {"min-pct", required_argument, NULL, OPT_MIN_PCT},
    {"similarity", required_argument, NULL, OPT_SIMILARITY},
    {"sorted", no_argument, NULL, OPT_SORTED},
    {"absolute-dates", no_argument, NULL, OPT_ABSOLUTE},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"buffer-size", required_argument, NULL, 'S'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

/* Parse a non-negative decimal option value or exit 2. */
static dec number_arg(const char *opt, const char *s)
{
	dec d;
	if (dec_parse(s, strlen(s), &d) != DEC_OK || d.m < 0) {
		cli_error(NULL, 0, "invalid %s value '%s': want a number >= 0", opt, s);
		exit(2);
	}
	return d;
}

/* Parse --buffer-size: a whole number of bytes >= 1, with an optional
 * suffix K, M or G (powers of 1024), or exit 2. */
static size_t size_arg(const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	unsigned shift = 0;
	if (*end && !end[1])
		shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' ? 20 : *end == 'G' ? 30 : 99;
	if (end == s || *s == '-' || errno || (*end && (shift == 99 || end[1])) || v == 0 ||
	    v > (SIZE_MAX >> shift)) {
		cli_error(NULL, 0, "invalid --buffer-size '%s': want bytes >= 1, suffix K, M or G",
		          s);
		exit(2);
	}
	return (size_t)v << shift;
}

/* Add the comma-separated names of list to *v (the names are new strings). */
static void add_fields(const char ***v, size_t *n, const char *list)
{
	const char *p = list;
	for (;;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == 0) {
			cli_error(NULL, 0, "invalid --fields '%s': empty field name", list);
			exit(2);
		}
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = xmemdup(p, len);
		if (!e)
			break;
		p = e + 1;
	}
}

int main(int argc, char **argv)
{
	cli_init(argv);
	diff_opts o;
	diff_opts_init(&o);
	const char **fields = NULL;
	size_t nfields = 0;
	int c;
	while ((c = getopt_long(argc, argv, "af:hS:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			o.all = 1;
			break;
		case 'f':
			add_fields(&fields, &nfields, optarg);
			break;
		case OPT_MIN_PCT:
			o.min_pct = number_arg("--min-pct", optarg);
			o.have_min_pct = 1;
			break;
		case OPT_SIMILARITY: {
			o.similarity = number_arg("--similarity", optarg);
			dec one = {1, 0};
			if (dec_cmp(o.similarity, one) > 0) {
				cli_error(NULL, 0, "invalid --similarity value '%s': want 0..1",
				          optarg);
				return 2;
			}
			break;
		}
		case 'S':
			o.mem_budget = size_arg(optarg);
			break;
		case OPT_SORTED:
			o.sorted = 1;
			break;
		case OPT_ABSOLUTE:
			o.absolute_dates = 1;
			break;
		case OPT_FORMAT:
			switch (cli_format_arg(optarg, 1)) {
			case CLI_MARKDOWN:
				o.format = DIFF_MARKDOWN;
				break;
			case CLI_HTML:
				o.format = DIFF_HTML;
				break;
			default:
				o.format = DIFF_TSV;
			}
			break;
		case 'h':
			cli_usage(usage, 0);
		case OPT_VERSION:
			cli_version();
		default:
			cli_usage(usage, 2);
		}
	}
	if (argc - optind == 0)
		cli_usage_error("missing operands: pg-diff compares two fact streams, OLD NEW");
	if (argc - optind == 1)
		cli_usage_error("missing operand after '%s': pg-diff compares two fact streams, "
		                "OLD NEW",
		                cli_qname(argv[optind]));
	if (argc - optind > 2)
		cli_usage_error("extra operand '%s': pg-diff compares two fact streams, OLD NEW",
		                cli_qname(argv[optind + 2]));
	const char *path[2] = {argv[optind], argv[optind + 1]};
	if (strcmp(path[0], "-") == 0 && strcmp(path[1], "-") == 0) {
		cli_error(NULL, 0, "OLD and NEW cannot both be standard input");
		return 2;
	}
	o.fields = fields;
	o.nfields = nfields;

	FILE *fp[2];
	int ok = 1;
	for (int k = 0; k < 2; k++)
		ok &= (fp[k] = cli_open(path[k])) != NULL;
	int status = 2;
	if (ok) {
		diff_errors errs;
		diff_input old = {fp[0], cli_name(path[0])}, new = {fp[1], cli_name(path[1])};
		status = diff_run(&o, old, new, stdout, &errs);
		for (int i = 0; i < errs.n; i++)
			cli_error(errs.e[i].file, errs.e[i].line, "%s", errs.e[i].msg);
	}
	for (int k = 0; k < 2; k++)
		if (fp[k])
			cli_close(fp[k]);
	for (size_t i = 0; i < nfields; i++)
		free((void *)fields[i]);
	free(fields);
	return cli_finish(status);
}
