/* libc's memory and string functions, the printf family that writes into a
 * buffer, and qsort, when called as functions (with -fno-builtin, from
 * uninstrumented libraries, or through a pointer): the bytes each one reads
 * or writes are checked, as far as its result shows it looked. Intrinsics
 * of instrumented code go to memops.c instead. */
#include "heap.h"
#include "libc_access.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void *__libc_malloc(size_t);

DEFINE_REAL(void *, memcpy, void *, const void *, size_t);
DEFINE_REAL(void *, memmove, void *, const void *, size_t);
DEFINE_REAL(void *, memset, void *, int, size_t);
DEFINE_REAL(int, memcmp, const void *, const void *, size_t);
DEFINE_REAL(int, bcmp, const void *, const void *, size_t);
DEFINE_REAL(void *, memchr, const void *, int, size_t);
DEFINE_REAL(void *, memrchr, const void *, int, size_t);
DEFINE_REAL(size_t, strlen, const char *);
DEFINE_REAL(size_t, strnlen, const char *, size_t);
DEFINE_REAL(char *, strcpy, char *, const char *);
DEFINE_REAL(char *, stpcpy, char *, const char *);
DEFINE_REAL(char *, strncpy, char *, const char *, size_t);
DEFINE_REAL(char *, strcat, char *, const char *);
DEFINE_REAL(char *, strncat, char *, const char *, size_t);
DEFINE_REAL(int, strcmp, const char *, const char *);
DEFINE_REAL(int, strncmp, const char *, const char *, size_t);
DEFINE_REAL(int, strcasecmp, const char *, const char *);
DEFINE_REAL(int, strncasecmp, const char *, const char *, size_t);
DEFINE_REAL(char *, strchr, const char *, int);
DEFINE_REAL(char *, strchrnul, const char *, int);
DEFINE_REAL(char *, strrchr, const char *, int);
DEFINE_REAL(char *, strstr, const char *, const char *);
DEFINE_REAL(int, vsprintf, char *, const char *, va_list);
DEFINE_REAL(int, vsnprintf, char *, size_t, const char *, va_list);
DEFINE_REAL(void *, __memcpy_chk, void *, const void *, size_t, size_t);
DEFINE_REAL(void *, __memmove_chk, void *, const void *, size_t, size_t);
DEFINE_REAL(void *, __memset_chk, void *, int, size_t, size_t);
DEFINE_REAL(char *, __strcpy_chk, char *, const char *, size_t);
DEFINE_REAL(char *, __stpcpy_chk, char *, const char *, size_t);
DEFINE_REAL(char *, __strncpy_chk, char *, const char *, size_t, size_t);
DEFINE_REAL(char *, __strcat_chk, char *, const char *, size_t);
DEFINE_REAL(char *, __strncat_chk, char *, const char *, size_t, size_t);
DEFINE_REAL(int, __vsprintf_chk, char *, int, size_t, const char *, va_list);
DEFINE_REAL(int, __vsnprintf_chk, char *, size_t, int, size_t, const char *,
	    va_list);
DEFINE_REAL(void, qsort, void *, size_t, size_t,
	    int (*)(const void *, const void *));
DEFINE_REAL(void, qsort_r, void *, size_t, size_t,
	    int (*)(const void *, const void *, void *), void *);

/* Bytes up to and including the first that differs (or n). */
static size_t mem_extent(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	size_t i = 0;
	while (i < n && x[i] == y[i])
		i++;
	return i < n ? i + 1 : n;
}

/* Bytes of two strings a comparison of at most n bytes looked at: up to and
 * including the first difference or terminating NUL. */
static size_t str_extent(const char *a, const char *b, size_t n, bool nocase)
{
	size_t i = 0;
	for (; i < n; i++) {
		unsigned char x = a[i], y = b[i];
		if (nocase) {
			x = x >= 'A' && x <= 'Z' ? x + 32 : x;
			y = y >= 'A' && y <= 'Z' ? y + 32 : y;
		}
		if (x != y || !x)
			return i + 1;
	}
	return n;
}

/* The bytes of s (NUL included) a search that stopped at r looked at. */
static size_t search_extent(const char *s, const char *r)
{
	return r ? (size_t)(r - s) + 1 : REAL(strlen)(s) + 1;
}

/* The checks of the copying functions, shared with their _FORTIFY_SOURCE
 * variants (__memcpy_chk, ...), which report under the plain name the
 * program wrote. */
static void check_copy(uptr caller, uptr pc, void *dst, const void *src,
		       size_t nread, size_t nwritten)
{
	struct crace_thread *thr = libc_enter(caller);
	if (thr) {
		libc_read(thr, pc, src, nread);
		libc_write(thr, pc, dst, nwritten);
		libc_exit(thr);
	}
}

static void check_set(uptr caller, uptr pc, void *dst, size_t n)
{
	struct crace_thread *thr = libc_enter(caller);
	if (thr) {
		libc_write(thr, pc, dst, n);
		libc_exit(thr);
	}
}

CRACE_EXPORT void *memcpy(void *dst, const void *src, size_t n)
{
	check_copy(CALLER_PC(), LIBC_PC(memcpy), dst, src, n, n);
	return REAL(memcpy)(dst, src, n);
}

CRACE_EXPORT void *memmove(void *dst, const void *src, size_t n)
{
	check_copy(CALLER_PC(), LIBC_PC(memmove), dst, src, n, n);
	return REAL(memmove)(dst, src, n);
}

CRACE_EXPORT void *memset(void *dst, int c, size_t n)
{
	check_set(CALLER_PC(), LIBC_PC(memset), dst, n);
	return REAL(memset)(dst, c, n);
}

CRACE_EXPORT int memcmp(const void *a, const void *b, size_t n)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		size_t k = mem_extent(a, b, n);
		libc_read(thr, LIBC_PC(memcmp), a, k);
		libc_read(thr, LIBC_PC(memcmp), b, k);
		libc_exit(thr);
	}
	return REAL(memcmp)(a, b, n);
}

CRACE_EXPORT int bcmp(const void *a, const void *b, size_t n)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		size_t k = mem_extent(a, b, n);
		libc_read(thr, LIBC_PC(bcmp), a, k);
		libc_read(thr, LIBC_PC(bcmp), b, k);
		libc_exit(thr);
	}
	return REAL(bcmp)(a, b, n);
}

CRACE_EXPORT void *memchr(const void *s, int c, size_t n)
{
	void *r = REAL(memchr)(s, c, n);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		libc_read(thr, LIBC_PC(memchr), s,
			  r ? (size_t)((char *)r - (char *)s) + 1 : n);
		libc_exit(thr);
	}
	return r;
}

CRACE_EXPORT void *memrchr(const void *s, int c, size_t n)
{
	void *r = REAL(memrchr)(s, c, n);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		size_t from = r ? (size_t)((char *)r - (char *)s) : 0;
		libc_read(thr, LIBC_PC(memrchr), (const char *)s + from,
			  n - from);
		libc_exit(thr);
	}
	return r;
}

CRACE_EXPORT size_t strlen(const char *s)
{
	size_t n = REAL(strlen)(s);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		libc_read(thr, LIBC_PC(strlen), s, n + 1);
		libc_exit(thr);
	}
	return n;
}

CRACE_EXPORT size_t strnlen(const char *s, size_t max)
{
	size_t n = REAL(strnlen)(s, max);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		libc_read(thr, LIBC_PC(strnlen), s, n < max ? n + 1 : n);
		libc_exit(thr);
	}
	return n;
}

static void check_strcpy(uptr caller, uptr pc, char *dst, const char *src)
{
	if (pc_in_runtime(caller))
		return;
	size_t n = REAL(strlen)(src) + 1;
	check_copy(caller, pc, dst, src, n, n);
}

/* Reads the source up to n bytes or its NUL; writes all n (padding). */
static void check_strncpy(uptr caller, uptr pc, char *dst, const char *src,
			  size_t n)
{
	if (pc_in_runtime(caller))
		return;
	size_t k = REAL(strnlen)(src, n);
	check_copy(caller, pc, dst, src, k < n ? k + 1 : n, n);
}

/* Appends at most n bytes of src, then a NUL. */
static void check_strncat(uptr caller, uptr pc, char *dst, const char *src,
			  size_t n)
{
	struct crace_thread *thr = libc_enter(caller);
	if (thr) {
		size_t d = REAL(strlen)(dst), k = REAL(strnlen)(src, n);
		libc_read(thr, pc, dst, d + 1);
		libc_read(thr, pc, src, k < n ? k + 1 : n);
		libc_write(thr, pc, dst + d, k + 1);
		libc_exit(thr);
	}
}

CRACE_EXPORT char *strcpy(char *dst, const char *src)
{
	check_strcpy(CALLER_PC(), LIBC_PC(strcpy), dst, src);
	return REAL(strcpy)(dst, src);
}

CRACE_EXPORT char *stpcpy(char *dst, const char *src)
{
	check_strcpy(CALLER_PC(), LIBC_PC(stpcpy), dst, src);
	return REAL(stpcpy)(dst, src);
}

CRACE_EXPORT char *strncpy(char *dst, const char *src, size_t n)
{
	check_strncpy(CALLER_PC(), LIBC_PC(strncpy), dst, src, n);
	return REAL(strncpy)(dst, src, n);
}

CRACE_EXPORT char *strcat(char *dst, const char *src)
{
	check_strncat(CALLER_PC(), LIBC_PC(strcat), dst, src, SIZE_MAX);
	return REAL(strcat)(dst, src);
}

CRACE_EXPORT char *strncat(char *dst, const char *src, size_t n)
{
	check_strncat(CALLER_PC(), LIBC_PC(strncat), dst, src, n);
	return REAL(strncat)(dst, src, n);
}

#define DEFINE_STRCMP(name, args, call, n, nocase)                             \
	CRACE_EXPORT int name args                                             \
	{                                                                      \
		struct crace_thread *thr = libc_enter(CALLER_PC());            \
		if (thr) {                                                     \
			size_t k = str_extent(a, b, n, nocase);                \
			libc_read(thr, LIBC_PC(name), a, k);                   \
			libc_read(thr, LIBC_PC(name), b, k);                   \
			libc_exit(thr);                                        \
		}                                                              \
		return REAL(name) call;                                        \
	}
DEFINE_STRCMP(strcmp, (const char *a, const char *b), (a, b), SIZE_MAX, false)
DEFINE_STRCMP(strncmp, (const char *a, const char *b, size_t n), (a, b, n), n,
	      false)
DEFINE_STRCMP(strcasecmp, (const char *a, const char *b), (a, b), SIZE_MAX,
	      true)
DEFINE_STRCMP(strncasecmp, (const char *a, const char *b, size_t n), (a, b, n),
	      n, true)

CRACE_EXPORT char *strchr(const char *s, int c)
{
	char *r = REAL(strchr)(s, c);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		libc_read(thr, LIBC_PC(strchr), s, search_extent(s, r));
		libc_exit(thr);
	}
	return r;
}

CRACE_EXPORT char *strchrnul(const char *s, int c)
{
	char *r = REAL(strchrnul)(s, c);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		libc_read(thr, LIBC_PC(strchrnul), s, (size_t)(r - s) + 1);
		libc_exit(thr);
	}
	return r;
}

CRACE_EXPORT char *strrchr(const char *s, int c)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		libc_read(thr, LIBC_PC(strrchr), s, REAL(strlen)(s) + 1);
		libc_exit(thr);
	}
	return REAL(strrchr)(s, c);
}

/* The needle whole; the haystack up to the end of the match or its NUL. */
CRACE_EXPORT char *strstr(const char *h, const char *needle)
{
	char *r = REAL(strstr)(h, needle);
	struct crace_thread *thr = libc_enter(CALLER_PC());
	if (thr) {
		size_t nn = REAL(strlen)(needle);
		libc_read(thr, LIBC_PC(strstr), needle, nn + 1);
		libc_read(thr, LIBC_PC(strstr), h,
			  r ? (size_t)(r - h) + nn : REAL(strlen)(h) + 1);
		libc_exit(thr);
	}
	return r;
}

/* The copy is allocated here so its heap block is "allocated by strdup()"
 * at the caller, like malloc's. `nread` bytes of s were looked at, `len`
 * of them are copied. */
static char *dup_string(const char *s, size_t len, size_t nread, uptr self,
			uptr caller)
{
	struct crace_thread *thr = libc_enter(caller);
	libc_read(thr, self + 1, s, nread);
	char *p = __libc_malloc(len + 1);
	if (p) {
		REAL(memcpy)(p, s, len);
		p[len] = '\0';
		if (thr) {
			runtime_enter(thr);
			heap_allocated(thr, p, len + 1, self, 0);
			runtime_exit(thr);
		}
	}
	libc_exit(thr);
	return p;
}

CRACE_EXPORT char *strdup(const char *s)
{
	size_t n = REAL(strlen)(s);
	return dup_string(s, n, n + 1, SELF_PC(strdup), CALLER_PC());
}

CRACE_EXPORT char *strndup(const char *s, size_t max)
{
	size_t n = REAL(strnlen)(s, max);
	return dup_string(s, n, n < max ? n + 1 : n, SELF_PC(strndup),
			  CALLER_PC());
}

/* A printf into buf returned n: the bytes produced, NUL included, landed
 * there (at most size of them). */
static void check_printed(uptr caller, uptr pc, char *buf, int n, size_t size)
{
	if (n < 0 || !size)
		return;
	struct crace_thread *thr = libc_enter(caller);
	if (thr) {
		libc_write(thr, pc, buf,
			   (size_t)n < size ? (size_t)n + 1 : size);
		libc_exit(thr);
	}
}

CRACE_EXPORT int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = REAL(vsnprintf)(buf, size, fmt, ap);
	check_printed(CALLER_PC(), LIBC_PC(vsnprintf), buf, n, size);
	return n;
}

CRACE_EXPORT int vsprintf(char *buf, const char *fmt, va_list ap)
{
	int n = REAL(vsprintf)(buf, fmt, ap);
	check_printed(CALLER_PC(), LIBC_PC(vsprintf), buf, n, SIZE_MAX);
	return n;
}

CRACE_EXPORT int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = REAL(vsnprintf)(buf, size, fmt, ap);
	va_end(ap);
	check_printed(CALLER_PC(), LIBC_PC(snprintf), buf, n, size);
	return n;
}

CRACE_EXPORT int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = REAL(vsprintf)(buf, fmt, ap);
	va_end(ap);
	check_printed(CALLER_PC(), LIBC_PC(sprintf), buf, n, SIZE_MAX);
	return n;
}

/* The whole array is read and rewritten; the comparator's own reads are
 * instrumented, and appear called from qsort's caller. */
CRACE_EXPORT void qsort(void *base, size_t n, size_t size,
			int (*cmp)(const void *, const void *))
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	libc_read(thr, LIBC_PC(qsort), base, n * size);
	libc_write(thr, LIBC_PC(qsort), base, n * size);
	REAL(qsort)(base, n, size, cmp);
	libc_exit(thr);
}

CRACE_EXPORT void qsort_r(void *base, size_t n, size_t size,
			  int (*cmp)(const void *, const void *, void *),
			  void *arg)
{
	struct crace_thread *thr = libc_enter(CALLER_PC());
	libc_read(thr, LIBC_PC(qsort_r), base, n * size);
	libc_write(thr, LIBC_PC(qsort_r), base, n * size);
	REAL(qsort_r)(base, n, size, cmp, arg);
	libc_exit(thr);
}

/* -D_FORTIFY_SOURCE turns calls with a known destination size into these;
 * libc's own versions do the bounds checks and the work. */

CRACE_EXPORT void *__memcpy_chk(void *dst, const void *src, size_t n,
				size_t room)
{
	check_copy(CALLER_PC(), LIBC_PC(memcpy), dst, src, n, n);
	return REAL(__memcpy_chk)(dst, src, n, room);
}

CRACE_EXPORT void *__memmove_chk(void *dst, const void *src, size_t n,
				 size_t room)
{
	check_copy(CALLER_PC(), LIBC_PC(memmove), dst, src, n, n);
	return REAL(__memmove_chk)(dst, src, n, room);
}

CRACE_EXPORT void *__memset_chk(void *dst, int c, size_t n, size_t room)
{
	check_set(CALLER_PC(), LIBC_PC(memset), dst, n);
	return REAL(__memset_chk)(dst, c, n, room);
}

CRACE_EXPORT char *__strcpy_chk(char *dst, const char *src, size_t room)
{
	check_strcpy(CALLER_PC(), LIBC_PC(strcpy), dst, src);
	return REAL(__strcpy_chk)(dst, src, room);
}

CRACE_EXPORT char *__stpcpy_chk(char *dst, const char *src, size_t room)
{
	check_strcpy(CALLER_PC(), LIBC_PC(stpcpy), dst, src);
	return REAL(__stpcpy_chk)(dst, src, room);
}

CRACE_EXPORT char *__strncpy_chk(char *dst, const char *src, size_t n,
				 size_t room)
{
	check_strncpy(CALLER_PC(), LIBC_PC(strncpy), dst, src, n);
	return REAL(__strncpy_chk)(dst, src, n, room);
}

CRACE_EXPORT char *__strcat_chk(char *dst, const char *src, size_t room)
{
	check_strncat(CALLER_PC(), LIBC_PC(strcat), dst, src, SIZE_MAX);
	return REAL(__strcat_chk)(dst, src, room);
}

CRACE_EXPORT char *__strncat_chk(char *dst, const char *src, size_t n,
				 size_t room)
{
	check_strncat(CALLER_PC(), LIBC_PC(strncat), dst, src, n);
	return REAL(__strncat_chk)(dst, src, n, room);
}

CRACE_EXPORT int __vsprintf_chk(char *buf, int flag, size_t room,
				const char *fmt, va_list ap)
{
	int n = REAL(__vsprintf_chk)(buf, flag, room, fmt, ap);
	check_printed(CALLER_PC(), LIBC_PC(vsprintf), buf, n, room);
	return n;
}

CRACE_EXPORT int __vsnprintf_chk(char *buf, size_t size, int flag, size_t room,
				 const char *fmt, va_list ap)
{
	int n = REAL(__vsnprintf_chk)(buf, size, flag, room, fmt, ap);
	check_printed(CALLER_PC(), LIBC_PC(vsnprintf), buf, n, size);
	return n;
}

CRACE_EXPORT int __sprintf_chk(char *buf, int flag, size_t room,
			       const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = REAL(__vsprintf_chk)(buf, flag, room, fmt, ap);
	va_end(ap);
	check_printed(CALLER_PC(), LIBC_PC(sprintf), buf, n, room);
	return n;
}

CRACE_EXPORT int __snprintf_chk(char *buf, size_t size, int flag, size_t room,
				const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = REAL(__vsnprintf_chk)(buf, size, flag, room, fmt, ap);
	va_end(ap);
	check_printed(CALLER_PC(), LIBC_PC(snprintf), buf, n, size);
	return n;
}
