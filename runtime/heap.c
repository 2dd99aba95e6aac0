#include "heap.h"
#include "access.h"
#include "alloc.h"
#include "shadow.h"
#include "spinlock.h"
#include "sync.h"
#include "trace.h"
#include <crace_abi.h>

#include "hashtable.h"

#define HEAP_STRIPES 256

struct heap_block {
	struct heap_block_info info;
	UT_hash_handle hh;
};

struct heap_stripe {
	struct spinlock lock;
	struct heap_block *blocks;
} __attribute__((aligned(64)));

static struct heap_stripe stripes[HEAP_STRIPES];

static struct heap_stripe *stripe_of(uptr p)
{
	return &stripes[(p >> 4) * 0x9E3779B97F4A7C15ull >> 56];
}

void heap_allocated(struct crace_thread *thr, void *p, uptr size, uptr fn_pc,
		    uptr caller)
{
	if (!p)
		return;
	shadow_reset((uptr)p, size);
	struct heap_block *b = internal_alloc(sizeof(*b));
	b->info.start = (uptr)p;
	b->info.size = size;
	b->info.uid = thr->uid;
	b->info.stack = thread_stack_handle(thr, fn_pc, caller);
	struct heap_stripe *st = stripe_of((uptr)p);
	struct heap_block *old;
	spin_lock(&st->lock);
	HASH_FIND(hh, st->blocks, &b->info.start, sizeof(uptr), old);
	if (old)
		HASH_DEL(st->blocks, old);
	HASH_ADD(hh, st->blocks, info.start, sizeof(uptr), b);
	spin_unlock(&st->lock);
	if (old)
		internal_free(old, sizeof(*old));
}

/* The free's write is made as if from inside the freeing function called
 * at `caller`: its stack (now, or replayed from the trace later) reads
 * "free() <- caller <- ...". Granules nobody touched since the allocation
 * hold nothing to race with and are skipped, so freeing costs in
 * proportion to what the block was used for. The block stays registered
 * during the check so a race found by the free itself names it as its
 * Location. */
static void free_write(struct crace_thread *thr, uptr start, uptr size,
		       uptr fn_pc, uptr caller)
{
	uptr end = start + (size < FREE_CHECK_MAX ? size : FREE_CHECK_MAX);
	__crace_func_entry((void *)caller);
	/* +1: stacks name a pc as a return address, looked up at pc - 1. */
	uptr pc = fn_pc + 1;
	trace_access(thr, pc, start, end - start, true, false);
	for (uptr a = start; a < end;) {
		uptr g = a & ~(GRANULE_SIZE - 1);
		uptr hi = end < g + GRANULE_SIZE ? end : g + GRANULE_SIZE;
		struct shadow_cell *c = shadow_cell_peek(a);
		if (c && shadow_cell_used(c))
			access_granule(thr, a, granule_mask(a, hi - a, g),
				       ACC_WRITE | ACC_NO_TRACE, pc);
		a = hi;
	}
	__crace_func_exit();
}

uptr heap_freed(struct crace_thread *thr, void *p, uptr fn_pc, uptr caller)
{
	if (!p)
		return 0;
	uptr start = (uptr)p;
	struct heap_stripe *st = stripe_of(start);
	struct heap_block *b;
	uptr size = 0;
	spin_lock(&st->lock);
	HASH_FIND(hh, st->blocks, &start, sizeof(uptr), b);
	if (b)
		size = b->info.size;
	spin_unlock(&st->lock);
	if (!b)
		return 0;
	free_write(thr, start, size, fn_pc, caller);
	/* A mutex or atomic in the block dies with it, unless destroyed. */
	sync_reset_range(start, size);
	spin_lock(&st->lock);
	HASH_FIND(hh, st->blocks, &start, sizeof(uptr), b);
	if (b)
		HASH_DEL(st->blocks, b);
	spin_unlock(&st->lock);
	if (b)
		internal_free(b, sizeof(*b));
	return size;
}

/* Report time only: a scan of every live block. */
bool heap_find(uptr addr, struct heap_block_info *out)
{
	bool found = false;
	for (int i = 0; i < HEAP_STRIPES && !found; i++) {
		struct heap_stripe *st = &stripes[i];
		spin_lock(&st->lock);
		for (struct heap_block *b = st->blocks; b; b = b->hh.next) {
			if (addr >= b->info.start &&
			    addr < b->info.start +
					    (b->info.size ? b->info.size : 1)) {
				*out = b->info;
				found = true;
				break;
			}
		}
		spin_unlock(&st->lock);
	}
	return found;
}

void heap_fork_lock(void)
{
	for (int i = 0; i < HEAP_STRIPES; i++)
		spin_lock(&stripes[i].lock);
}

void heap_fork_unlock(void)
{
	for (int i = HEAP_STRIPES - 1; i >= 0; i--)
		spin_unlock(&stripes[i].lock);
}
