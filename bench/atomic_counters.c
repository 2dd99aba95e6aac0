/* Atomics-heavy statistics: workers bump shared relaxed counters, publish
 * progress with release stores and read it with acquire loads, and keep a
 * running maximum with compare-exchange. */
#include "bench.h"
#include <pthread.h>
#include <stdatomic.h>

#define COUNTERS 64

static _Atomic uint64_t counter[COUNTERS];
static _Atomic uint64_t progress[NTHREADS];
static _Atomic uint64_t maximum;
static long ops;
static uint64_t seen[NTHREADS];

static void *worker(void *arg)
{
	long id = (long)arg;
	uint64_t s = 0x2545f4914f6cdd1dull + id, other = 0;
	for (long i = 0; i < ops; i++) {
		uint64_t r = bench_rand(&s);
		atomic_fetch_add_explicit(&counter[r % COUNTERS], 1,
					  memory_order_relaxed);
		if ((i & 15) == 0) {
			atomic_store_explicit(&progress[id], i,
					      memory_order_release);
			other += atomic_load_explicit(&progress[!id],
						      memory_order_acquire);
		}
		if ((i & 63) == 0) {
			uint64_t v = r >> 40,
				 cur = atomic_load_explicit(
					 &maximum, memory_order_relaxed);
			while (v > cur &&
			       !atomic_compare_exchange_weak(&maximum, &cur, v))
				;
		}
	}
	seen[id] = other;
	return NULL;
}

int main(int argc, char **argv)
{
	ops = bench_size(argc, argv, 10000000);
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (long i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	uint64_t total = 0;
	for (int i = 0; i < COUNTERS; i++)
		total += atomic_load(&counter[i]);
	printf("atomic_counters: %llu %d\n", (unsigned long long)total,
	       seen[0] + seen[1] > 0);
	return 0;
}
