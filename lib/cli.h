/* SPDX-License-Identifier: MIT */
/* cli: what every bin/pg-*.c main shares -- opening an operand ("-" is
 * standard input), messages in the "prog: FILE:LINE: what" form, usage and
 * version output, and the final check of standard output. This is the one
 * lib/ module that prints, and it prints only on behalf of a main; the
 * data-processing modules never call it. */
#ifndef PG_CLI_H
#define PG_CLI_H

#include <stdio.h>

#include "tsv.h"

extern const char *cli_prog; /* program name for messages */

/* Remember the program name (argv[0] without its directory, which also
 * becomes argv[0] so getopt's messages name it the same way); make stdout
 * fully buffered; ignore SIGPIPE (a closed output pipe is then EPIPE: see
 * cli_finish). */
void cli_init(char **argv);
/* Open path for reading ("-" or NULL: stdin). On failure prints
 * "prog: path: strerror" and returns NULL. */
FILE *cli_open(const char *path);
/* cli_open, then a fact-stream reader on it named as cli_name(path).
 * Returns the stream (release r with tsv_reader_free, then cli_close it), or
 * NULL after printing why. */
FILE *cli_open_facts(const char *path, tsv_reader *r);
/* Close what cli_open returned (never stdin). */
void cli_close(FILE *fp);
/* The display name of an operand: "-" for stdin. */
const char *cli_name(const char *path);
/* "prog: msg\n" / "prog: file: msg\n" / "prog: file:line: msg\n" on stderr.
 * line <= 0 omits the line; file NULL omits the file. A file name holding
 * a control character is written as a C string in double quotes
 * ("a\nb.tsv"), so that a message is always one line. */
void cli_error(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* name as cli_error shows it: as it is, or, when it holds a control
 * character, as a C string in double quotes. Valid until the next call. */
const char *cli_qname(const char *name);
/* status 0 (--help): print usage to stdout and exit 0. Else (a usage
 * error, whose one-line reason getopt or the caller has printed) print
 * "Try 'prog --help' for more information." to stderr and exit status. */
void cli_usage(const char *usage, int status) __attribute__((noreturn));
/* A usage error: "prog: REASON" and the Try line on stderr, exit 2. */
void cli_usage_error(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* Write standard output as CSV (csvw.h) instead of TSV; call before any
 * output. */
void cli_output_csv(void);
/* The output formats of --format. */
enum { CLI_TSV, CLI_CSV, CLI_MARKDOWN, CLI_HTML };
/* Parse --format's argument: "tsv", "csv" (then cli_output_csv is called)
 * or, when markdown is nonzero, "markdown" and "html" (the reports). Returns the CLI_ value; any
 * other word is a usage error (exit 2). */
int cli_format_arg(const char *arg, int markdown);
/* Print "prog (pg-tools) VERSION" and exit 0. */
void cli_version(void) __attribute__((noreturn));
/* Flush and close stdout. A closed pipe (EPIPE, as the first failed
 * write(2) reported it) exits quietly with status;
 * any other failure prints "prog: write error: ..." and returns 2. Returns
 * status otherwise. Call as: return cli_finish(status); */
int cli_finish(int status);
/* Check stdout mid-stream: returns nonzero when writing has failed (the
 * caller stops producing output and calls cli_finish). */
int cli_out_failed(void);

/* Longest file name read from a list (--files-from), bytes. */
#define CLI_MAX_NAME 4096

/* Read the next name of a list of file names from fp: the bytes up to delim
 * ('\n' or '\0'; the last name may lack it) into out (cap > CLI_MAX_NAME
 * bytes), NUL-terminated, its length in *len. Returns 1 for a name, 0 at
 * the end of the list, -1 for a name longer than CLI_MAX_NAME (the rest of
 * it is skipped; out holds its first bytes), -2 on a read error (errno).
 * Memory stays bounded whatever the list holds. */
int cli_read_name(FILE *fp, int delim, char *out, size_t cap, size_t *len);

#endif
