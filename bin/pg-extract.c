/* SPDX-License-Identifier: MIT */
/* pg-extract: messy 绩效目标表 documents -> fact stream (FORMAT.md). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "extract.h"
#include "kind.h"
#include "pool.h"
#include "tsv.h"
#include "util.h"

static const char usage[] =
    "Usage: pg-extract [OPTION]... [FILE]...\n"
    "  or:  pg-extract [OPTION]... --files-from LIST\n"
    "Read 预算绩效目标表 documents (seed-shape text, saved web pages, TSV/CSV\n"
    "exports in UTF-8, GB18030 or UTF-16; XLSX, XLS and DOCX files; PDFs with a\n"
    "text layer; the kind is decided by the content) and write their facts as a\n"
    "fact stream.\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "  -d, --doc NAME      document id for standard input (default -)\n"
    "  -y, --year YYYY     year when the title states none\n"
    "  -H, --no-header     do not print the header line\n"
    "  -s, --strict        exit 1 when a cell went to section extra or a flat\n"
    "                      copy disagrees with its HTML table\n"
    "  -q, --quiet         do not print warnings\n"
    "      --files-from LIST  read the documents named in LIST (- for standard\n"
    "                      input), one name a line, instead of FILE operands\n"
    "  -0, --null          names in LIST end with a NUL byte, not a line end\n"
    "      --format FMT    tsv (default) or csv (RFC 4180, for spreadsheets and\n"
    "                      databases)\n"
    "  -h, --help          print this help and exit\n"
    "      --version       print the version and exit\n"
    "\n"
    "Exit status: 0 ok; 1 with --strict when something was not accounted for;\n"
    "2 when an input could not be read or held no form.\n";

#define WARN_MAX 1000 /* bytes of one warning printed; the rest becomes " ..." */

static struct {
	const char *doc, *year, *files_from;
	int header, strict, quiet, null;
} opt = {NULL, NULL, NULL, 1, 0, 0, 0};

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
	kind k = kind_sniff(data, n);
	if (k.cls == KIND_FACTS || k.cls == KIND_OUTPUT) {
		cli_error(name, 0, "this is %s; pg-extract reads documents", k.what);
		free(data);
		return 2;
	}
	char *doc = strcmp(name, "-") == 0 ? xstrdup(opt.doc ? opt.doc : "-")
	                                   : (opt.doc ? xstrdup(opt.doc) : pg_basename_noext(path));
	extract_opts eo = {doc, opt.year, name};
	extract_result res;
	int docs = extract_bytes_free(data, n, &eo, stdout, &res);
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

/* Process every document named in the list at path (--files-from), one
 * name at a time, so that memory does not grow with the list. Returns the
 * worst status; a bad name (empty, too long, '-' while the list is standard
 * input) is an error of status 2 and the next name is read. */
static int process_list(const char *path)
{
	const char *lname = cli_name(path);
	FILE *fp = cli_open(path);
	if (!fp)
		return 2;
	int from_stdin = fp == stdin, worst = 0, rc = 0;
	static char name[CLI_MAX_NAME + 1];
	size_t len;
	long no = 0;
	while (!cli_out_failed() &&
	       (rc = cli_read_name(fp, opt.null ? 0 : '\n', name, sizeof name, &len)) != 0) {
		int st = 2;
		no++;
		if (rc == -2) {
			cli_error(lname, no, "%s", strerror(errno));
			break;
		} else if (rc == -1) {
			cli_error(lname, no, "file name longer than %d bytes", CLI_MAX_NAME);
		} else if (len == 0) {
			cli_error(lname, no, "empty file name");
		} else if (from_stdin && strcmp(name, "-") == 0) {
			cli_error(lname, no,
			          "'-' (standard input) in a list read from standard input");
		} else {
			st = process(name);
		}
		if (st > worst)
			worst = st;
	}
	if (rc == -2 && worst < 2)
		worst = 2;
	cli_close(fp);
	return worst;
}

int main(int argc, char **argv)
{
	cli_init(argv);
	pool_keep_chunks(); /* every HTML parse takes and gives back pool chunks */
	static const struct option lo[] = {
	    {"doc", required_argument, NULL, 'd'},
	    {"year", required_argument, NULL, 'y'},
	    {"no-header", no_argument, NULL, 'H'},
	    {"strict", no_argument, NULL, 's'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {"files-from", required_argument, NULL, 'T'},
	    {"null", no_argument, NULL, '0'},
	    {"format", required_argument, NULL, 'F'},
	    {NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "d:y:Hsqh0", lo, NULL)) != -1) {
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
		case 'T':
			opt.files_from = optarg;
			break;
		case '0':
			opt.null = 1;
			break;
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
	if (opt.files_from && optind < argc) {
		cli_error(NULL, 0, "--files-from and FILE operands cannot be mixed");
		cli_usage(usage, 2);
	}
	if (opt.null && !opt.files_from) {
		cli_error(NULL, 0, "-0 (--null) needs --files-from");
		cli_usage(usage, 2);
	}
	if (opt.header)
		printf("%s\n", FACT_HEADER);
	int worst = 0;
	if (opt.files_from) {
		worst = process_list(opt.files_from);
	} else if (optind == argc) {
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
