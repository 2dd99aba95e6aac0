/* Per-thread lists of small freed blocks and the pool they exchange batches
 * through (malloc_cache.h). */
#include "malloc_cache.h"
#include "options.h"
#include "spinlock.h"
#include "thread.h"

extern void __libc_free(void *);

#define MCACHE_MAX_USABLE 1032ul /* usable sizes 24, 40, ..., 16k + 8 */
#define MCACHE_CLASSES	  (MCACHE_MAX_USABLE / 16 + 1)
#define MCACHE_KEEP	  64 /* blocks of a class a thread keeps */
#define MCACHE_BATCH	  32 /* blocks moved to or from the pool at once */
#define MCACHE_POOL_BYTES (64ul << 20)

/* A cached block's first word links the next block of its list; the first
 * block of a batch in the pool links the next batch with its second word
 * (every block has at least 24 usable bytes). */
struct block {
	struct block *next;
	struct block *next_batch;
};

struct block_list {
	struct block *head;
	u32 count;
};

static __thread struct {
	struct block_list cls[MCACHE_CLASSES];
	bool closed;
} cache;

static struct spinlock pool_lock = SPINLOCK_INIT;
static struct block *pool[MCACHE_CLASSES]; /* batches of MCACHE_BATCH */
static uptr pool_bytes;

/* The usable size glibc gives a request of n bytes (n at most
 * MCACHE_MAX_USABLE): its chunk, 16-byte aligned and at least 32 bytes,
 * less the 8-byte size field. */
static inline size_t usable_size(size_t n)
{
	size_t chunk = (n + 8 + 15) & ~15ul;
	return (chunk < 32 ? 32 : chunk) - 8;
}

/* The bytes a pool batch of class cls holds (at least: a class's blocks
 * are at least its usable size). */
static inline uptr batch_bytes(size_t cls)
{
	return MCACHE_BATCH * (cls * 16 + 8);
}

/* Signal handlers (which should not allocate, but may) go to glibc
 * directly: they may have interrupted a list update. */
static inline bool cache_open(const struct crace_thread *thr)
{
	return crace_opts.malloc_cache && !cache.closed && !thr->sig_nest;
}

static NOINLINE bool refill(struct block_list *l, size_t cls)
{
	spin_lock(&pool_lock);
	struct block *batch = pool[cls];
	if (batch) {
		pool[cls] = batch->next_batch;
		pool_bytes -= batch_bytes(cls);
	}
	spin_unlock(&pool_lock);
	if (!batch)
		return false;
	l->head = batch;
	l->count = MCACHE_BATCH;
	return true;
}

void *malloc_cache_get(struct crace_thread *thr, size_t n)
{
	if (n > MCACHE_MAX_USABLE || !cache_open(thr))
		return NULL;
	size_t cls = usable_size(n) >> 4;
	struct block_list *l = &cache.cls[cls];
	if (!l->head && !refill(l, cls))
		return NULL;
	struct block *b = l->head;
	l->head = b->next;
	l->count--;
	return b;
}

/* Hands the first MCACHE_BATCH blocks of a full list to the pool, or to
 * glibc when the pool is full. */
static NOINLINE void spill(struct block_list *l, size_t cls)
{
	struct block *batch = l->head, *last = batch;
	for (int i = 1; i < MCACHE_BATCH; i++)
		last = last->next;
	l->head = last->next;
	l->count -= MCACHE_BATCH;
	last->next = NULL;
	spin_lock(&pool_lock);
	bool keep = pool_bytes + batch_bytes(cls) <= MCACHE_POOL_BYTES;
	if (keep) {
		batch->next_batch = pool[cls];
		pool[cls] = batch;
		pool_bytes += batch_bytes(cls);
	}
	spin_unlock(&pool_lock);
	while (!keep && batch) {
		struct block *next = batch->next;
		__libc_free(batch);
		batch = next;
	}
}

bool malloc_cache_put(struct crace_thread *thr, void *p, size_t size)
{
	if (size > MCACHE_MAX_USABLE || !cache_open(thr))
		return false;
	size_t cls = usable_size(size) >> 4;
	struct block_list *l = &cache.cls[cls];
	if (l->count == MCACHE_KEEP)
		spill(l, cls);
	struct block *b = p;
	b->next = l->head;
	l->head = b;
	l->count++;
	return true;
}

void malloc_cache_close(void)
{
	cache.closed = true;
	for (size_t cls = 0; cls < MCACHE_CLASSES; cls++) {
		struct block_list *l = &cache.cls[cls];
		while (l->count >= MCACHE_BATCH)
			spill(l, cls);
		while (l->head) {
			struct block *next = l->head->next;
			__libc_free(l->head);
			l->head = next;
		}
		l->count = 0;
	}
}

void malloc_cache_fork_lock(void)
{
	spin_lock(&pool_lock);
}

void malloc_cache_fork_unlock(void)
{
	spin_unlock(&pool_lock);
}
