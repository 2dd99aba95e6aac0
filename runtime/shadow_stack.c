/* Function entry/exit: each thread keeps a shadow stack of call-site pcs,
 * pushed and popped by the instrumented prologue/epilogue and mirrored into
 * the trace so past stacks can be replayed. */
#include "shadow_stack.h"
#include "alloc.h"
#include "trace.h"
#include <crace_abi.h>

void shadow_stack_push(struct crace_thread *thr, uptr caller_pc)
{
	trace_put(thr, (EV_ENTRY << EV_KIND_SHIFT) | (caller_pc & EV_PC_MASK));
	u32 d = thr->depth++;
	if (likely(d < SHADOW_STACK_MAX))
		thr->stack[d] = caller_pc;
}

void shadow_stack_pop(struct crace_thread *thr)
{
	trace_put(thr, EV_EXIT << EV_KIND_SHIFT);
	if (likely(thr->depth))
		thr->depth--;
}

CRACE_EXPORT void __crace_func_entry(void *caller_pc)
{
	shadow_stack_push(cur_thread(), (uptr)caller_pc);
}

CRACE_EXPORT void __crace_func_exit(void)
{
	shadow_stack_pop(cur_thread());
}

u32 thread_stack_pcs(struct crace_thread *thr, uptr pc, uptr *out, u32 max)
{
	u32 n = 0;
	if (pc && n < max)
		out[n++] = pc;
	u32 d = thr->depth < SHADOW_STACK_MAX ? thr->depth : SHADOW_STACK_MAX;
	while (d > 0 && n < max)
		out[n++] = thr->stack[--d];
	return n;
}

/* Interceptors record where they were called from as [pc0 (the interceptor
 * itself, printed as its name), pc1 (the caller), shadow stack...]. */
stack_handle thread_stack_handle(struct crace_thread *thr, uptr pc0, uptr pc1)
{
	enum { MAX = 256 };
	uptr pcs[MAX];
	u32 n = 0;
	pcs[n++] = pc0;
	n += thread_stack_pcs(thr, pc1, pcs + n, MAX - n);
	return stackdepot_put(pcs, n);
}
