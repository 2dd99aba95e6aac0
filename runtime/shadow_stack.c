/* Function entry/exit: each thread keeps a shadow stack of call-site pcs,
 * pushed and popped by the instrumented prologue/epilogue and mirrored into
 * the trace so past stacks can be replayed. Each frame also keeps the stack
 * pointer of the function that pushed it, so a longjmp can drop the frames
 * it skips. */
#include "shadow_stack.h"
#include "alloc.h"
#include "trace.h"
#include <crace_abi.h>

/* The stack pointer of the function calling the current runtime function:
 * just above its return address (the runtime keeps frame pointers). */
#define CALLER_SP() ((uptr)__builtin_frame_address(0) + 2 * sizeof(uptr))

static ALWAYS_INLINE void push(struct crace_thread *thr, uptr caller_pc,
			       uptr sp)
{
	/* A handler that interrupted the runtime must not write the trace
	 * (its part switch allocates); its frames are balanced anyway. */
	if (likely(!thr->hooks_off))
		trace_put(thr, (EV_ENTRY << EV_KIND_SHIFT) |
				       (caller_pc & EV_PC_MASK));
	u32 d = thr->depth++;
	if (likely(d < SHADOW_STACK_MAX)) {
		thr->stack[d] = caller_pc;
		thr->stack_sp[d] = sp;
	}
}

/* Not inlined into its callers: CALLER_SP is the interceptor's. */
NOINLINE void shadow_stack_push(struct crace_thread *thr, uptr caller_pc)
{
	push(thr, caller_pc, CALLER_SP());
}

void shadow_stack_pop(struct crace_thread *thr)
{
	if (likely(!thr->hooks_off))
		trace_put(thr, EV_EXIT << EV_KIND_SHIFT);
	if (likely(thr->depth))
		thr->depth--;
}

/* The hooks below are leaves (no frame, no saved registers): the common
 * case writes one trace word and one shadow frame; everything else (no
 * thread state yet, a handler inside the runtime, a new trace part, an
 * empty or full shadow stack) is a tail call to the general version. */
static NOINLINE void func_entry_slow(uptr caller_pc, uptr sp)
{
	push(cur_thread(), caller_pc, sp);
}

static NOINLINE void func_exit_slow(void)
{
	shadow_stack_pop(cur_thread());
}

/* Entry with the instrumented function's stack pointer in hand. Called only
 * by the stub below; `used` keeps it for the stub's jump. */
__attribute__((used)) void func_entry_sp(uptr pc, uptr sp)
{
	struct crace_thread *thr = crace_cur;
	if (unlikely(!thr || thr->hooks_off))
		return func_entry_slow(pc, sp);
	struct trace *t = thr->trace;
	u64 *cur = t->cur;
	if (unlikely(cur == t->end))
		return func_entry_slow(pc, sp);
	u32 d = thr->depth;
	if (unlikely(d >= SHADOW_STACK_MAX))
		return func_entry_slow(pc, sp);
	thr->stack[d] = pc;
	thr->stack_sp[d] = sp;
	thr->depth = d + 1;
	/* A user-space pc fits EV_PC_MASK: no masking needed. */
	store_relaxed(cur, (EV_ENTRY << EV_KIND_SHIFT) | pc);
	store_release(&t->cur, cur + 1);
}

/* The caller's stack pointer is just above the return address at the
 * hook's first instruction; reading it there keeps the hook frameless
 * (__builtin_frame_address would force a frame). */
CRACE_EXPORT __attribute__((naked)) void __crace_func_entry(void *caller_pc)
{
	__asm__("lea 8(%rsp), %rsi\n\t"
		"jmp func_entry_sp");
}

CRACE_EXPORT void __crace_func_exit(void)
{
	struct crace_thread *thr = crace_cur;
	if (unlikely(!thr || thr->hooks_off))
		return func_exit_slow();
	struct trace *t = thr->trace;
	u64 *cur = t->cur;
	if (unlikely(cur == t->end))
		return func_exit_slow();
	u32 d = thr->depth;
	if (unlikely(!d))
		return func_exit_slow();
	store_relaxed(cur, EV_EXIT << EV_KIND_SHIFT);
	store_release(&t->cur, cur + 1);
	thr->depth = d - 1;
}

/* Frames dropped without returning are logged as exits, so replaying the
 * trace gives the same stacks (unless they were pushed untraced). */
static void pop_frame(struct crace_thread *thr)
{
	thr->depth--;
	if (!thr->hooks_off)
		trace_put(thr, EV_EXIT << EV_KIND_SHIFT);
}

void thread_stack_unwind(struct crace_thread *thr, uptr sp)
{
	while (thr->depth && (thr->depth > SHADOW_STACK_MAX ||
			      thr->stack_sp[thr->depth - 1] < sp))
		pop_frame(thr);
}

void thread_stack_truncate(struct crace_thread *thr, u32 depth)
{
	while (thr->depth > depth)
		pop_frame(thr);
}

u32 thread_stack_pcs(struct crace_thread *thr, uptr pc, uptr *out, u32 max)
{
	u32 n = 0;
	if (pc && n < max)
		out[n++] = pc;
	u32 d = thr->depth;
	/* Deeper than the shadow stack holds: the callers of the innermost
	 * frames are unknown, and a stack with a gap would mislead. */
	if (d > SHADOW_STACK_MAX)
		return n;
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
