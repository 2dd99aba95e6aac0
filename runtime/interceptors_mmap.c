/* mmap family: a new mapping, or an unmapped range, holds none of the
 * memory that was there before, so its shadow and the clocks of sync
 * objects (mutexes, atomics) in it are reset; the history of a
 * range unmapped by one thread and mapped again by another would otherwise
 * turn into races between unrelated uses. (Heap blocks are handled by the
 * malloc interceptors; this is for memory the program maps itself.)
 *
 * The real calls are made with syscall(2), so the runtime's own mappings
 * (made through these very symbols) never depend on dlsym or on start-up. */
#include "interceptors.h"
#include "shadow.h"
#include "sync.h"
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static void forget(void *p, size_t size)
{
	struct crace_thread *thr = intercept_thread();
	if (!thr)
		return;
	runtime_enter(thr);
	shadow_reset((uptr)p, size);
	sync_reset_range((uptr)p, size);
	runtime_exit(thr);
}

CRACE_EXPORT void *mmap(void *addr, size_t len, int prot, int flags, int fd,
			off_t off)
{
	void *p = (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
	if (p != MAP_FAILED)
		forget(p, len);
	return p;
}

CRACE_EXPORT void *mmap64(void *addr, size_t len, int prot, int flags, int fd,
			  off_t off)
{
	return mmap(addr, len, prot, flags, fd, off);
}

CRACE_EXPORT int munmap(void *addr, size_t len)
{
	int r = (int)syscall(SYS_munmap, addr, len);
	if (r == 0)
		forget(addr, len);
	return r;
}
