/* Synchronisation objects: a vector clock per address that carries
 * happens-before (mutexes, atomics' locations, ...). Found through a striped
 * hash table; an object lives until its mutex is destroyed or its memory
 * freed or unmapped, then waits to be reused for another address, so a long
 * run that keeps making new mutexes does not grow. */
#ifndef CRACE_SYNC_H
#define CRACE_SYNC_H

#include "spinlock.h"
#include "thread.h"

/* One cache line, its clock first: a lock handed between threads moves
 * this line and the clock's entries, no more. */
struct sync_obj {
	struct vclock vc;
	uptr addr;
	struct sync_obj *next;
	struct spinlock lock; /* guards vc */
	/* Under the lock: the thread whose clock holds vc (it acquired or
	 * released it last, and vc has not changed since), or -1; its
	 * acquires skip the join: a lock taken again by the thread that had
	 * it. When its release made vc, equal_changes is its clock's count of
	 * changes then (vc equals that clock but for its own entry, which
	 * its next release alone stores while the count stays), else
	 * SYNC_NOT_EQUAL. */
	int covered_uid;
	/* Changes, under the lock, before vc does and before the store that
	 * publishes the change; read without the lock (atomic.c's memo). */
	u64 version;
	u64 equal_changes;
} __attribute__((aligned(64)));
_Static_assert(sizeof(struct sync_obj) == 64, "one cache line");

#define SYNC_NOT_EQUAL (~0ull)

/* Lock held: s->vc is about to change (or s to die). */
static inline void sync_changing(struct sync_obj *s)
{
	store_relaxed(&s->version, s->version + 1);
	s->covered_uid = -1;
}

/* A second object for an address (a rwlock's readers, an annotation):
 * the address with bit 63 set, which no user address has. (fd.c's own
 * keys also set bit 63, over a counter that never reaches the lowest
 * mappable address, so they never meet these.) */
#define SYNC_ALT_KEY (1ull << 63)

void sync_init(void);

/* The striped hash's heads, exposed for sync_none. */
#define SYNC_STRIPES 4096
struct sync_stripe {
	struct spinlock lock;
	u32 unlinks; /* odd while an object leaves the chain (sync.c) */
	struct sync_obj *head;
} __attribute__((aligned(64)));
extern struct sync_stripe sync_stripes[SYNC_STRIPES];

static inline struct sync_stripe *sync_stripe_of(uptr addr)
{
	return &sync_stripes[(addr >> 3) * 0x9E3779B97F4A7C15ull >> 52];
}

/* No object for addr exists: its stripe is empty (most are). Inline, so
 * the atomics of locations nobody synchronises through cost a load. */
static inline bool sync_none(uptr addr)
{
	return !load_acquire(&sync_stripe_of(addr)->head);
}

/* The object for addr; NULL when !create and there is none. It may die
 * (and be reused for another address) as soon as this returns: sync_lock
 * is the safe way to use it. */
struct sync_obj *sync_find(uptr addr, bool create);
/* The object for addr with its lock held, checked to still be addr's. */
struct sync_obj *sync_lock(uptr addr, bool create);
void sync_destroy(uptr addr);
/* Memory [addr, addr+size) was freed or unmapped: the objects of addresses
 * in it (and their SYNC_ALT_KEY twins) die, so a mutex or atomic later
 * placed there starts with no history. */
void sync_reset_range(uptr addr, uptr size);
/* Objects alive now (for tests and stress runs). */
u64 sync_live_objects(void);

/* thr acquires what was released to addr (no-op when nothing was). */
void sync_acquire(struct crace_thread *thr, uptr addr);
/* thr releases to addr (unlock, post, signal): its clock is joined into the
 * object's, then it ticks. Atomics do the same under the lock they hold. */
void sync_release(struct crace_thread *thr, uptr addr);

/* The same for a caller that keeps addr's object at hand in *hint (a lock's
 * node does): tried first, checked under its lock (objects are never freed,
 * so a stale hint is safe to lock), refreshed on a miss. Inline up to the
 * acquire's common case, a clock the thread holds already. */
struct sync_obj *sync_lock_refresh(uptr addr, bool create,
				   struct sync_obj **hint);

static ALWAYS_INLINE struct sync_obj *sync_lock_hint(uptr addr, bool create,
						     struct sync_obj **hint)
{
	struct sync_obj *s = load_relaxed(hint);
	if (likely(s)) {
		spin_lock(&s->lock);
		if (likely(s->addr == addr))
			return s;
		spin_unlock(&s->lock); /* died (and maybe reused) since */
	}
	return sync_lock_refresh(addr, create, hint);
}

/* Lock held: thr's clock holds s's (see covered_uid). */
static inline bool sync_covers(const struct sync_obj *s,
			       const struct crace_thread *thr)
{
	return s->covered_uid == thr->uid;
}

/* Lock held, released by them: the acquire's join, the release. */
void sync_acquire_locked(struct crace_thread *thr, struct sync_obj *s);
void sync_release_locked(struct crace_thread *thr, struct sync_obj *s);

static ALWAYS_INLINE void sync_acquire_hint(struct crace_thread *thr, uptr addr,
					    struct sync_obj **hint)
{
	struct sync_obj *s = sync_lock_hint(addr, false, hint);
	if (!s)
		return;
	if (likely(sync_covers(s, thr)))
		spin_unlock(&s->lock);
	else
		sync_acquire_locked(thr, s);
}

static ALWAYS_INLINE void sync_release_hint(struct crace_thread *thr, uptr addr,
					    struct sync_obj **hint)
{
	sync_release_locked(thr, sync_lock_hint(addr, true, hint));
}

/* Barriers: phase k's arrivals happen before phase k's departures, and
 * nothing of phase k+1 leaks into a slow departure of phase k. Arrivals
 * are numbered; with the barrier's count (from pthread_barrier_init) the
 * number gives the phase, and each phase gathers its own clock, dropped
 * once all its threads have departed. */
void barrier_init(uptr addr, unsigned count);
void barrier_destroy(uptr addr);
/* Returns the arrival's phase, or -1 for a barrier whose init was not
 * seen (then arrivals and departures join one clock, across phases). */
long barrier_arrive(struct crace_thread *thr, uptr addr);
void barrier_depart(struct crace_thread *thr, uptr addr, long phase);

/* Held across fork so the child never inherits a lock taken mid-way
 * (interceptors_process.c takes every module's in a fixed order). */
void sync_fork_lock(void);
void sync_fork_unlock(void);

#endif
