/* pthread interceptors: thread lifetime (create -> start, exit -> join) and
 * the locks, condition variables, barriers, once and semaphores whose
 * release -> acquire edges carry happens-before. */
#include "access.h"
#include "alloc.h"
#include "interceptors.h"
#include "locks.h"
#include "malloc_cache.h"
#include "sync.h"
#include "unwind.h"
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

DEFINE_REAL(int, pthread_create, pthread_t *, const pthread_attr_t *,
	    void *(*)(void *), void *);
DEFINE_REAL(int, pthread_join, pthread_t, void **);
DEFINE_REAL(int, pthread_tryjoin_np, pthread_t, void **);
DEFINE_REAL(int, pthread_timedjoin_np, pthread_t, void **,
	    const struct timespec *);
DEFINE_REAL(int, pthread_detach, pthread_t);
DEFINE_REAL(void, pthread_exit, void *);
DEFINE_REAL(int, pthread_mutex_init, pthread_mutex_t *,
	    const pthread_mutexattr_t *);
DEFINE_REAL(int, pthread_mutex_destroy, pthread_mutex_t *);
DEFINE_REAL(int, pthread_mutex_lock, pthread_mutex_t *);
DEFINE_REAL(int, pthread_mutex_trylock, pthread_mutex_t *);
DEFINE_REAL(int, pthread_mutex_timedlock, pthread_mutex_t *,
	    const struct timespec *);
DEFINE_REAL(int, pthread_mutex_clocklock, pthread_mutex_t *, clockid_t,
	    const struct timespec *);
DEFINE_REAL(int, pthread_mutex_unlock, pthread_mutex_t *);
DEFINE_REAL(int, pthread_cond_wait, pthread_cond_t *, pthread_mutex_t *);
DEFINE_REAL(int, pthread_cond_timedwait, pthread_cond_t *, pthread_mutex_t *,
	    const struct timespec *);
DEFINE_REAL(int, pthread_cond_signal, pthread_cond_t *);
DEFINE_REAL(int, pthread_cond_broadcast, pthread_cond_t *);
DEFINE_REAL(int, pthread_rwlock_init, pthread_rwlock_t *,
	    const pthread_rwlockattr_t *);
DEFINE_REAL(int, pthread_rwlock_destroy, pthread_rwlock_t *);
DEFINE_REAL(int, pthread_rwlock_rdlock, pthread_rwlock_t *);
DEFINE_REAL(int, pthread_rwlock_tryrdlock, pthread_rwlock_t *);
DEFINE_REAL(int, pthread_rwlock_timedrdlock, pthread_rwlock_t *,
	    const struct timespec *);
DEFINE_REAL(int, pthread_rwlock_wrlock, pthread_rwlock_t *);
DEFINE_REAL(int, pthread_rwlock_trywrlock, pthread_rwlock_t *);
DEFINE_REAL(int, pthread_rwlock_timedwrlock, pthread_rwlock_t *,
	    const struct timespec *);
DEFINE_REAL(int, pthread_rwlock_unlock, pthread_rwlock_t *);
DEFINE_REAL(int, pthread_spin_init, pthread_spinlock_t *, int);
DEFINE_REAL(int, pthread_spin_destroy, pthread_spinlock_t *);
DEFINE_REAL(int, pthread_spin_lock, pthread_spinlock_t *);
DEFINE_REAL(int, pthread_spin_trylock, pthread_spinlock_t *);
DEFINE_REAL(int, pthread_spin_unlock, pthread_spinlock_t *);
DEFINE_REAL(int, pthread_barrier_wait, pthread_barrier_t *);
DEFINE_REAL(int, pthread_once, pthread_once_t *, void (*)(void));
DEFINE_REAL(int, sem_post, sem_t *);
DEFINE_REAL(int, sem_wait, sem_t *);
DEFINE_REAL(int, sem_trywait, sem_t *);
DEFINE_REAL(int, sem_timedwait, sem_t *, const struct timespec *);
DEFINE_REAL(int, sem_clockwait, sem_t *, clockid_t, const struct timespec *);
DEFINE_REAL(int, pthread_rwlock_clockrdlock, pthread_rwlock_t *, clockid_t,
	    const struct timespec *);
DEFINE_REAL(int, pthread_rwlock_clockwrlock, pthread_rwlock_t *, clockid_t,
	    const struct timespec *);
DEFINE_REAL(int, pthread_cond_clockwait, pthread_cond_t *, pthread_mutex_t *,
	    clockid_t, const struct timespec *);
DEFINE_REAL(int, pthread_barrier_init, pthread_barrier_t *,
	    const pthread_barrierattr_t *, unsigned);
DEFINE_REAL(int, pthread_barrier_destroy, pthread_barrier_t *);

/* --- threads --- */

struct start_args {
	struct thread_ctx *ctx;
	void *(*fn)(void *);
	void *arg;
	sigset_t sigmask; /* the creator's, for the new thread once started */
};

/* The new thread starts with every signal blocked: a handler running before
 * thread_start would be taken for a thread the runtime has never seen. */
static void *thread_trampoline(void *p)
{
	struct start_args a = *(struct start_args *)p;
	internal_free(p, sizeof(a));
	thread_start(a.ctx, (uptr)__builtin_frame_address(0));
	pthread_sigmask(SIG_SETMASK, &a.sigmask, NULL);
	void *ret = a.fn(a.arg);
	malloc_cache_close();
	thread_finish(crace_cur);
	return ret;
}

CRACE_EXPORT int pthread_create(pthread_t *th, const pthread_attr_t *attr,
				void *(*fn)(void *), void *arg)
{
	struct crace_thread *thr = intercept_thread();
	if (!thr)
		return REAL(pthread_create)(th, attr, fn, arg);
	struct start_args *a = internal_alloc(sizeof(*a));
	a->fn = fn;
	a->arg = arg;
	runtime_enter(thr);
	stack_handle created_at = unwind_stack_handle(SELF_PC(pthread_create));
	runtime_exit(thr);
	int detach_state = PTHREAD_CREATE_JOINABLE;
	if (attr)
		pthread_attr_getdetachstate(attr, &detach_state);
	struct thread_ctx *ctx = thread_prepare_child(
		thr, created_at, detach_state == PTHREAD_CREATE_DETACHED);
	a->ctx = ctx;
	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &a->sigmask);
	sigset_t mine = a->sigmask; /* a is the child's once it runs */
	int r = REAL(pthread_create)(th, attr, thread_trampoline, a);
	pthread_sigmask(SIG_SETMASK, &mine, NULL);
	if (r) {
		thread_forget_create(ctx);
		internal_free(a, sizeof(*a));
	} else {
		thread_created(ctx, *th);
	}
	return r;
}

static struct thread_ctx *join_target(pthread_t th)
{
	return intercept_thread() ? thread_join_target(th) : NULL;
}

static int after_join(int r, struct thread_ctx *ctx)
{
	struct crace_thread *thr = intercept_thread();
	if (r == 0 && thr && ctx)
		thread_joined(thr, ctx);
	return r;
}

CRACE_EXPORT int pthread_join(pthread_t th, void **ret)
{
	struct thread_ctx *ctx = join_target(th);
	return after_join(REAL(pthread_join)(th, ret), ctx);
}

CRACE_EXPORT int pthread_tryjoin_np(pthread_t th, void **ret)
{
	struct thread_ctx *ctx = join_target(th);
	return after_join(REAL(pthread_tryjoin_np)(th, ret), ctx);
}

CRACE_EXPORT int pthread_timedjoin_np(pthread_t th, void **ret,
				      const struct timespec *ts)
{
	struct thread_ctx *ctx = join_target(th);
	return after_join(REAL(pthread_timedjoin_np)(th, ret, ts), ctx);
}

CRACE_EXPORT int pthread_detach(pthread_t th)
{
	int r = REAL(pthread_detach)(th);
	if (r == 0 && crace_ready)
		thread_detached(th);
	return r;
}

CRACE_EXPORT void pthread_exit(void *ret)
{
	struct crace_thread *thr = intercept_thread();
	if (thr) {
		malloc_cache_close();
		thread_finish(thr);
	}
	REAL(pthread_exit)(ret);
	__builtin_unreachable();
}

/* --- mutexes and friends: acquire after a successful lock, release before
 * the unlock; lock_begin/lock_end and lock_unlock (locks.h) do that and
 * keep the held locks and the lock-order graph and check for misuse --- */

static int acquired(int r, void *addr)
{
	struct crace_thread *thr = intercept_thread();
	if (r == 0 && thr)
		sync_acquire(thr, (uptr)addr);
	return r;
}

static void releasing(void *addr)
{
	struct crace_thread *thr = intercept_thread();
	if (thr)
		sync_release(thr, (uptr)addr);
}

/* Lock operations: `f` is the interceptor (its entry names it in stacks),
 * `flags` LOCK_WRITE and/or LOCK_TRY. */
#define LOCK(f, addr, type, flags, call)                                       \
	do {                                                                   \
		struct lock_op op;                                             \
		lock_begin(&op, intercept_thread(), (void *)(addr), type,      \
			   flags, SELF_PC(f), CALLER_PC());                    \
		int r = call;                                                  \
		lock_end(&op, (void *)(addr), type, r);                        \
		return r;                                                      \
	} while (0)

/* alt: the release goes to the SYNC_ALT_KEY object (an rwlock's readers). */
#define UNLOCK(f, addr, type, alt)                                             \
	lock_unlock(intercept_thread(), (void *)(addr), type, alt, SELF_PC(f), \
		    CALLER_PC())

#define DESTROY(f, addr, type, call)                                           \
	do {                                                                   \
		struct crace_thread *thr = intercept_thread();                 \
		lock_destroy_begin(thr, (void *)(addr), SELF_PC(f),            \
				   CALLER_PC());                               \
		int r = call;                                                  \
		if (r == 0 && crace_ready)                                     \
			sync_destroy((uptr)(addr));                            \
		lock_destroy_end(thr, (void *)(addr), type, r, SELF_PC(f),     \
				 CALLER_PC());                                 \
		return r;                                                      \
	} while (0)

#define INIT(f, addr, type, call)                                              \
	do {                                                                   \
		if (crace_ready)                                               \
			sync_destroy((uptr)(addr));                            \
		int r = call;                                                  \
		if (r == 0)                                                    \
			lock_created(intercept_thread(), (void *)(addr), type, \
				     SELF_PC(f), CALLER_PC());                 \
		return r;                                                      \
	} while (0)

CRACE_EXPORT int pthread_mutex_init(pthread_mutex_t *m,
				    const pthread_mutexattr_t *a)
{
	INIT(pthread_mutex_init, m, LOCK_MUTEX, REAL(pthread_mutex_init)(m, a));
}

CRACE_EXPORT int pthread_mutex_destroy(pthread_mutex_t *m)
{
	DESTROY(pthread_mutex_destroy, m, LOCK_MUTEX,
		REAL(pthread_mutex_destroy)(m));
}

CRACE_EXPORT int pthread_mutex_lock(pthread_mutex_t *m)
{
	LOCK(pthread_mutex_lock, m, LOCK_MUTEX, LOCK_WRITE,
	     REAL(pthread_mutex_lock)(m));
}

CRACE_EXPORT int pthread_mutex_trylock(pthread_mutex_t *m)
{
	LOCK(pthread_mutex_trylock, m, LOCK_MUTEX, LOCK_WRITE | LOCK_TRY,
	     REAL(pthread_mutex_trylock)(m));
}

/* Timed locks give up instead of deadlocking: no edges, as trylock (and as
 * ThreadSanitizer does). */
CRACE_EXPORT int pthread_mutex_timedlock(pthread_mutex_t *m,
					 const struct timespec *ts)
{
	LOCK(pthread_mutex_timedlock, m, LOCK_MUTEX, LOCK_WRITE | LOCK_TRY,
	     REAL(pthread_mutex_timedlock)(m, ts));
}

CRACE_EXPORT int pthread_mutex_clocklock(pthread_mutex_t *m, clockid_t clk,
					 const struct timespec *ts)
{
	LOCK(pthread_mutex_clocklock, m, LOCK_MUTEX, LOCK_WRITE | LOCK_TRY,
	     REAL(pthread_mutex_clocklock)(m, clk, ts));
}

/* glibc refuses (EPERM) to unlock an error-checking, recursive or robust
 * mutex for a thread that does not own it; such a call releases nothing.
 * The fields are glibc's, read as its own unlock does; the caller's tid is
 * the one its thread registered with (a system call for every unlock would
 * cost more than all the rest). */
static bool unlock_refused(struct crace_thread *thr, pthread_mutex_t *m)
{
	int kind = m->__data.__kind;
	bool robust = kind & 16;
	if (!robust && (kind & 3) != PTHREAD_MUTEX_RECURSIVE_NP &&
	    (kind & 3) != PTHREAD_MUTEX_ERRORCHECK_NP)
		return false;
	int owner =
		robust ? (m->__data.__lock & 0x3fffffff) : m->__data.__owner;
	return owner != thread_tid(thr);
}

CRACE_EXPORT int pthread_mutex_unlock(pthread_mutex_t *m)
{
	struct crace_thread *thr = intercept_thread();
	if (thr && !unlock_refused(thr, m))
		lock_unlock(thr, m, LOCK_MUTEX, false,
			    SELF_PC(pthread_mutex_unlock), CALLER_PC());
	return REAL(pthread_mutex_unlock)(m);
}

/* Waiting releases the mutex and reacquires it on the way out (also on a
 * timeout); a signal or broadcast releases to the condvar. */
CRACE_EXPORT int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	struct cond_op op;
	cond_wait_begin(&op, intercept_thread(), c, m,
			SELF_PC(pthread_cond_wait), CALLER_PC());
	int r = REAL(pthread_cond_wait)(c, m);
	cond_wait_end(&op, r);
	return r;
}

CRACE_EXPORT int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
					const struct timespec *ts)
{
	struct cond_op op;
	cond_wait_begin(&op, intercept_thread(), c, m,
			SELF_PC(pthread_cond_timedwait), CALLER_PC());
	int r = REAL(pthread_cond_timedwait)(c, m, ts);
	cond_wait_end(&op, r);
	return r;
}

CRACE_EXPORT int pthread_cond_signal(pthread_cond_t *c)
{
	releasing(c);
	return REAL(pthread_cond_signal)(c);
}

CRACE_EXPORT int pthread_cond_broadcast(pthread_cond_t *c)
{
	releasing(c);
	return REAL(pthread_cond_broadcast)(c);
}

/* rwlocks: a writer's unlock releases to the lock's address, which readers
 * and writers acquire; a reader's unlock releases to a second clock (its
 * SYNC_ALT_KEY object) that only writers acquire, so readers never order
 * each other. glibc records the tid of the thread holding the lock for
 * writing in __cur_writer (0 while read-locked); the thread unlocking holds
 * the lock, so a non-zero value means it is that writer. */
CRACE_EXPORT int pthread_rwlock_init(pthread_rwlock_t *l,
				     const pthread_rwlockattr_t *a)
{
	INIT(pthread_rwlock_init, l, LOCK_RWLOCK,
	     REAL(pthread_rwlock_init)(l, a));
}

CRACE_EXPORT int pthread_rwlock_destroy(pthread_rwlock_t *l)
{
	DESTROY(pthread_rwlock_destroy, l, LOCK_RWLOCK,
		REAL(pthread_rwlock_destroy)(l));
}

CRACE_EXPORT int pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
	LOCK(pthread_rwlock_rdlock, l, LOCK_RWLOCK, 0,
	     REAL(pthread_rwlock_rdlock)(l));
}

CRACE_EXPORT int pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
	LOCK(pthread_rwlock_tryrdlock, l, LOCK_RWLOCK, LOCK_TRY,
	     REAL(pthread_rwlock_tryrdlock)(l));
}

CRACE_EXPORT int pthread_rwlock_timedrdlock(pthread_rwlock_t *l,
					    const struct timespec *ts)
{
	LOCK(pthread_rwlock_timedrdlock, l, LOCK_RWLOCK, LOCK_TRY,
	     REAL(pthread_rwlock_timedrdlock)(l, ts));
}

CRACE_EXPORT int pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
	LOCK(pthread_rwlock_wrlock, l, LOCK_RWLOCK, LOCK_WRITE,
	     REAL(pthread_rwlock_wrlock)(l));
}

CRACE_EXPORT int pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
	LOCK(pthread_rwlock_trywrlock, l, LOCK_RWLOCK, LOCK_WRITE | LOCK_TRY,
	     REAL(pthread_rwlock_trywrlock)(l));
}

CRACE_EXPORT int pthread_rwlock_timedwrlock(pthread_rwlock_t *l,
					    const struct timespec *ts)
{
	LOCK(pthread_rwlock_timedwrlock, l, LOCK_RWLOCK, LOCK_WRITE | LOCK_TRY,
	     REAL(pthread_rwlock_timedwrlock)(l, ts));
}

CRACE_EXPORT int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
	UNLOCK(pthread_rwlock_unlock, l, LOCK_RWLOCK,
	       !load_relaxed(&l->__data.__cur_writer));
	return REAL(pthread_rwlock_unlock)(l);
}

CRACE_EXPORT int pthread_spin_init(pthread_spinlock_t *l, int pshared)
{
	INIT(pthread_spin_init, l, LOCK_SPIN,
	     REAL(pthread_spin_init)(l, pshared));
}

CRACE_EXPORT int pthread_spin_destroy(pthread_spinlock_t *l)
{
	DESTROY(pthread_spin_destroy, l, LOCK_SPIN,
		REAL(pthread_spin_destroy)(l));
}

CRACE_EXPORT int pthread_spin_lock(pthread_spinlock_t *l)
{
	LOCK(pthread_spin_lock, (void *)l, LOCK_SPIN, LOCK_WRITE,
	     REAL(pthread_spin_lock)(l));
}

CRACE_EXPORT int pthread_spin_trylock(pthread_spinlock_t *l)
{
	LOCK(pthread_spin_trylock, (void *)l, LOCK_SPIN, LOCK_WRITE | LOCK_TRY,
	     REAL(pthread_spin_trylock)(l));
}

CRACE_EXPORT int pthread_spin_unlock(pthread_spinlock_t *l)
{
	UNLOCK(pthread_spin_unlock, (void *)l, LOCK_SPIN, false);
	return REAL(pthread_spin_unlock)(l);
}

CRACE_EXPORT int pthread_barrier_init(pthread_barrier_t *b,
				      const pthread_barrierattr_t *a,
				      unsigned count)
{
	int r = REAL(pthread_barrier_init)(b, a, count);
	if (r == 0 && crace_ready)
		barrier_init((uptr)b, count);
	return r;
}

CRACE_EXPORT int pthread_barrier_destroy(pthread_barrier_t *b)
{
	int r = REAL(pthread_barrier_destroy)(b);
	if (r == 0 && crace_ready)
		barrier_destroy((uptr)b);
	return r;
}

CRACE_EXPORT int pthread_barrier_wait(pthread_barrier_t *b)
{
	struct crace_thread *thr = intercept_thread();
	long phase = thr ? barrier_arrive(thr, (uptr)b) : -1;
	int r = REAL(pthread_barrier_wait)(b);
	if (thr)
		barrier_depart(thr, (uptr)b, phase);
	return r;
}

/* pthread_once: the thread that runs the routine releases after it; every
 * caller acquires when pthread_once returns. */
static __thread void (*once_routine)(void);
static __thread pthread_once_t *once_control;

static void once_trampoline(void)
{
	void (*fn)(void) = once_routine;
	pthread_once_t *ctl = once_control;
	fn();
	releasing(ctl);
}

CRACE_EXPORT int pthread_once(pthread_once_t *ctl, void (*fn)(void))
{
	void (*saved_fn)(void) = once_routine;
	pthread_once_t *saved_ctl = once_control;
	once_routine = fn;
	once_control = ctl;
	int r = REAL(pthread_once)(ctl, once_trampoline);
	once_routine = saved_fn;
	once_control = saved_ctl;
	return acquired(r, ctl);
}

CRACE_EXPORT int sem_post(sem_t *s)
{
	releasing(s);
	return REAL(sem_post)(s);
}

CRACE_EXPORT int sem_wait(sem_t *s)
{
	return acquired(REAL(sem_wait)(s), s);
}

CRACE_EXPORT int sem_trywait(sem_t *s)
{
	return acquired(REAL(sem_trywait)(s), s);
}

CRACE_EXPORT int sem_timedwait(sem_t *s, const struct timespec *ts)
{
	return acquired(REAL(sem_timedwait)(s, ts), s);
}

/* --- glibc 2.30+ variants taking a clock --- */

CRACE_EXPORT int sem_clockwait(sem_t *s, clockid_t clk,
			       const struct timespec *ts)
{
	return acquired(REAL(sem_clockwait)(s, clk, ts), s);
}

CRACE_EXPORT int pthread_rwlock_clockrdlock(pthread_rwlock_t *l, clockid_t clk,
					    const struct timespec *ts)
{
	LOCK(pthread_rwlock_clockrdlock, l, LOCK_RWLOCK, LOCK_TRY,
	     REAL(pthread_rwlock_clockrdlock)(l, clk, ts));
}

CRACE_EXPORT int pthread_rwlock_clockwrlock(pthread_rwlock_t *l, clockid_t clk,
					    const struct timespec *ts)
{
	LOCK(pthread_rwlock_clockwrlock, l, LOCK_RWLOCK, LOCK_WRITE | LOCK_TRY,
	     REAL(pthread_rwlock_clockwrlock)(l, clk, ts));
}

CRACE_EXPORT int pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m,
					clockid_t clk,
					const struct timespec *ts)
{
	struct cond_op op;
	cond_wait_begin(&op, intercept_thread(), c, m,
			SELF_PC(pthread_cond_clockwait), CALLER_PC());
	int r = REAL(pthread_cond_clockwait)(c, m, clk, ts);
	cond_wait_end(&op, r);
	return r;
}
