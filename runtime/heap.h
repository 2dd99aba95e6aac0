/* Live heap blocks, for "Location is heap block ... allocated by ... at:".
 * Also gives each new block fresh shadow, so reused memory never carries an
 * earlier block's history. */
#ifndef CRACE_HEAP_H
#define CRACE_HEAP_H

#include "stackdepot.h"
#include "thread.h"

struct heap_block_info {
	uptr start;
	uptr size;
	int uid; /* allocating thread */
	stack_handle stack;
};

/* `fn_pc` is the interceptor's own address (printed as its name), `caller`
 * the return address into the program. */
void heap_allocated(struct crace_thread *thr, void *p, uptr size, uptr fn_pc,
		    uptr caller);
void heap_freed(void *p);
bool heap_find(uptr addr, struct heap_block_info *out);

#endif
