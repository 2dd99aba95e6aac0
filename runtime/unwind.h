/* Native stack unwinding with libunwind, for rare events whose caller may be
 * uninstrumented (std::thread starts threads from inside libstdc++): there
 * the shadow stack alone would miss the program's own call site. */
#ifndef CRACE_UNWIND_H
#define CRACE_UNWIND_H

#include "stackdepot.h"

/* [self_pc, caller, caller's caller, ...] of the function calling this one,
 * as a depot handle; self_pc is that function's own entry (printed as its
 * name). */
stack_handle unwind_stack_handle(uptr self_pc);

/* Held across fork (interceptors_process.c). */
void unwind_fork_lock(void);
void unwind_fork_unlock(void);

#endif
