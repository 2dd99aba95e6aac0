/* What the lock interceptors tell the runtime: the happens-before edges of
 * a lock, and apart from them the per-thread held set, the lock-order graph
 * and the misuse checks. Each lock operation is a lock_begin before the
 * real call (checks that must come before the program blocks: a double lock
 * hangs, a lock-order cycle may deadlock) and a lock_end after it; an
 * unlock is one lock_unlock before the real call. */
#ifndef CRACE_LOCKS_H
#define CRACE_LOCKS_H

#include "mutex_state.h"
#include "thread.h"

#define LOCK_WRITE 1u /* exclusive: mutexes, spinlocks, rwlock wrlock */
#define LOCK_TRY   2u /* cannot block: trylock and timed locks add no edges */
#define LOCK_HELD  4u /* (lock_op) the thread held it already */

struct lock_op {
	struct crace_thread *thr; /* NULL: the runtime stays out */
	struct lock_node *node;	  /* NULL: no lock checks (off, or destroyed) */
	u32 gen;
	unsigned flags;
	uptr pc0, pc1; /* the interceptor and its caller */
};

/* Whether any of the lock checks is on (decided at start-up). */
extern bool locks_enabled;

void locks_init(void);

/* thr: intercept_thread(). pc0 is the interceptor's own address (printed
 * as its name), pc1 the return address into the program. */
void lock_begin(struct lock_op *op, struct crace_thread *thr, void *addr,
		enum lock_type type, unsigned flags, uptr pc0, uptr pc1);
/* After the real call returned r; 0 (or EOWNERDEAD) means acquired: the
 * thread acquires the clock released to addr, and a writer of an rwlock
 * also its readers' (addr's SYNC_ALT_KEY object). */
void lock_end(struct lock_op *op, void *addr, enum lock_type type, int r);

/* Before the real unlock: the checks, then the release to addr, or to its
 * SYNC_ALT_KEY object for a reader of an rwlock (`alt`). */
void lock_unlock(struct crace_thread *thr, void *addr, enum lock_type type,
		 bool alt, uptr pc0, uptr pc1);
void lock_created(struct crace_thread *thr, void *addr, enum lock_type type,
		  uptr pc0, uptr pc1);
/* Around the real destroy: the check, then (if it succeeded) the reset. */
void lock_destroy_begin(struct crace_thread *thr, void *addr, uptr pc0,
			uptr pc1);
void lock_destroy_end(struct crace_thread *thr, void *addr, enum lock_type type,
		      int r, uptr pc0, uptr pc1);

/* A condition wait releases the mutex and takes it again before
 * returning; the wake-up acquires the condvar's clock when the wait
 * returned r == 0. */
struct cond_op {
	struct lock_op relock;
	void *cond_addr, *mutex;
	struct lock_node *cond;
	u32 count; /* recursive holds to restore */
};
void cond_wait_begin(struct cond_op *op, struct crace_thread *thr, void *cond,
		     pthread_mutex_t *m, uptr pc0, uptr pc1);
void cond_wait_end(struct cond_op *op, int r);

#endif
