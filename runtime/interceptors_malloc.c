/* malloc family and C++ operator new/delete: glibc's allocator does the
 * work (through its __libc_* entry points, safe even before start-up); we
 * give every new block fresh shadow and remember where it came from. */
#include "heap.h"
#include "interceptors.h"
#include "malloc_cache.h"
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

/* Returns the freed block's size, 0 when untracked. */
static size_t untrack(void *p, uptr self, uptr caller)
{
	struct crace_thread *thr = intercept_thread();
	size_t size = 0;
	if (p && thr) {
		runtime_enter(thr);
		size = heap_freed(thr, p, self, caller);
		runtime_exit(thr);
	}
	return size;
}

/* A block for malloc(n): one malloc_cache kept, or glibc's. */
static void *block_alloc(size_t n)
{
	struct crace_thread *thr = intercept_thread();
	void *p = thr ? malloc_cache_get(thr, n) : NULL;
	return p ? p : __libc_malloc(n);
}

/* Gives back a block untrack found size bytes big (0: not tracked). */
static void block_free(void *p, size_t size)
{
	struct crace_thread *thr = intercept_thread();
	if (!size || !thr || !malloc_cache_put(thr, p, size))
		__libc_free(p);
}

CRACE_EXPORT void *malloc(size_t n)
{
	return track(block_alloc(n), n, SELF_PC(malloc), CALLER_PC());
}

CRACE_EXPORT void *calloc(size_t n, size_t size)
{
	return track(__libc_calloc(n, size), n * size, SELF_PC(calloc),
		     CALLER_PC());
}

/* The old block is written (as by free) before it may move; if realloc
 * fails the block lives on, with that write recorded. */
CRACE_EXPORT void *realloc(void *p, size_t n)
{
	size_t old = untrack(p, SELF_PC(realloc), CALLER_PC());
	void *q = __libc_realloc(p, n);
	if (!q && n && p) {
		if (old)
			track(p, old, SELF_PC(realloc), CALLER_PC());
		return NULL;
	}
	return track(q, n, SELF_PC(realloc), CALLER_PC());
}

CRACE_EXPORT void free(void *p)
{
	block_free(p, untrack(p, SELF_PC(free), CALLER_PC()));
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

CRACE_EXPORT void *pvalloc(size_t n)
{
	size_t page = 4096;
	n = n ? (n + page - 1) & ~(page - 1) : page;
	return track(__libc_memalign(page, n), n, SELF_PC(pvalloc),
		     CALLER_PC());
}

/* operator new: allocate through glibc directly so the stack names the
 * program's call site; on failure defer to libstdc++'s operator, which runs
 * the new-handler and throws (or returns NULL for the nothrow forms). Every
 * form of operator delete frees like free, named as itself in stacks. */
typedef struct {
	char c;
} nothrow_t; /* std::nothrow_t: an empty tag passed by reference */

DEFINE_REAL(void *, _Znwm, size_t);
DEFINE_REAL(void *, _Znam, size_t);
DEFINE_REAL(void *, _ZnwmSt11align_val_t, size_t, size_t);
DEFINE_REAL(void *, _ZnamSt11align_val_t, size_t, size_t);
DEFINE_REAL(void *, _ZnwmRKSt9nothrow_t, size_t, const nothrow_t *);
DEFINE_REAL(void *, _ZnamRKSt9nothrow_t, size_t, const nothrow_t *);
DEFINE_REAL(void *, _ZnwmSt11align_val_tRKSt9nothrow_t, size_t, size_t,
	    const nothrow_t *);
DEFINE_REAL(void *, _ZnamSt11align_val_tRKSt9nothrow_t, size_t, size_t,
	    const nothrow_t *);

#define NEW(name, ...)                                                         \
	void *p = block_alloc(n ? n : 1);                                      \
	if (!p)                                                                \
		return REAL(name)(__VA_ARGS__);                                \
	return track(p, n, SELF_PC(name), CALLER_PC())
#define NEW_ALIGNED(name, ...)                                                 \
	void *p = __libc_memalign(align, n ? n : 1);                           \
	if (!p)                                                                \
		return REAL(name)(__VA_ARGS__);                                \
	return track(p, n, SELF_PC(name), CALLER_PC())

CRACE_EXPORT void *_Znwm(size_t n)
{
	NEW(_Znwm, n);
}

CRACE_EXPORT void *_Znam(size_t n)
{
	NEW(_Znam, n);
}

CRACE_EXPORT void *_ZnwmRKSt9nothrow_t(size_t n, const nothrow_t *nt)
{
	NEW(_ZnwmRKSt9nothrow_t, n, nt);
}

CRACE_EXPORT void *_ZnamRKSt9nothrow_t(size_t n, const nothrow_t *nt)
{
	NEW(_ZnamRKSt9nothrow_t, n, nt);
}

CRACE_EXPORT void *_ZnwmSt11align_val_t(size_t n, size_t align)
{
	NEW_ALIGNED(_ZnwmSt11align_val_t, n, align);
}

CRACE_EXPORT void *_ZnamSt11align_val_t(size_t n, size_t align)
{
	NEW_ALIGNED(_ZnamSt11align_val_t, n, align);
}

CRACE_EXPORT void *_ZnwmSt11align_val_tRKSt9nothrow_t(size_t n, size_t align,
						      const nothrow_t *nt)
{
	NEW_ALIGNED(_ZnwmSt11align_val_tRKSt9nothrow_t, n, align, nt);
}

CRACE_EXPORT void *_ZnamSt11align_val_tRKSt9nothrow_t(size_t n, size_t align,
						      const nothrow_t *nt)
{
	NEW_ALIGNED(_ZnamSt11align_val_tRKSt9nothrow_t, n, align, nt);
}

#define DELETE(name) block_free(p, untrack(p, SELF_PC(name), CALLER_PC()))

CRACE_EXPORT void _ZdlPv(void *p)
{
	DELETE(_ZdlPv);
}

CRACE_EXPORT void _ZdaPv(void *p)
{
	DELETE(_ZdaPv);
}

CRACE_EXPORT void _ZdlPvm(void *p, size_t n)
{
	(void)n;
	DELETE(_ZdlPvm);
}

CRACE_EXPORT void _ZdaPvm(void *p, size_t n)
{
	(void)n;
	DELETE(_ZdaPvm);
}

CRACE_EXPORT void _ZdlPvRKSt9nothrow_t(void *p, const nothrow_t *nt)
{
	(void)nt;
	DELETE(_ZdlPvRKSt9nothrow_t);
}

CRACE_EXPORT void _ZdaPvRKSt9nothrow_t(void *p, const nothrow_t *nt)
{
	(void)nt;
	DELETE(_ZdaPvRKSt9nothrow_t);
}

CRACE_EXPORT void _ZdlPvSt11align_val_t(void *p, size_t align)
{
	(void)align;
	DELETE(_ZdlPvSt11align_val_t);
}

CRACE_EXPORT void _ZdaPvSt11align_val_t(void *p, size_t align)
{
	(void)align;
	DELETE(_ZdaPvSt11align_val_t);
}

CRACE_EXPORT void _ZdlPvmSt11align_val_t(void *p, size_t n, size_t align)
{
	(void)n, (void)align;
	DELETE(_ZdlPvmSt11align_val_t);
}

CRACE_EXPORT void _ZdaPvmSt11align_val_t(void *p, size_t n, size_t align)
{
	(void)n, (void)align;
	DELETE(_ZdaPvmSt11align_val_t);
}

CRACE_EXPORT void _ZdlPvSt11align_val_tRKSt9nothrow_t(void *p, size_t align,
						      const nothrow_t *nt)
{
	(void)align, (void)nt;
	DELETE(_ZdlPvSt11align_val_tRKSt9nothrow_t);
}

CRACE_EXPORT void _ZdaPvSt11align_val_tRKSt9nothrow_t(void *p, size_t align,
						      const nothrow_t *nt)
{
	(void)align, (void)nt;
	DELETE(_ZdaPvSt11align_val_tRKSt9nothrow_t);
}
