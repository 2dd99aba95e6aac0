/* Vector clocks: one logical clock per thread slot. A missing entry is 0.
 * Threads, mutexes, atomics' addresses and other sync objects each own one;
 * FastTrack keeps them off the access path except for one load of
 * vc->clk[slot] when an access meets another thread's record. */
#ifndef CRACE_VCLOCK_H
#define CRACE_VCLOCK_H

#include "common.h"

struct vclock {
	u64 *clk;
	u32 size; /* entries in use: slots [0, size) */
	u32 cap;
	/* Counts the changes made through vc_set, vc_join and vc_copy, not
	 * the direct stores of thread_tick to a thread's own entry: a thread
	 * whose count is as it was differs from a copy of its clock taken
	 * then only in its own entry (sync.c's release). */
	u64 changes;
};

static inline u64 vc_get(const struct vclock *vc, unsigned slot)
{
	return slot < vc->size ? vc->clk[slot] : 0;
}

void vc_init(struct vclock *vc);
void vc_free(struct vclock *vc);
void vc_set(struct vclock *vc, unsigned slot, u64 clock);
/* dst[i] = max(dst[i], src[i]); returns whether dst changed. */
bool vc_join(struct vclock *dst, const struct vclock *src);
void vc_copy(struct vclock *dst, const struct vclock *src);
/* Every entry of a <= the same entry of b. */
bool vc_leq(const struct vclock *a, const struct vclock *b);

#endif
