/* Shadow memory: what crace remembers about every 8-byte granule of
 * application memory.
 *
 * Layout. The user address space (47 bits) is split into 4 MiB regions. A
 * directory of 2^25 pointers (256 MiB of .bss, backed only where touched)
 * maps region -> shadow chunk; a chunk, mmap'd on first access to its
 * region, holds one 32-byte cell per granule (and an empty one after:
 * CHUNK_MAP_BYTES). Nothing depends on where the program, heap, stacks or
 * mappings live: PIE, non-PIE and any ASLR work.
 *
 * Access record (64 bits), one access by one thread in one epoch:
 *
 *   63                        26  25  24  23          8  7        0
 *  +----------------------------+---+---+--------------+----------+
 *  |        clock (38 bits)     | W | A |  slot (16)   | byte mask|
 *  +----------------------------+---+---+--------------+----------+
 *
 *   mask  which bytes of the granule were accessed (byte-precise races)
 *   slot  thread slot (reused after a thread is joined; see thread.h)
 *   A     atomic access (atomics never race with each other)
 *   W     write
 *   clock the thread's clock at the access: (slot, clock) is the epoch
 * A record of 0 means "empty": clocks start at 1.
 *
 * Cell (32 bytes): four slots rec[0..3], each empty or a record, the most
 * recent access first. The common cases fit: a thread's own data, a writer
 * plus a few readers (FastTrack's read-shared state with up to three
 * readers, as TSan's four shadow slots). When a granule needs more records
 * rec[3] holds an extension tag (mask bits 0, index << 8) naming a struct
 * shadow_ext with room for SHADOW_EXT_RECORDS records; rec[0..2] beside it
 * are empty, copies of extension records that a reader made to stay on the
 * fast path, or records stored while the tag appeared (folded in by
 * access_ext). Records are plain stores, as in TSan (access.c argues why a
 * lost simultaneous update is acceptable); a tag is published and removed
 * only by a compare-and-swap of rec[3]. */
#ifndef CRACE_SHADOW_H
#define CRACE_SHADOW_H

#include "common.h"
#include "spinlock.h"

#define REC_MASK_BITS	0xffull
#define REC_SLOT_SHIFT	8
#define REC_SLOT_BITS	0xffffull
#define REC_ATOMIC	(1ull << 24)
#define REC_WRITE	(1ull << 25)
#define REC_CLOCK_SHIFT 26
#define REC_MAX_CLOCK	((1ull << (64 - REC_CLOCK_SHIFT)) - 1)

static inline unsigned rec_mask(u64 r)
{
	return (unsigned)(r & REC_MASK_BITS);
}
static inline unsigned rec_slot(u64 r)
{
	return (unsigned)((r >> REC_SLOT_SHIFT) & REC_SLOT_BITS);
}
static inline u64 rec_clock(u64 r)
{
	return r >> REC_CLOCK_SHIFT;
}
static inline bool rec_is_write(u64 r)
{
	return r & REC_WRITE;
}
static inline bool rec_is_atomic(u64 r)
{
	return r & REC_ATOMIC;
}
static inline u64 rec_epoch(unsigned slot, u64 clock)
{
	return (clock << REC_CLOCK_SHIFT) | ((u64)slot << REC_SLOT_SHIFT);
}
/* An extension tag has a zero mask: real records always touch a byte. */
static inline bool rec_is_ext(u64 r)
{
	return r != 0 && rec_mask(r) == 0;
}

#define CELL_RECORDS 4
#define CELL_TAG     (CELL_RECORDS - 1) /* the slot that may hold a tag */

struct shadow_cell {
	u64 rec[CELL_RECORDS];
} __attribute__((aligned(32)));

/* Replaces one slot if it still holds old. */
static inline bool slot_cas(u64 *slot, u64 old, u64 new)
{
	return __atomic_compare_exchange_n(slot, &old, new, false,
					   __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
}

#define SHADOW_EXT_RECORDS 7
struct shadow_ext {
	struct spinlock lock;
	u32 n;
	u64 rec[SHADOW_EXT_RECORDS];
};

#define GRANULE_SHIFT	3
#define GRANULE_SIZE	(1ul << GRANULE_SHIFT)
#define REGION_SHIFT	22
#define REGION_SIZE	(1ul << REGION_SHIFT)
#define APP_ADDR_BITS	47
#define DIR_ENTRIES	(1ul << (APP_ADDR_BITS - REGION_SHIFT))
#define CELLS_PER_CHUNK (REGION_SIZE >> GRANULE_SHIFT)
#define CHUNK_BYTES	(CELLS_PER_CHUNK * sizeof(struct shadow_cell))
/* A chunk is mapped with one more cell after its last, always empty: the
 * pass's test of a 16-byte access reads the second granule's cell at the
 * first's plus one without looking for the region's end; there that cell
 * covers nothing and the hook decides (crace_abi.h). */
#define CHUNK_MAP_BYTES (CHUNK_BYTES + sizeof(struct shadow_cell))

/* Byte mask that [a, a+size) covers in the granule starting at g. */
static inline unsigned granule_mask(uptr a, uptr size, uptr g)
{
	uptr lo = a > g ? a : g,
	     hi = a + size < g + GRANULE_SIZE ? a + size : g + GRANULE_SIZE;
	if (lo >= hi)
		return 0;
	return ((1u << (hi - lo)) - 1) << (lo - g);
}

/* In .bss, so it is valid (all NULL) before start-up: instrumented code
 * reads it from its first instruction on. */
extern struct shadow_cell *shadow_dir[DIR_ENTRIES];

void shadow_init(void);

/* Cell for addr, or NULL when its chunk does not exist yet. */
static ALWAYS_INLINE struct shadow_cell *shadow_cell_peek(uptr addr)
{
	if (unlikely(addr >> APP_ADDR_BITS))
		return NULL;
	struct shadow_cell *chunk =
		load_relaxed(&shadow_dir[addr >> REGION_SHIFT]);
	if (unlikely(!chunk))
		return NULL;
	return chunk + ((addr & (REGION_SIZE - 1)) >> GRANULE_SHIFT);
}

/* Cell for addr, creating its chunk (out of line: once per 4 MiB region);
 * NULL only for non-user addresses. */
struct shadow_cell *shadow_cell_create(uptr addr);
static ALWAYS_INLINE struct shadow_cell *shadow_cell_get(uptr addr)
{
	struct shadow_cell *c = shadow_cell_peek(addr);
	return likely(c) ? c : shadow_cell_create(addr);
}

static inline bool shadow_cell_used(struct shadow_cell *c)
{
	for (int k = 0; k < CELL_RECORDS; k++)
		if (load_relaxed(&c->rec[k]))
			return true;
	return false;
}

/* Forget everything about [addr, addr+size): freshly allocated or unmapped
 * memory. Large ranges give their shadow pages back to the kernel. */
void shadow_reset(uptr addr, uptr size);

/* Extension records live in one never-unmapped arena, so a stale tag read by
 * a racing thread always points at valid memory; the owner re-checks the
 * cell under the extension's lock. */
extern struct shadow_ext *shadow_ext_arena;
static inline struct shadow_ext *shadow_ext_of(u64 tag)
{
	return &shadow_ext_arena[tag >> 8];
}
u64 shadow_ext_alloc(struct shadow_ext **out);
void shadow_ext_free(u64 tag);

/* Held across fork so the child never inherits a lock taken mid-way
 * (interceptors_process.c takes every module's in a fixed order). */
void shadow_fork_lock(void);
void shadow_fork_unlock(void);

#endif
