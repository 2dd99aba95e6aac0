/* FastTrack's same-epoch check (covered: the granule already holds this
 * thread's record for this epoch; a few loads and compares, no store), for
 * the runtime's own callers (libc interceptors, atomics, ranges).
 * Everything else goes to access.c's slow paths, which also hold the
 * __crace_readN/__crace_writeN hooks (instrumented code calls them only
 * after its inline copy of the check failed, crace_abi.h). */
#ifndef CRACE_ACCESS_H
#define CRACE_ACCESS_H

#include "shadow.h"
#include "thread.h"

#define ACC_WRITE    1u
#define ACC_ATOMIC   2u
#define ACC_NO_TRACE 4u /* the caller already logged a range event */

void access_slow(struct crace_thread *thr, uptr addr, unsigned mask,
		 unsigned flags, uptr pc);
void access_range(struct crace_thread *thr, uptr addr, uptr size,
		  unsigned flags, uptr pc);
/* An atomic access of 1, 2, 4 or 8 bytes aligned to its size, record cur,
 * that no record of its cell c (NULL when it has no shadow yet) covers. */
void access_atomic_miss(struct crace_thread *thr, struct shadow_cell *c,
			uptr addr, u64 cur, unsigned size, uptr pc);

static ALWAYS_INLINE u64 access_record(struct crace_thread *thr, unsigned mask,
				       unsigned flags)
{
	return thr->epoch | mask | ((flags & ACC_WRITE) ? REC_WRITE : 0) |
	       ((flags & ACC_ATOMIC) ? REC_ATOMIC : 0);
}

/* Record s already stands for the access rec: same thread, same epoch, same
 * kind (a write also stands for a read: ignore = REC_WRITE) and s covers
 * every byte of rec. An empty slot or an extension tag (mask 0) never does. */
static ALWAYS_INLINE bool rec_covers(u64 s, u64 rec, u64 ignore)
{
	return !((s ^ rec) & ~(REC_MASK_BITS | ignore)) &&
	       !(rec & ~s & REC_MASK_BITS);
}

/* The fast path: this thread already made this access (or one covering it)
 * in this epoch, so it changes nothing: any race it could have was checked
 * when the covering record was stored. */
static ALWAYS_INLINE bool cell_covers(const struct shadow_cell *c, u64 rec)
{
	u64 ignore = rec_is_write(rec) ? 0 : REC_WRITE;
	for (int k = 0; k < CELL_RECORDS; k++)
		if (rec_covers(load_relaxed(&c->rec[k]), rec, ignore))
			return true;
	return false;
}

static ALWAYS_INLINE bool access_covered(struct crace_thread *thr, uptr addr,
					 unsigned mask, unsigned flags)
{
	struct shadow_cell *c = shadow_cell_peek(addr);
	return likely(c) && cell_covers(c, access_record(thr, mask, flags));
}

/* Slot r covers a whole-granule access: (r | fill) == want as in the
 * pass's inline test, with fill the write bit for a read (a write record
 * covers it) and want the access's record with the write bit set. */
static ALWAYS_INLINE bool slot_covers(const u64 *r, u64 fill, u64 want)
{
	return (load_relaxed(r) | fill) == want;
}

/* A record of c covers the whole-granule access cur. */
static ALWAYS_INLINE bool cell_covers_full(const struct shadow_cell *c, u64 cur)
{
	u64 fill = rec_is_write(cur) ? 0 : REC_WRITE, want = cur | REC_WRITE;
	for (int k = 0; k < CELL_RECORDS; k++)
		if (slot_covers(&c->rec[k], fill, want))
			return true;
	return false;
}

/* Read-shared data in its steady state: an extension record covers rec
 * (copied beside the tag for the fast path; access.c). */
bool ext_covers(struct shadow_cell *c, u64 tag, u64 rec);

/* One access inside one granule: mask has the bytes touched. */
static ALWAYS_INLINE void access_granule(struct crace_thread *thr, uptr addr,
					 unsigned mask, unsigned flags, uptr pc)
{
	if (likely(access_covered(thr, addr, mask, flags)))
		return;
	access_slow(thr, addr, mask, flags, pc);
}

/* r is empty or this thread's record of an older epoch: below epoch's
 * clock (a slot's epochs only grow, so own records never have a later
 * one; an empty slot is below too), and if not empty of the same slot with
 * a byte mask (an extension tag has none, though its index bits may look
 * like a slot). With epoch's clock 0 (the thread ignores accesses) nothing
 * is. One compare for the clock, the rest with predictable branches. */
static ALWAYS_INLINE bool own_older(u64 epoch, u64 r)
{
	u64 older = epoch & ~((1ull << REC_CLOCK_SHIFT) - 1);
	return r < older &&
	       (!r || (!((r ^ epoch) & (REC_SLOT_BITS << REC_SLOT_SHIFT)) &&
		       (r & REC_MASK_BITS)));
}

/* The bytes an aligned access of 1, 2, 4 or 8 bytes touches in its granule;
 * an 8-byte one fills it (no shift to compute). */
static ALWAYS_INLINE unsigned sized_mask(uptr addr, unsigned size)
{
	return size == 8 ? 0xffu : ((1u << size) - 1) << (addr & 7);
}

#endif
