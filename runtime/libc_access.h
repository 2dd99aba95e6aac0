/* Shared by the interceptors of libc functions that read or write the
 * program's memory (string, stdio and fd families): those bytes are checked
 * as accesses made by the libc function, so a report shows it as the top
 * frame above its caller, e.g. "memcpy()" then "main() racy.c:12". */
#ifndef CRACE_LIBC_ACCESS_H
#define CRACE_LIBC_ACCESS_H

#include "access.h"
#include "interceptors.h"
#include "shadow_stack.h"

/* Starts checking a libc call made from `caller`: the call's frame goes on
 * the shadow stack (and into the trace, so the stack can be restored when a
 * later access races with this one). NULL when the call is not checked:
 * made by the runtime, before start-up, or while the runtime is busy. The
 * runtime's own calls to memcpy, strlen, vsnprintf... reach these exported
 * interceptors too (libcrace.so comes first in the lookup order) and go
 * straight to libc, whether or not the runtime marked itself busy. */
static inline struct crace_thread *libc_enter(uptr caller)
{
	if (pc_in_runtime(caller))
		return NULL;
	struct crace_thread *thr = intercept_thread();
	if (thr)
		shadow_stack_push(thr, caller);
	return thr;
}

static inline void libc_exit(struct crace_thread *thr)
{
	if (thr)
		shadow_stack_pop(thr);
}

/* Reports look access pcs up as return addresses (at pc - 1), so the
 * interceptor's entry + 1 is printed as the interceptor itself. */
#define LIBC_PC(f) (SELF_PC(f) + 1)

static inline void libc_read(struct crace_thread *thr, uptr pc, const void *p,
			     uptr n)
{
	if (thr)
		access_range(thr, (uptr)p, n, 0, pc);
}

static inline void libc_write(struct crace_thread *thr, uptr pc, const void *p,
			      uptr n)
{
	if (thr)
		access_range(thr, (uptr)p, n, ACC_WRITE, pc);
}

#endif
