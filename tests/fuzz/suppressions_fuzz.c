/* libFuzzer target for the suppressions-file parser and its glob matcher
 * (runtime/suppressions.c).
 *
 * The input is a suppressions file. suppressions_parse must either accept
 * it or fail with one short line "line N: ..."; it must never read past the
 * buffer or crash (AddressSanitizer: here the runtime's allocator is
 * replaced by malloc, so every buffer the parser makes is checked too).
 * Every glob it makes must match itself with its '*'s taken out (a '*' may
 * match nothing), and matching stays fast on hostile patterns.
 *
 * Run: build/fuzz/suppressions_fuzz [-runs=N | -max_total_time=S] */
#include "alloc.h"
#include "options.h"
#include "suppressions.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct crace_options crace_opts;

void *internal_alloc(size_t size)
{
	void *p = calloc(1, size ? size : 1);
	if (!p)
		abort();
	return p;
}

void *internal_realloc(void *p, size_t old_size, size_t new_size)
{
	void *n = internal_alloc(new_size);
	if (p)
		memcpy(n, p, old_size < new_size ? old_size : new_size);
	free(p);
	return n;
}

void internal_free(void *p, size_t size)
{
	(void)size;
	free(p);
}

void crace_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	abort(); /* the parser itself never dies */
}

void crace_check_failed(const char *file, int line, const char *cond)
{
	fprintf(stderr, "CHECK failed at %s:%d: %s\n", file, line, cond);
	abort();
}

static void fail(const char *what, const char *detail)
{
	fprintf(stderr, "suppressions_fuzz: %s: '%s'\n", what, detail);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Exactly sized, so AddressSanitizer sees any read past the end. */
	char *buf = malloc(size ? size : 1);
	memcpy(buf, data, size);
	struct suppression_list list = {0};
	char err[128];
	memset(err, 'x', sizeof(err));
	if (suppressions_parse(buf, size, &list, err, sizeof(err))) {
		for (size_t i = 0; i < list.n; i++) {
			const char *g = list.items[i].glob;
			if (!g || strlen(g) > size + 2)
				fail("bad glob", g ? g : "(null)");
			char *plain = malloc(strlen(g) + 1);
			size_t k = 0;
			for (const char *c = g; *c; c++)
				if (*c != '*')
					plain[k++] = *c;
			plain[k] = '\0';
			if (!suppression_glob_match(g, plain))
				fail("glob does not match itself without '*'",
				     g);
			free(plain);
		}
	} else {
		if (!memchr(err, '\0', sizeof(err)))
			fail("error not NUL-terminated", "");
		if (strncmp(err, "line ", 5) || strchr(err, '\n'))
			fail("error is not one line 'line N: ...'", err);
	}
	/* A failed parse keeps the lines before the bad one. */
	for (size_t i = 0; i < list.n; i++)
		free(list.items[i].glob);
	free(list.items);
	free(buf);
	return 0;
}
