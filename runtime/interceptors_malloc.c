/* malloc family and C++ operator new/delete: glibc's allocator does the
 * work (through its __libc_* entry points, safe even before start-up); we
 * give every new block fresh shadow and remember where it came from. */
#include "heap.h"
#include "interceptors.h"
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static void *track(void *p, size_t size, uptr self, uptr caller)
{
	struct crace_thread *thr = intercept_thread();
	if (p && thr) {
		runtime_enter(thr);
		heap_allocated(thr, p, size, self, caller);
		runtime_exit(thr);
	}
	return p;
}

static void untrack(void *p)
{
	struct crace_thread *thr = intercept_thread();
	if (p && thr) {
		runtime_enter(thr);
		heap_freed(p);
		runtime_exit(thr);
	}
}

CRACE_EXPORT void *malloc(size_t n)
{
	return track(__libc_malloc(n), n, SELF_PC(malloc), CALLER_PC());
}

CRACE_EXPORT void *calloc(size_t n, size_t size)
{
	return track(__libc_calloc(n, size), n * size, SELF_PC(calloc),
		     CALLER_PC());
}

CRACE_EXPORT void *realloc(void *p, size_t n)
{
	void *q = __libc_realloc(p, n);
	if (q || n == 0)
		untrack(p);
	return track(q, n, SELF_PC(realloc), CALLER_PC());
}

CRACE_EXPORT void free(void *p)
{
	untrack(p);
	__libc_free(p);
}

CRACE_EXPORT void *memalign(size_t align, size_t n)
{
	return track(__libc_memalign(align, n), n, SELF_PC(memalign),
		     CALLER_PC());
}

CRACE_EXPORT void *aligned_alloc(size_t align, size_t n)
{
	return track(__libc_memalign(align, n), n, SELF_PC(aligned_alloc),
		     CALLER_PC());
}

CRACE_EXPORT int posix_memalign(void **out, size_t align, size_t n)
{
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	void *p = __libc_memalign(align, n);
	if (!p)
		return ENOMEM;
	*out = track(p, n, SELF_PC(posix_memalign), CALLER_PC());
	return 0;
}

CRACE_EXPORT void *valloc(size_t n)
{
	return track(__libc_memalign(4096, n), n, SELF_PC(valloc), CALLER_PC());
}

/* operator new: allocate through glibc directly so the stack names the
 * program's call site; on failure defer to libstdc++'s operator new, which
 * runs the new-handler and throws. */
DEFINE_REAL(void *, _Znwm, size_t);
DEFINE_REAL(void *, _Znam, size_t);

CRACE_EXPORT void *_Znwm(size_t n)
{
	void *p = __libc_malloc(n ? n : 1);
	if (!p)
		return REAL(_Znwm)(n);
	return track(p, n, SELF_PC(_Znwm), CALLER_PC());
}

CRACE_EXPORT void *_Znam(size_t n)
{
	void *p = __libc_malloc(n ? n : 1);
	if (!p)
		return REAL(_Znam)(n);
	return track(p, n, SELF_PC(_Znam), CALLER_PC());
}

CRACE_EXPORT void _ZdlPv(void *p)
{
	free(p);
}

CRACE_EXPORT void _ZdaPv(void *p)
{
	free(p);
}

CRACE_EXPORT void _ZdlPvm(void *p, size_t n)
{
	(void)n;
	free(p);
}

CRACE_EXPORT void _ZdaPvm(void *p, size_t n)
{
	(void)n;
	free(p);
}
