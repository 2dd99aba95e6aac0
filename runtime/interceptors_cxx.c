/* C++ ABI: function-local static initialisation. The thread that runs the
 * initialiser calls __cxa_guard_release, which releases to the guard's
 * address; a thread that then finds the guard set acquires from it, either
 * in __cxa_guard_acquire (returns 0) or in the fast path clang inlines, an
 * acquire load of the guard byte that the pass turns into an atomic load
 * hook on the same address, which acquires from the same sync object.
 * __cxa_guard_abort (the initialiser threw) publishes nothing and is left
 * alone. */
#include "interceptors.h"
#include "sync.h"

DEFINE_REAL(int, __cxa_guard_acquire, u64 *);
DEFINE_REAL(void, __cxa_guard_release, u64 *);

CRACE_EXPORT int __cxa_guard_acquire(u64 *g)
{
	int r = REAL(__cxa_guard_acquire)(g);
	struct crace_thread *thr = intercept_thread();
	if (r == 0 && thr)
		sync_acquire(thr, (uptr)g);
	return r;
}

CRACE_EXPORT void __cxa_guard_release(u64 *g)
{
	struct crace_thread *thr = intercept_thread();
	if (thr)
		sync_release(thr, (uptr)g);
	REAL(__cxa_guard_release)(g);
}
