/* The access slow path: checks an access against every record of its
 * granule, reports conflicts not ordered by happens-before, and stores the
 * new set of records (inline in the cell, or in an extension). Also the
 * exported __crace_readN/__crace_writeN entry points. */
#include "access.h"
#include "report.h"
#include "trace.h"
#include <crace_abi.h>

static bool happens_before(const struct crace_thread *thr, u64 r)
{
	unsigned slot = rec_slot(r);
	return slot == thr->slot || rec_clock(r) <= vc_get(&thr->vc, slot);
}

/* r and cur overlap and one of them writes, unless both are atomic: they
 * race unless r happens before cur. */
static bool may_conflict(u64 r, u64 cur)
{
	return (rec_mask(r) & rec_mask(cur)) &&
	       (rec_is_write(r) || rec_is_write(cur)) &&
	       !(rec_is_atomic(r) && rec_is_atomic(cur));
}

/* `cur` makes r, which happens before it, redundant when every later access
 * that would race with r also races with cur: r covers no byte cur does
 * not, and cur is at least as strong (a write covers reads; a plain access
 * covers atomic ones). */
static bool dominates(u64 cur, u64 r)
{
	if (rec_mask(r) & ~rec_mask(cur))
		return false;
	if (rec_is_write(r) && !rec_is_write(cur))
		return false;
	return !(rec_is_atomic(cur) && !rec_is_atomic(r));
}

static bool has_record(const u64 *recs, u32 n, u64 r)
{
	for (u32 i = 0; i < n; i++)
		if (recs[i] == r)
			return true;
	return false;
}

#define MAX_RECORDS (SHADOW_EXT_RECORDS + CELL_TAG)

/* Builds the new record list into out (cur first) and returns its length;
 * *racy gets the first conflicting record, writes preferred. Records of this
 * thread's current epoch and of cur's kind merge into cur (their byte masks
 * join, which is exact), so a thread touching a granule piecewise in one
 * epoch keeps one record and stays on the fast path. When a record of this
 * epoch already covers cur, the list stays as it is. Each record's
 * happens-before is looked up once. */
static u32 update_records(const struct crace_thread *thr, u64 cur,
			  const u64 *old, u32 n, u64 *out, u64 *racy)
{
	const u64 access = cur;
	u64 ignore = rec_is_write(access) ? 0 : REC_WRITE;
	bool covered = false, hb[MAX_RECORDS];
	for (u32 i = 0; i < n; i++) {
		u64 r = old[i];
		if (!r)
			continue;
		hb[i] = happens_before(thr, r);
		if (!hb[i] && may_conflict(r, access) &&
		    (!*racy || (!rec_is_write(*racy) && rec_is_write(r))))
			*racy = r;
		if (rec_covers(r, access, ignore))
			covered = true;
		else if (!((r ^ access) & ~REC_MASK_BITS))
			cur |= rec_mask(r); /* same epoch and kind */
	}
	u32 m = 0;
	if (covered) {
		for (u32 i = 0; i < n; i++)
			if (old[i])
				out[m++] = old[i];
		return m;
	}
	out[m++] = cur;
	for (u32 i = 0; i < n; i++) {
		u64 r = old[i];
		if (r && r != cur && !(hb[i] && dominates(cur, r)))
			out[m++] = r;
	}
	return m;
}

/* The extension record that covers rec (see rec_covers), or 0. */
static u64 ext_covering(struct shadow_ext *e, u64 rec)
{
	u64 ignore = rec_is_write(rec) ? 0 : REC_WRITE;
	u32 n = load_relaxed(&e->n);
	if (n > SHADOW_EXT_RECORDS)
		return 0;
	for (u32 i = 0; i < n; i++) {
		u64 r = load_relaxed(&e->rec[i]);
		if (rec_covers(r, rec, ignore))
			return r;
	}
	return 0;
}

/* Read-shared data with more readers than the cell holds, in its steady
 * state: the extension has a record covering rec. The first readers to
 * get here copy theirs into the empty slots beside the tag, where the fast
 * path (and the pass's inline test) finds them without reading the
 * extension, a cache miss of its own. Only empty slots are filled, so
 * readers never take turns storing to the cell; the copies are dropped
 * when the extension next changes. */
bool ext_covers(struct shadow_cell *c, u64 tag, u64 rec)
{
	u64 r = ext_covering(shadow_ext_of(tag), rec);
	if (!r)
		return false;
	for (int k = 0; k < CELL_TAG; k++)
		if (!load_relaxed(&c->rec[k])) {
			slot_cas(&c->rec[k], 0, r);
			break;
		}
	return true;
}

/* Returns false when the cell moved on under us and the caller must retry. */
static bool access_ext(struct crace_thread *thr, struct shadow_cell *c, u64 tag,
		       u64 cur, u64 *racy, bool *changed)
{
	struct shadow_ext *e = shadow_ext_of(tag);
	if (ext_covers(c, tag, cur))
		return true;
	spin_lock(&e->lock);
	/* Acquire: the records were stored before the tag was published. */
	if (load_acquire(&c->rec[CELL_TAG]) != tag) {
		spin_unlock(&e->lock);
		return false;
	}
	u64 old[MAX_RECORDS], out[MAX_RECORDS + 1], beside[CELL_TAG];
	/* Atomic loads: ext_covering reads these without the lock. */
	u32 n = load_relaxed(&e->n);
	for (u32 i = 0; i < n; i++)
		old[i] = load_relaxed(&e->rec[i]);
	/* Records stored beside the tag join; copies are there already. */
	for (int k = 0; k < CELL_TAG; k++) {
		beside[k] = load_relaxed(&c->rec[k]);
		if (beside[k] && !has_record(old, n, beside[k]))
			old[n++] = beside[k];
	}
	u32 m = update_records(thr, cur, old, n, out, racy);
	*changed = true;
	if (m <= CELL_RECORDS) {
		/* Back to the inline form, and to the fast path. */
		for (int k = 0; k < CELL_TAG; k++)
			store_relaxed(&c->rec[k], (u32)k < m ? out[k] : 0);
		bool done = slot_cas(&c->rec[CELL_TAG], tag,
				     m > CELL_TAG ? out[CELL_TAG] : 0);
		spin_unlock(&e->lock);
		if (done)
			shadow_ext_free(tag);
		return done;
	}
	if (m > SHADOW_EXT_RECORDS)
		m = SHADOW_EXT_RECORDS; /* forget the oldest record */
	for (u32 i = 0; i < m; i++)
		store_relaxed(&e->rec[i], out[i]);
	store_relaxed(&e->n, m);
	/* Now in the extension, or stale copies. */
	for (int k = 0; k < CELL_TAG; k++)
		if (beside[k])
			slot_cas(&c->rec[k], beside[k], 0);
	spin_unlock(&e->lock);
	return true;
}

/* Stores the record list out (m records, at most CELL_RECORDS) over the
 * cell that held old, slot by slot where they differ. Plain stores, as in
 * TSan: another thread can only change the cell between our loads and
 * stores by accessing the same granule at that instant, unordered with us.
 * If the bytes overlap and one side writes, that is a race the program
 * makes again and again in practice; at worst this instance is missed.
 * Disjoint bytes or two reads may lose the other thread's record, which can
 * only hide a later race, never report a false one, and the record comes
 * back on that thread's next access in its epoch. Readers may see some
 * slots stored and others not yet: every slot holds a valid record at every
 * instant. A tag that appeared in the last slot meanwhile may be
 * overwritten: that leaks one 64-byte extension and loses its records as
 * above. (A `lock cmpxchg16b` of the whole cell was a third of `stencil`'s
 * and `cxx_workers`' time.) */
static ALWAYS_INLINE void store_records(struct shadow_cell *c, const u64 *old,
					const u64 *out, u32 m)
{
	for (u32 k = 0; k < CELL_RECORDS; k++) {
		u64 v = k < m ? out[k] : 0;
		if (v != old[k])
			store_relaxed(&c->rec[k], v);
	}
}

/* The general case's store: in the cell, or moved to an extension, which is
 * a compare-and-swap of the last slot so the tag is published once and only
 * over the cell it was built from. */
static bool access_inline(struct shadow_cell *c, const u64 *old, const u64 *out,
			  u32 m)
{
	if (m <= CELL_RECORDS) {
		store_records(c, old, out, m);
		return true;
	}
	struct shadow_ext *e;
	u64 tag = shadow_ext_alloc(&e);
	for (u32 i = 0; i < m; i++)
		store_relaxed(&e->rec[i], out[i]);
	store_relaxed(&e->n, m);
	if (!slot_cas(&c->rec[CELL_TAG], old[CELL_TAG], tag)) {
		shadow_ext_free(tag);
		return false;
	}
	for (int k = 0; k < CELL_TAG; k++)
		if (old[k])
			slot_cas(&c->rec[k], old[k], 0);
	return true;
}

/* dominates() for a record of this thread, always ordered before cur:
 * no byte or write that cur lacks, and not atomic where cur is plain. */
static ALWAYS_INLINE bool own_superseded(u64 cur, u64 r)
{
	return !((r & ~cur & (REC_MASK_BITS | REC_WRITE)) |
		 (cur & ~r & REC_ATOMIC));
}

/* The commonest slow case: the granule holds only this thread's records of
 * earlier epochs (its private data after a lock release or barrier, or a
 * block it just allocated). No race is possible; cur replaces the records
 * it supersedes (store_records). Returns false when they do not fit. */
static ALWAYS_INLINE bool own_store(struct shadow_cell *c, u64 cur,
				    const u64 *old)
{
	u64 out[CELL_RECORDS];
	u32 m = 0;
	out[m++] = cur;
	for (int k = 0; k < CELL_RECORDS; k++)
		if (old[k] && !own_superseded(cur, old[k])) {
			if (m == CELL_RECORDS)
				return false;
			out[m++] = old[k];
		}
	store_records(c, old, out, m);
	return true;
}

static ALWAYS_INLINE void load_cell(const struct shadow_cell *c, u64 *old)
{
	for (int k = 0; k < CELL_RECORDS; k++)
		old[k] = load_relaxed(&c->rec[k]);
}

/* The own-records store when every slot is empty or this thread's older
 * record. */
static bool access_own(struct crace_thread *thr, struct shadow_cell *c, u64 cur)
{
	u64 old[CELL_RECORDS];
	load_cell(c, old);
	for (int k = 0; k < CELL_RECORDS; k++)
		if (!own_older(thr->epoch, old[k]))
			return false;
	return own_store(c, cur, old);
}

/* A plain read in a new epoch of data other threads use too (read-shared
 * data, or data handed over under a lock): only other threads' writes can
 * race with it, and the reader's own older read record, which cur
 * supersedes, or else an empty slot takes cur. Other records stay even
 * where cur would let update_records drop them: they only take room.
 * Returns false (the general case decides) on a possible race, an own
 * record of this epoch (masks merge there), a tag or a full cell. Slot and
 * epoch are compared on r ^ cur, without unpacking the record. */
static ALWAYS_INLINE bool read_update(const struct crace_thread *thr,
				      struct shadow_cell *c, u64 cur)
{
	u64 old[CELL_RECORDS];
	load_cell(c, old);
	if (rec_is_ext(old[CELL_TAG]))
		return false;
	int k = -1;
	bool own = false;
#pragma clang loop unroll(full)
	for (int i = 0; i < CELL_RECORDS; i++) {
		u64 r = old[i], d = r ^ cur;
		if (!r) {
			if (k < 0)
				k = i;
		} else if (!(d & (REC_SLOT_BITS << REC_SLOT_SHIFT))) {
			if (!(d >> REC_CLOCK_SHIFT))
				return false;
			if (!own && !(r & (REC_WRITE | REC_ATOMIC |
					   (~cur & REC_MASK_BITS)))) {
				k = i;
				own = true;
			}
		} else if ((r & REC_WRITE) && (r & cur & REC_MASK_BITS) &&
			   rec_clock(r) > vc_get(&thr->vc, rec_slot(r))) {
			return false;
		}
	}
	if (k < 0)
		return false;
	store_relaxed(&c->rec[k], cur);
	return true;
}

/* A write or an atomic access in a new epoch of data other threads used
 * before (handed over under a lock, say, or a counter every thread bumps):
 * every other record must happen before it or not conflict with it; cur
 * replaces the records it supersedes. Returns false (the general case
 * decides, and reports) otherwise, or on an own record of this epoch, a
 * tag or a full cell. */
static ALWAYS_INLINE bool write_update(const struct crace_thread *thr,
				       struct shadow_cell *c, u64 cur)
{
	u64 old[CELL_RECORDS], out[CELL_RECORDS];
	load_cell(c, old);
	u32 m = 0;
	out[m++] = cur;
	for (int k = 0; k < CELL_RECORDS; k++) {
		u64 r = old[k];
		if (!r)
			continue;
		if (rec_is_ext(r))
			return false;
		if (rec_slot(r) == thr->slot) {
			if (rec_clock(r) == thr->clock)
				return false;
			if (own_superseded(cur, r))
				continue;
		} else if (!happens_before(thr, r)) {
			if (may_conflict(r, cur))
				return false;
		} else if (dominates(cur, r)) {
			continue;
		}
		if (m == CELL_RECORDS)
			return false;
		out[m++] = r;
	}
	store_records(c, old, out, m);
	return true;
}

/* A plain access to bytes of a granule next to ones this thread already
 * touched in this epoch the same way (the second int of a granule): its
 * record of this epoch and kind takes cur's bytes too, which is exact, once
 * no other thread's record races with them; records the wider record now
 * dominates go, as in update_records, so halves of granules do not pile up
 * records. Returns false (the general case decides) otherwise, or on a
 * tag. */
static bool merge_update(const struct crace_thread *thr, struct shadow_cell *c,
			 u64 cur)
{
	u64 old[CELL_RECORDS], out[CELL_RECORDS];
	load_cell(c, old);
	if (rec_is_ext(old[CELL_TAG]))
		return false;
	int own = -1;
	unsigned hb = 0; /* bit k: old[k] happens before cur */
#pragma clang loop unroll(full)
	for (int k = 0; k < CELL_RECORDS; k++) {
		u64 r = old[k], d = r ^ cur;
		if (!r)
			continue;
		if (!(d & ~REC_MASK_BITS))
			own = k; /* this thread's, this epoch and kind */
		else if (!(d & (REC_SLOT_BITS << REC_SLOT_SHIFT)) ||
			 rec_clock(r) <= vc_get(&thr->vc, rec_slot(r)))
			hb |= 1u << k;
		else if (may_conflict(r, cur))
			return false;
	}
	if (own < 0)
		return false;
	u64 merged = old[own] | rec_mask(cur);
	u32 m = 0;
	out[m++] = merged;
#pragma clang loop unroll(full)
	for (int k = 0; k < CELL_RECORDS; k++)
		if (old[k] && k != own &&
		    !((hb >> k & 1) && dominates(merged, old[k])))
			out[m++] = old[k];
	store_records(c, old, out, m);
	return true;
}

/* The general case: every record checked against cur, the new set stored.
 * Out of line, so the common slow cases above save few registers. */
static NOINLINE void access_general(struct crace_thread *thr,
				    struct shadow_cell *c, uptr addr, u64 cur,
				    unsigned flags, uptr pc)
{
	u64 racy;
	bool changed;
	for (;;) {
		racy = 0;
		changed = false;
		u64 old[CELL_RECORDS], out[CELL_RECORDS + 1];
		load_cell(c, old);
		if (rec_is_ext(old[CELL_TAG])) {
			if (access_ext(thr, c, old[CELL_TAG], cur, &racy,
				       &changed))
				break;
			continue;
		}
		u32 m = update_records(thr, cur, old, CELL_RECORDS, out, &racy);
		for (u32 k = 0; k < CELL_RECORDS; k++)
			if ((k < m ? out[k] : 0) != old[k])
				changed = true;
		if (!changed || access_inline(c, old, out, m))
			break;
	}
	if (changed && !(flags & ACC_NO_TRACE))
		trace_access(thr, pc, addr, __builtin_popcount(rec_mask(cur)),
			     flags & ACC_WRITE, flags & ACC_ATOMIC);
	if (unlikely(racy))
		report_race(thr, addr, cur, pc, racy);
}

/* r is empty or this thread's older record that the atomic access cur
 * supersedes (own_superseded). */
static ALWAYS_INLINE bool atomic_own_gone(u64 epoch, u64 cur, u64 r)
{
	return own_older(epoch, r) && own_superseded(cur, r);
}

/* r is empty or another thread's atomic record, which no atomic access
 * races with. */
static ALWAYS_INLINE bool atomic_other(u64 epoch, u64 r)
{
	return !r || ((r & REC_ATOMIC) &&
		      ((r ^ epoch) & (REC_SLOT_BITS << REC_SLOT_SHIFT)));
}

/* own_cell_two's case for an atomic access: a cell of at most two records,
 * one empty or this thread's older record that cur supersedes, the other
 * empty or another thread's atomic record, kept as read_update keeps
 * records it could drop (a shared counter's cell, bumped by two threads).
 * False for anything else (write_update decides). */
static ALWAYS_INLINE bool atomic_cell_two(struct crace_thread *thr,
					  struct shadow_cell *c, u64 cur)
{
	u64 r0 = load_relaxed(&c->rec[0]), r1 = load_relaxed(&c->rec[1]);
	u64 epoch = thr->epoch;
	if (load_relaxed(&c->rec[2]) | load_relaxed(&c->rec[3]))
		return false;
	if (atomic_own_gone(epoch, cur, r0) && atomic_other(epoch, r1)) {
		store_relaxed(&c->rec[0], cur);
		return true;
	}
	if (atomic_own_gone(epoch, cur, r1) && atomic_other(epoch, r0)) {
		store_relaxed(&c->rec[1], r0);
		store_relaxed(&c->rec[0], cur);
		return true;
	}
	return false;
}

/* An atomic access's miss that atomic_cell_two did not take: logged first
 * (as in access_sized_other), then write_update, for loads too (its rules
 * are update_records' for a cell without an own record of this epoch,
 * atomic or not), else read-shared data beyond the cell (an extension),
 * else the general case (an own record of this epoch whose bytes join, a
 * possible race, a full cell). */
static NOINLINE void access_atomic_other(struct crace_thread *thr,
					 struct shadow_cell *c, uptr addr,
					 u64 cur, unsigned size, uptr pc)
{
	trace_access_atomic(thr, pc, addr, size, rec_is_write(cur));
	if (write_update(thr, c, cur))
		return;
	u64 tag = load_relaxed(&c->rec[CELL_TAG]);
	if (rec_is_ext(tag) && ext_covers(c, tag, cur))
		return;
	access_general(thr, c, addr, cur,
		       (rec_is_write(cur) ? ACC_WRITE : 0) | ACC_ATOMIC |
			       ACC_NO_TRACE,
		       pc);
}

/* An atomic access not covered (atomic_check). The commonest, the first
 * access of an epoch to a location this thread or others use atomically
 * (a shared counter), is atomic_cell_two's: stored, then logged, with only
 * tail calls, as in access_sized_miss. A thread that ignores accesses goes
 * to access_slow. */
void access_atomic_miss(struct crace_thread *thr, struct shadow_cell *c,
			uptr addr, u64 cur, unsigned size, uptr pc)
{
	if (unlikely(thr->hooks_off || !c || !rec_clock(cur)))
		return access_slow(
			thr, addr, rec_mask(cur),
			(rec_is_write(cur) ? ACC_WRITE : 0) | ACC_ATOMIC, pc);
	if (!atomic_cell_two(thr, c, cur))
		return access_atomic_other(thr, c, addr, cur, size, pc);
	trace_access_atomic(thr, pc, addr, size, rec_is_write(cur));
}

void access_slow(struct crace_thread *thr, uptr addr, unsigned mask,
		 unsigned flags, uptr pc)
{
	if (unlikely(thr->hooks_off))
		return; /* a signal handler interrupted the runtime */
	struct shadow_cell *c = shadow_cell_get(addr);
	if (!c)
		return;
	u64 cur = access_record(thr, mask, flags);
	if (unlikely(!rec_clock(cur))) { /* the thread ignores some accesses */
		if ((flags & ACC_WRITE) ? thr->ignore_writes
					: thr->ignore_reads)
			return;
		cur |= thr->clock << REC_CLOCK_SHIFT;
	}
	/* Read-shared data in its steady state: covered by an extension
	 * record, checked without locking. */
	u64 tag = load_relaxed(&c->rec[CELL_TAG]);
	if (rec_is_ext(tag) && ext_covers(c, tag, cur))
		return;
	bool plain_read = !(flags & (ACC_WRITE | ACC_ATOMIC));
	if (access_own(thr, c, cur) ||
	    (plain_read ? read_update(thr, c, cur)
			: write_update(thr, c, cur))) {
		if (!(flags & ACC_NO_TRACE))
			trace_access(thr, pc, addr, __builtin_popcount(mask),
				     flags & ACC_WRITE, flags & ACC_ATOMIC);
		return;
	}
	access_general(thr, c, addr, cur, flags, pc);
}

/* access_sized found it not covered (or had no thread or cell yet). */
static NOINLINE void access_sized_general(uptr addr, unsigned size,
					  unsigned mask, unsigned flags,
					  uptr pc)
{
	struct crace_thread *thr = cur_thread();
	if (size == 16) {
		access_granule(thr, addr, 0xff, flags, pc);
		access_granule(thr, addr + 8, 0xff, flags, pc);
		return;
	}
	access_slow(thr, addr, mask, flags, pc);
}

/* Record r belongs to another slot than epoch's (an empty slot does not). */
static ALWAYS_INLINE bool foreign(u64 epoch, u64 r)
{
	return r && ((r ^ epoch) & (REC_SLOT_BITS << REC_SLOT_SHIFT));
}

/* Stores the plain access cur over a cell of at most two own older
 * records r0, r1 (own_cell_two): cur supersedes a record with no byte or
 * write it lacks; the others stay. */
static ALWAYS_INLINE void own_store_two(struct shadow_cell *c, u64 cur, u64 r0,
					u64 r1)
{
	u64 lacks = ~cur & (REC_MASK_BITS | REC_WRITE);
	bool keep0 = r0 & lacks, keep1 = r1 & lacks;
	if (unlikely(keep0 && keep1))
		store_relaxed(&c->rec[2], r1);
	store_relaxed(&c->rec[1], keep0 ? r0 : keep1 ? r1 : 0);
	store_relaxed(&c->rec[0], cur);
}

/* access_own for a plain access and the usual cell of at most two records
 * (a thread's read and write of one epoch, or none: fresh memory): false
 * when the cell has more. cur's clock is not 0: the callers send a thread
 * that ignores accesses elsewhere, once per access. */
static ALWAYS_INLINE bool own_cell_two(u64 epoch, struct shadow_cell *c,
				       u64 cur)
{
	u64 r0 = load_relaxed(&c->rec[0]), r1 = load_relaxed(&c->rec[1]);
	u64 older = epoch & ~((1ull << REC_CLOCK_SHIFT) - 1);
	/* The last two slots empty, so the first two are no extension tag;
	 * each empty or this thread's of an older epoch: below its clock
	 * (empty slots are too) and of its slot. */
	if (load_relaxed(&c->rec[2]) | load_relaxed(&c->rec[3]) ||
	    r0 >= older || r1 >= older)
		return false;
	if (r0) {
		if (foreign(epoch, r0))
			return false;
	} else if (!r1) { /* fresh memory */
		store_relaxed(&c->rec[0], cur);
		return true;
	}
	if (foreign(epoch, r1))
		return false;
	own_store_two(c, cur, r0, r1);
	return true;
}

/* The end of a sized hook's miss once read_update or write_update could
 * not store it: more bytes of a record of this epoch (merge_update), else
 * the general case. */
static NOINLINE void access_sized_finish(struct crace_thread *thr,
					 struct shadow_cell *c, uptr addr,
					 u64 cur, uptr pc)
{
	if (merge_update(thr, c, cur))
		return;
	access_general(thr, c, addr, cur,
		       (rec_is_write(cur) ? ACC_WRITE : 0) | ACC_NO_TRACE, pc);
}

/* The rest of a sized hook's miss, already logged: read-shared data
 * beyond the cell (an extension), data handed between threads or read by
 * several (read_update, write_update, which also store a plain access
 * over fuller cells of this thread's own records, as access_own would),
 * else access_sized_finish. */
static NOINLINE void access_sized_rest(struct crace_thread *thr,
				       struct shadow_cell *c, uptr addr,
				       u64 cur, uptr pc)
{
	u64 tag = load_relaxed(&c->rec[CELL_TAG]);
	if (rec_is_ext(tag)) {
		if (!ext_covers(c, tag, cur))
			access_general(thr, c, addr, cur,
				       (rec_is_write(cur) ? ACC_WRITE : 0) |
					       ACC_NO_TRACE,
				       pc);
		return;
	}
	if (rec_is_write(cur) ? write_update(thr, c, cur)
			      : read_update(thr, c, cur))
		return;
	access_sized_finish(thr, c, addr, cur, pc);
}

/* access_sized_other's case of an access that needs a full trace event. */
static NOINLINE void access_sized_logged_rest(struct crace_thread *thr,
					      struct shadow_cell *c, uptr addr,
					      u64 cur, unsigned size, uptr pc)
{
	trace_access(thr, pc, addr, size, rec_is_write(cur), false);
	access_sized_rest(thr, c, addr, cur, pc);
}

/* A sized hook's miss by a thread in the runtime (a signal handler
 * interrupted it) or ignoring accesses. */
static NOINLINE void access_sized_ignored(struct crace_thread *thr, uptr addr,
					  u64 cur, uptr pc)
{
	if (!thr->hooks_off)
		access_slow(thr, addr, rec_mask(cur),
			    rec_is_write(cur) ? ACC_WRITE : 0, pc);
}

/* A sized hook's miss, not on read-shared data beyond the cell. The
 * commonest is a cell holding only this thread's older records (every
 * first touch of an epoch: a worker's private data after each lock
 * release, a fresh heap block): own_cell_two stores, then the access is
 * logged. (Between the two, a racing thread would find no stack for the
 * new record: a report without the previous stack, as when its history is
 * overwritten.) Every other case is logged first (a thread that races with
 * the new record then finds the access in the trace), then handled: a read
 * of read-shared data inline, the rest by access_sized_rest. Only tail
 * calls, so the hooks that tail-call this save no registers; one function
 * per kind, so each has only its kind's code. */
static ALWAYS_INLINE void access_sized_miss(struct crace_thread *thr,
					    struct shadow_cell *c, uptr addr,
					    u64 cur, unsigned size, uptr pc)
{
	bool write = rec_is_write(cur);
	if (unlikely(thr->hooks_off || !rec_clock(cur)))
		return access_sized_ignored(thr, addr, cur, pc);
	/* A read whose cell's latest record is another thread's (read-shared
	 * data, or data handed over) skips own_cell_two, which would fail. */
	if ((write || !foreign(thr->epoch, load_relaxed(&c->rec[0]))) &&
	    own_cell_two(thr->epoch, c, cur))
		return trace_access_sized(thr, pc, addr, size, write);
	if (unlikely(!trace_access_short(thr, pc, addr, size, write)))
		return access_sized_logged_rest(thr, c, addr, cur, size, pc);
	if (write)
		return access_sized_rest(thr, c, addr, cur, pc);
	/* An extension's tag, which the hook sent elsewhere, can only have
	 * appeared since; read_update declines it and the general case takes
	 * it. */
	if (!read_update(thr, c, cur))
		access_sized_finish(thr, c, addr, cur, pc);
}

static NOINLINE void access_read_miss(struct crace_thread *thr,
				      struct shadow_cell *c, uptr addr, u64 cur,
				      unsigned size, uptr pc)
{
	access_sized_miss(thr, c, addr, cur & ~REC_WRITE, size, pc);
}

static NOINLINE void access_write_miss(struct crace_thread *thr,
				       struct shadow_cell *c, uptr addr,
				       u64 cur, unsigned size, uptr pc)
{
	access_sized_miss(thr, c, addr, cur | REC_WRITE, size, pc);
}

/* The whole-granule kinds: the compiler knows every byte is accessed, so a
 * write's own_store_two keeps nothing. */
static NOINLINE void access_read_miss8(struct crace_thread *thr,
				       struct shadow_cell *c, uptr addr,
				       u64 cur, uptr pc)
{
	access_sized_miss(thr, c, addr, (cur & ~REC_WRITE) | 0xff, 8, pc);
}

static NOINLINE void access_write_miss8(struct crace_thread *thr,
					struct shadow_cell *c, uptr addr,
					u64 cur, uptr pc)
{
	access_sized_miss(thr, c, addr, cur | REC_WRITE | 0xff, 8, pc);
}

/* One granule of a 16-byte miss: covered, or own_cell_two's. */
static ALWAYS_INLINE bool sized16_own(struct crace_thread *thr,
				      struct shadow_cell *c, u64 cur)
{
	return cell_covers_full(c, cur) || own_cell_two(thr->epoch, c, cur);
}

/* access_sized16_miss's cases other than both granules own_cell_two's:
 * logged first, as in access_sized_other. */
static NOINLINE void access_sized16_other(struct crace_thread *thr,
					  struct shadow_cell *c, uptr addr,
					  u64 cur, unsigned flags, uptr pc)
{
	if (unlikely(thr->hooks_off))
		return;
	uptr next = addr + GRANULE_SIZE;
	if (unlikely(!rec_clock(cur) || !(next & (REGION_SIZE - 1)))) {
		/* Ignoring accesses, or the second granule starts the next
		 * region's chunk: access_slow decides, granule by granule. */
		access_slow(thr, addr, 0xff, flags, pc);
		access_slow(thr, next, 0xff, flags, pc);
		return;
	}
	bool own0 = sized16_own(thr, c, cur),
	     own1 = sized16_own(thr, c + 1, cur);
	trace_access_sized(thr, pc, addr, 16, flags & ACC_WRITE);
	if (unlikely(!own0))
		access_sized_rest(thr, c, addr, cur, pc);
	if (unlikely(!own1))
		access_sized_rest(thr, c + 1, next, cur, pc);
}

/* A 16-byte access (two granules, the hooks' only plain form) not covered.
 * The commonest case, both granules holding only this thread's older
 * records, as in access_sized_miss; when the second is not, the first has
 * its record and access_sized16_other finds it covered. */
static ALWAYS_INLINE void access_sized16_miss(struct crace_thread *thr,
					      struct shadow_cell *c, uptr addr,
					      unsigned flags, uptr pc)
{
	u64 epoch = thr->epoch,
	    cur = epoch | 0xff | ((flags & ACC_WRITE) ? REC_WRITE : 0);
	if (likely(!thr->hooks_off && rec_clock(cur) &&
		   ((addr + GRANULE_SIZE) & (REGION_SIZE - 1)) &&
		   own_cell_two(epoch, c, cur) &&
		   own_cell_two(epoch, c + 1, cur)))
		return trace_access_sized(thr, pc, addr, 16, flags & ACC_WRITE);
	access_sized16_other(thr, c, addr, cur, flags, pc);
}

/* Read-shared data in its steady state, covered by an extension record:
 * checked without locking, cell creation or options. */
static NOINLINE void access_sized_shared(struct shadow_cell *c, u64 tag,
					 uptr addr, unsigned size,
					 unsigned flags, uptr pc)
{
	unsigned mask = sized_mask(addr, size);
	if (ext_covers(c, tag, access_record(crace_cur, mask, flags)))
		return;
	access_sized_general(addr, size, mask, flags, pc);
}

/* An aligned access of 1, 2, 4, 8 or 16 bytes that the pass's inline test
 * (crace_abi.h) found not covered, so the hooks do not test it again: a
 * covered access reaching the paths below changes nothing there either.
 * c is the cell the inline test computed (NULL before its region has
 * shadow). Everything is a tail call, so the exported hooks are leaves
 * that save no registers. A miss on read-shared data with more readers
 * than the cell holds (an extension tag) goes to the cheapest slow path,
 * which scans the extension. */
static ALWAYS_INLINE void access_sized(uptr addr, struct shadow_cell *c,
				       unsigned size, unsigned flags, uptr pc)
{
	struct crace_thread *thr = crace_cur;
	unsigned mask = size == 16 ? 0xffu : sized_mask(addr, size);
	if (unlikely(!thr || !c))
		return access_sized_general(addr, size, mask, flags, pc);
	if (size == 16)
		return access_sized16_miss(thr, c, addr, flags, pc);
	u64 last = load_relaxed(&c->rec[CELL_TAG]);
	if (rec_is_ext(last))
		return access_sized_shared(c, last, addr, size, flags, pc);
	u64 cur = access_record(thr, mask, flags);
	if (size == 8)
		return (flags & ACC_WRITE)
			       ? access_write_miss8(thr, c, addr, cur, pc)
			       : access_read_miss8(thr, c, addr, cur, pc);
	if (flags & ACC_WRITE)
		return access_write_miss(thr, c, addr, cur, size, pc);
	access_read_miss(thr, c, addr, cur, size, pc);
}

#define DEFINE_ACCESS(n)                                                       \
	CRACE_EXPORT void __crace_read##n(const void *addr, void *cell)        \
	{                                                                      \
		access_sized((uptr)addr, cell, n, 0, CALLER_PC());             \
	}                                                                      \
	CRACE_EXPORT void __crace_write##n(void *addr, void *cell)             \
	{                                                                      \
		access_sized((uptr)addr, cell, n, ACC_WRITE, CALLER_PC());     \
	}
DEFINE_ACCESS(1)
DEFINE_ACCESS(2)
DEFINE_ACCESS(4)
DEFINE_ACCESS(8)
DEFINE_ACCESS(16)
