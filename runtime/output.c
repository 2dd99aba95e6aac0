/* Fatal errors, report formatting buffers and the report file descriptor.
 * Everything goes through raw write(2): stdio would allocate through the
 * user's malloc and interleave with the program's own buffered output. */
#include "output.h"
#include "alloc.h"
#include "options.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Where reports go: set by output_init before any thread exists (at start-up
 * and in a forked child), read under the report lock. */
static int output_fd = STDERR_FILENO;

/* Formats "crace: <message>\n" on the stack and writes it with one write(2),
 * so other threads' output cannot tear the line. A too long message is cut. */
void crace_die(const char *fmt, ...)
{
	static const char prefix[] = "crace: ";
	char buf[1024];
	size_t len = sizeof(prefix) - 1;
	memcpy(buf, prefix, len);
	size_t room = sizeof(buf) - len - 1; /* keeps a byte for the newline */
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + len, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		len += (size_t)n < room ? (size_t)n : room - 1;
	buf[len++] = '\n';
	ssize_t unused = write(STDERR_FILENO, buf, len);
	(void)unused; /* nothing left to tell anyone */
	_exit(1);
}

void crace_check_failed(const char *file, int line, const char *cond)
{
	crace_die("internal error: CHECK failed at %s:%d: %s", file, line,
		  cond);
}

enum { SB_INITIAL_CAP = 256 };

void sb_init(struct strbuf *sb)
{
	sb->data = internal_alloc(SB_INITIAL_CAP);
	sb->data[0] = '\0';
	sb->len = 0;
	sb->cap = SB_INITIAL_CAP;
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(sb->data + sb->len, sb->cap - sb->len, fmt, ap);
	CRACE_CHECK(n >= 0);
	size_t need = sb->len + (size_t)n + 1;
	if (need > sb->cap) {
		size_t cap = sb->cap * 2 > need ? sb->cap * 2 : need;
		sb->data = internal_realloc(sb->data, sb->cap, cap);
		sb->cap = cap;
		vsnprintf(sb->data + sb->len, sb->cap - sb->len, fmt, again);
	}
	va_end(again);
	sb->len += (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

void sb_free(struct strbuf *sb)
{
	internal_free(sb->data, sb->cap);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

void output_init(void)
{
	int old = load_relaxed(&output_fd);
	if (old != STDERR_FILENO) {
		/* A forked child: the parent's log is not ours to append to. */
		close(old);
		store_relaxed(&output_fd, STDERR_FILENO);
	}
	if (!crace_opts.log_path || !crace_opts.log_path[0])
		return;
	struct strbuf path;
	sb_init(&path);
	sb_printf(&path, "%s.%d", crace_opts.log_path, (int)getpid());
	int fd = open(path.data, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
		      0644);
	if (fd < 0)
		crace_die("cannot open log_path '%s': %s", path.data,
			  strerror(errno));
	sb_free(&path);
	store_relaxed(&output_fd, fd);
}

void output_write(const char *buf, size_t len)
{
	int fd = load_relaxed(&output_fd);
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n > 0) {
			buf += n;
			len -= (size_t)n;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n < 0 && errno == EAGAIN) {
			/* The user made the descriptor non-blocking. */
			struct pollfd pfd = {.fd = fd, .events = POLLOUT};
			poll(&pfd, 1, -1);
		} else {
			return; /* nowhere left to report to */
		}
	}
}
