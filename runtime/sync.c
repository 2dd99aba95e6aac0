#include "sync.h"
#include "alloc.h"
#include "self_check.h"

struct sync_stripe sync_stripes[SYNC_STRIPES];

/* Which 64 KiB areas of the address space ever held a sync object, one
 * bit each (256 MiB of address space for the whole 47-bit range, backed
 * only where touched), so freeing memory that holds none costs one load.
 * Bits are never cleared. */
#define AREA_SHIFT 16
static u64 *areas;

static u64 *area_word(uptr addr, u64 *bit)
{
	uptr a = (addr & ~SYNC_ALT_KEY) >> AREA_SHIFT;
	*bit = 1ull << (a & 63);
	return &areas[(a >> 6) & ((1ull << (47 - AREA_SHIFT - 6)) - 1)];
}

/* Before sync_init every area counts as marked. */
static void area_mark(uptr addr)
{
	if (!areas)
		return;
	u64 bit, *w = area_word(addr, &bit);
	if (!(load_relaxed(w) & bit))
		__atomic_fetch_or(w, bit, __ATOMIC_RELAXED);
}

static bool area_marked(uptr addr)
{
	u64 bit;
	return !areas || (load_relaxed(area_word(addr, &bit)) & bit);
}

void sync_init(void)
{
	areas = internal_mmap(sizeof(u64) << (47 - AREA_SHIFT - 6),
			      "sync object map");
	/* Read without the stripe lock (find_unlocked). */
	for (int i = 0; i < SYNC_STRIPES; i++) {
		hg_atomic_only(&sync_stripes[i].unlinks,
			       sizeof(sync_stripes[i].unlinks));
		hg_atomic_only(&sync_stripes[i].head,
			       sizeof(sync_stripes[i].head));
	}
}

/* Dead objects wait here to be reused. An object is never given back to
 * the allocator: a thread that found one just before it died (a program
 * using a mutex while it destroys or frees it) still locks valid memory,
 * and sync_lock sees that the address changed. Its address is written with
 * both its stripe's lock and its own lock held, so either lock suffices
 * to read it; sync_find also reads it, and the links, with neither. */
static struct spinlock free_lock = SPINLOCK_INIT;
static struct sync_obj *free_objs;
static u64 live_objs;

/* Stripe lock held. */
static struct sync_obj *obj_new(uptr addr)
{
	spin_lock(&free_lock);
	struct sync_obj *s = free_objs;
	if (s)
		free_objs = s->next;
	spin_unlock(&free_lock);
	if (!s) {
		s = internal_alloc(sizeof(*s));
		hg_atomic_only(&s->addr, sizeof(s->addr));
		hg_atomic_only(&s->next, sizeof(s->next));
		hg_atomic_only(&s->version, sizeof(s->version));
	}
	spin_lock(&s->lock);
	store_relaxed(&s->addr, addr);
	vc_init(&s->vc);
	s->covered_uid = -1;
	s->equal_changes = SYNC_NOT_EQUAL;
	spin_unlock(&s->lock);
	__atomic_fetch_add(&live_objs, 1, __ATOMIC_RELAXED);
	return s;
}

/* Stripe lock held, s unlinked from it: its clock goes, the object waits
 * for reuse. */
static void obj_retire(struct sync_obj *s)
{
	spin_lock(&s->lock);
	sync_changing(s);
	vc_free(&s->vc);
	store_relaxed(&s->addr, 0);
	spin_unlock(&s->lock);
	spin_lock(&free_lock);
	store_relaxed(&s->next, free_objs);
	free_objs = s;
	spin_unlock(&free_lock);
	__atomic_fetch_sub(&live_objs, 1, __ATOMIC_RELAXED);
}

u64 sync_live_objects(void)
{
	return load_relaxed(&live_objs);
}

/* Walked without the lock before it is taken: the stripe lock is shared by
 * unrelated addresses and every thread's lookups of a busy object would
 * bounce it. Objects are never freed, so a link read while the chain
 * changes still leads to an object: a hit is one whose address is addr
 * (sync_lock checks it again under the object's lock). A miss is sure
 * when no object left the chain meanwhile (unlinks odd during, changed
 * after: as a seqlock); otherwise the walk may have been led astray by a
 * dead object's link, and it is repeated under the lock. An object joins
 * at the head, so a walk that began before misses it as if it had run
 * just before. The bound is for a walk led astray. */
static struct sync_obj *find_unlocked(struct sync_stripe *st, uptr addr,
				      bool *sure)
{
	u32 unlinks = load_acquire(&st->unlinks);
	struct sync_obj *s = load_acquire(&st->head);
	for (int steps = 0; s; steps++) {
		if (load_relaxed(&s->addr) == addr)
			return s;
		if (steps == 16) {
			*sure = false;
			return NULL;
		}
		s = load_acquire(&s->next);
	}
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	*sure = !(unlinks & 1) && load_relaxed(&st->unlinks) == unlinks;
	return NULL;
}

/* Stripe lock held: *p, the link to s, skips it and s dies. */
static void unlink_obj(struct sync_stripe *st, struct sync_obj **p,
		       struct sync_obj *s)
{
	store_relaxed(&st->unlinks, st->unlinks + 1);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	store_release(p, s->next);
	obj_retire(s);
	store_release(&st->unlinks, st->unlinks + 1);
}

/* The walk under the stripe lock, which creates the object if asked. Out
 * of line: the lock-free lookup saves no registers. */
static NOINLINE struct sync_obj *find_locked(struct sync_stripe *st, uptr addr,
					     bool create)
{
	struct sync_obj *s;
	spin_lock(&st->lock);
	for (s = st->head; s; s = s->next)
		if (s->addr == addr)
			break;
	if (!s && create) {
		s = obj_new(addr);
		area_mark(addr);
		store_relaxed(&s->next, st->head);
		store_release(&st->head, s);
	}
	spin_unlock(&st->lock);
	return s;
}

/* Only creating an object or a miss that raced with a death takes the
 * stripe lock. */
struct sync_obj *sync_find(uptr addr, bool create)
{
	struct sync_stripe *st = sync_stripe_of(addr);
	bool sure;
	struct sync_obj *s = find_unlocked(st, addr, &sure);
	if (likely(s) || (!create && sure))
		return s;
	return find_locked(st, addr, create);
}

struct sync_obj *sync_lock(uptr addr, bool create)
{
	for (;;) {
		struct sync_obj *s = sync_find(addr, create);
		if (!s)
			return NULL;
		spin_lock(&s->lock);
		if (s->addr == addr)
			return s;
		spin_unlock(&s->lock); /* died meanwhile: look again */
	}
}

void sync_destroy(uptr addr)
{
	struct sync_stripe *st = sync_stripe_of(addr);
	spin_lock(&st->lock);
	for (struct sync_obj **p = &st->head; *p; p = &(*p)->next) {
		if ((*p)->addr == addr) {
			unlink_obj(st, p, *p);
			break;
		}
	}
	spin_unlock(&st->lock);
}

/* The objects of [lo, hi) (either key) die, so a long run that keeps
 * making mutexes and atomics in fresh memory does not grow. */
static void reset_stripe(struct sync_stripe *st, uptr lo, uptr hi)
{
	if (!load_acquire(&st->head))
		return;
	spin_lock(&st->lock);
	struct sync_obj **p = &st->head;
	while (*p) {
		struct sync_obj *s = *p;
		uptr a = s->addr & ~SYNC_ALT_KEY;
		if (a >= lo && a < hi)
			unlink_obj(st, p, s);
		else
			p = &s->next;
	}
	spin_unlock(&st->lock);
}

void sync_reset_range(uptr addr, uptr size)
{
	uptr hi = addr + size;
	if (size == 0 || hi < addr || (hi - 1) >> 47)
		return;
	bool any = false;
	for (uptr a = addr & ~((1ull << AREA_SHIFT) - 1); a < hi && !any;
	     a += 1ull << AREA_SHIFT)
		any = area_marked(a);
	if (!any)
		return;
	if (size / 8 > SYNC_STRIPES) {
		for (int i = 0; i < SYNC_STRIPES; i++)
			reset_stripe(&sync_stripes[i], addr, hi);
		return;
	}
	/* sync_stripe_of keys on addr >> 3: one stripe per 8 bytes, per key. */
	for (uptr g = addr & ~(uptr)7; g < hi; g += 8) {
		reset_stripe(sync_stripe_of(g), addr, hi);
		reset_stripe(sync_stripe_of(g | SYNC_ALT_KEY), addr, hi);
	}
}

struct sync_obj *sync_lock_refresh(uptr addr, bool create,
				   struct sync_obj **hint)
{
	struct sync_obj *s = sync_lock(addr, create);
	if (s)
		store_relaxed(hint, s);
	return s;
}

void sync_acquire_locked(struct crace_thread *thr, struct sync_obj *s)
{
	if (!sync_covers(s, thr)) {
		vc_join(&thr->vc, &s->vc);
		s->covered_uid = thr->uid;
		s->equal_changes = SYNC_NOT_EQUAL;
	}
	spin_unlock(&s->lock);
}

void sync_release_locked(struct crace_thread *thr, struct sync_obj *s)
{
	bool covered = sync_covers(s, thr);
	bool equal = covered && s->equal_changes == thr->vc.changes;
	sync_changing(s);
	if (equal)
		s->vc.clk[thr->slot] = thr->vc.clk[thr->slot];
	else
		vc_join(&s->vc, &thr->vc);
	/* s->vc was within thr's clock: it is now equal. */
	if (covered) {
		s->covered_uid = thr->uid;
		s->equal_changes = thr->vc.changes;
	}
	spin_unlock(&s->lock);
	thread_tick(thr);
}

void sync_acquire(struct crace_thread *thr, uptr addr)
{
	struct sync_obj *s = sync_lock(addr, false);
	if (s)
		sync_acquire_locked(thr, s);
}

void sync_release(struct crace_thread *thr, uptr addr)
{
	sync_release_locked(thr, sync_lock(addr, true));
}

/* --- barriers --- */

struct barrier_phase {
	long phase;
	unsigned departed;
	struct vclock vc;
	struct barrier_phase *next;
};

struct barrier {
	uptr addr;
	unsigned count;
	u64 arrivals;
	struct barrier_phase *phases; /* at most a few live at once */
	struct barrier *next;
};

/* Barrier operations block anyway; one lock for all of them is enough. */
static struct spinlock barrier_lock = SPINLOCK_INIT;
static struct barrier *barriers;

static struct barrier **barrier_find(uptr addr)
{
	struct barrier **p = &barriers;
	while (*p && (*p)->addr != addr)
		p = &(*p)->next;
	return p;
}

static void barrier_free(struct barrier *b)
{
	while (b->phases) {
		struct barrier_phase *ph = b->phases;
		b->phases = ph->next;
		vc_free(&ph->vc);
		internal_free(ph, sizeof(*ph));
	}
	internal_free(b, sizeof(*b));
}

void barrier_destroy(uptr addr)
{
	spin_lock(&barrier_lock);
	struct barrier **p = barrier_find(addr), *b = *p;
	if (b)
		*p = b->next;
	spin_unlock(&barrier_lock);
	if (b)
		barrier_free(b);
}

void barrier_init(uptr addr, unsigned count)
{
	barrier_destroy(addr);
	struct barrier *b = internal_alloc(sizeof(*b));
	b->addr = addr;
	b->count = count ? count : 1;
	spin_lock(&barrier_lock);
	b->next = barriers;
	barriers = b;
	spin_unlock(&barrier_lock);
}

long barrier_arrive(struct crace_thread *thr, uptr addr)
{
	spin_lock(&barrier_lock);
	struct barrier *b = *barrier_find(addr);
	if (!b) {
		spin_unlock(&barrier_lock);
		sync_release(thr, addr);
		return -1;
	}
	long phase = (long)(b->arrivals++ / b->count);
	struct barrier_phase *ph = b->phases;
	while (ph && ph->phase != phase)
		ph = ph->next;
	if (!ph) {
		ph = internal_alloc(sizeof(*ph));
		ph->phase = phase;
		vc_init(&ph->vc);
		ph->next = b->phases;
		b->phases = ph;
	}
	vc_join(&ph->vc, &thr->vc);
	spin_unlock(&barrier_lock);
	thread_tick(thr);
	return phase;
}

void barrier_depart(struct crace_thread *thr, uptr addr, long phase)
{
	if (phase < 0) {
		sync_acquire(thr, addr);
		return;
	}
	struct barrier_phase *dead = NULL;
	spin_lock(&barrier_lock);
	struct barrier *b = *barrier_find(addr);
	for (struct barrier_phase **p = b ? &b->phases : NULL; p && *p;
	     p = &(*p)->next) {
		struct barrier_phase *ph = *p;
		if (ph->phase != phase)
			continue;
		vc_join(&thr->vc, &ph->vc);
		if (++ph->departed == b->count) {
			*p = ph->next;
			dead = ph;
		}
		break;
	}
	spin_unlock(&barrier_lock);
	if (dead) {
		vc_free(&dead->vc);
		internal_free(dead, sizeof(*dead));
	}
}

void sync_fork_lock(void)
{
	spin_lock(&barrier_lock);
	for (int i = 0; i < SYNC_STRIPES; i++) {
		spin_lock(&sync_stripes[i].lock);
		for (struct sync_obj *s = sync_stripes[i].head; s; s = s->next)
			spin_lock(&s->lock);
	}
	spin_lock(&free_lock);
}

void sync_fork_unlock(void)
{
	spin_unlock(&free_lock);
	for (int i = SYNC_STRIPES - 1; i >= 0; i--) {
		for (struct sync_obj *s = sync_stripes[i].head; s; s = s->next)
			spin_unlock(&s->lock);
		spin_unlock(&sync_stripes[i].lock);
	}
	spin_unlock(&barrier_lock);
}
