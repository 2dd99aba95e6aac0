#include "heap.h"
#include "access.h"
#include "alloc.h"
#include "shadow.h"
#include "spinlock.h"
#include "sync.h"
#include "trace.h"
#include <crace_abi.h>

/* Block descriptors are found by address arithmetic, as ThreadSanitizer's
 * meta shadow finds them: one 32-bit meta entry per 16 bytes of memory
 * (glibc's blocks start 16-byte aligned, never two in one 16 bytes) holds
 * the index of the descriptor of the block starting there. Allocating and
 * freeing a block each cost one entry and one descriptor, with no lock and
 * no search. Meta entries live in 16 MiB chunks, one per 64 MiB of address
 * space and made on first use, so the address space needs no fixed layout.
 *
 * A block larger than SPAN also gets a continuation entry (META_CONT | its
 * index) at every SPAN boundary inside it, so heap_find (reports) finds the
 * block holding an address by looking back at most SPAN bytes. A block
 * larger than LARGE is listed in large_blocks instead: its entries would
 * each touch a page of their own (512 MiB for a sparse 8 GiB malloc). */
#define META_SHIFT	  4
#define META_REGION_SHIFT 26
#define META_DIR_ENTRIES  (1ul << (APP_ADDR_BITS - META_REGION_SHIFT))
#define META_PER_REGION	  (1ul << (META_REGION_SHIFT - META_SHIFT))
#define META_CONT	  (1u << 31)
#define SPAN		  ((uptr)1 << 16)
#define LARGE		  ((uptr)1 << 20)

/* A free descriptor is linked by `next` into a slot's cache or a batch of
 * the pool; a batch's first descriptor links the pool's next batch by
 * `start`. */
struct heap_desc {
	uptr start;
	uptr size;
	stack_handle stack;
	int uid;
	u32 next;
};

/* Descriptors are made in chunks that are never unmapped, so a stale index
 * read by heap_find always names readable memory. Index 0 is never used:
 * entry 0 means no block. */
#define DESC_CHUNK_SHIFT 16
#define DESC_CHUNK	 (1u << DESC_CHUNK_SHIFT)
#define DESC_CHUNKS	 (1u << (31 - DESC_CHUNK_SHIFT))

/* Each thread slot keeps free descriptors of its own, so the common path
 * takes no lock: a thread moves them to or from the shared pool BATCH at a
 * time (threads that free what others allocate keep them moving). */
#define BATCH 64

/* A slot also keeps the stack of its last allocation (when at most
 * STACK_CACHE_DEPTH frames deep): a thread that allocates again from the
 * same place, as a loop does, gets the same depot handle without hashing
 * its stack again. */
#define STACK_CACHE_DEPTH 16

struct slot_cache {
	u32 head, n;
	u32 depth;
	uptr fn_pc, caller;
	stack_handle stack;
	uptr pcs[STACK_CACHE_DEPTH];
};

static u32 **meta_dir;
static struct heap_desc *desc_chunks[DESC_CHUNKS];
static struct slot_cache caches[MAX_SLOTS];

static struct spinlock pool_lock = SPINLOCK_INIT;

/* Blocks larger than LARGE: few, so a list under a lock (taken at
 * allocation and free of such a block, and by reports). */
struct large_block {
	uptr start, size;
	u32 desc;
};
static struct spinlock large_lock = SPINLOCK_INIT;
static struct large_block *large_blocks;
static u32 n_large, cap_large;
static u32 pool_batches;   /* first descriptor of the first full batch */
static u32 pool_fresh = 1; /* next never-used index */

static inline struct heap_desc *desc_of(u32 i)
{
	return &load_relaxed(
		&desc_chunks[i >> DESC_CHUNK_SHIFT])[i & (DESC_CHUNK - 1)];
}

static NOINLINE u32 **meta_dir_create(void)
{
	u32 **dir = internal_mmap(META_DIR_ENTRIES * sizeof(*dir),
				  "heap block index");
	hg_atomic_only(dir, META_DIR_ENTRIES * sizeof(*dir));
	u32 **expected = NULL;
	if (!__atomic_compare_exchange_n(&meta_dir, &expected, dir, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		internal_munmap(dir, META_DIR_ENTRIES * sizeof(*dir));
		dir = expected;
	}
	return dir;
}

static NOINLINE u32 *meta_chunk_create(u32 **slot)
{
	u32 *chunk = internal_mmap(META_PER_REGION * sizeof(u32),
				   "heap block index");
	hg_atomic_only(chunk, META_PER_REGION * sizeof(u32));
	u32 *expected = NULL;
	if (!__atomic_compare_exchange_n(slot, &expected, chunk, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		internal_munmap(chunk, META_PER_REGION * sizeof(u32));
		chunk = expected;
	}
	return chunk;
}

/* The meta entry of the 16 bytes holding addr; NULL for non-user addresses
 * or, unless `create`, when nothing was ever allocated in its region. */
static inline u32 *meta_entry(uptr addr, bool create)
{
	if (unlikely(addr >> APP_ADDR_BITS))
		return NULL;
	u32 **dir = load_acquire(&meta_dir);
	if (unlikely(!dir)) {
		if (!create)
			return NULL;
		dir = meta_dir_create();
	}
	u32 **slot = &dir[addr >> META_REGION_SHIFT];
	u32 *chunk = load_acquire(slot);
	if (unlikely(!chunk)) {
		if (!create)
			return NULL;
		chunk = meta_chunk_create(slot);
	}
	return &chunk[(addr & ((1ul << META_REGION_SHIFT) - 1)) >> META_SHIFT];
}

static struct heap_desc *desc_chunk_make(void)
{
	return internal_mmap(DESC_CHUNK * sizeof(struct heap_desc),
			     "heap block descriptors");
}

/* A batch for an empty cache: the pool's first, or BATCH fresh
 * descriptors (a new chunk of them every DESC_CHUNK). */
static NOINLINE void cache_refill(struct slot_cache *c)
{
	spin_lock(&pool_lock);
	u32 head = pool_batches;
	if (head) {
		pool_batches = (u32)desc_of(head)->start;
		spin_unlock(&pool_lock);
		c->head = head;
		c->n = BATCH;
		return;
	}
	head = pool_fresh;
	u32 last = head + BATCH - 1;
	if ((last >> DESC_CHUNK_SHIFT) >= DESC_CHUNKS)
		crace_die("out of memory: more than %u heap blocks live",
			  DESC_CHUNKS * DESC_CHUNK - BATCH);
	/* Index 0 is skipped, so a batch may straddle two chunks. */
	for (u32 k = head >> DESC_CHUNK_SHIFT; k <= last >> DESC_CHUNK_SHIFT;
	     k++)
		if (!desc_chunks[k])
			store_release(&desc_chunks[k], desc_chunk_make());
	pool_fresh = last + 1;
	spin_unlock(&pool_lock);
	for (u32 i = head; i < last; i++)
		desc_of(i)->next = i + 1;
	desc_of(last)->next = 0;
	c->head = head;
	c->n = BATCH;
}

/* The cache holds 2 * BATCH: its first BATCH (the latest freed, still in
 * the cache lines just written) go to the pool. */
static NOINLINE void cache_spill(struct slot_cache *c)
{
	u32 head = c->head, tail = head;
	for (int k = 1; k < BATCH; k++)
		tail = desc_of(tail)->next;
	struct heap_desc *t = desc_of(tail);
	c->head = t->next;
	c->n -= BATCH;
	t->next = 0;
	struct heap_desc *h = desc_of(head);
	spin_lock(&pool_lock);
	h->start = pool_batches;
	pool_batches = head;
	spin_unlock(&pool_lock);
}

static inline u32 desc_get(struct crace_thread *thr)
{
	struct slot_cache *c = &caches[thr->slot];
	if (unlikely(!c->head))
		cache_refill(c);
	u32 i = c->head;
	c->head = desc_of(i)->next;
	c->n--;
	return i;
}

static inline void desc_put(struct crace_thread *thr, u32 i)
{
	struct slot_cache *c = &caches[thr->slot];
	desc_of(i)->next = c->head;
	c->head = i;
	if (unlikely(++c->n >= 2 * BATCH))
		cache_spill(c);
}

/* Continuation entries of a large block: set to `to` where they are `from`
 * (a stale entry of a block freed untracked is overwritten; a block that
 * starts at a boundary keeps its own entry). */
static void set_spans(uptr start, uptr size, u32 from, u32 to)
{
	for (uptr a = (start | (SPAN - 1)) + 1; a < start + size; a += SPAN) {
		u32 *m = meta_entry(a, true);
		if (!m)
			return;
		u32 old = load_relaxed(m);
		if (old == from || (from == 0 && (old & META_CONT)))
			__atomic_compare_exchange_n(m, &old, to, false,
						    __ATOMIC_RELEASE,
						    __ATOMIC_RELAXED);
	}
}

static void large_add(uptr start, uptr size, u32 desc)
{
	spin_lock(&large_lock);
	if (n_large == cap_large) {
		u32 cap = cap_large ? 2 * cap_large : 16;
		large_blocks = internal_realloc(
			large_blocks, cap_large * sizeof(*large_blocks),
			cap * sizeof(*large_blocks));
		cap_large = cap;
	}
	large_blocks[n_large++] = (struct large_block){start, size, desc};
	spin_unlock(&large_lock);
}

static void large_remove(uptr start)
{
	spin_lock(&large_lock);
	for (u32 k = 0; k < n_large; k++)
		if (large_blocks[k].start == start) {
			large_blocks[k] = large_blocks[--n_large];
			break;
		}
	spin_unlock(&large_lock);
}

/* The allocation stack, as thread_stack_handle gives it: the slot's last
 * one when nothing in it changed. */
static inline stack_handle alloc_stack(struct crace_thread *thr, uptr fn_pc,
				       uptr caller)
{
	struct slot_cache *c = &caches[thr->slot];
	u32 d = thr->depth;
	if (c->stack && c->fn_pc == fn_pc && c->caller == caller &&
	    c->depth == d) {
		u32 k = 0;
		while (k < d && c->pcs[k] == thr->stack[k])
			k++;
		if (k == d)
			return c->stack;
	}
	stack_handle h = thread_stack_handle(thr, fn_pc, caller);
	if (d <= STACK_CACHE_DEPTH) {
		for (u32 k = 0; k < d; k++)
			c->pcs[k] = thr->stack[k];
		c->depth = d;
		c->fn_pc = fn_pc;
		c->caller = caller;
		c->stack = h;
	}
	return h;
}

void heap_allocated(struct crace_thread *thr, void *p, uptr size, uptr fn_pc,
		    uptr caller)
{
	if (!p)
		return;
	uptr start = (uptr)p;
	shadow_reset(start, size);
	u32 *m = meta_entry(start, true);
	if (!m)
		return;
	u32 i = desc_get(thr);
	struct heap_desc *d = desc_of(i);
	d->start = start;
	d->size = size;
	d->uid = thr->uid;
	d->stack = alloc_stack(thr, fn_pc, caller);
	if (unlikely(size > LARGE))
		large_add(start, size, i);
	else if (unlikely(size > SPAN))
		set_spans(start, size, 0, i | META_CONT);
	/* An entry left by a block freed behind our back (a free that was not
	 * tracked) is replaced, its descriptor reused. No other thread stores
	 * this entry now: a tracked free of the block that was here finished
	 * before glibc could hand the memory out again. A plain store, not an
	 * exchange: that would wait for the shadow reset's stores. */
	u32 old = load_relaxed(m);
	store_release(m, i);
	if (unlikely(old) && !(old & META_CONT))
		desc_put(thr, old);
}

/* The largest record of `slot` ordered before this thread's free: any of
 * its own slot's, else those up to its clock of the slot. */
static ALWAYS_INLINE u64 free_ordered_max(const struct crace_thread *thr,
					  unsigned slot)
{
	if (slot == thr->slot)
		return ~0ull;
	return rec_epoch(0, vc_get(&thr->vc, slot)) |
	       ((1ull << REC_CLOCK_SHIFT) - 1);
}

/* Record r (not a tag) is ordered before this thread's free. */
static ALWAYS_INLINE bool free_ordered(const struct crace_thread *thr, u64 r)
{
	return r <= free_ordered_max(thr, rec_slot(r));
}

/* A record the free's write (cur, over `mask`) may replace without a
 * race check: empty, or within the freed bytes and ordered before the
 * free (this thread's own, or its clock reached). Such records conflict
 * with nothing and are superseded by the write, as in access.c. */
static inline bool free_replaces(const struct crace_thread *thr, u64 r,
				 unsigned mask)
{
	if (!r)
		return true;
	return !rec_is_ext(r) && !(rec_mask(r) & ~mask) && free_ordered(thr, r);
}

/* One granule of the free's write (see free_write): nothing when nobody
 * touched it, the free's record over records it may replace, else the
 * access slow path. Returns false when it took the slow path. */
static inline bool free_granule(struct crace_thread *thr, struct shadow_cell *c,
				uptr a, unsigned mask, bool direct, uptr pc)
{
	u64 old[CELL_RECORDS];
	bool used = false, replaces = direct;
	for (int k = 0; k < CELL_RECORDS; k++) {
		old[k] = load_relaxed(&c->rec[k]);
		used |= old[k] != 0;
		replaces = replaces && free_replaces(thr, old[k], mask);
	}
	if (!used)
		return true;
	if (!replaces) {
		access_granule(thr, a, mask, ACC_WRITE | ACC_NO_TRACE, pc);
		return false;
	}
	store_relaxed(&c->rec[0], access_record(thr, mask, ACC_WRITE));
	for (int k = 1; k < CELL_RECORDS; k++)
		if (old[k])
			store_relaxed(&c->rec[k], 0);
	return true;
}

#define SLOT_BITS (REC_SLOT_BITS << REC_SLOT_SHIFT)

/* Record r of a free_run is ordered before the free: of the own slot, or
 * of slot `known` and no larger than known_max. */
static ALWAYS_INLINE bool run_ordered(u64 r, u64 own, u64 known, u64 known_max)
{
	u64 s = r & SLOT_BITS;
	return s == own || (s == known && r <= known_max);
}

/* The free's write cur over whole granules from cell c on while each holds
 * nothing, or one or two records (a reader's beside a writer's, say) that
 * run_ordered finds ordered before the free: the common cases, a compare
 * and a store per record. Returns the first cell it stops at, or end. */
static ALWAYS_INLINE struct shadow_cell *free_run(struct shadow_cell *c,
						  struct shadow_cell *end,
						  u64 cur, u64 known,
						  u64 known_max)
{
	u64 own = cur & SLOT_BITS;
	for (; c < end; c++) {
		u64 r0 = load_relaxed(&c->rec[0]);
		u64 r1 = load_relaxed(&c->rec[1]);
		if (load_relaxed(&c->rec[2]) | load_relaxed(&c->rec[3]))
			break;
		if (r1) {
			if (!run_ordered(r0, own, known, known_max) ||
			    !run_ordered(r1, own, known, known_max))
				break;
			store_relaxed(&c->rec[1], 0);
		} else if (!r0) {
			continue;
		} else if (!run_ordered(r0, own, known, known_max)) {
			break;
		}
		store_relaxed(&c->rec[0], cur);
	}
	return c;
}

/* The free's write cur over the n whole granules from a, whose cells start
 * at c (direct only). Runs of free_run, which knows the own slot (all its
 * records are ordered) and the last other slot met whose records were
 * ordered, with the largest record of it that is; between them,
 * free_granule, whose cell, when its records were all ordered before the
 * free, names the other slot free_run knows next. Only rec[CELL_TAG] may
 * hold an extension tag; a whole-granule write covers every record's
 * bytes. */
static void free_whole(struct crace_thread *thr, struct shadow_cell *c, uptr a,
		       uptr n, u64 cur, uptr pc)
{
	/* No other slot yet: slot 0 up to 0 matches only an empty record. */
	u64 known = 0, known_max = 0;
	struct shadow_cell *first = c, *end = c + n;
	while ((c = free_run(c, end, cur, known, known_max)) < end) {
		u64 r0 = load_relaxed(&c->rec[0]);
		u64 r1 = load_relaxed(&c->rec[1]);
		if (free_granule(thr, c,
				 a + ((uptr)(c - first) << GRANULE_SHIFT), 0xff,
				 true, pc)) {
			u64 other = r0 && rec_slot(r0) != thr->slot ? r0 : r1;
			if (other && rec_slot(other) != thr->slot) {
				known = other & SLOT_BITS;
				known_max =
					free_ordered_max(thr, rec_slot(other));
			}
		}
		c++;
	}
}

/* The free's write over [a, stop), within one region whose cells start at
 * c: partial granules at the ends, whole ones between them. */
static void free_cells(struct crace_thread *thr, struct shadow_cell *c, uptr a,
		       uptr stop, bool direct, uptr pc)
{
	if (a & (GRANULE_SIZE - 1)) {
		uptr g = a & ~(GRANULE_SIZE - 1);
		uptr hi = stop < g + GRANULE_SIZE ? stop : g + GRANULE_SIZE;
		free_granule(thr, c++, a, granule_mask(a, hi - a, g), direct,
			     pc);
		a = hi;
	}
	uptr n = (stop - a) >> GRANULE_SHIFT;
	if (likely(direct)) {
		free_whole(thr, c, a, n, access_record(thr, 0xff, ACC_WRITE),
			   pc);
		c += n;
		a += n << GRANULE_SHIFT;
	} else {
		for (; n; n--, c++, a += GRANULE_SIZE)
			free_granule(thr, c, a, 0xff, false, pc);
	}
	if (a < stop)
		free_granule(thr, c, a, granule_mask(a, stop - a, a), direct,
			     pc);
}

/* The free's write is made as if from inside the freeing function called
 * at `caller`: its stack (now, or replayed from the trace later) reads
 * "free() <- caller <- ...". Granules nobody touched since the allocation
 * hold nothing to race with and are skipped, so freeing costs in
 * proportion to what the block was used for.
 *
 * A granule whose records are all ordered before the free (the block was
 * handed over properly) just gets the free's record, which supersedes them
 * all, as ThreadSanitizer marks freed memory, without the slow path's
 * record list. The stores are plain, as every record store in the cell
 * (access.c's store_records argues why a simultaneous change by a racing
 * thread may be lost). The rest (a possible race, an extension tag, ignored
 * writes) take the access slow path. The block stays registered during the
 * check so a race found by the free itself names it as its Location. */
static void free_write(struct crace_thread *thr, uptr start, uptr size,
		       uptr fn_pc, uptr caller)
{
	uptr end = start + (size < FREE_CHECK_MAX ? size : FREE_CHECK_MAX);
	__crace_func_entry((void *)caller);
	/* +1: stacks name a pc as a return address, looked up at pc - 1. */
	uptr pc = fn_pc + 1;
	trace_access(thr, pc, start, end - start, true, false);
	bool direct = rec_clock(thr->epoch) && !thr->hooks_off;
	for (uptr a = start; a < end;) {
		/* A region's cells are contiguous: one directory lookup. */
		uptr region_end = (a | (REGION_SIZE - 1)) + 1;
		uptr stop = end < region_end ? end : region_end;
		struct shadow_cell *c = shadow_cell_peek(a);
		if (c)
			free_cells(thr, c, a, stop, direct, pc);
		a = stop;
	}
	__crace_func_exit();
}

uptr heap_freed(struct crace_thread *thr, void *p, uptr fn_pc, uptr caller)
{
	uptr start = (uptr)p;
	u32 *m = meta_entry(start, false);
	if (!m)
		return 0;
	u32 i = load_acquire(m);
	if (!i || (i & META_CONT))
		return 0;
	struct heap_desc *d = desc_of(i);
	if (d->start != start)
		return 0;
	uptr size = d->size;
	free_write(thr, start, size, fn_pc, caller);
	/* A mutex or atomic in the block dies with it, unless destroyed. */
	sync_reset_range(start, size);
	if (unlikely(size > LARGE))
		large_remove(start);
	else if (unlikely(size > SPAN))
		set_spans(start, size, i | META_CONT, 0);
	/* Only one of two racing frees of the block gives it back. */
	if (__atomic_compare_exchange_n(m, &i, 0, false, __ATOMIC_RELAXED,
					__ATOMIC_RELAXED))
		desc_put(thr, i);
	return size;
}

/* Report time only: the nearest entries at or below addr, at most SPAN
 * back (a larger block has a continuation entry nearer than that), then
 * the large blocks. An entry is re-read after its descriptor, which may be
 * reused meanwhile. */
bool heap_find(uptr addr, struct heap_block_info *out)
{
	uptr a = addr & ~(((uptr)1 << META_SHIFT) - 1);
	for (uptr back = 0; back <= SPAN && back <= a;
	     back += (uptr)1 << META_SHIFT) {
		u32 *m = meta_entry(a - back, false);
		u32 i = m ? load_acquire(m) : 0;
		if (!i)
			continue;
		struct heap_desc *d = desc_of(i & ~META_CONT);
		struct heap_block_info b = {
			.start = load_relaxed(&d->start),
			.size = load_relaxed(&d->size),
			.uid = load_relaxed(&d->uid),
			.stack = load_relaxed(&d->stack),
		};
		if (addr >= b.start && addr - b.start < (b.size ? b.size : 1) &&
		    load_acquire(m) == i) {
			*out = b;
			return true;
		}
	}
	bool found = false;
	spin_lock(&large_lock);
	for (u32 k = 0; k < n_large && !found; k++) {
		struct large_block *l = &large_blocks[k];
		if (addr >= l->start && addr - l->start < l->size) {
			struct heap_desc *d = desc_of(l->desc);
			*out = (struct heap_block_info){
				.start = l->start,
				.size = l->size,
				.uid = load_relaxed(&d->uid),
				.stack = load_relaxed(&d->stack),
			};
			found = true;
		}
	}
	spin_unlock(&large_lock);
	return found;
}

void heap_fork_lock(void)
{
	spin_lock(&pool_lock);
	spin_lock(&large_lock);
}

void heap_fork_unlock(void)
{
	spin_unlock(&large_lock);
	spin_unlock(&pool_lock);
}

/* Other threads may have been changing their caches when the parent
 * forked: their descriptors are abandoned rather than trusted. */
void heap_fork_child(struct crace_thread *survivor)
{
	for (unsigned s = 0; s < MAX_SLOTS; s++)
		if (s != survivor->slot && caches[s].head)
			caches[s] = (struct slot_cache){0};
}
