/* stdio streams: fread, fwrite, fgets, fputs and puts check the program's
 * buffer and carry the same happens-before edges as read and write on the
 * stream's fd (released when the bytes are handed to the stream, so before
 * any flush); opening and closing a stream creates and closes its fd. */
#include "fd.h"
#include "libc_access.h"
#include <errno.h>
#include <stdio.h>

DEFINE_REAL(size_t, fread, void *, size_t, size_t, FILE *);
DEFINE_REAL(size_t, __fread_chk, void *, size_t, size_t, size_t, FILE *);
DEFINE_REAL(size_t, fwrite, const void *, size_t, size_t, FILE *);
DEFINE_REAL(char *, fgets, char *, int, FILE *);
DEFINE_REAL(int, fputs, const char *, FILE *);
DEFINE_REAL(int, puts, const char *);
DEFINE_REAL(size_t, strlen, const char *);
DEFINE_REAL(FILE *, fopen, const char *, const char *);
DEFINE_REAL(FILE *, fopen64, const char *, const char *);
DEFINE_REAL(FILE *, fdopen, int, const char *);
DEFINE_REAL(int, fclose, FILE *);

/* fread returned r items of size bytes into buf. */
static size_t got(struct crace_thread *thr, void *buf, size_t size, size_t r,
		  FILE *f)
{
	if (thr) {
		int err = errno;
		if (r > 0) {
			fd_acquire(thr, fileno(f));
			libc_write(thr, LIBC_PC(fread), buf, r * size);
		}
		libc_exit(thr);
		errno = err;
	}
	return r;
}

CRACE_EXPORT size_t fread(void *buf, size_t size, size_t n, FILE *f)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return got(thr, buf, size, REAL(fread)(buf, size, n, f), f);
}

/* -D_FORTIFY_SOURCE's fread with a known buffer size. */
CRACE_EXPORT size_t __fread_chk(void *buf, size_t room, size_t size, size_t n,
				FILE *f)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return got(thr, buf, size, REAL(__fread_chk)(buf, room, size, n, f), f);
}

CRACE_EXPORT size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		int err = errno;
		libc_read(thr, LIBC_PC(fwrite), buf, size * n);
		fd_release(thr, fileno(f));
		libc_exit(thr);
		errno = err;
	}
	return REAL(fwrite)(buf, size, n, f);
}

/* A line read into buf, NUL included. */
CRACE_EXPORT char *fgets(char *buf, int n, FILE *f)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	char *r = REAL(fgets)(buf, n, f);
	if (thr) {
		int err = errno;
		if (r) {
			fd_acquire(thr, fileno(f));
			libc_write(thr, LIBC_PC(fgets), buf,
				   REAL(strlen)(buf) + 1);
		}
		libc_exit(thr);
		errno = err;
	}
	return r;
}

static void put_string(uptr caller, uptr pc, const char *s, FILE *f)
{
	struct crace_thread *thr = libc_enter(caller);
	if (thr) {
		int err = errno;
		libc_read(thr, pc, s, REAL(strlen)(s) + 1);
		fd_release(thr, fileno(f));
		libc_exit(thr);
		errno = err;
	}
}

CRACE_EXPORT int fputs(const char *s, FILE *f)
{
	put_string(CALLER_PC(), LIBC_PC(fputs), s, f);
	return REAL(fputs)(s, f);
}

CRACE_EXPORT int puts(const char *s)
{
	put_string(CALLER_PC(), LIBC_PC(puts), s, stdout);
	return REAL(puts)(s);
}

static FILE *opened(struct crace_thread *thr, uptr pc, FILE *f)
{
	if (thr) {
		int err = errno;
		if (f)
			fd_created(thr, fileno(f), pc);
		libc_exit(thr);
		errno = err;
	}
	return f;
}

CRACE_EXPORT FILE *fopen(const char *path, const char *mode)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return opened(thr, LIBC_PC(fopen), REAL(fopen)(path, mode));
}

CRACE_EXPORT FILE *fopen64(const char *path, const char *mode)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	return opened(thr, LIBC_PC(fopen64), REAL(fopen64)(path, mode));
}

/* The stream takes over fd, which keeps its sync object. */
CRACE_EXPORT FILE *fdopen(int fd, const char *mode)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr)
		fd_use(thr, fd, LIBC_PC(fdopen));
	FILE *f = REAL(fdopen)(fd, mode);
	libc_exit(thr);
	return f;
}

CRACE_EXPORT int fclose(FILE *f)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		int err = errno;
		fd_close(thr, fileno(f), LIBC_PC(fclose));
		libc_exit(thr);
		errno = err;
	}
	return REAL(fclose)(f);
}
