/* Suppressions in ThreadSanitizer's syntax, from the file named by the
 * `suppressions` option: one "type:pattern" per line, '#' comments.
 *   race:P      drops a race report when any frame of either access's
 *               stack has a function, file or module matching P, or the
 *               memory is a global whose name matches P
 *   race_top:P  the same, looking only at each access's innermost frame
 * A pattern matches anywhere in the string unless anchored with a leading
 * '^' or a trailing '$'; '*' matches any run of characters. */
#ifndef CRACE_SUPPRESSIONS_H
#define CRACE_SUPPRESSIONS_H

#include "common.h"

struct report;

enum suppression_type { SUPP_RACE, SUPP_RACE_TOP };

struct suppression {
	enum suppression_type type;
	/* The pattern as a plain '*' glob: implicit '*'s added at unanchored
	 * ends, anchors removed. */
	char *glob;
};

struct suppression_list {
	struct suppression *items; /* internal_alloc'd */
	size_t n, cap;
};

/* Parses len bytes of suppressions-file text, appending to `out`. On a bad
 * line returns false with "line N: <what is wrong>" in err (always
 * NUL-terminated). Pure: no I/O, no global state. */
bool suppressions_parse(const char *buf, size_t len,
			struct suppression_list *out, char *err, size_t errlen);

/* Whether the whole of s matches the '*' glob. */
bool suppression_glob_match(const char *glob, const char *s);

/* Loads the `suppressions` option's file, if any. A file that cannot be
 * read or parsed is fatal: one line, exit status 1. */
void suppressions_init(void);

/* Whether the loaded suppressions drop report r. */
bool suppressions_match_report(const struct report *r);

#endif
