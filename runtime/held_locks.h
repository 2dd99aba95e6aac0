/* The locks a thread holds, with the stack each was acquired at. A thread
 * rarely holds more than a few, so it is a plain array searched from the
 * top (the most recent lock is the one usually released first): 64 entries
 * inline, then a heap array for programs that hold more.
 *
 * Stacks are copied as raw pcs when the lock is taken (a memcpy of the
 * shadow stack) and only turned into stack-depot handles when a report or
 * a new lock-order edge needs them, which keeps hashing off the lock path. */
#ifndef CRACE_HELD_LOCKS_H
#define CRACE_HELD_LOCKS_H

#include "deadlock.h"
#include "mutex_state.h"
#include "thread.h"

#define HELD_INLINE    64
#define HELD_STACK_MAX 32 /* frames kept of an acquisition stack */

struct held_lock {
	uptr addr;
	struct lock_node *node;
	u32 gen;   /* the node's generation when it was acquired */
	u32 count; /* recursive acquisitions */
	bool write;
	u8 npcs;
	uptr pcs[HELD_STACK_MAX]; /* [interceptor, caller, shadow stack...] */
};

/* Per-thread lock state, created on the thread's first lock. */
struct lock_set {
	struct held_lock *held; /* inline_held, or a heap array past 64 */
	u32 n, cap;
	struct edge_cache cache;
	struct held_lock inline_held[HELD_INLINE];
};

struct lock_set *lock_set_create(void);
void lock_set_free(struct lock_set *ls);

static inline struct held_lock *held_find(struct lock_set *ls,
					  struct lock_node *n)
{
	for (u32 i = ls->n; i > 0; i--)
		if (ls->held[i - 1].node == n)
			return &ls->held[i - 1];
	return NULL;
}

/* The same by the lock's address, without looking its node up. */
static inline struct held_lock *held_find_addr(struct lock_set *ls, uptr addr)
{
	for (u32 i = ls->n; i > 0; i--)
		if (ls->held[i - 1].addr == addr)
			return &ls->held[i - 1];
	return NULL;
}

void held_grow(struct lock_set *ls); /* cap entries more */

/* A new entry on top (its addr, node, gen, count and mode are the
 * caller's to fill), with the current stack. */
static ALWAYS_INLINE struct held_lock *
held_push(struct crace_thread *thr, struct lock_set *ls, uptr pc0, uptr pc1)
{
	if (unlikely(ls->n == ls->cap))
		held_grow(ls);
	struct held_lock *h = &ls->held[ls->n++];
	/* thread_stack_pcs's copy, for the few frames a lock is usually
	 * taken under: a plain loop, not vectorised (its set-up would cost
	 * more than it saves). */
	u32 n = 0;
	h->pcs[n++] = pc0;
	if (pc1)
		h->pcs[n++] = pc1;
	u32 d = thr->depth;
	if (d <= SHADOW_STACK_MAX) {
		const uptr *top = thr->stack + d;
		u32 k = d < HELD_STACK_MAX - n ? d : HELD_STACK_MAX - n;
#pragma clang loop vectorize(disable) unroll(disable)
		for (u32 i = 0; i < k; i++)
			h->pcs[n + i] = top[-1 - (int)i];
		n += k;
	}
	h->npcs = (u8)n;
	return h;
}

void held_remove_inner(struct lock_set *ls, struct held_lock *h);

/* Usually the last lock taken is the first released. */
static inline void held_remove(struct lock_set *ls, struct held_lock *h)
{
	if (likely(h == &ls->held[ls->n - 1]))
		ls->n--;
	else
		held_remove_inner(ls, h);
}

/* The acquisition stack of a held lock, as a depot handle. */
stack_handle held_stack(const struct held_lock *h);

#endif
