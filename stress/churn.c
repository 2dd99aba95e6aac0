/* Thread churn: create and join TOTAL threads, at most ALIVE at once (half
 * of each batch detached). Each thread reads a value its creator wrote
 * before creating it (ordered by pthread_create) and counts itself under a
 * mutex. With "race", one more thread then writes `racy` and the main
 * thread writes it too, unordered: the report must name that thread as
 * T<TOTAL+1>, however many threads came and went before it.
 * Usage: churn TOTAL ALIVE [race] */
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long done;
int racy; /* not static: its stores must stay */
static int seeds[4096];

static int step; /* orders the race in time, without happens-before */

static void *worker(void *arg)
{
	long i = (long)arg;
	if (i < 0) {
		racy = 1;
		__atomic_store_n(&step, 1, __ATOMIC_RELAXED);
		return NULL;
	}
	int v = seeds[i % 4096]; /* written by the creator before create */
	pthread_mutex_lock(&lock);
	done += v ? 1 : 0;
	pthread_mutex_unlock(&lock);
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
	pthread_attr_t detached;
	pthread_attr_init(&detached);
	pthread_attr_setstacksize(&detached, 64 * 1024);
	pthread_attr_setdetachstate(&detached, PTHREAD_CREATE_DETACHED);
	long created = 0;
	while (created < total) {
		long n = 0, joinable = 0;
		for (; n < alive && created < total; n++, created++) {
			seeds[created % 4096] = 1;
			bool detach = n % 2;
			pthread_t th;
			if (pthread_create(&th, detach ? &detached : &attr,
					   worker, (void *)created)) {
				fprintf(stderr, "pthread_create failed\n");
				return 1;
			}
			if (!detach)
				t[joinable++] = th;
		}
		for (long k = 0; k < joinable; k++)
			pthread_join(t[k], NULL);
		/* Wait for the detached ones to be counted. */
		for (;;) {
			pthread_mutex_lock(&lock);
			long d = done;
			pthread_mutex_unlock(&lock);
			if (d == created)
				break;
			sched_yield();
		}
	}
	if (argc > 3) {
		pthread_t last;
		pthread_create(&last, &attr, worker, (void *)-1L);
		while (!__atomic_load_n(&step, __ATOMIC_RELAXED))
			sched_yield();
		racy = 2;
		pthread_join(last, NULL);
	}
	printf("churn: %ld threads, %ld counted, racy=%d\n", created, done,
	       racy);
	return done == total ? 0 : 1;
}
