/* Where reports go, and how they get there whole. A report is formatted into
 * a strbuf and handed to output_write as one piece. */
#ifndef CRACE_OUTPUT_H
#define CRACE_OUTPUT_H

#include "common.h"
#include <stdarg.h>

struct strbuf {
	char *data; /* internal_alloc'd, always NUL-terminated */
	size_t len;
	size_t cap;
};

void sb_init(struct strbuf *sb);
__attribute__((format(printf, 2, 3))) void sb_printf(struct strbuf *sb,
						     const char *fmt, ...);
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
void sb_free(struct strbuf *sb);

/* Opens <log_path>.<pid> when log_path is set (fatal if it cannot be opened),
 * else uses stderr. Called at start-up and again in a forked child. */
void output_init(void);

/* Writes all of buf with as few write(2) calls as the kernel allows, retrying
 * on EINTR and short writes; callers serialize reports, and O_APPEND keeps
 * whole reports from several processes apart in a shared file. */
void output_write(const char *buf, size_t len);

#endif
