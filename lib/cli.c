/* cli: shared main() plumbing. See cli.h. */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

const char *cli_prog = "pg";

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
	static char outbuf[1 << 16];
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
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

void cli_error(const char *file, long line, const char *fmt, ...)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", cli_prog);
	if (file) {
		if (line > 0)
			fprintf(stderr, "%s:%ld: ", file, line);
		else
			fprintf(stderr, "%s: ", file);
	}
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_usage(const char *usage, int status)
{
	FILE *fp = status ? stderr : stdout;
	fputs(usage, fp);
	if (status == 0)
		exit(cli_finish(0));
	exit(status);
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
	errno = 0;
	int bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;
	if (fclose(stdout) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	if (!bad)
		return status;
	if (e == EPIPE)
		return status; /* a reader that stopped early is not an error */
	fprintf(stderr, "%s: write error: %s\n", cli_prog, strerror(e ? e : EIO));
	return 2;
}

int cli_read_name(FILE *fp, int delim, char *out, size_t cap, size_t *len)
{
	size_t n = 0;
	int c, over = 0;
	while ((c = getc_unlocked(fp)) != EOF && c != delim) {
		if (n < CLI_MAX_NAME && n + 1 < cap)
			out[n++] = (char)c;
		else
			over = 1;
	}
	out[n] = 0;
	*len = n;
	if (c == EOF && ferror(fp))
		return -2;
	if (c == EOF && n == 0 && !over)
		return 0;
	return over ? -1 : 1;
}
