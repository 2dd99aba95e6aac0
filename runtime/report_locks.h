/* Reports about locks, in the race reports' layout: lock-order inversions
 * (potential deadlocks) and mutex misuse. Each kind of misuse is reported
 * once per call site, each cycle once per process. */
#ifndef CRACE_REPORT_LOCKS_H
#define CRACE_REPORT_LOCKS_H

#include "deadlock.h"
#include "mutex_state.h"
#include "output.h"

/* One edge of a cycle: its source lock and the edge itself. */
struct cycle_edge {
	struct lock_node *from;
	u32 from_gen;
	struct edge e;
};

void report_lock_order(struct crace_thread *thr, const struct cycle_edge *cy,
		       u32 n);

enum misuse_kind {
	MISUSE_DOUBLE_LOCK,
	MISUSE_UNLOCK_UNLOCKED,
	MISUSE_UNLOCK_OTHER,
	MISUSE_READ_UNLOCK_WRITE_LOCKED,
	MISUSE_DESTROY_LOCKED,
	MISUSE_USE_DESTROYED,
	MISUSE_COND_WAIT_UNLOCKED,
	MISUSE_COND_TWO_MUTEXES,
	MISUSE_HELD_AT_EXIT,
};

struct misuse {
	enum misuse_kind kind;
	struct lock_node *lock;
	stack_handle stack;	  /* where it happened */
	uptr pc;		  /* its call site, for deduplication */
	int other_uid;		  /* the holder, or the other waiter */
	stack_handle other_stack; /* the earlier acquisition, the destroy, the
				     other wait */
	struct lock_node *cond;	  /* the condition variable */
	struct lock_node *other_lock; /* the other waiter's mutex */
};

void report_misuse(struct crace_thread *thr, const struct misuse *m);

/* A fork child counts and deduplicates its own reports (and leaks). */
void report_locks_fork_child(void);

/* Reports of these kinds so far, for the exit status. */
u64 report_locks_count(void);
/* Appends "Found N ..." lines for the kinds that were reported. */
void report_locks_summary(struct strbuf *sb);

#endif
