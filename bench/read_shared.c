/* Read-mostly shared data: the main thread builds a sorted table, then both
 * workers run binary searches and scans over it concurrently. Every granule
 * ends up read by several threads (the read-shared path). */
#include "bench.h"
#include <pthread.h>

#define TABLE (1 << 20)

static uint64_t table[TABLE];
static long lookups;
static uint64_t found[NTHREADS];

static __attribute__((noinline)) long search(uint64_t key)
{
	long lo = 0, hi = TABLE - 1;
	while (lo < hi) {
		long mid = (lo + hi) / 2;
		if (table[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void *worker(void *arg)
{
	long id = (long)arg;
	uint64_t s = 88172645463325252ull + id, sum = 0;
	for (long i = 0; i < lookups; i++) {
		long at = search(bench_rand(&s) % (TABLE * 3ull));
		/* A short scan after each hit: sequential shared reads. */
		for (long j = at; j < at + 16 && j < TABLE; j++)
			sum += table[j] ^ (sum >> 3);
	}
	found[id] = sum;
	return NULL;
}

int main(int argc, char **argv)
{
	lookups = bench_size(argc, argv, 2500000);
	for (long i = 0; i < TABLE; i++)
		table[i] = (uint64_t)i * 3 + (i & 1);
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (long i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("read_shared: %llu\n",
	       (unsigned long long)(found[0] + found[1]));
	return 0;
}
