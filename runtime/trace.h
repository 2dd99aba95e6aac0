/* Per-slot event trace, from which the stack of a past access is restored
 * exactly when it turns out to race.
 *
 * The trace is a ring of 64-bit words written only by the slot's current
 * thread. Events:
 *
 *   63..61 kind
 *   ACCESS (2 words)  w0: kind | W<<60 | A<<59 | pc (48 bits)
 *                     w1: size << 48 | address (48 bits)
 *   READ, WRITE       kind | A << 60 | delta << 48 | address << 1 |
 *                     (size - 1)
 *                     (one word: an access of 1, 2, 4, 8 or 16 bytes
 *                     aligned to its size, 16 to 8, whose pc is within
 *                     EV_DELTA_BIAS of the previous access event's: delta
 *                     is the difference plus EV_DELTA_BIAS, 12 bits. The
 *                     size is the count of trailing ones of the low bits,
 *                     at most 4, doubled: the alignment leaves them free.)
 *   ENTRY             kind | caller pc (48 bits)  (function entry)
 *   EXIT              kind                         (function exit)
 *   EPOCH             kind | new clock             (the clock advanced)
 *   START             kind                         (a new thread took the slot)
 *   PAD               0                            (filler at a part's end)
 *
 * The ring is cut in TRACE_PARTS parts; when the writer enters a part it
 * stores the part's start position, clock and a snapshot of the shadow stack
 * (as a stack-depot handle). The writer keeps a cursor, the next word to
 * write, and the end of its part: logging an event is a store and a bump,
 * and reaching the end is the one test for entering the next part (and for
 * wrapping). Readers find the position (words ever written) from the cursor
 * and the start position of the part it is in (trace.c). Replay starts at a
 * part header, so an access is recoverable as long as the part holding it has
 * not been overwritten: the last (TRACE_PARTS-1)/TRACE_PARTS of the ring,
 * 2^(16+history_size) words. Only accesses that change shadow are logged
 * (same-epoch repeats are not), so the event found is the one that wrote the
 * record that raced. The hooks' accesses mostly take the one-word form; the
 * previous pc it is relative to starts at 0 in every part, so a part's first
 * access event is a full one and replay from a part header knows every pc.
 *
 * A retired slot's ring is dropped (its pages given back) once a few newer
 * threads have retired (thread.c); a report that needs it then finds
 * nothing and prints no stack rather than a wrong one. */
#ifndef CRACE_TRACE_H
#define CRACE_TRACE_H

#include "common.h"
#include "stackdepot.h"
#include "thread.h"

#define TRACE_PARTS    8
#define EV_KIND_SHIFT  61
#define EV_PAD	       0ull
#define EV_ACCESS      1ull
#define EV_ENTRY       2ull
#define EV_EXIT	       3ull
#define EV_EPOCH       4ull
#define EV_START       5ull
#define EV_SHORT_READ  6ull
#define EV_SHORT_WRITE 7ull
#define EV_WRITE       (1ull << 60)
#define EV_ATOMIC      (1ull << 59)
#define EV_PC_MASK     ((1ull << 48) - 1)
#define EV_MAX_SIZE    0xffffu
#define EV_SHORT_ATOM  (1ull << 60)
#define EV_DELTA_SHIFT 48
#define EV_DELTA_BITS  0xfffull
#define EV_DELTA_BIAS  2048ull
#define EV_SHORT_ADDR  ((1ull << 47) - 1)

struct trace_part {
	u64 start_pos;
	u64 start_clock;
	stack_handle stack; /* the outermost frames, at most SHADOW_STACK_MAX */
	u32 depth;	    /* the real depth, which may be more */
};

struct trace {
	/* The writer's hot fields: one line. cur is released after each event
	 * (a cursor on a part boundary ends the part before it). */
	u64 *cur;
	u64 *end;     /* of cur's part: writing there enters the next part */
	u64 last_pc;  /* of the last access event; 0 at a part's start */
	u64 next_pos; /* the next part's start position (the writer's) */
	u64 *ev;
	u64 mask;
	u32 part_shift;
	u32 gen; /* odd while the ring is being dropped: replay retries none */
	struct trace_part part[TRACE_PARTS];
};

struct trace *trace_create(void);
/* The writer reached the end of its part: enters the next one and returns
 * the cursor, at its start. */
u64 *trace_new_part(struct crace_thread *thr);
/* Forgets the history and gives the ring's memory back. The slot must have
 * no thread; replays running meanwhile find nothing. */
void trace_drop(struct trace *t);

static ALWAYS_INLINE void trace_put(struct crace_thread *thr, u64 ev)
{
	struct trace *t = thr->trace;
	u64 *cur = t->cur;
	if (unlikely(cur == t->end))
		cur = trace_new_part(thr);
	store_relaxed(cur, ev);
	store_release(&t->cur, cur + 1);
}

/* Logs an access of `size` bytes (split when larger than EV_MAX_SIZE). */
void trace_access(struct crace_thread *thr, uptr pc, uptr addr, uptr size,
		  bool write, bool atomic);

/* An access of 1, 2, 4, 8 bytes aligned to the size, or 16 aligned to 8, as
 * a one-word event (atomic: EV_SHORT_ATOM or 0): false, logging nothing,
 * when its pc is too far from the last access's or a part starts here
 * (then trace_access logs it). */
static ALWAYS_INLINE bool trace_short(struct crace_thread *thr, uptr pc,
				      uptr addr, unsigned size, bool write,
				      u64 atomic)
{
	struct trace *t = thr->trace;
	u64 *cur = t->cur;
	/* The empty asms keep the compiler from reassociating: biased pc
	 * minus last_pc is a lea and a sub, and the kind and atomic bits
	 * joined to delta before its shift are an immediate or (after it, a
	 * 64-bit constant to load and or). */
	u64 delta = pc + EV_DELTA_BIAS;
	__asm__("" : "+r"(delta));
	delta -= t->last_pc;
	if (unlikely(delta >= 2 * EV_DELTA_BIAS || cur == t->end))
		return false;
	/* User code and data (the accesses' addresses have shadow) lie below
	 * 2^47: pc and addr need no masking. */
	t->last_pc = pc;
	delta |= (write ? EV_SHORT_WRITE : EV_SHORT_READ)
			 << (EV_KIND_SHIFT - EV_DELTA_SHIFT) |
		 atomic >> EV_DELTA_SHIFT;
	__asm__("" : "+r"(delta));
	store_relaxed(cur, delta << EV_DELTA_SHIFT |
				   (((u64)addr << 1) + (size - 1)));
	store_release(&t->cur, cur + 1);
	return true;
}

/* A plain access of a sized hook, as trace_short. */
static ALWAYS_INLINE bool trace_access_short(struct crace_thread *thr, uptr pc,
					     uptr addr, unsigned size,
					     bool write)
{
	return trace_short(thr, pc, addr, size, write, 0);
}

/* Logs an atomic access of 1, 2, 4 or 8 bytes aligned to its size, in one
 * word when it can. */
static ALWAYS_INLINE void trace_access_atomic(struct crace_thread *thr, uptr pc,
					      uptr addr, unsigned size,
					      bool write)
{
	if (unlikely(!trace_short(thr, pc, addr, size, write, EV_SHORT_ATOM)))
		trace_access(thr, pc, addr, size, write, true);
}

/* Logs a sized hook's plain access, in one word when it can. */
static ALWAYS_INLINE void trace_access_sized(struct crace_thread *thr, uptr pc,
					     uptr addr, unsigned size,
					     bool write)
{
	if (unlikely(!trace_access_short(thr, pc, addr, size, write)))
		trace_access(thr, pc, addr, size, write, false);
}

/* Restores the stack of the access by `slot` at `clock` that wrote (or
 * widened) a record with byte mask `mask` for the granule of `addr`: the last
 * such access whose bytes lie within mask, preferring one that touched a
 * byte of `want` (the bytes that raced). Fills pcs innermost first and
 * returns the count, with the bytes of the granule that access touched in
 * *bytes, or 0 when the history no longer holds it. */
u32 trace_restore(struct trace *t, u64 clock, uptr addr, unsigned mask,
		  unsigned want, bool write, bool atomic, uptr *pcs, u32 max,
		  unsigned *bytes);

#endif
