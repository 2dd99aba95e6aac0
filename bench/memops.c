/* memcpy/memset/memmove-heavy buffer handling: each worker assembles
 * "packets" of varying sizes from a shared read-only template into its own
 * buffers, clears and shifts them, as a network or serialization layer
 * does. */
#include "bench.h"
#include <pthread.h>
#include <string.h>

#define TEMPLATE (64 * 1024)
#define BUF	 (16 * 1024)

static unsigned char tmpl[TEMPLATE];
static long rounds;
static uint64_t result[NTHREADS];

static void *worker(void *arg)
{
	long id = (long)arg;
	unsigned char *a = malloc(BUF), *b = malloc(BUF);
	uint64_t s = 0x853c49e6748fea9bull + id, sum = 0;
	for (long r = 0; r < rounds; r++) {
		uint64_t x = bench_rand(&s);
		size_t len = 64 + x % (BUF - 128);
		size_t off = (x >> 20) % (TEMPLATE - len);
		memset(a, (int)r, BUF / 4);
		memcpy(a, tmpl + off, len);
		memmove(a + 8, a, len - 64);
		memcpy(b, a, len);
		sum += b[len / 2] + a[len - 1];
	}
	result[id] = sum;
	free(a);
	free(b);
	return NULL;
}

int main(int argc, char **argv)
{
	rounds = bench_size(argc, argv, 3000000);
	for (int i = 0; i < TEMPLATE; i++)
		tmpl[i] = (unsigned char)(i * 131);
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (long i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("memops: %llu\n", (unsigned long long)(result[0] + result[1]));
	return 0;
}
