/* What the lock interceptors tell the runtime about locks, apart from
 * happens-before: the per-thread held set, the lock-order graph and the
 * misuse checks. Each lock operation is a lock_begin before the real call
 * (checks that must come before the program blocks: a double lock hangs, a
 * lock-order cycle may deadlock) and a lock_end after it. */
#ifndef CRACE_LOCKS_H
#define CRACE_LOCKS_H

#include "mutex_state.h"
#include "thread.h"

#define LOCK_WRITE 1u /* exclusive: mutexes, spinlocks, rwlock wrlock */
#define LOCK_TRY   2u /* cannot block: trylock and timed locks add no edges */
#define LOCK_HELD  4u /* (lock_op) the thread held it already */

struct lock_op {
	struct crace_thread *thr; /* NULL: not tracked */
	struct lock_node *node;
	u32 gen;
	unsigned flags;
	uptr pc0, pc1; /* the interceptor and its caller */
};

/* Whether any of the lock checks is on (decided at start-up). */
extern bool locks_enabled;

void locks_init(void);

/* pc0 is the interceptor's own address (printed as its name), pc1 the
 * return address into the program. */
void lock_begin(struct lock_op *op, struct crace_thread *thr, void *addr,
		enum lock_type type, unsigned flags, uptr pc0, uptr pc1);
/* After the real call returned r; 0 (or EOWNERDEAD) means acquired. */
void lock_end(struct lock_op *op, int r);

void lock_unlock(struct crace_thread *thr, void *addr, enum lock_type type,
		 uptr pc0, uptr pc1);
void lock_created(struct crace_thread *thr, void *addr, enum lock_type type,
		  uptr pc0, uptr pc1);
/* Around the real destroy: the check, then (if it succeeded) the reset. */
void lock_destroy_begin(struct crace_thread *thr, void *addr, uptr pc0,
			uptr pc1);
void lock_destroy_end(struct crace_thread *thr, void *addr, enum lock_type type,
		      int r, uptr pc0, uptr pc1);

/* A condition wait releases the mutex and takes it again before
 * returning. */
struct cond_op {
	struct lock_op relock;
	struct lock_node *cond;
	u32 count; /* recursive holds to restore */
};
void cond_wait_begin(struct cond_op *op, struct crace_thread *thr, void *cond,
		     pthread_mutex_t *m, uptr pc0, uptr pc1);
void cond_wait_end(struct cond_op *op);

#endif
