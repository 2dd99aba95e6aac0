#include "stackdepot.h"
#include "alloc.h"
#include <string.h>

struct depot_node {
	struct depot_node *next;
	u64 hash;
	u32 n;
	uptr pcs[];
};

#define DEPOT_BUCKETS (1u << 16)
static struct depot_node *buckets[DEPOT_BUCKETS];

static u64 hash_pcs(const uptr *pcs, u32 n)
{
	u64 h = 0xcbf29ce484222325ull ^ n;
	for (u32 i = 0; i < n; i++) {
		h ^= pcs[i];
		h *= 0x100000001b3ull;
		h ^= h >> 29;
	}
	return h;
}

stack_handle stackdepot_put(const uptr *pcs, u32 n)
{
	u64 h = hash_pcs(pcs, n);
	struct depot_node **head = &buckets[h % DEPOT_BUCKETS];
	struct depot_node *first = load_acquire(head), *fresh = NULL;
	for (;;) {
		for (struct depot_node *d = first; d; d = d->next)
			if (d->hash == h && d->n == n &&
			    !memcmp(d->pcs, pcs, n * sizeof(uptr))) {
				if (fresh)
					internal_free(fresh,
						      sizeof(*fresh) +
							      n * sizeof(uptr));
				return (stack_handle)d;
			}
		if (!fresh) {
			fresh = internal_alloc(sizeof(*fresh) +
					       n * sizeof(uptr));
			fresh->hash = h;
			fresh->n = n;
			memcpy(fresh->pcs, pcs, n * sizeof(uptr));
		}
		fresh->next = first;
		if (__atomic_compare_exchange_n(head, &first, fresh, false,
						__ATOMIC_RELEASE,
						__ATOMIC_ACQUIRE))
			return (stack_handle)fresh;
	}
}

const uptr *stackdepot_get(stack_handle h, u32 *n)
{
	struct depot_node *d = (struct depot_node *)h;
	if (!d) {
		*n = 0;
		return NULL;
	}
	*n = d->n;
	return d->pcs;
}
