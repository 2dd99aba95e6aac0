#include "locks.h"
#include "deadlock.h"
#include "held_locks.h"
#include "options.h"
#include "report_locks.h"
#include "sync.h"
#include <errno.h>

bool locks_enabled;

/* Its destructor runs when a thread that ever took a lock exits, after the
 * program's cleanup handlers and C++ thread_local destructors (which may
 * still release locks), to report the locks it still holds. */
static pthread_key_t exit_key;
static bool exit_key_ok;

static void held_at_exit(void *arg);

void locks_init(void)
{
	locks_enabled = crace_opts.detect_deadlocks ||
			crace_opts.report_mutex_bugs ||
			crace_opts.report_destroy_locked ||
			crace_opts.report_held_at_exit;
	if (crace_opts.report_held_at_exit)
		exit_key_ok = !pthread_key_create(&exit_key, held_at_exit);
}

static struct lock_set *lock_set_of(struct crace_thread *thr)
{
	if (likely(thr->locks))
		return thr->locks;
	thr->locks = lock_set_create();
	if (exit_key_ok)
		pthread_setspecific(exit_key, thr->locks);
	return thr->locks;
}

static void misuse(struct crace_thread *thr, enum misuse_kind kind,
		   struct lock_node *n, uptr pc0, uptr pc1, int other_uid,
		   stack_handle other_stack)
{
	struct misuse m = {
		.kind = kind,
		.lock = n,
		.stack = thread_stack_handle(thr, pc0, pc1),
		.pc = pc1,
		.other_uid = other_uid,
		.other_stack = other_stack,
	};
	report_misuse(thr, &m);
}

/* node_for_use for a lock destroyed, re-made or used for the first time. */
static NOINLINE struct lock_node *
node_first_use(struct crace_thread *thr, struct lock_node *n, void *addr,
	       enum lock_type type, uptr pc0, uptr pc1)
{
	if (type == LOCK_MUTEX) {
		if (mutex_kind(addr) == MUTEX_KIND_DESTROYED) {
			if (crace_opts.report_mutex_bugs)
				misuse(thr, MISUSE_USE_DESTROYED, n, pc0, pc1,
				       load_relaxed(&n->destroyed_by),
				       load_relaxed(&n->destroyed_at));
			return NULL;
		}
		/* Destroyed, then made a mutex again without
		 * pthread_mutex_init (zeroed, or assigned an initialiser). */
		if (unlikely(load_relaxed(&n->destroyed)))
			mutex_node_reset(n, false);
	}
	if (unlikely(!load_relaxed(&n->created)))
		mutex_node_created(n, thread_stack_handle(thr, pc0, pc1),
				   false);
	return n;
}

/* The node of a lock about to be used, created with this use as its first
 * one if need be; NULL (after reporting) when it is a destroyed mutex. */
static ALWAYS_INLINE struct lock_node *node_for_use(struct crace_thread *thr,
						    void *addr,
						    enum lock_type type,
						    uptr pc0, uptr pc1)
{
	struct lock_node *n = mutex_node((uptr)addr, type);
	if (likely(load_relaxed(&n->created) &&
		   !(type == LOCK_MUTEX &&
		     (mutex_kind(addr) == MUTEX_KIND_DESTROYED ||
		      load_relaxed(&n->destroyed)))))
		return n;
	return node_first_use(thr, n, addr, type, pc0, pc1);
}

void lock_begin(struct lock_op *op, struct crace_thread *thr, void *addr,
		enum lock_type type, unsigned flags, uptr pc0, uptr pc1)
{
	op->thr = thr;
	op->node = NULL;
	op->flags = flags;
	if (!thr || !locks_enabled)
		return;
	runtime_enter(thr);
	struct lock_node *n = node_for_use(thr, addr, type, pc0, pc1);
	if (!n) {
		runtime_exit(thr);
		return;
	}
	struct lock_set *ls = lock_set_of(thr);
	u32 gen = load_relaxed(&n->gen);
	struct held_lock *h = ls->n ? held_find(ls, n) : NULL;
	bool write = flags & LOCK_WRITE;
	if (h && h->gen == gen) {
		/* Recursive mutexes count; error-checking ones refuse with
		 * EDEADLK, a defined result the program can test for. */
		bool again_ok =
			type == LOCK_MUTEX
				? mutex_kind_checks_owner(mutex_kind(addr))
				: type == LOCK_RWLOCK && !write && !h->write;
		/* Reported before the real call, which hangs. */
		if (!again_ok && !(flags & LOCK_TRY) &&
		    crace_opts.report_mutex_bugs)
			misuse(thr, MISUSE_DOUBLE_LOCK, n, pc0, pc1, thr->uid,
			       held_stack(h));
	} else if (ls->n && !(flags & LOCK_TRY) &&
		   crace_opts.detect_deadlocks) {
		deadlock_before_lock(thr, ls, n, gen, write, pc0, pc1);
	}
	op->node = n;
	op->gen = gen;
	op->flags = flags | (h ? LOCK_HELD : 0);
	op->pc0 = pc0;
	op->pc1 = pc1;
	runtime_exit(thr);
}

/* Runtime entered. The lock is now held (once more). */
static ALWAYS_INLINE void held_add(struct lock_op *op, u32 count)
{
	struct crace_thread *thr = op->thr;
	struct lock_set *ls = thr->locks;
	struct held_lock *h =
		(op->flags & LOCK_HELD) ? held_find(ls, op->node) : NULL;
	if (h && h->gen == op->gen) {
		h->count += count;
		return;
	}
	bool write = op->flags & LOCK_WRITE;
	h = held_push(thr, ls, op->pc0, op->pc1);
	h->addr = op->node->addr;
	h->node = op->node;
	h->gen = op->gen;
	h->count = count;
	h->write = write;
	if (write)
		store_relaxed(&op->node->owner, thr->uid);
	else
		__atomic_add_fetch(&op->node->readers, 1, __ATOMIC_RELAXED);
}

/* Runtime entered. Returns the recursion count the thread had. */
static u32 held_drop(struct lock_set *ls, struct held_lock *h)
{
	u32 count = h->count;
	struct lock_node *n = h->node;
	if (h->gen == load_relaxed(&n->gen)) {
		if (h->write)
			store_relaxed(&n->owner, -1);
		else
			__atomic_sub_fetch(&n->readers, 1, __ATOMIC_RELAXED);
	}
	held_remove(ls, h);
	return count;
}

/* Happens-before through the clock of addr, or of its SYNC_ALT_KEY twin
 * (`alt`), found through the node's hint when there is a node. */
static ALWAYS_INLINE void acquire_key(struct crace_thread *thr,
				      struct lock_node *n, uptr addr, bool alt)
{
	uptr key = alt ? addr | SYNC_ALT_KEY : addr;
	if (n)
		sync_acquire_hint(thr, key, &n->sync[alt]);
	else
		sync_acquire(thr, key);
}

static ALWAYS_INLINE void release_key(struct crace_thread *thr,
				      struct lock_node *n, uptr addr, bool alt)
{
	uptr key = alt ? addr | SYNC_ALT_KEY : addr;
	if (n)
		sync_release_hint(thr, key, &n->sync[alt]);
	else
		sync_release(thr, key);
}

/* EOWNERDEAD: a robust mutex whose owner died is acquired all the same. */
void lock_end(struct lock_op *op, void *addr, enum lock_type type, int r)
{
	struct crace_thread *thr = op->thr;
	if (!thr || (r != 0 && r != EOWNERDEAD))
		return;
	struct lock_node *n = op->node;
	if (n) {
		runtime_enter(thr);
		held_add(op, 1);
		runtime_exit(thr);
	}
	acquire_key(thr, n, (uptr)addr, false);
	/* A writer also acquires what the readers released. */
	if (type == LOCK_RWLOCK && (op->flags & LOCK_WRITE))
		acquire_key(thr, n, (uptr)addr, true);
}

void lock_unlock(struct crace_thread *thr, void *addr, enum lock_type type,
		 bool alt, uptr pc0, uptr pc1)
{
	if (!thr)
		return;
	if (!locks_enabled) {
		release_key(thr, NULL, (uptr)addr, alt);
		return;
	}
	runtime_enter(thr);
	/* The common case needs no node lookup: the thread holds the lock (so
	 * it cannot have been destroyed: glibc refuses while it is held). */
	struct lock_set *ls = lock_set_of(thr);
	struct held_lock *h = held_find_addr(ls, (uptr)addr);
	struct lock_node *n;
	if (h) {
		n = h->node;
		if (--h->count == 0) {
			h->count = 1;
			held_drop(ls, h);
		}
		runtime_exit(thr);
		release_key(thr, n, (uptr)addr, alt);
		return;
	}
	n = node_for_use(thr, addr, type, pc0, pc1);
	/* Error-checking and recursive mutexes refuse an unlock by a thread
	 * that does not own them with EPERM, a defined result. */
	if (n && crace_opts.report_mutex_bugs &&
	    !(type == LOCK_MUTEX &&
	      mutex_kind_checks_owner(mutex_kind(addr)))) {
		int owner = load_relaxed(&n->owner);
		enum misuse_kind kind = MISUSE_UNLOCK_UNLOCKED;
		/* glibc takes an unlock by a thread that is not the writer
		 * as a read unlock. */
		if (owner >= 0)
			kind = type == LOCK_RWLOCK
				       ? MISUSE_READ_UNLOCK_WRITE_LOCKED
				       : MISUSE_UNLOCK_OTHER;
		else if (load_relaxed(&n->readers) > 0)
			kind = MISUSE_UNLOCK_OTHER;
		misuse(thr, kind, n, pc0, pc1, owner, 0);
		/* The lock is now unlocked, whoever held it. */
		if (kind == MISUSE_UNLOCK_OTHER && owner >= 0 &&
		    type != LOCK_RWLOCK)
			store_relaxed(&n->owner, -1);
	}
	runtime_exit(thr);
	release_key(thr, n, (uptr)addr, alt);
}

void lock_created(struct crace_thread *thr, void *addr, enum lock_type type,
		  uptr pc0, uptr pc1)
{
	if (!thr || !locks_enabled)
		return;
	runtime_enter(thr);
	struct lock_node *n = mutex_node((uptr)addr, type);
	mutex_node_reset(n, false);
	mutex_node_created(n, thread_stack_handle(thr, pc0, pc1), true);
	runtime_exit(thr);
}

void lock_destroy_begin(struct crace_thread *thr, void *addr, uptr pc0,
			uptr pc1)
{
	if (!thr || !locks_enabled)
		return;
	runtime_enter(thr);
	struct lock_node *n = mutex_node_find((uptr)addr);
	if (n && n->type == LOCK_MUTEX &&
	    mutex_kind(addr) == MUTEX_KIND_DESTROYED) {
		if (crace_opts.report_mutex_bugs)
			misuse(thr, MISUSE_USE_DESTROYED, n, pc0, pc1,
			       load_relaxed(&n->destroyed_by),
			       load_relaxed(&n->destroyed_at));
	} else if (n && crace_opts.report_destroy_locked) {
		int owner = load_relaxed(&n->owner);
		if (owner >= 0 || load_relaxed(&n->readers) > 0)
			misuse(thr, MISUSE_DESTROY_LOCKED, n, pc0, pc1, owner,
			       0);
	}
	runtime_exit(thr);
}

void lock_destroy_end(struct crace_thread *thr, void *addr, enum lock_type type,
		      int r, uptr pc0, uptr pc1)
{
	if (!thr || !locks_enabled || r != 0)
		return;
	runtime_enter(thr);
	struct lock_node *n = mutex_node((uptr)addr, type);
	mutex_node_reset(n, true);
	store_relaxed(&n->destroyed_at, thread_stack_handle(thr, pc0, pc1));
	store_relaxed(&n->destroyed_by, thr->uid);
	runtime_exit(thr);
}

void cond_wait_begin(struct cond_op *op, struct crace_thread *thr, void *cond,
		     pthread_mutex_t *m, uptr pc0, uptr pc1)
{
	op->relock.thr = thr;
	op->relock.node = NULL;
	op->cond_addr = cond;
	op->mutex = m;
	op->cond = NULL;
	if (!thr)
		return;
	if (!locks_enabled) {
		release_key(thr, NULL, (uptr)m, false);
		return;
	}
	runtime_enter(thr);
	struct lock_node *mn = node_for_use(thr, m, LOCK_MUTEX, pc0, pc1);
	if (!mn) {
		runtime_exit(thr);
		release_key(thr, NULL, (uptr)m, false);
		return;
	}
	struct lock_set *ls = lock_set_of(thr);
	u32 gen = load_relaxed(&mn->gen);
	struct held_lock *h = held_find(ls, mn);
	op->count = 1;
	stack_handle here = 0;
	if (crace_opts.report_mutex_bugs)
		here = thread_stack_handle(thr, pc0, pc1);
	if (h && h->gen == gen) {
		op->count = held_drop(ls, h);
	} else if (crace_opts.report_mutex_bugs) {
		struct misuse mu = {.kind = MISUSE_COND_WAIT_UNLOCKED,
				    .lock = mn,
				    .stack = here,
				    .pc = pc1,
				    .other_uid = load_relaxed(&mn->owner),
				    .cond = mutex_node((uptr)cond, LOCK_COND)};
		report_misuse(thr, &mu);
	}
	if (crace_opts.report_mutex_bugs) {
		struct lock_node *cn = mutex_node((uptr)cond, LOCK_COND);
		struct misuse mu = {.kind = MISUSE_COND_TWO_MUTEXES,
				    .lock = mn,
				    .stack = here,
				    .pc = pc1,
				    .cond = cn};
		spin_lock(&cn->cond_lock);
		if (cn->waiters && cn->cond_mutex != (uptr)m) {
			mu.other_lock = mutex_node(cn->cond_mutex, LOCK_MUTEX);
			mu.other_uid = cn->cond_waiter;
			mu.other_stack = cn->cond_waited;
		} else if (!cn->waiters) {
			cn->cond_mutex = (uptr)m;
			cn->cond_waiter = thr->uid;
			cn->cond_waited = here;
		}
		cn->waiters++;
		spin_unlock(&cn->cond_lock);
		if (mu.other_lock)
			report_misuse(thr, &mu);
		op->cond = cn;
	}
	op->relock = (struct lock_op){.thr = thr,
				      .node = mn,
				      .gen = gen,
				      .flags = LOCK_WRITE,
				      .pc0 = pc0,
				      .pc1 = pc1};
	runtime_exit(thr);
	release_key(thr, mn, (uptr)m, false);
}

void cond_wait_end(struct cond_op *op, int r)
{
	struct crace_thread *thr = op->relock.thr;
	if (!thr)
		return;
	struct lock_node *mn = op->relock.node;
	if (mn) {
		runtime_enter(thr);
		if (op->cond) {
			spin_lock(&op->cond->cond_lock);
			op->cond->waiters--;
			spin_unlock(&op->cond->cond_lock);
		}
		/* The wait took the mutex again while the thread held its
		 * other locks: the same edges as a lock. */
		struct lock_set *ls = thr->locks;
		if (ls->n && crace_opts.detect_deadlocks)
			deadlock_before_lock(thr, ls, mn, op->relock.gen, true,
					     op->relock.pc0, op->relock.pc1);
		held_add(&op->relock, op->count);
		runtime_exit(thr);
	}
	/* The mutex is held again also after a failed (timed out) wait. */
	acquire_key(thr, mn, (uptr)op->mutex, false);
	if (r == 0 || r == EOWNERDEAD)
		acquire_key(thr, op->cond, (uptr)op->cond_addr, false);
}

static void held_at_exit(void *arg)
{
	(void)arg;
	struct crace_thread *thr = crace_cur;
	if (!thr || !thr->locks)
		return;
	runtime_enter(thr);
	struct lock_set *ls = thr->locks;
	for (u32 i = 0; i < ls->n; i++) {
		const struct held_lock *h = &ls->held[i];
		struct lock_node *n = h->node;
		/* A robust mutex is made to be left behind by its owner. */
		if (h->gen != load_relaxed(&n->gen) ||
		    (h->write && load_relaxed(&n->owner) != thr->uid) ||
		    (n->type == LOCK_MUTEX &&
		     (mutex_kind((void *)n->addr) & MUTEX_KIND_ROBUST)))
			continue;
		struct misuse m = {
			.kind = MISUSE_HELD_AT_EXIT,
			.lock = n,
			.pc = h->npcs > 1 ? h->pcs[1] : h->pcs[0],
			.other_uid = thr->uid,
			.other_stack = held_stack(h),
		};
		report_misuse(thr, &m);
	}
	runtime_exit(thr);
}
