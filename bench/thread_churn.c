/* Many short threads: rounds of two short-lived workers that read a shared
 * table and write their own result slot, then are joined (creation/join
 * churn, slot reuse, thread start/exit cost). */
#include "bench.h"
#include <pthread.h>

#define TABLE 2048

static uint32_t table[TABLE];
static uint64_t slot[NTHREADS];

static void *worker(void *arg)
{
	long id = (long)arg;
	uint64_t sum = slot[id];
	for (int i = id; i < TABLE; i += 2)
		sum = sum * 33 + table[i];
	slot[id] = sum;
	return NULL;
}

int main(int argc, char **argv)
{
	long rounds = bench_size(argc, argv, 10000);
	for (int i = 0; i < TABLE; i++)
		table[i] = i * 7;
	for (long r = 0; r < rounds; r++) {
		pthread_t t[NTHREADS];
		for (long i = 0; i < NTHREADS; i++)
			pthread_create(&t[i], NULL, worker, (void *)i);
		for (long i = 0; i < NTHREADS; i++)
			pthread_join(t[i], NULL);
		table[r % TABLE] ^= (uint32_t)slot[r & 1];
	}
	printf("thread_churn: %llu\n", (unsigned long long)(slot[0] ^ slot[1]));
	return 0;
}
