/* SPDX-License-Identifier: MIT */
/* pg-sum: do the sums of a normalised fact stream add up (FORMAT.md
 * section 5)? Option parsing, the loop over inputs and the exit status;
 * the checks and totals live in lib/sum.c. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "sum.h"
#include "tsv.h"

static const char usage[] =
    "Usage: pg-sum [options] [FILE...]\n"
    "Check the sums of normalised fact streams (FILE, or standard input when\n"
    "FILE is - or absent): one row per check per document.\n"
    "\n"
    "  -q, --quiet        only rows whose status is not ok\n"
    "      --strict       exit 1 on warn as well as on fail\n"
    "      --exact        equal means equal: no rounding tolerance\n"
    "      --failed       list only failing rows (--strict: and warnings), one\n"
    "                     line each for people, with department and figures\n"
    "      --totals       instead of checks, sum num over documents grouped by\n"
    "                     year, section, key, field, unit (万元 only)\n"
    "  -g, --group COLS   also group --totals by these fact columns\n"
    "                     (comma-separated, e.g. dept); implies --totals\n"
    "      --all-units    --totals over every unit but date; implies --totals\n"
    "      --format FMT   tsv (default) or csv (RFC 4180, for spreadsheets and\n"
    "                     databases)\n"
    "  -h, --help         show this help and exit\n"
    "      --version      show the version and exit\n"
    "\n"
    "Exit status: 0 all checks ok, 1 a check failed (--strict: or warned),\n"
    "2 trouble.\n";

enum { OPT_STRICT = 256, OPT_TOTALS, OPT_ALL_UNITS, OPT_FORMAT, OPT_VERSION, OPT_EXACT, OPT_FAILED };

static const struct option longopts[] = {
    {"quiet", no_argument, NULL, 'q'},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"exact", no_argument, NULL, OPT_EXACT},
    {"failed", no_argument, NULL, OPT_FAILED},
    {"totals", no_argument, NULL, OPT_TOTALS},
    {"group", required_argument, NULL, 'g'},
    {"all-units", no_argument, NULL, OPT_ALL_UNITS},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

static sum_checker *checker;
static sum_totals *totals;

/* Run one input through the checker or the totals; 1 on success. */
static int process(const char *path)
{
	tsv_reader r;
	FILE *fp = cli_open_facts(path, &r);
	if (!fp)
		return 0;
	const char *name = r.name;
	int ok = 1;
	if (checker && sum_check_stream(checker, &r) < 0) {
		cli_error(name, sum_error_line(checker), "%s", sum_error(checker));
		ok = 0;
	} else if (totals && sum_totals_add(totals, &r) < 0) {
		cli_error(name, sum_totals_error_line(totals), "%s", sum_totals_error(totals));
		ok = 0;
	}
	tsv_reader_free(&r);
	cli_close(fp);
	return ok;
}

int main(int argc, char **argv)
{
	cli_init(argv);
	int do_totals = 0, all_units = 0, c;
	sum_opts so = {0};
	/* -g's columns come first; year, section, key, field and unit are
	 * always grouped by, so different things are never added together */
	int cols[SUM_MAX_GROUP_COLS], ncols = 0;
	char err[256];
	while ((c = getopt_long(argc, argv, "qg:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			so.quiet = 1;
			break;
		case OPT_STRICT:
			so.strict = 1;
			break;
		case OPT_EXACT:
			so.exact = 1;
			break;
		case OPT_FAILED:
			so.format = SUM_FORMAT_FAILED;
			break;
		case OPT_TOTALS:
			do_totals = 1;
			break;
		case OPT_ALL_UNITS:
			all_units = do_totals = 1;
			break;
		case 'g':
			do_totals = 1;
			ncols = sum_parse_cols(optarg, cols, err, sizeof err);
			if (ncols < 0) {
				cli_error(NULL, 0, "-g: %s", err);
				cli_usage(usage, 2);
			}
			break;
		case OPT_FORMAT:
			cli_format_arg(optarg, 0);
			break;
		case 'h':
			cli_usage(usage, 0);
		case OPT_VERSION:
			cli_version();
		default:
			cli_usage(usage, 2);
		}
	}
	if (do_totals && (so.quiet || so.strict || so.exact || so.format != SUM_FORMAT_TSV)) {
		cli_error(NULL, 0,
		          "--quiet, --strict, --exact and --failed apply to the checks, not to "
		          "--totals");
		cli_usage(usage, 2);
	}

	if (do_totals) {
		static const int base[] = {COL_YEAR, COL_SECTION, COL_KEY, COL_FIELD, COL_UNIT};
		for (size_t i = 0; i < sizeof base / sizeof *base; i++) {
			int have = 0;
			for (int k = 0; k < ncols; k++)
				have |= cols[k] == base[i];
			if (!have)
				cols[ncols++] = base[i];
		}
		totals = sum_totals_new(cols, ncols, all_units);
	} else {
		checker = sum_checker_new(stdout, &so);
		sum_write_header(checker);
	}
	int ok = 1;
	if (optind == argc)
		ok &= process(NULL);
	for (int i = optind; i < argc && !cli_out_failed(); i++)
		ok &= process(argv[i]);

	int status;
	if (do_totals) {
		sum_totals_write(totals, stdout, ok); /* no partial sums after an error */
		status = ok ? 0 : 2;
	} else {
		int bad = sum_count(checker, "fail") || (so.strict && sum_count(checker, "warn"));
		status = !ok ? 2 : bad ? 1 : 0;
	}
	sum_checker_free(checker);
	sum_totals_free(totals);
	return cli_finish(status);
}
