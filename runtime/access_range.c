/* Accesses of arbitrary ranges (memcpy, memset and the other libc
 * interceptors, __crace_read_range/__crace_write_range): a scan for the
 * granules this thread already covered in this epoch, the rest through the
 * access slow path granule by granule. */
#include "access.h"
#include "trace.h"
#include <crace_abi.h>

/* How many of the n whole granules from addr (all in one region) this
 * thread already covered in this epoch: the fast path of memcpy & co. */
static uptr covered_granules(struct crace_thread *thr, uptr addr, uptr n,
			     unsigned flags)
{
	struct shadow_cell *c = shadow_cell_peek(addr);
	if (!c)
		return 0;
	u64 rec = access_record(thr, 0xff, flags);
	uptr i = 0;
	for (; i < n; i++) {
		if (cell_covers_full(&c[i], rec))
			continue;
		u64 tag = load_relaxed(&c[i].rec[CELL_TAG]);
		if (!rec_is_ext(tag) || !ext_covers(&c[i], tag, rec))
			break;
	}
	return i;
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
