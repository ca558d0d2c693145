/* SPDX-License-Identifier: MIT */
/* floor-html: the benchmark's HTML floor. For each input file it does only
 * what pg-extract cannot avoid: read the bytes, find the HTML (the whole
 * file when it is a page; each cell holding a <table> in the seed's TAB
 * shape) and parse it with gumbo, then free the tree. No decoding, no
 * grid, no extraction. Prints the number of HTML parses (so the work is
 * not optimised away). Usage: floor-html [--pool] FILE...
 * --pool gives gumbo the allocator pg-extract gives it (lib/pool.h) and
 * drops the tree with the pool: the floor pg-extract's own work sits on. */
#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "pool.h"

static long parses;
static int use_pool;

static void *palloc(void *p, size_t n)
{
	return pool_alloc(p, n);
}

static void pfree(void *p, void *ptr)
{
	pool_free(p, ptr);
}

static void parse(const char *s, size_t n)
{
	GumboOptions opt = kGumboDefaultOptions;
	opt.max_errors = 0;
	pool mem = {0};
	if (use_pool) {
		opt.allocator = palloc;
		opt.deallocator = pfree;
		opt.userdata = &mem;
	}
	GumboOutput *o = gumbo_parse_with_options(&opt, s, n);
	if (use_pool)
		pool_release(&mem);
	else
		gumbo_destroy_output(&opt, o);
	parses++;
}

int main(int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "--pool") == 0) {
		use_pool = 1;
		i++;
		pool_keep_chunks(); /* as pg-extract does */
	}
	for (; i < argc; i++) {
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
		size_t k = 0;
		while (k < n && (d[k] == ' ' || d[k] == '\n' || d[k] == '\r' || d[k] == '\t'))
			k++;
		if (k < n && d[k] == '<') {
			parse(d, n);
		} else {
			/* cells that start a table, up to the end of their line/cell */
			const char *p = d, *end = d + n;
			while ((p = memmem(p, (size_t)(end - p), "<table", 6)) != NULL) {
				const char *e = p;
				while (e < end && *e != '\t' && *e != '\n')
					e++;
				parse(p, (size_t)(e - p));
				p = e;
			}
		}
		free(d);
	}
	printf("%ld\n", parses);
	return 0;
}
