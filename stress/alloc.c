/* Allocation churn: THREADS threads together allocate, touch every byte of
 * and free MIB MiB in blocks of 4 KiB .. 4 MiB; a mutex and an atomic flag
 * live in each block, so freed memory also carries sync objects.
 * Usage: alloc MIB [THREADS] */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct block_head {
	pthread_mutex_t lock;
	int flag;
	long sum;
};

static long per_thread;

static void *worker(void *arg)
{
	unsigned seed = (unsigned)(long)arg * 7919u + 1;
	long done = 0, sum = 0;
	while (done < per_thread) {
		size_t size = (size_t)4096
			      << (rand_r(&seed) % 11); /* ..4 MiB */
		char *p = malloc(size);
		if (!p)
			return (void *)1L;
		memset(p, (int)(done & 0xff), size);
		struct block_head *h = (struct block_head *)p;
		pthread_mutex_init(&h->lock, NULL);
		pthread_mutex_lock(&h->lock);
		h->sum = p[size - 1];
		pthread_mutex_unlock(&h->lock);
		__atomic_store_n(&h->flag, 1, __ATOMIC_RELEASE);
		sum += h->sum + __atomic_load_n(&h->flag, __ATOMIC_ACQUIRE);
		free(p); /* no pthread_mutex_destroy, as C++'s std::mutex */
		done += (long)size;
	}
	return (void *)(long)(sum < 0);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: alloc MIB [THREADS]\n");
		return 2;
	}
	long mib = atol(argv[1]);
	int nthreads = argc > 2 ? atoi(argv[2]) : 2;
	per_thread = (mib << 20) / nthreads;
	pthread_t t[64];
	for (int i = 0; i < nthreads && i < 64; i++)
		pthread_create(&t[i], NULL, worker, (void *)(long)i);
	long bad = 0;
	for (int i = 0; i < nthreads && i < 64; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	printf("alloc: %ld MiB allocated, touched and freed by %d threads\n",
	       mib, nthreads);
	return bad != 0;
}
