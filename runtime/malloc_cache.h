/* Small freed blocks kept per thread in front of glibc's allocator.
 *
 * glibc gives each thread an arena, but a block freed by another thread goes
 * back to the arena it came from, under that arena's lock, once the
 * freeing thread's tcache bin (7 blocks) is full. Programs that hand blocks
 * between threads then contend for the lock and sleep in futex: under crace,
 * whose accesses take longer, much more often than natively (malloc_churn:
 * 48,000 context switches against 18,000 natively and 1,000 under
 * ThreadSanitizer, whose own allocator caches per thread). So freed blocks of
 * up to MCACHE_MAX_USABLE bytes stay in a per-thread list per size class; a
 * thread with too many hands a batch to a shared pool, and a thread with none
 * takes a batch from there before asking glibc: the same exchange as
 * ThreadSanitizer's allocator.
 *
 * A class holds blocks of at least one usable size, the size glibc gives a
 * request (malloc_usable_size), so a block taken from the cache is as big as
 * the one glibc would have returned. Blocks in the cache are free as far as
 * the program and the heap tracking (heap.c) are concerned; glibc sees them
 * in use. The pool keeps at most MCACHE_POOL_BYTES; beyond that, blocks go
 * back to glibc. */
#ifndef CRACE_MALLOC_CACHE_H
#define CRACE_MALLOC_CACHE_H

#include "common.h"

struct crace_thread;

/* A block for malloc(n) from the thread's cache or the pool, or NULL (then
 * glibc allocates). */
void *malloc_cache_get(struct crace_thread *thr, size_t n);
/* Keeps a block the program freed, already untracked, that was allocated
 * with size bytes (so glibc's chunk has at least usable_size(size)); false
 * when it is not one to keep, and glibc must free it. */
bool malloc_cache_put(struct crace_thread *thr, void *p, size_t size);
/* The calling thread ends: its blocks go to the pool, and it keeps none from
 * now on (thread-local destructors still free). */
void malloc_cache_close(void);

void malloc_cache_fork_lock(void);
void malloc_cache_fork_unlock(void);

#endif
