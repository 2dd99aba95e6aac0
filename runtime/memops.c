/* The memcpy/memmove/memset intrinsics of instrumented code: check both
 * ranges, then do the work. (The memcpy called here is our own exported
 * interceptor, which sees the call comes from the runtime and goes straight
 * to libc's. Only if it is not a tail call: a jump would leave the program's
 * return address as its caller, and it would check both ranges again.) */
#include "access.h"
#include <crace_abi.h>
#include <string.h>

CRACE_EXPORT __attribute__((disable_tail_calls)) void *
__crace_memcpy(void *dst, const void *src, size_t n)
{
	struct crace_thread *thr = cur_thread();
	access_range(thr, (uptr)src, n, 0, CALLER_PC());
	access_range(thr, (uptr)dst, n, ACC_WRITE, CALLER_PC());
	return memcpy(dst, src, n);
}

CRACE_EXPORT __attribute__((disable_tail_calls)) void *
__crace_memmove(void *dst, const void *src, size_t n)
{
	struct crace_thread *thr = cur_thread();
	access_range(thr, (uptr)src, n, 0, CALLER_PC());
	access_range(thr, (uptr)dst, n, ACC_WRITE, CALLER_PC());
	return memmove(dst, src, n);
}

CRACE_EXPORT __attribute__((disable_tail_calls)) void *
__crace_memset(void *dst, int c, size_t n)
{
	access_range(cur_thread(), (uptr)dst, n, ACC_WRITE, CALLER_PC());
	return memset(dst, c, n);
}
