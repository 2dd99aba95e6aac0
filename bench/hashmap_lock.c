/* Lock-heavy shared hash map: chained buckets guarded by 64 striped
 * pthread mutexes; workers mix lookups (80%) and inserts/updates (20%).
 * Every operation is a lock/unlock pair (sync acquire/release). */
#include "bench.h"
#include <pthread.h>

#define BUCKETS (1 << 16)
#define STRIPES 64
#define KEYS	(1 << 18)

struct node {
	uint64_t key, value;
	struct node *next;
};

static struct node *bucket[BUCKETS];
static pthread_mutex_t stripe[STRIPES];
static long ops;
static uint64_t hits[NTHREADS];

static void *worker(void *arg)
{
	long id = (long)arg;
	uint64_t s = 0x9e3779b97f4a7c15ull * (id + 1), h = 0;
	/* Each worker allocates nodes from its own pool (at most KEYS
	 * inserts in all). */
	struct node *pool = malloc(KEYS * sizeof(*pool));
	long used = 0;
	for (long i = 0; i < ops; i++) {
		uint64_t r = bench_rand(&s);
		uint64_t key = r % KEYS;
		unsigned b = (unsigned)(key * 0x9e3779b97f4a7c15ull >> 48);
		pthread_mutex_t *m = &stripe[b % STRIPES];
		pthread_mutex_lock(m);
		struct node *n = bucket[b];
		while (n && n->key != key)
			n = n->next;
		if ((r >> 32) % 5 == 0) {
			if (n) {
				n->value += r;
			} else {
				n = &pool[used++];
				n->key = key;
				n->value = r;
				n->next = bucket[b];
				bucket[b] = n;
			}
		} else if (n) {
			h += n->value;
		}
		pthread_mutex_unlock(m);
	}
	hits[id] = h;
	return NULL; /* pools stay: the map points into them */
}

int main(int argc, char **argv)
{
	ops = bench_size(argc, argv, 6000000);
	for (int i = 0; i < STRIPES; i++)
		pthread_mutex_init(&stripe[i], NULL);
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (long i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("hashmap_lock: %llu\n", (unsigned long long)(hits[0] + hits[1]));
	return 0;
}
