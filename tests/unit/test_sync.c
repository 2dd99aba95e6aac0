/* The sync table's lock-free lookups: objects of one stripe die and are
 * reused (for this stripe's and another's addresses) while other threads
 * look up a live object of the same stripe, which must always be found,
 * and an address that never had one, which must never be.
 *
 * Usage: test_sync [ITERATIONS] */
#include "sync.h"
#include "unit.h"
#include <pthread.h>
#include <stdlib.h>

#define CHURN 8

static long iterations;
static uptr live, absent, churn[CHURN], elsewhere[CHURN];
static int stop;
static long lookup_misses, absent_hits, lock_mismatches;

/* Addresses from base up, 8 apart, whose stripe is (or is not) st's. */
static uptr next_in(uptr *from, struct sync_stripe *st, bool same)
{
	for (;; *from += 8)
		if ((sync_stripe_of(*from) == st) == same)
			return (*from += 8) - 8;
}

static void *looker(void *arg)
{
	(void)arg;
	long misses = 0, hits = 0, mismatches = 0;
	while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) {
		if (!sync_find(live, false))
			misses++;
		if (sync_find(absent, false))
			hits++;
		struct sync_obj *s = sync_lock(live, false);
		if (!s) {
			misses++;
		} else {
			if (s->addr != live)
				mismatches++;
			spin_unlock(&s->lock);
		}
	}
	__atomic_fetch_add(&lookup_misses, misses, __ATOMIC_RELAXED);
	__atomic_fetch_add(&absent_hits, hits, __ATOMIC_RELAXED);
	__atomic_fetch_add(&lock_mismatches, mismatches, __ATOMIC_RELAXED);
	return NULL;
}

/* Objects in front of and behind `live` in its chain come and go; dead
 * ones are reused for addresses of other stripes, so a walk that follows
 * a dead object's link leaves the chain. */
static void *churner(void *arg)
{
	long id = (long)arg;
	for (long i = 0; i < iterations; i++) {
		uptr a = churn[(i + id) % CHURN];
		sync_find(a, true);
		sync_find(elsewhere[(i + id) % CHURN], true);
		if (i & 1)
			sync_destroy(a);
		else
			sync_reset_range(a, 8);
		sync_destroy(elsewhere[(i + id) % CHURN]);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	iterations = argc > 1 ? atol(argv[1]) : 1000000;
	sync_init();
	/* Static storage for the addresses: sync_reset_range consults the
	 * area map of real addresses. */
	static u64 space[1 << 16];
	uptr from = (uptr)space;
	struct sync_stripe *st = sync_stripe_of(from);
	uptr end = (uptr)(space + (1 << 16));
	live = next_in(&from, st, true);
	for (int i = 0; i < CHURN / 2; i++)
		churn[i] = next_in(&from, st, true);
	sync_find(live, true); /* half the churn ends up behind it */
	for (int i = CHURN / 2; i < CHURN; i++)
		churn[i] = next_in(&from, st, true);
	absent = next_in(&from, st, true);
	uptr other = (uptr)space;
	for (int i = 0; i < CHURN; i++)
		elsewhere[i] = next_in(&other, st, false);
	CHECK(from < end && absent < end);

	pthread_t look[2], ch[2];
	for (long i = 0; i < 2; i++)
		pthread_create(&look[i], NULL, looker, NULL);
	for (long i = 0; i < 2; i++)
		pthread_create(&ch[i], NULL, churner, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(ch[i], NULL);
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < 2; i++)
		pthread_join(look[i], NULL);

	CHECK(lookup_misses == 0);
	CHECK(absent_hits == 0);
	CHECK(lock_mismatches == 0);
	CHECK(sync_find(live, false) != NULL);
	CHECK(sync_find(absent, false) == NULL);
	return unit_done("sync");
}
