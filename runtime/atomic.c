/* C11/C++ atomics. The runtime performs each operation itself, under the
 * lock of the location's sync object, so the value read and the clock
 * acquired cannot come from different writers:
 *   release/acq_rel/seq_cst store   -> the location's clock := thread's
 *   release/acq_rel/seq_cst RMW     -> the location's clock joins thread's
 *   relaxed RMW                     -> continues the release sequence
 *   relaxed store                   -> ends it (the clock is cleared)
 *   acquire/consume/seq_cst load/RMW-> thread's clock joins the location's
 * A failed compare-exchange is a load with the failure order.
 *
 * Fences ([atomics.fences]): a release fence F followed by a relaxed store
 * or RMW X synchronises with an acquire that reads X, and a relaxed load
 * or RMW that reads a release store, followed by an acquire fence, is
 * synchronised at the fence. So a release fence snapshots the thread's
 * clock (fence_rel), which every later relaxed store/RMW of the thread
 * publishes instead of nothing; a relaxed load/RMW gathers what it read
 * into fence_acq, which the next acquire fence joins. Relaxed accesses
 * without fences still order nothing. Threads that never ran a release
 * fence pay nothing extra on relaxed stores.
 *
 * A relaxed RMW of a thread with no release fence to publish leaves the
 * location's clock as it is, so it needs the object only to gather its
 * clock, and a location nobody released into has none: such an RMW
 * creates nothing, and without an object it runs natively, with no lock
 * (a shared relaxed counter costs what it costs natively). A release
 * creates the object before it stores, so when there is still none after
 * the RMW, every store the RMW may have read carried no clock. When one
 * appeared meanwhile, a release to the location raced with the RMW and
 * either may come first in modification order; its clock is gathered as
 * if the RMW read it, which can only add the edge of an acquire fence
 * that follows, never report a false race.
 *
 * A load of a location whose clock the thread already holds takes no lock
 * either (a C++ function-local static's guard, a flag set once and then
 * polled): each thread remembers, per object, the version (sync.h) at
 * which the object's clock was last known to be within its own. A writer
 * changes the version before it stores, so a load that reads its store
 * (seq_cst) then sees the new version.
 *
 * Every operation is also checked as an atomic access (atomics race only
 * with plain accesses). */
#include "access.h"
#include "sync.h"
#include <crace_abi.h>

static bool mo_acquires(int mo)
{
	return mo == CRACE_MO_CONSUME || mo == CRACE_MO_ACQUIRE ||
	       mo == CRACE_MO_ACQ_REL || mo == CRACE_MO_SEQ_CST;
}

static bool mo_releases(int mo)
{
	return mo == CRACE_MO_RELEASE || mo == CRACE_MO_ACQ_REL ||
	       mo == CRACE_MO_SEQ_CST;
}

/* Inline, the size a constant. (Not access_sized: that is the plain hooks'
 * miss path, after the pass's inline test.) The cell and record go to the
 * miss path, which need not find them again. */
static ALWAYS_INLINE void atomic_check(uptr addr, unsigned size, bool write,
				       uptr pc)
{
	unsigned flags = ACC_ATOMIC | (write ? ACC_WRITE : 0);
	struct crace_thread *thr = cur_thread();
	if (unlikely(addr & (size - 1))) {
		access_range(thr, addr, size, flags, pc);
		return;
	}
	struct shadow_cell *c = shadow_cell_peek(addr);
	u64 cur = access_record(thr, sized_mask(addr, size), flags);
	if (likely(c) && cell_covers(c, cur))
		return;
	access_atomic_miss(thr, c, addr, cur, size, pc);
}

/* The memo: a few objects per thread (signal handlers included: it is
 * used only inside the runtime, see atomic_lookup). */
#define MEMO_SIZE 8
static __thread struct memo {
	struct sync_obj *s;
	u64 version;
} memo[MEMO_SIZE];

static struct memo *memo_of(struct sync_obj *s)
{
	return &memo[((uptr)s / 64) % MEMO_SIZE];
}

/* The location's sync object, locked, or NULL. The thread counts as inside
 * the runtime exactly while it holds one, so a signal handler that runs an
 * atomic operation meanwhile (in_runtime set) gets NULL and models no edge
 * instead of spinning on a lock its own thread holds. */
static struct sync_obj *atomic_lookup(struct crace_thread *thr, uptr addr,
				      bool create)
{
	if (!create && sync_none(addr))
		return NULL;
	if (unlikely(thr->in_runtime))
		return NULL;
	runtime_enter(thr);
	struct sync_obj *s = sync_lock(addr, create);
	if (!s)
		runtime_exit(thr);
	return s;
}

/* The object of addr if this thread remembers a version of it (returned in
 * *version); the thread is then inside the runtime until memo_end. */
static struct sync_obj *memo_begin(struct crace_thread *thr, uptr addr,
				   u64 *version)
{
	if (unlikely(thr->in_runtime))
		return NULL;
	runtime_enter(thr);
	struct sync_obj *s = sync_find(addr, false);
	if (s && memo_of(s)->s == s) {
		*version = memo_of(s)->version;
		return s;
	}
	runtime_exit(thr);
	return NULL;
}

/* After a load: the version has not changed, so the store it read
 * published nothing the thread's clock lacks. */
static bool memo_end(struct crace_thread *thr, struct sync_obj *s, u64 version)
{
	bool unchanged = load_acquire(&s->version) == version;
	runtime_exit(thr);
	return unchanged;
}

/* A store needs an object only to publish a clock, a load or a relaxed RMW
 * may find none (see the loads and the header); any other RMW has one, so
 * what it reads and the clock it acquires are taken under one lock. The
 * version changes (before the operation stores) when the clock may: on a
 * store (it publishes or clears) or a release. */
static struct sync_obj *atomic_begin(struct crace_thread *thr, uptr addr,
				     bool acquire, bool release, bool store)
{
	bool publishes = release || thr->fence_released;
	struct sync_obj *s = atomic_lookup(thr, addr, acquire || publishes);
	if (s && (publishes || store))
		sync_changing(s);
	return s;
}

/* An RMW that found no object ran natively: one may have appeared since
 * (see the header). Its clock is gathered, never changed: a relaxed RMW
 * continues the release sequence. */
static struct sync_obj *atomic_recheck(struct crace_thread *thr, uptr addr,
				       struct sync_obj *s, bool *writes)
{
	if (s)
		return s;
	*writes = false;
	return atomic_lookup(thr, addr, false);
}

/* Applies the operation's edges: `reads`/`writes` say what it did (a
 * failed compare-exchange only reads), `acquire`/`release` its order. */
static void atomic_end(struct crace_thread *thr, struct sync_obj *s, bool reads,
		       bool acquire, bool writes, bool release, bool is_store)
{
	if (!s)
		return;
	/* What a store leaves in the object (the thread's clock, its release
	 * fence's, or nothing) is within the thread's clock, as is all an
	 * acquire took. */
	bool known = (reads && acquire) || (writes && is_store);
	if (reads)
		vc_join(acquire ? &thr->vc : &thr->fence_acq, &s->vc);
	if (writes) {
		const struct vclock *rel = NULL;
		if (release)
			rel = &thr->vc;
		else if (thr->fence_released)
			rel = &thr->fence_rel;
		if (is_store && rel)
			vc_copy(&s->vc, rel);
		else if (is_store) /* relaxed: the release sequence ends */
			s->vc.size = 0;
		else if (rel)
			vc_join(&s->vc, rel);
	}
	if (known) {
		struct memo *m = memo_of(s);
		m->s = s;
		m->version = s->version;
	}
	spin_unlock(&s->lock);
	if (writes && release)
		thread_tick(thr);
	runtime_exit(thr);
}

/* A relaxed RMW with no release fence to publish, of a location that has no
 * object: done natively (see the header). */
static ALWAYS_INLINE bool rmw_lazy(struct crace_thread *thr, uptr addr, int mo)
{
	return !mo_acquires(mo) && !mo_releases(mo) && !thr->fence_released &&
	       sync_none(addr);
}

/* The object appeared during a lazy RMW: its clock is gathered. */
static NOINLINE void rmw_gather(struct crace_thread *thr, uptr addr)
{
	atomic_end(thr, atomic_lookup(thr, addr, false), true, false, false,
		   false, false);
}

/* Each operation's fast path is inline and runs natively when the location
 * has no object and the operation creates none; the rest is out of line. */
#define DEFINE_ATOMICS(N)                                                      \
	static NOINLINE uint##N##_t load_slow##N(                              \
		struct crace_thread *thr, const volatile void *a, int mo)      \
	{                                                                      \
		volatile uint##N##_t *p = (volatile uint##N##_t *)a;           \
		uint##N##_t v;                                                 \
		u64 version;                                                   \
		struct sync_obj *s = memo_begin(thr, (uptr)a, &version);       \
		if (s) {                                                       \
			v = __atomic_load_n(p, __ATOMIC_SEQ_CST);              \
			if (memo_end(thr, s, version))                         \
				return v;                                      \
		}                                                              \
		s = atomic_lookup(thr, (uptr)a, false);                        \
		v = __atomic_load_n(p, __ATOMIC_SEQ_CST);                      \
		if (!s && (s = atomic_lookup(thr, (uptr)a, false)))            \
			v = __atomic_load_n(p, __ATOMIC_SEQ_CST);              \
		atomic_end(thr, s, true, mo_acquires(mo), false, false,        \
			   false);                                             \
		return v;                                                      \
	}                                                                      \
	/* A release creates the object before it stores: none after the       \
	 * load means the value read carries no clock; one means it may, so    \
	 * the slow path reads again under its lock. */                        \
	CRACE_EXPORT uint##N##_t __crace_atomic##N##_load(                     \
		const volatile void *a, int mo)                                \
	{                                                                      \
		atomic_check((uptr)a, N / 8, false, CALLER_PC());              \
		if (likely(sync_none((uptr)a))) {                              \
			uint##N##_t v = __atomic_load_n(                       \
				(volatile uint##N##_t *)a, __ATOMIC_SEQ_CST);  \
			if (likely(sync_none((uptr)a)))                        \
				return v;                                      \
		}                                                              \
		return load_slow##N(cur_thread(), a, mo);                      \
	}                                                                      \
	static NOINLINE void store_slow##N(struct crace_thread *thr,           \
					   volatile void *a, uint##N##_t v,    \
					   int mo)                             \
	{                                                                      \
		bool rel = mo_releases(mo);                                    \
		struct sync_obj *s =                                           \
			atomic_begin(thr, (uptr)a, false, rel, true);          \
		__atomic_store_n((volatile uint##N##_t *)a, v,                 \
				 __ATOMIC_SEQ_CST);                            \
		atomic_end(thr, s, false, false, true, rel, true);             \
	}                                                                      \
	/* Natively when there is no clock to publish and none to clear. */    \
	CRACE_EXPORT void __crace_atomic##N##_store(volatile void *a,          \
						    uint##N##_t v, int mo)     \
	{                                                                      \
		atomic_check((uptr)a, N / 8, true, CALLER_PC());               \
		struct crace_thread *thr = cur_thread();                       \
		if (!mo_releases(mo) && !thr->fence_released &&                \
		    sync_none((uptr)a)) {                                      \
			__atomic_store_n((volatile uint##N##_t *)a, v,         \
					 __ATOMIC_SEQ_CST);                    \
			return;                                                \
		}                                                              \
		store_slow##N(thr, a, v, mo);                                  \
	}                                                                      \
	static ALWAYS_INLINE uint##N##_t rmw_op##N(volatile void *a,           \
						   uint##N##_t v, int op)      \
	{                                                                      \
		volatile uint##N##_t *p = (volatile uint##N##_t *)a;           \
		switch (op) {                                                  \
		case 0:                                                        \
			return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);    \
		case 1:                                                        \
			return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);     \
		case 2:                                                        \
			return __atomic_fetch_sub(p, v, __ATOMIC_SEQ_CST);     \
		case 3:                                                        \
			return __atomic_fetch_and(p, v, __ATOMIC_SEQ_CST);     \
		case 4:                                                        \
			return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST);      \
		case 5:                                                        \
			return __atomic_fetch_xor(p, v, __ATOMIC_SEQ_CST);     \
		default:                                                       \
			return __atomic_fetch_nand(p, v, __ATOMIC_SEQ_CST);    \
		}                                                              \
	}                                                                      \
	static NOINLINE uint##N##_t rmw_slow##N(struct crace_thread *thr,      \
						volatile void *a,              \
						uint##N##_t v, int mo, int op) \
	{                                                                      \
		bool acq = mo_acquires(mo), rel = mo_releases(mo);             \
		struct sync_obj *s =                                           \
			atomic_begin(thr, (uptr)a, acq, rel, false);           \
		uint##N##_t old = rmw_op##N(a, v, op);                         \
		bool writes = true;                                            \
		s = atomic_recheck(thr, (uptr)a, s, &writes);                  \
		atomic_end(thr, s, true, acq, writes, rel, false);             \
		return old;                                                    \
	}                                                                      \
	static ALWAYS_INLINE uint##N##_t rmw##N(                               \
		volatile void *a, uint##N##_t v, int mo, int op, uptr pc)      \
	{                                                                      \
		atomic_check((uptr)a, N / 8, true, pc);                        \
		struct crace_thread *thr = cur_thread();                       \
		if (!rmw_lazy(thr, (uptr)a, mo))                               \
			return rmw_slow##N(thr, a, v, mo, op);                 \
		uint##N##_t old = rmw_op##N(a, v, op);                         \
		if (unlikely(!sync_none((uptr)a)))                             \
			rmw_gather(thr, (uptr)a);                              \
		return old;                                                    \
	}                                                                      \
	CRACE_EXPORT uint##N##_t __crace_atomic##N##_exchange(                 \
		volatile void *a, uint##N##_t v, int mo)                       \
	{                                                                      \
		return rmw##N(a, v, mo, 0, CALLER_PC());                       \
	}                                                                      \
	CRACE_EXPORT uint##N##_t __crace_atomic##N##_fetch_add(                \
		volatile void *a, uint##N##_t v, int mo)                       \
	{                                                                      \
		return rmw##N(a, v, mo, 1, CALLER_PC());                       \
	}                                                                      \
	CRACE_EXPORT uint##N##_t __crace_atomic##N##_fetch_sub(                \
		volatile void *a, uint##N##_t v, int mo)                       \
	{                                                                      \
		return rmw##N(a, v, mo, 2, CALLER_PC());                       \
	}                                                                      \
	CRACE_EXPORT uint##N##_t __crace_atomic##N##_fetch_and(                \
		volatile void *a, uint##N##_t v, int mo)                       \
	{                                                                      \
		return rmw##N(a, v, mo, 3, CALLER_PC());                       \
	}                                                                      \
	CRACE_EXPORT uint##N##_t __crace_atomic##N##_fetch_or(                 \
		volatile void *a, uint##N##_t v, int mo)                       \
	{                                                                      \
		return rmw##N(a, v, mo, 4, CALLER_PC());                       \
	}                                                                      \
	CRACE_EXPORT uint##N##_t __crace_atomic##N##_fetch_xor(                \
		volatile void *a, uint##N##_t v, int mo)                       \
	{                                                                      \
		return rmw##N(a, v, mo, 5, CALLER_PC());                       \
	}                                                                      \
	CRACE_EXPORT uint##N##_t __crace_atomic##N##_fetch_nand(               \
		volatile void *a, uint##N##_t v, int mo)                       \
	{                                                                      \
		return rmw##N(a, v, mo, 6, CALLER_PC());                       \
	}                                                                      \
	static NOINLINE uint##N##_t cas_slow##N(                               \
		struct crace_thread *thr, volatile void *a,                    \
		uint##N##_t expected, uint##N##_t desired, int mo, int fmo,    \
		bool *ok)                                                      \
	{                                                                      \
		bool rel = mo_releases(mo);                                    \
		struct sync_obj *s = atomic_begin(                             \
			thr, (uptr)a, mo_acquires(mo) || mo_acquires(fmo),     \
			rel, false);                                           \
		uint##N##_t old = expected;                                    \
		*ok = __atomic_compare_exchange_n(                             \
			(volatile uint##N##_t *)a, &old, desired, false,       \
			__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);                   \
		bool writes = *ok;                                             \
		s = atomic_recheck(thr, (uptr)a, s, &writes);                  \
		atomic_end(thr, s, true,                                       \
			   *ok ? mo_acquires(mo) : mo_acquires(fmo), writes,   \
			   *ok &&rel, false);                                  \
		return old;                                                    \
	}                                                                      \
	/* A failed relaxed one is a relaxed load: lazy as an RMW is. */       \
	CRACE_EXPORT uint##N##_t __crace_atomic##N##_compare_exchange_val(     \
		volatile void *a, uint##N##_t expected, uint##N##_t desired,   \
		int mo, int fmo)                                               \
	{                                                                      \
		struct crace_thread *thr = cur_thread();                       \
		uptr pc = CALLER_PC();                                         \
		uint##N##_t old = expected;                                    \
		bool ok;                                                       \
		if (rmw_lazy(thr, (uptr)a, mo) && !mo_acquires(fmo)) {         \
			ok = __atomic_compare_exchange_n(                      \
				(volatile uint##N##_t *)a, &old, desired,      \
				false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);    \
			if (unlikely(!sync_none((uptr)a)))                     \
				rmw_gather(thr, (uptr)a);                      \
		} else {                                                       \
			old = cas_slow##N(thr, a, expected, desired, mo, fmo,  \
					  &ok);                                \
		}                                                              \
		atomic_check((uptr)a, N / 8, ok, pc);                          \
		return old;                                                    \
	}

DEFINE_ATOMICS(8)
DEFINE_ATOMICS(16)
DEFINE_ATOMICS(32)
DEFINE_ATOMICS(64)

/* Acquire first: what a seq_cst or acq_rel fence acquires, it also
 * releases. The release snapshot is followed by a tick, so accesses after
 * the fence are not published with it. */
CRACE_EXPORT void __crace_atomic_thread_fence(int mo)
{
	struct crace_thread *thr = cur_thread();
	if (unlikely(thr->in_runtime)) /* a signal handler, see atomic_lookup */
		mo = CRACE_MO_RELAXED;
	if (mo_acquires(mo) && thr->fence_acq.size) {
		vc_join(&thr->vc, &thr->fence_acq);
		thr->fence_acq.size = 0;
	}
	if (mo_releases(mo)) {
		vc_copy(&thr->fence_rel, &thr->vc);
		thr->fence_released = true;
		thread_tick(thr);
	}
	__atomic_thread_fence(mo == CRACE_MO_RELAXED ? __ATOMIC_RELAXED
						     : __ATOMIC_SEQ_CST);
}

/* Orders a thread with its own signal handlers only: no edge between
 * threads. */
CRACE_EXPORT void __crace_atomic_signal_fence(int mo)
{
	(void)mo;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
}
