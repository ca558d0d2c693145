/* pg-extract: messy 绩效目标表 documents -> fact stream (FORMAT.md). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "extract.h"
#include "pool.h"
#include "tsv.h"
#include "util.h"

static const char usage[] =
    "Usage: pg-extract [OPTION]... [FILE]...\n"
    "Read 预算绩效目标表 documents (seed-shape text, saved web pages, TSV/CSV\n"
    "exports in UTF-8, GB18030 or UTF-16; PDFs with a text layer) and write\n"
    "their facts as a fact stream.\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "  -d, --doc NAME      document id for standard input (default -)\n"
    "  -y, --year YYYY     year when the title states none\n"
    "  -H, --no-header     do not print the header line\n"
    "  -s, --strict        exit 1 when a cell went to section extra or a flat\n"
    "                      copy disagrees with its HTML table\n"
    "  -q, --quiet         do not print warnings\n"
    "  -h, --help          print this help and exit\n"
    "      --version       print the version and exit\n"
    "\n"
    "Exit status: 0 ok; 1 with --strict when something was not accounted for;\n"
    "2 when an input could not be read or held no form.\n";

#define WARN_MAX 1000 /* bytes of one warning printed; the rest becomes " ..." */

static struct {
	const char *doc, *year;
	int header, strict, quiet;
} opt = {NULL, NULL, 1, 0, 0};

/* Returns 0 ok, 1 strict complaint, 2 error. */
static int process(const char *path)
{
	const char *name = cli_name(path);
	FILE *fp = cli_open(path);
	if (!fp)
		return 2;
	char *data;
	size_t n;
	char err[256];
	if (extract_slurp(fp, &data, &n, err, sizeof err) < 0) {
		cli_error(name, 0, "%s", err);
		cli_close(fp);
		return 2;
	}
	cli_close(fp);
	char *doc = strcmp(name, "-") == 0 ? xstrdup(opt.doc ? opt.doc : "-")
	                                   : (opt.doc ? xstrdup(opt.doc) : pg_basename_noext(path));
	extract_opts eo = {doc, opt.year};
	extract_result res;
	int docs = extract_bytes(data, n, &eo, stdout, &res);
	free(data);
	free(doc);
	for (size_t i = 0; !opt.quiet && i < res.form.warn.n; i++) {
		const warning *w = &res.form.warn.v[i];
		/* a message may quote cells: at most WARN_MAX bytes of it */
		size_t ml = strlen(w->msg), cut = ml;
		if (cut > WARN_MAX) {
			cut = WARN_MAX;
			while (cut > 0 && ((unsigned char)w->msg[cut] & 0xC0) == 0x80)
				cut--;
		}
		cli_error(name, w->line, "warning: %.*s%s", (int)cut, w->msg,
		          cut < ml ? " ..." : "");
	}
	int st = 0;
	if (docs < 0) {
		cli_error(name, res.line, "%s", res.err);
		st = 2;
	} else if (opt.strict && (res.form.extra || res.form.disagree)) {
		if (!opt.quiet)
			cli_error(name, 0,
			          "%d cell(s) in section extra, %d cop%s disagreeing with the HTML",
			          res.form.extra, res.form.disagree,
			          res.form.disagree == 1 ? "y" : "ies");
		st = 1;
	}
	extract_result_free(&res);
	return st;
}

int main(int argc, char **argv)
{
	cli_init(argv);
	pool_keep_chunks(); /* every HTML parse takes and gives back pool chunks */
	static const struct option lo[] = {
	    {"doc", required_argument, NULL, 'd'}, {"year", required_argument, NULL, 'y'},
	    {"no-header", no_argument, NULL, 'H'}, {"strict", no_argument, NULL, 's'},
	    {"quiet", no_argument, NULL, 'q'},     {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},   {NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "d:y:Hsqh", lo, NULL)) != -1) {
		switch (c) {
		case 'd':
			opt.doc = optarg;
			break;
		case 'y':
			if (strlen(optarg) != 4 || strspn(optarg, "0123456789") != 4) {
				cli_error(NULL, 0, "--year wants four digits, not '%s'", optarg);
				cli_usage(usage, 2);
			}
			opt.year = optarg;
			break;
		case 'H':
			opt.header = 0;
			break;
		case 's':
			opt.strict = 1;
			break;
		case 'q':
			opt.quiet = 1;
			break;
		case 'h':
			cli_usage(usage, 0);
		case 'V':
			cli_version();
		default:
			cli_usage(usage, 2);
		}
	}
	if (opt.header)
		printf("%s\n", FACT_HEADER);
	int worst = 0;
	if (optind == argc) {
		worst = process(NULL);
	} else {
		for (int i = optind; i < argc; i++) {
			int st = process(argv[i]);
			if (st > worst)
				worst = st;
			if (cli_out_failed())
				break;
		}
	}
	return cli_finish(worst);
}
