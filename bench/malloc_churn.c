/* malloc/free-heavy object churn across threads: each worker allocates and
 * fills objects of assorted sizes, frees half of them itself and hands the
 * rest in batches to the other worker through a mutex-protected mailbox; the
 * receiver reads and frees them. */
#include "bench.h"
#include <pthread.h>

#define BATCH 64

struct obj {
	uint64_t size;
	uint64_t words[];
};

struct mailbox {
	pthread_mutex_t lock;
	struct obj *slot[BATCH * 8];
	unsigned n;
};

static struct mailbox box[NTHREADS];
static long objs;
static uint64_t result[NTHREADS];

static uint64_t consume(struct obj *o)
{
	uint64_t sum = o->size;
	for (uint64_t i = 0; i < o->size; i += 4)
		sum += o->words[i];
	free(o);
	return sum;
}

static uint64_t drain(struct mailbox *mb)
{
	struct obj *got[BATCH * 8];
	pthread_mutex_lock(&mb->lock);
	unsigned n = mb->n;
	for (unsigned i = 0; i < n; i++)
		got[i] = mb->slot[i];
	mb->n = 0;
	pthread_mutex_unlock(&mb->lock);
	uint64_t sum = 0;
	for (unsigned i = 0; i < n; i++)
		sum += consume(got[i]);
	return sum;
}

static void *worker(void *arg)
{
	long id = (long)arg;
	struct mailbox *mine = &box[id], *peer = &box[!id];
	uint64_t s = 0xda942042e4dd58b5ull + id, sum = 0;
	struct obj *out[BATCH];
	unsigned nout = 0;
	for (long i = 0; i < objs; i++) {
		uint64_t r = bench_rand(&s);
		uint64_t words = 1 + r % 48;
		struct obj *o = malloc(sizeof(*o) + words * 8);
		o->size = words;
		for (uint64_t k = 0; k < words; k++)
			o->words[k] = r + k;
		if (r >> 63) {
			sum += consume(o);
			continue;
		}
		out[nout++] = o;
		if (nout < BATCH)
			continue;
		pthread_mutex_lock(&peer->lock);
		unsigned room = BATCH * 8 - peer->n, k = 0;
		for (; k < nout && k < room; k++)
			peer->slot[peer->n++] = out[k];
		pthread_mutex_unlock(&peer->lock);
		for (; k < nout; k++) /* mailbox full: free them here */
			sum += consume(out[k]);
		nout = 0;
		sum += drain(mine);
	}
	for (unsigned k = 0; k < nout; k++)
		sum += consume(out[k]);
	result[id] = sum;
	return NULL;
}

int main(int argc, char **argv)
{
	objs = bench_size(argc, argv, 6000000);
	for (int i = 0; i < NTHREADS; i++)
		pthread_mutex_init(&box[i].lock, NULL);
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (long i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	uint64_t left = drain(&box[0]) + drain(&box[1]);
	printf("malloc_churn: %llu\n",
	       (unsigned long long)(result[0] + result[1] + left));
	return 0;
}
