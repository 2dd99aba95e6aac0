/* Live heap blocks, for "Location is heap block ... allocated by ... at:",
 * found from their address without a lock (see heap.c).
 * Also gives each new block fresh shadow, so reused memory never carries an
 * earlier block's history, and makes freeing a block a write to it, so a
 * use in another thread that is not ordered with the free is a race whose
 * stack shows the free (top frame: free, operator delete, realloc). */
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
/* The block at p is freed (or moved by realloc) by a call of the function
 * at fn_pc from `caller`: checked as a write to its first FREE_CHECK_MAX
 * bytes, then forgotten. Returns the block's size (0 if it was unknown). */
uptr heap_freed(struct crace_thread *thr, void *p, uptr fn_pc, uptr caller);

/* Like ThreadSanitizer: checking a huge block on free would touch shadow
 * the program never used; races on a freed block are nearly always on its
 * head. */
#define FREE_CHECK_MAX 1024
/* The live block holding addr (report time). */
bool heap_find(uptr addr, struct heap_block_info *out);

/* Held across fork so the child never inherits a lock taken mid-way
 * (interceptors_process.c takes every module's in a fixed order). */
void heap_fork_lock(void);
void heap_fork_unlock(void);
/* In the child, after the unlock: `survivor` is the only thread left. */
void heap_fork_child(struct crace_thread *survivor);

#endif
