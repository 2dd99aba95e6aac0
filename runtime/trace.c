#include "trace.h"
#include "alloc.h"
#include "options.h"
#include "self_check.h"
#include "shadow.h"
#include <sys/mman.h>

struct trace *trace_create(void)
{
	struct trace *t = internal_alloc(sizeof(*t));
	u32 shift = 16 + (u32)crace_opts.history_size;
	t->ev = internal_mmap(sizeof(u64) << shift, "access history");
	/* Written by the slot's thread, read by reports: atomics only. */
	hg_atomic_only(t->ev, sizeof(u64) << shift);
	t->mask = (1ull << shift) - 1;
	t->part_shift = shift - 3; /* log2(TRACE_PARTS) */
	/* cur == end: the first event enters part 0. */
	t->cur = t->end = t->ev;
	for (int i = 0; i < TRACE_PARTS; i++)
		t->part[i].start_pos = ~0ull;
	return t;
}

u64 *trace_new_part(struct crace_thread *thr)
{
	struct trace *t = thr->trace;
	u64 pos = t->next_pos, *start = t->ev + (pos & t->mask);
	struct trace_part *p = &t->part[(pos >> t->part_shift) % TRACE_PARTS];
	u32 n = thr->depth < SHADOW_STACK_MAX ? thr->depth : SHADOW_STACK_MAX;
	t->last_pc = 0;
	store_relaxed(&p->start_pos, ~0ull);
	store_relaxed(&p->start_clock, thr->clock);
	store_relaxed(&p->stack, stackdepot_put(thr->stack, n));
	store_relaxed(&p->depth, thr->depth);
	store_release(&p->start_pos, pos);
	t->next_pos = pos + (1ull << t->part_shift);
	t->end = start + (1ull << t->part_shift);
	/* On a boundary the cursor still ends the part before (its words are
	 * all there); only a wrap moves it, to the same position. */
	store_release(&t->cur, start);
	return start;
}

void trace_drop(struct trace *t)
{
	u32 gen = t->gen;
	store_relaxed(&t->gen, gen + 1);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	for (int i = 0; i < TRACE_PARTS; i++)
		store_relaxed(&t->part[i].start_pos, ~0ull);
	madvise(t->ev, (t->mask + 1) * sizeof(u64), MADV_DONTNEED);
	/* The next occupant's first event enters the next part, so its first
	 * events get a header (and zeroed words replay as padding). */
	t->end = t->cur;
	store_release(&t->gen, gen + 2);
}

/* The position readers may replay up to: the words ever written, or ~0ull
 * when there is none (nothing written, or the ring dropped). The cursor gives
 * the ring index; the lap comes from the start position in the header of
 * the cursor's part, read between two reads of the cursor and once more
 * after: a writer entering that part again rewrites the header before it
 * moves the cursor into it, so equal headers around a cursor still in the
 * part are of the cursor's lap. Retried while the writer crosses parts. */
static u64 trace_pos(struct trace *t)
{
	u64 part_mask = (1ull << t->part_shift) - 1;
	for (int tries = 0; tries < 16; tries++) {
		u64 i = ((u64)(load_acquire(&t->cur) - t->ev) - 1) & t->mask;
		struct trace_part *p = &t->part[i >> t->part_shift];
		u64 s = load_acquire(&p->start_pos);
		u64 j = ((u64)(load_acquire(&t->cur) - t->ev) - 1) & t->mask;
		if (load_acquire(&p->start_pos) != s ||
		    (i ^ j) >> t->part_shift)
			continue;
		return s == ~0ull ? s : s + (j & part_mask) + 1;
	}
	return ~0ull;
}

/* Any access: split into events of at most EV_MAX_SIZE bytes, padding at
 * part ends. Sets last_pc after the parts it enters have reset it. */
static NOINLINE void trace_access_split(struct crace_thread *thr, u64 w0,
					uptr addr, uptr size)
{
	struct trace *t = thr->trace;
	while (size) {
		uptr n = size < EV_MAX_SIZE ? size : EV_MAX_SIZE;
		if (t->cur + 1 == t->end)
			trace_put(thr, EV_PAD);
		trace_put(thr, w0);
		trace_put(thr, ((u64)n << 48) | (addr & EV_PC_MASK));
		addr += n;
		size -= n;
	}
	t->last_pc = w0 & EV_PC_MASK;
}

void trace_access(struct crace_thread *thr, uptr pc, uptr addr, uptr size,
		  bool write, bool atomic)
{
	u64 w0 = (EV_ACCESS << EV_KIND_SHIFT) | (write ? EV_WRITE : 0) |
		 (atomic ? EV_ATOMIC : 0) | (pc & EV_PC_MASK);
	struct trace *t = thr->trace;
	u64 *cur = t->cur;
	/* The common case, a leaf: one event, both words inside the current
	 * part. Otherwise a tail call, so this needs no frame. */
	if (unlikely(size > EV_MAX_SIZE || t->end - cur < 2))
		return trace_access_split(thr, w0, addr, size);
	store_relaxed(cur, w0);
	store_relaxed(cur + 1, ((u64)size << 48) | (addr & EV_PC_MASK));
	store_release(&t->cur, cur + 2);
	t->last_pc = pc & EV_PC_MASK;
}

/* A one-word event's address and size (trace.h). */
static uptr short_size(u64 ev)
{
	unsigned ones = (unsigned)__builtin_ctzll(~ev);
	return 1u << (ones < 4 ? ones : 4);
}

static uptr short_addr(u64 ev, uptr size)
{
	uptr align = size < GRANULE_SIZE ? size : GRANULE_SIZE;
	return ((ev & (EV_SHORT_ADDR << 1)) >> 1) & ~(align - 1);
}

struct replay {
	uptr *stack;
	u32 depth;
};

static void replay_push(struct replay *r, uptr pc)
{
	if (r->depth < SHADOW_STACK_MAX)
		r->stack[r->depth] = pc;
	r->depth++;
}

/* The part to replay from: the last one that starts before `clock`, or
 * failing that the first that starts at it. Returns its position or ~0. */
static u64 find_start(struct trace *t, u64 clock, u64 cur, struct replay *r)
{
	u64 psize = 1ull << t->part_shift;
	u64 cur_start = cur & ~(psize - 1);
	u64 best = ~0ull;
	stack_handle best_stack = 0;
	u32 best_depth = 0;
	for (int k = TRACE_PARTS - 1; k >= 0; k--) {
		u64 back = (u64)k * psize;
		if (back > cur_start)
			continue;
		u64 s = cur_start - back;
		struct trace_part *p =
			&t->part[(s >> t->part_shift) % TRACE_PARTS];
		if (load_acquire(&p->start_pos) != s)
			continue;
		u64 pc = load_relaxed(&p->start_clock);
		stack_handle st = load_relaxed(&p->stack);
		u32 depth = load_relaxed(&p->depth);
		if (pc < clock || (pc == clock && best == ~0ull)) {
			best = s;
			best_stack = st;
			best_depth = depth;
		}
		if (pc >= clock)
			break;
	}
	if (best == ~0ull)
		return best;
	u32 n;
	const uptr *pcs = stackdepot_get(best_stack, &n);
	r->depth = 0;
	for (u32 i = 0; i < n; i++)
		replay_push(r, pcs[i]);
	r->depth = best_depth;
	return best;
}

/* How well an access of [a, a+size) stands for a record with byte mask
 * `mask` for granule g: 0 not at all, 1 it is one of the accesses that
 * made the record (a record's mask is the union of its epoch's accesses of
 * one kind), 2 it also touched a byte of `want`. *bytes gets the bytes of
 * g it touched. */
static int access_matches(uptr a, uptr size, uptr g, unsigned mask,
			  unsigned want, unsigned *bytes)
{
	unsigned m = granule_mask(a, size, g);
	*bytes = m;
	if (!m || (m & ~mask))
		return 0;
	return m & want ? 2 : 1;
}

/* The access at pc and the replayed stack, innermost first. Frames beyond
 * SHADOW_STACK_MAX were not kept: stop at the innermost frame rather than
 * print a gap. */
static u32 replay_stack(const struct replay *r, uptr pc, uptr *pcs, u32 max)
{
	u32 n = 0;
	pcs[n++] = pc;
	for (u32 i = r->depth; i > 0 && n < max && r->depth <= SHADOW_STACK_MAX;
	     i--)
		pcs[n++] = r->stack[i - 1];
	return n;
}

u32 trace_restore(struct trace *t, u64 clock, uptr addr, unsigned mask,
		  unsigned want, bool write, bool atomic, uptr *pcs, u32 max,
		  unsigned *bytes)
{
	int best = 1, match; /* the last of the best matches wins */
	unsigned m, hit = 0;
	struct replay r;
	r.stack = internal_alloc(SHADOW_STACK_MAX * sizeof(uptr));
	u32 found = 0;
	u32 gen = load_acquire(&t->gen);
	u64 cur = trace_pos(t);
	if ((gen & 1) || cur == ~0ull)
		goto out;
	u64 start = find_start(t, clock, cur, &r);
	if (start == ~0ull)
		goto out;
	u64 epoch = load_relaxed(
		&t->part[(start >> t->part_shift) % TRACE_PARTS].start_clock);
	uptr g = addr & ~(GRANULE_SIZE - 1), last_pc = 0;
	for (u64 p = start; p < cur && epoch <= clock; p++) {
		u64 ev = load_relaxed(&t->ev[p & t->mask]);
		switch (ev >> EV_KIND_SHIFT) {
		case EV_ENTRY:
			replay_push(&r, ev & EV_PC_MASK);
			break;
		case EV_EXIT:
			if (r.depth)
				r.depth--;
			break;
		case EV_EPOCH:
			epoch = ev & ((1ull << EV_KIND_SHIFT) - 1);
			break;
		case EV_START:
			r.depth = 0;
			break;
		case EV_ACCESS: {
			if (p + 1 >= cur)
				break;
			u64 w1 = load_relaxed(&t->ev[(p + 1) & t->mask]);
			p++;
			last_pc = ev & EV_PC_MASK;
			if (epoch == clock && !(ev & EV_WRITE) == !write &&
			    !(ev & EV_ATOMIC) == !atomic &&
			    (match = access_matches(w1 & EV_PC_MASK, w1 >> 48,
						    g, mask, want, &m)) >=
				    best) {
				best = match;
				hit = m;
				found = replay_stack(&r, last_pc, pcs, max);
			}
			break;
		}
		case EV_SHORT_READ:
		case EV_SHORT_WRITE: {
			last_pc += (ev >> EV_DELTA_SHIFT & EV_DELTA_BITS) -
				   EV_DELTA_BIAS;
			uptr size = short_size(ev);
			if (epoch == clock &&
			    !(ev & EV_SHORT_ATOM) == !atomic &&
			    ((ev >> EV_KIND_SHIFT) == EV_SHORT_WRITE) ==
				    write &&
			    (match = access_matches(short_addr(ev, size), size,
						    g, mask, want, &m)) >=
				    best) {
				best = match;
				hit = m;
				found = replay_stack(&r, last_pc, pcs, max);
			}
			break;
		}
		}
	}
	/* The writer may have lapped us while we read, or the ring been
	 * dropped: then trust nothing. */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	if (trace_pos(t) - start > t->mask + 1 - (1ull << t->part_shift) ||
	    load_relaxed(&t->gen) != gen)
		found = 0;
	if (found)
		*bytes = hit;
out:
	internal_free(r.stack, SHADOW_STACK_MAX * sizeof(uptr));
	return found;
}
