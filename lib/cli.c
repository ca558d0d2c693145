/* SPDX-License-Identifier: MIT */
/* cli: shared main() plumbing. See cli.h. */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvw.h"
#include "util.h"

const char *cli_prog = "pg";

/* Standard output is a stdio stream over out_write, so that the errno of
 * the first failed write(2) is kept: stdio's own error flag does not say
 * why, and errno is long overwritten by the time cli_finish looks (a
 * closed pipe then looked like EIO). With --format csv the same function
 * converts the TSV the programs write. */
static struct {
	int err;      /* errno of the first failed write or close, else 0 */
	int csv;      /* convert to CSV */
	csvw_conv cv; /* the converter's state */
	buf tmp;      /* converted bytes */
} out;

/* Write all of b[0..n) to fd 1; 0, or -1 with out.err set. */
static int write_all(const char *b, size_t n)
{
	while (n) {
		ssize_t w = write(1, b, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (!out.err)
				out.err = w < 0 ? errno : EIO;
			return -1;
		}
		b += w;
		n -= (size_t)w;
	}
	return 0;
}

static ssize_t out_write(void *cookie, const char *b, size_t n)
{
	(void)cookie;
	if (out.err)
		return 0; /* stdio marks the stream failed; nothing more is tried */
	if (!out.csv)
		return write_all(b, n) < 0 ? 0 : (ssize_t)n;
	buf_reset(&out.tmp);
	csvw_feed(&out.cv, b, n, &out.tmp);
	return write_all(out.tmp.s, out.tmp.len) < 0 ? 0 : (ssize_t)n;
}

static int out_close(void *cookie)
{
	(void)cookie;
	int rc = 0;
	if (out.csv) {
		buf_reset(&out.tmp);
		csvw_end(&out.cv, &out.tmp);
		if (!out.err && out.tmp.len && write_all(out.tmp.s, out.tmp.len) < 0)
			rc = -1;
	}
	buf_free(&out.tmp);
	if (close(1) != 0 && !out.err) {
		out.err = errno;
		rc = -1;
	}
	return rc;
}

void cli_init(char **argv)
{
	const char *prog = argv[0] ? argv[0] : "pg";
	const char *s = strrchr(prog, '/');
	cli_prog = s ? s + 1 : prog;
	if (argv[0])
		argv[0] = (char *)cli_prog;
	/* a reader that stops early (| head) shows up as EPIPE, which
	 * cli_out_failed and cli_finish handle quietly, instead of a kill by
	 * SIGPIPE that fails `set -o pipefail` pipelines */
	signal(SIGPIPE, SIG_IGN);
	cookie_io_functions_t io = {NULL, out_write, NULL, out_close};
	FILE *fp = fopencookie(NULL, "w", io);
	if (fp)
		stdout = fp;
	static char outbuf[1 << 16];
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
}

void cli_output_csv(void)
{
	out.csv = 1;
}

int cli_format_arg(const char *arg, int markdown)
{
	if (strcmp(arg, "tsv") == 0)
		return CLI_TSV;
	if (strcmp(arg, "csv") == 0) {
		cli_output_csv();
		return CLI_CSV;
	}
	if (markdown && strcmp(arg, "markdown") == 0)
		return CLI_MARKDOWN;
	if (markdown && strcmp(arg, "html") == 0)
		return CLI_HTML;
	cli_usage_error("invalid --format '%s': want %s", cli_qname(arg),
	                markdown ? "tsv, csv, markdown or html" : "tsv or csv");
}

const char *cli_name(const char *path)
{
	return path && strcmp(path, "-") ? path : "-";
}

FILE *cli_open(const char *path)
{
	if (!path || strcmp(path, "-") == 0)
		return stdin;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		cli_error(path, 0, "%s", strerror(errno));
	return fp;
}

FILE *cli_open_facts(const char *path, tsv_reader *r)
{
	FILE *fp = cli_open(path);
	if (fp)
		tsv_reader_init(r, fp, cli_name(path), FACT_HEADER);
	return fp;
}

void cli_close(FILE *fp)
{
	if (fp && fp != stdin)
		fclose(fp);
}

const char *cli_qname(const char *name)
{
	static buf q;
	const unsigned char *p = (const unsigned char *)name;
	for (; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			break;
	if (!*p)
		return name;
	static const char letter[0x20] = {['\n'] = 'n', ['\t'] = 't', ['\r'] = 'r'};
	buf_reset(&q);
	buf_addc(&q, '"');
	for (p = (const unsigned char *)name; *p; p++) {
		if (*p == '\\' || *p == '"')
			buf_printf(&q, "\\%c", *p);
		else if (*p < 0x20 && letter[*p])
			buf_printf(&q, "\\%c", letter[*p]);
		else if (*p < 0x20 || *p == 0x7F)
			buf_printf(&q, "\\x%02X", *p);
		else
			buf_addc(&q, (char)*p);
	}
	buf_addc(&q, '"');
	return q.s;
}

void cli_error(const char *file, long line, const char *fmt, ...)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", cli_prog);
	if (file) {
		fputs(cli_qname(file), stderr);
		if (line > 0)
			fprintf(stderr, ":%ld", line);
		fputs(": ", stderr);
	}
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_usage(const char *usage, int status)
{
	if (status == 0) {
		fputs(usage, stdout);
		exit(cli_finish(0));
	}
	fprintf(stderr, "Try '%s --help' for more information.\n", cli_prog);
	exit(status);
}

void cli_usage_error(const char *fmt, ...)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", cli_prog);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cli_usage(NULL, 2);
}

void cli_version(void)
{
	printf("%s (pg-tools) %s\n", cli_prog, PG_VERSION);
	exit(cli_finish(0));
}

int cli_out_failed(void)
{
	return ferror(stdout);
}

int cli_finish(int status)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);
	bad |= fclose(stdout) != 0;
	if (!bad)
		return status;
	int e = out.err ? out.err : EIO;
	if (e == EPIPE)
		return status; /* a reader that stopped early is not an error */
	fprintf(stderr, "%s: write error: %s\n", cli_prog, strerror(e));
	return 2;
}

int cli_read_name(FILE *fp, int delim, char *name, size_t cap, size_t *len)
{
	size_t n = 0;
	int c, over = 0;
	while ((c = getc_unlocked(fp)) != EOF && c != delim) {
		if (n < CLI_MAX_NAME && n + 1 < cap)
			name[n++] = (char)c;
		else
			over = 1;
	}
	name[n] = 0;
	*len = n;
	if (c == EOF && ferror(fp))
		return -2;
	if (c == EOF && n == 0 && !over)
		return 0;
	return over ? -1 : 1;
}
