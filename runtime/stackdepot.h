/* Stack depot: interns call stacks (arrays of pcs) so that allocation sites,
 * thread creation sites and trace snapshots are stored once and named by a
 * stable handle. Insert-only and lock-free for readers. */
#ifndef CRACE_STACKDEPOT_H
#define CRACE_STACKDEPOT_H

#include "common.h"

typedef uptr stack_handle; /* 0 = no stack */

/* pcs[0] is the innermost frame. */
stack_handle stackdepot_put(const uptr *pcs, u32 n);
const uptr *stackdepot_get(stack_handle h, u32 *n);

#endif
