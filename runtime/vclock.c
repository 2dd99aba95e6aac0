#include "vclock.h"
#include "alloc.h"
#include <string.h>

void vc_init(struct vclock *vc)
{
	vc->clk = NULL;
	vc->size = vc->cap = 0;
	vc->changes = 0;
}

void vc_free(struct vclock *vc)
{
	internal_free(vc->clk, vc->cap * sizeof(u64));
	vc_init(vc);
}

/* Out of line: clocks reach their size early and rarely grow after. */
static NOINLINE void vc_grow(struct vclock *vc, u32 size)
{
	if (size > vc->cap) {
		u32 cap = vc->cap ? vc->cap : 8;
		while (cap < size)
			cap *= 2;
		vc->clk = internal_realloc(vc->clk, vc->cap * sizeof(u64),
					   cap * sizeof(u64));
		vc->cap = cap;
	}
	if (size > vc->size) {
		memset(vc->clk + vc->size, 0, (size - vc->size) * sizeof(u64));
		vc->size = size;
	}
}

void vc_set(struct vclock *vc, unsigned slot, u64 clock)
{
	if (slot >= vc->size)
		vc_grow(vc, slot + 1);
	vc->clk[slot] = clock;
	vc->changes++;
}

bool vc_join(struct vclock *dst, const struct vclock *src)
{
	u32 n = src->size;
	if (unlikely(n > dst->size))
		vc_grow(dst, n);
	u64 *restrict d = dst->clk;
	const u64 *restrict s = src->clk;
	bool changed = false;
	for (u32 i = 0; i < n; i++) {
		if (s[i] > d[i]) {
			d[i] = s[i];
			changed = true;
		}
	}
	dst->changes += changed;
	return changed;
}

/* One loop, not memcpy and memset: clocks are a few entries, and the
 * runtime's own calls to those go through its interceptors. (A plain copy
 * loop would be turned back into a memcpy call.) */
void vc_copy(struct vclock *dst, const struct vclock *src)
{
	if (src->size > dst->size)
		vc_grow(dst, src->size);
	for (u32 i = 0; i < dst->size; i++)
		dst->clk[i] = i < src->size ? src->clk[i] : 0;
	dst->changes++;
}

bool vc_leq(const struct vclock *a, const struct vclock *b)
{
	for (u32 i = 0; i < a->size; i++)
		if (a->clk[i] > vc_get(b, i))
			return false;
	return true;
}
