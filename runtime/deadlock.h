/* The lock-order graph: an edge A -> B records that some thread acquired B
 * while holding A, with the thread and both acquisition stacks. A cycle is a
 * potential deadlock (threads taking the locks of the cycle along different
 * edges can block each other forever), reported the first time an edge
 * closes it, whether or not the run actually deadlocked.
 *
 * Each edge also records the modes: whether A was held for writing and B
 * acquired for writing (mutexes and spinlocks always are). Two readers of an
 * rwlock do not block each other, so a path only continues through a lock
 * if the thread waiting for it and the thread holding it conflict: at least
 * one of them wants it exclusively.
 *
 * Cost: a thread that holds nothing adds no edges. One that does looks each
 * (held, acquired) pair up in its own small cache of edges known to exist;
 * only a miss takes the graph's global lock, and only an edge that is really
 * new runs the cycle search. */
#ifndef CRACE_DEADLOCK_H
#define CRACE_DEADLOCK_H

#include "thread.h"

struct lock_node;
struct held_lock;
struct lock_set;

struct edge {
	struct lock_node *to;
	u32 to_gen;
	bool hold_write, acq_write;
	int uid;		 /* the thread that added the edge */
	stack_handle held_stack; /* where it had acquired the source */
	stack_handle acq_stack;	 /* where it acquired the target */
};

#define EDGE_CACHE_SIZE 256

struct edge_cache_entry {
	struct lock_node *from, *to;
	u32 from_gen, to_gen;
	u8 modes;
};

/* Edges this thread knows to be in the graph; keyed by generations, so an
 * entry about a destroyed lock can never match again. */
struct edge_cache {
	struct edge_cache_entry e[EDGE_CACHE_SIZE];
};

/* thr, holding the locks of ls, is about to acquire `to` (generation
 * to_gen) for writing or reading; pc0/pc1 name the interceptor and its
 * caller. Adds the missing edges and reports the cycles they close. */
void deadlock_before_lock(struct crace_thread *thr, struct lock_set *ls,
			  struct lock_node *to, u32 to_gen, bool write,
			  uptr pc0, uptr pc1);

/* The lock at n's address is gone (destroyed or re-initialised): drop its
 * outgoing edges. Edges into it die with its generation. */
void deadlock_forget(struct lock_node *n);

/* fork: the graph's lock is held across it (see interceptors_process.c);
 * the child reports its own cycles, including ones its parent did. */
void deadlock_fork_lock(void);
void deadlock_fork_unlock(void);
void deadlock_fork_child(void);

#endif
