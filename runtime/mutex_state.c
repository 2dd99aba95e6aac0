#include "mutex_state.h"
#include "alloc.h"
#include "deadlock.h"

struct lock_node *mutex_node_buckets[MUTEX_NODE_BUCKETS];

static struct lock_node *chain_find(struct lock_node *n, uptr addr)
{
	for (; n; n = load_acquire(&n->next))
		if (n->addr == addr)
			return n;
	return NULL;
}

struct lock_node *mutex_node_find(uptr addr)
{
	return chain_find(load_acquire(mutex_node_bucket(addr)), addr);
}

struct lock_node *mutex_node_slow(uptr addr, enum lock_type type)
{
	struct lock_node **head = mutex_node_bucket(addr);
	struct lock_node *first = load_acquire(head), *fresh = NULL, *n;
	for (;;) {
		n = chain_find(first, addr);
		if (n) {
			if (fresh)
				internal_free(fresh, sizeof(*fresh));
			return n;
		}
		if (!fresh) {
			fresh = internal_alloc(sizeof(*fresh));
			fresh->addr = addr;
			fresh->type = type;
			fresh->owner = -1;
			fresh->destroyed_by = -1;
			fresh->cond_waiter = -1;
		}
		fresh->next = first;
		if (__atomic_compare_exchange_n(head, &first, fresh, false,
						__ATOMIC_RELEASE,
						__ATOMIC_ACQUIRE))
			return fresh;
	}
}

void mutex_node_reset(struct lock_node *n, bool destroyed)
{
	/* The new generation first: an edge being added concurrently for the
	 * old lock is then either refused or already there to be dropped. */
	__atomic_add_fetch(&n->gen, 1, __ATOMIC_RELAXED);
	deadlock_forget(n);
	store_relaxed(&n->owner, -1);
	store_relaxed(&n->readers, 0);
	store_relaxed(&n->destroyed, destroyed);
	if (!destroyed)
		store_relaxed(&n->created, 0);
}

void mutex_node_created(struct lock_node *n, stack_handle h, bool by_init)
{
	stack_handle none = 0;
	if (__atomic_compare_exchange_n(&n->created, &none, h, false,
					__ATOMIC_RELAXED, __ATOMIC_RELAXED))
		store_relaxed(&n->created_by_init, by_init);
}
