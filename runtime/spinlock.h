/* A test-and-test-and-set lock for the runtime's short critical sections
 * (slow paths only: never taken on the access fast path). */
#ifndef CRACE_SPINLOCK_H
#define CRACE_SPINLOCK_H

#include "common.h"
#include "self_check.h"
#include <sched.h>

/* Runtime locks the calling thread holds: a signal handler that finds it
 * non-zero interrupted the runtime and must not take runtime locks itself
 * (see interceptors_signal.c). */
extern __thread int crace_locks_held;

struct spinlock {
	int locked;
};

#define SPINLOCK_INIT                                                          \
	{                                                                      \
		0                                                              \
	}

static inline void spin_lock(struct spinlock *l)
{
	crace_locks_held++;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	for (int spins = 0;; spins++) {
		if (!__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE)) {
			hg_happens_after(l);
			return;
		}
		while (load_relaxed(&l->locked)) {
			if (++spins < 100)
				__builtin_ia32_pause();
			else
				sched_yield();
		}
	}
}

static inline bool spin_trylock(struct spinlock *l)
{
	if (load_relaxed(&l->locked) ||
	    __atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		return false;
	crace_locks_held++;
	hg_happens_after(l);
	return true;
}

static inline void spin_unlock(struct spinlock *l)
{
	hg_happens_before(l);
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	crace_locks_held--;
}

#endif
