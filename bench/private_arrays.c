/* Thread-private arrays: each worker updates its own heap array in passes
 * with a loop-carried dependency (no vectorization). Repeated accesses by
 * one thread in one epoch: the same-epoch fast path. */
#include "bench.h"
#include <pthread.h>

#define ELEMS (1 << 18)

static long passes;
static uint32_t result[NTHREADS];

static void *worker(void *arg)
{
	long id = (long)arg;
	uint32_t *a = malloc(ELEMS * sizeof(*a));
	for (long i = 0; i < ELEMS; i++)
		a[i] = (uint32_t)(i * 2654435761u + id);
	for (long p = 0; p < passes; p++)
		for (long i = 1; i < ELEMS; i++)
			a[i] = a[i] * 3 + (a[i - 1] >> 7);
	result[id] = a[ELEMS - 1];
	free(a);
	return NULL;
}

int main(int argc, char **argv)
{
	passes = bench_size(argc, argv, 5000);
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (long i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("private_arrays: %u\n", result[0] ^ result[1]);
	return 0;
}
