/* libFuzzer target for the CRACE_OPTIONS parser (runtime/options.c).
 *
 * An input is used two ways, chosen by its first byte: as the whole
 * CRACE_OPTIONS text, or as the value given to one option (every key of
 * options.def in turn), so each key is tried with all sorts of bad values.
 * The parser must either accept the text with every option within its
 * declared range, or die through crace_die with a short message naming
 * CRACE_OPTIONS and free of control characters (so it prints as one line);
 * it must never read past the text or crash (AddressSanitizer).
 * crace_die is replaced here by a longjmp back to the fuzzer.
 *
 * Run: build/fuzz/options_fuzz [-runs=N | -max_total_time=S] [CORPUS_DIR] */
#include "alloc.h"
#include "options.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {
#define OPT_BOOL(name, def, help)	   #name,
#define OPT_INT(name, def, lo, hi, help)   #name,
#define OPT_STR(name, def, help)	   #name,
#define OPT_ENUM(name, def, choices, help) #name,
#include "options.def"
#undef OPT_BOOL
#undef OPT_INT
#undef OPT_STR
#undef OPT_ENUM
};

__thread int crace_locks_held; /* spinlock.h's count, defined by thread.c */

static jmp_buf back;
static char message[2048];

void crace_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	longjmp(back, 1);
}

void crace_check_failed(const char *file, int line, const char *cond)
{
	fprintf(stderr, "CHECK failed at %s:%d: %s\n", file, line, cond);
	abort();
}

static void fail(const char *what, const char *spec)
{
	fprintf(stderr, "options_fuzz: %s\n  spec: '%s'\n  message: '%s'\n",
		what, spec, message);
	abort();
}

static bool is_choice(const char *v, const char *choices)
{
	size_t n = v ? strlen(v) : 0;
	for (const char *c = choices; v && *c;) {
		size_t k = strcspn(c, "|");
		if (k == n && !memcmp(c, v, n))
			return true;
		c += k + (c[k] == '|');
	}
	return false;
}

/* Every option holds a value of its type within its declared range. */
static void check_values(const char *spec)
{
#define OPT_BOOL(name, def, help)                                              \
	if (crace_opts.name != true && crace_opts.name != false)               \
		fail("bool option out of range: " #name, spec);
#define OPT_INT(name, def, lo, hi, help)                                       \
	if (crace_opts.name < (lo) || crace_opts.name > (hi))                  \
		fail("int option out of range: " #name, spec);
#define OPT_STR(name, def, help)                                               \
	if (!crace_opts.name || strpbrk(crace_opts.name, " \t\n,:"))           \
		fail("string option holds a separator: " #name, spec);
#define OPT_ENUM(name, def, choices, help)                                     \
	if (!is_choice(crace_opts.name, choices))                              \
		fail("enum option not one of its choices: " #name, spec);
#include "options.def"
#undef OPT_BOOL
#undef OPT_INT
#undef OPT_STR
#undef OPT_ENUM
}

/* The parser keeps the strings it copies (it runs once per process); give
 * back those of the last run so a long fuzzing session stays small. */
static void free_strings(void)
{
	static struct crace_options defaults;
	static bool have_defaults;
	if (!have_defaults) {
		options_parse(NULL);
		defaults = crace_opts;
		have_defaults = true;
	}
#define OPT_BOOL(name, def, help)
#define OPT_INT(name, def, lo, hi, help)
#define OPT_STR(name, def, help)                                               \
	if (crace_opts.name && crace_opts.name != defaults.name)               \
		internal_free((char *)crace_opts.name,                         \
			      strlen(crace_opts.name) + 1);                    \
	crace_opts.name = defaults.name;
#define OPT_ENUM(name, def, choices, help) OPT_STR(name, def, help)
#include "options.def"
#undef OPT_BOOL
#undef OPT_INT
#undef OPT_STR
#undef OPT_ENUM
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	free_strings();
	const char *key = NULL;
	if (data[0] & 1)
		key = keys[(data[0] >> 1) % (sizeof(keys) / sizeof(keys[0]))];
	size_t klen = key ? strlen(key) + 1 : 0;
	/* Exactly sized, so AddressSanitizer sees any read past the end. */
	char *spec = malloc(klen + size);
	if (key) {
		memcpy(spec, key, klen - 1);
		spec[klen - 1] = '=';
	}
	memcpy(spec + klen, data + 1, size - 1);
	spec[klen + size - 1] = '\0';
	message[0] = '\0';
	if (setjmp(back) == 0) {
		options_parse(spec);
		check_values(spec);
	} else if (!strstr(message, "CRACE_OPTIONS") || strlen(message) > 400) {
		fail("fatal message does not name CRACE_OPTIONS or is too long",
		     spec);
	} else {
		for (const char *m = message; *m; m++)
			if ((unsigned char)*m < 0x20 || *m == 0x7f)
				fail("fatal message holds a control character",
				     spec);
	}
	free(spec);
	return 0;
}
