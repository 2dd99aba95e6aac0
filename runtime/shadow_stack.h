/* The calling thread's shadow stack of call-site pcs (shadow_stack.c). */
#ifndef CRACE_SHADOW_STACK_H
#define CRACE_SHADOW_STACK_H

#include "thread.h"

/* A call from `caller_pc` begins / the innermost call returns; both are
 * mirrored into the trace so past stacks can be replayed. */
void shadow_stack_push(struct crace_thread *thr, uptr caller_pc);
void shadow_stack_pop(struct crace_thread *thr);

#endif
