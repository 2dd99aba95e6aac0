/* The deliberately racy benchmark: workers compute on private data but bump
 * a shared statistics counter without a lock (a classic lost-update race).
 * crace and ThreadSanitizer must both report it. */
#include "bench.h"
#include <pthread.h>

#define ELEMS 4096

static long rounds;
static long processed; /* racy: incremented by both workers unlocked */
static uint64_t result[NTHREADS];

static void *worker(void *arg)
{
	long id = (long)arg;
	uint32_t a[ELEMS];
	for (int i = 0; i < ELEMS; i++)
		a[i] = i + id;
	uint64_t sum = 0;
	for (long r = 0; r < rounds; r++) {
		for (int i = 1; i < ELEMS; i++)
			a[i] = a[i] * 5 + (a[i - 1] >> 3);
		sum += a[ELEMS - 1];
		processed++;
	}
	result[id] = sum;
	return NULL;
}

int main(int argc, char **argv)
{
	rounds = bench_size(argc, argv, 250000);
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (long i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("racy_stats: %llu %ld\n",
	       (unsigned long long)(result[0] + result[1]), processed);
	return 0;
}
