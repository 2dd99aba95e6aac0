/* Thread churn: create and join `total` threads, at most `alive` at once.
 * Each thread writes its own slot of a shared array under a mutex and reads
 * a value its creator wrote before creating it (ordered by pthread_create);
 * the last thread also races on `racy` with the main thread when asked, so
 * the report must name a thread created late in the run.
 * Usage: churn TOTAL ALIVE [race] */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long done;
static int racy;
static int seeds[4096];

static void *worker(void *arg)
{
	long i = (long)arg;
	int v = seeds[i % 4096]; /* written by the creator before create */
	pthread_mutex_lock(&lock);
	done += v ? 1 : 0;
	pthread_mutex_unlock(&lock);
	if (i < 0)
		racy = 1;
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: churn TOTAL ALIVE [race]\n");
		return 2;
	}
	long total = atol(argv[1]), alive = atol(argv[2]);
	pthread_t *t = calloc(alive, sizeof(*t));
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	long created = 0;
	while (created < total) {
		long n = 0;
		for (; n < alive && created < total; n++, created++) {
			seeds[created % 4096] = 1;
			if (pthread_create(&t[n], &attr, worker,
					   (void *)created)) {
				fprintf(stderr, "pthread_create failed\n");
				return 1;
			}
		}
		for (long k = 0; k < n; k++)
			pthread_join(t[k], NULL);
	}
	if (argc > 3) {
		pthread_t last;
		pthread_create(&last, &attr, worker, (void *)-1L);
		pthread_join(last, NULL);
		pthread_t again;
		pthread_create(&again, &attr, worker, (void *)-1L);
		pthread_join(again, NULL);
		racy = 2;
	}
	printf("churn: %ld threads joined, %ld counted\n", created, done);
	return done == total ? 0 : 1;
}
