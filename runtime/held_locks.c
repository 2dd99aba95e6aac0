#include "held_locks.h"
#include "alloc.h"
#include <string.h>

struct lock_set *lock_set_create(void)
{
	struct lock_set *ls = internal_alloc(sizeof(*ls));
	ls->held = ls->inline_held;
	ls->cap = HELD_INLINE;
	return ls;
}

void lock_set_free(struct lock_set *ls)
{
	if (!ls)
		return;
	if (ls->held != ls->inline_held)
		internal_free(ls->held, ls->cap * sizeof(*ls->held));
	internal_free(ls, sizeof(*ls));
}

void held_grow(struct lock_set *ls)
{
	u32 cap = ls->cap * 2;
	struct held_lock *h = internal_alloc(cap * sizeof(*h));
	memcpy(h, ls->held, ls->n * sizeof(*h));
	if (ls->held != ls->inline_held)
		internal_free(ls->held, ls->cap * sizeof(*h));
	ls->held = h;
	ls->cap = cap;
}

void held_remove_inner(struct lock_set *ls, struct held_lock *h)
{
	u32 i = (u32)(h - ls->held);
	memmove(h, h + 1, (ls->n - i - 1) * sizeof(*h));
	ls->n--;
}

stack_handle held_stack(const struct held_lock *h)
{
	return stackdepot_put(h->pcs, h->npcs);
}
