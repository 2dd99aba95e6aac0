/* Accesses of arbitrary ranges (memcpy, memset and the other libc
 * interceptors, __crace_read_range/__crace_write_range): a scan for the
 * granules this thread already covered in this epoch, the rest through the
 * access slow path granule by granule. */
#include "access.h"
#include "trace.h"
#include <crace_abi.h>

/* Cells checked per loop test of run_in_slot: one well-predicted branch
 * each, and the loop's own compare once per block (8 rather than 4: 10%
 * fewer instructions in access_range on memops). */
#define SCAN_BLOCK 8

static ALWAYS_INLINE bool block_covers(const u64 *r, u64 fill, u64 want)
{
	for (int j = 0; j < SCAN_BLOCK; j++)
		if (!slot_covers(r + j * CELL_RECORDS, fill, want))
			return false;
	return true;
}

/* From cell i on, how far slot k of every cell covers the access. */
static ALWAYS_INLINE uptr run_in_slot(const struct shadow_cell *c, uptr i,
				      uptr n, unsigned k, u64 fill, u64 want)
{
	const u64 *first = &c[0].rec[k], *r = first + i * CELL_RECORDS,
		  *end = first + n * CELL_RECORDS;
	while (end - r >= SCAN_BLOCK * CELL_RECORDS &&
	       block_covers(r, fill, want))
		r += SCAN_BLOCK * CELL_RECORDS;
	while (r < end && slot_covers(r, fill, want))
		r += CELL_RECORDS;
	return (uptr)(r - first) / CELL_RECORDS;
}

/* How many of the n cells from c cover the access. The covering record
 * sits in the same slot over long runs of cells (slot 0 for a thread's own
 * data; for read-shared data the reader's slot, the same wherever the
 * readers' records were stored in the same order), so each cell first tries
 * the slot that covered the cell before: one load and compare per granule
 * instead of up to four loads and branches. (A slot changing from cell to
 * cell costs two loads more than trying every slot.) fill is a constant in
 * each inlined copy, so a write's test is a load and a compare (10% fewer
 * instructions in access_range on memops). */
static ALWAYS_INLINE uptr covered_cells(struct shadow_cell *c, uptr n, u64 rec,
					u64 fill)
{
	u64 want = rec | REC_WRITE;
	unsigned k = 0;
	for (uptr i = 0;; i++) {
		i = run_in_slot(c, i, n, k, fill, want);
		if (i == n)
			return n;
		unsigned j = 0;
		while (j < CELL_RECORDS &&
		       !slot_covers(&c[i].rec[j], fill, want))
			j++;
		if (j < CELL_RECORDS) {
			k = j;
			continue;
		}
		u64 tag = load_relaxed(&c[i].rec[CELL_TAG]);
		if (!rec_is_ext(tag) || !ext_covers(&c[i], tag, rec))
			return i;
	}
}

/* How many of the n whole granules from addr (all in one region) this
 * thread already covered in this epoch: the fast path of memcpy & co. */
static uptr covered_granules(struct crace_thread *thr, uptr addr, uptr n,
			     unsigned flags)
{
	struct shadow_cell *c = shadow_cell_peek(addr);
	if (!c)
		return 0;
	u64 rec = access_record(thr, 0xff, flags);
	return rec_is_write(rec) ? covered_cells(c, n, rec, 0)
				 : covered_cells(c, n, rec, REC_WRITE);
}

/* The range is logged once, and only when some granule needs the slow
 * path, before its shadow changes (so a racing thread's replay finds it):
 * repeating a copy of data already touched in this epoch costs no trace. */
void access_range(struct crace_thread *thr, uptr addr, uptr size,
		  unsigned flags, uptr pc)
{
	if (unlikely(thr->hooks_off))
		return;
	uptr start = addr, end = addr + size;
	bool logged = false;
	while (addr < end) {
		uptr g = addr & ~(GRANULE_SIZE - 1);
		if (g == addr && end - addr >= GRANULE_SIZE) {
			uptr region_end = (g | (REGION_SIZE - 1)) + 1;
			uptr stop = (end & ~(GRANULE_SIZE - 1)) < region_end
					    ? (end & ~(GRANULE_SIZE - 1))
					    : region_end;
			addr += covered_granules(thr, addr,
						 (stop - addr) >> GRANULE_SHIFT,
						 flags)
				<< GRANULE_SHIFT;
			if (addr >= end)
				break;
			g = addr & ~(GRANULE_SIZE - 1);
		}
		uptr hi = end < g + GRANULE_SIZE ? end : g + GRANULE_SIZE;
		unsigned mask = granule_mask(addr, hi - addr, g);
		if (!access_covered(thr, addr, mask, flags)) {
			if (!logged)
				trace_access(thr, pc, start, size,
					     flags & ACC_WRITE,
					     flags & ACC_ATOMIC);
			logged = true;
			access_slow(thr, addr, mask, flags | ACC_NO_TRACE, pc);
		}
		addr = hi;
	}
}

CRACE_EXPORT void __crace_read_range(const void *addr, size_t size)
{
	access_range(cur_thread(), (uptr)addr, size, 0, CALLER_PC());
}

CRACE_EXPORT void __crace_write_range(void *addr, size_t size)
{
	access_range(cur_thread(), (uptr)addr, size, ACC_WRITE, CALLER_PC());
}
