/* Per-address state of the locks and condition variables the program uses,
 * for the lock-order graph and the misuse checks: who holds a lock, where it
 * was created or first used, whether it was destroyed.
 *
 * A node is found by address in a lock-free hash table and never freed, so
 * a pointer to it stays valid for the life of the process. A node is reused
 * by every lock that lives at its address in turn: pthread_*_init and
 * pthread_mutex_destroy start a new *generation*, and whatever was learned
 * about the previous lock at that address (its lock-order edges, per-thread
 * caches) is keyed by the old generation and so no longer applies. */
#ifndef CRACE_MUTEX_STATE_H
#define CRACE_MUTEX_STATE_H

#include "spinlock.h"
#include "stackdepot.h"
#include <pthread.h>

enum lock_type { LOCK_MUTEX, LOCK_RWLOCK, LOCK_SPIN, LOCK_COND };

struct edge;
struct sync_obj;

struct lock_node {
	uptr addr;
	struct lock_node *next; /* hash chain */
	u32 gen;		/* generation, see above */
	u8 type;		/* enum lock_type of the first use */
	bool destroyed;	      /* pthread_mutex_destroy'd, not re-initialised */
	bool created_by_init; /* `created` is pthread_*_init's stack */
	int owner;	      /* uid of the exclusive holder, or -1 */
	int readers;	      /* read holders of an rwlock */
	stack_handle created; /* init's stack, else the first use's */
	stack_handle destroyed_at;
	int destroyed_by;
	/* The sync objects (sync.h) of the address and of its SYNC_ALT_KEY
	 * twin as last seen, so a lock operation finds its clock without the
	 * sync table's lookup (a hint: checked under the object's lock). */
	struct sync_obj *sync[2];

	/* Lock-order graph (deadlock.c), under its global lock. */
	struct edge *out;
	u32 nout, out_cap;
	u32 visit[2]; /* DFS stamps, by the mode the node was reached in */

	/* Condition variables: the mutex the current waiters use. */
	struct spinlock cond_lock;
	u32 waiters;
	uptr cond_mutex;
	int cond_waiter;	  /* uid of the thread that set cond_mutex */
	stack_handle cond_waited; /* and where it waited */
};

#define MUTEX_NODE_BUCKETS (1u << 16)
/* Chains only ever grow at the head, by compare-and-swap, so readers walk
 * them without a lock. */
extern struct lock_node *mutex_node_buckets[MUTEX_NODE_BUCKETS];

static inline struct lock_node **mutex_node_bucket(uptr addr)
{
	return &mutex_node_buckets[(addr >> 3) * 0x9E3779B97F4A7C15ull >> 48];
}

struct lock_node *mutex_node_slow(uptr addr, enum lock_type type);

/* The node for addr, created on first use. Inline: a lock's node is
 * usually the first of its chain. */
static inline struct lock_node *mutex_node(uptr addr, enum lock_type type)
{
	struct lock_node *n = load_acquire(mutex_node_bucket(addr));
	if (likely(n && n->addr == addr))
		return n;
	return mutex_node_slow(addr, type);
}

/* The node for addr, or NULL if the address was never used as a lock. */
struct lock_node *mutex_node_find(uptr addr);

/* A new lock now lives at the node's address (init, or destroy when
 * `destroyed`): start a new generation and forget the old lock's state. */
void mutex_node_reset(struct lock_node *n, bool destroyed);

/* Sets the creation stack if none is known yet (statically initialised
 * locks are "created" by their first use). */
void mutex_node_created(struct lock_node *n, stack_handle h, bool by_init);

/* glibc's mutex kind, read from the mutex itself as glibc does: the type
 * lives in pthread_mutex_t's public __data.__kind field (its position is
 * fixed by the static initialisers), and pthread_mutex_destroy stores -1
 * there, so a destroyed mutex is recognised even if its node was reused. */
#define MUTEX_KIND_DESTROYED (-1)
#define MUTEX_KIND_TYPE_MASK 3 /* PTHREAD_MUTEX_{NORMAL,RECURSIVE,...} */
#define MUTEX_KIND_ROBUST    16

static inline int mutex_kind(const pthread_mutex_t *m)
{
	return load_relaxed(&m->__data.__kind);
}

/* Error-checking and recursive mutexes track their owner: a relock counts
 * (recursive) or fails with EDEADLK, an unlock by another thread fails with
 * EPERM. */
static inline bool mutex_kind_checks_owner(int kind)
{
	int type = kind & MUTEX_KIND_TYPE_MASK;
	return type == PTHREAD_MUTEX_RECURSIVE ||
	       type == PTHREAD_MUTEX_ERRORCHECK;
}

#endif
