/* A small web-server-like statistics module with one bug.
 *
 * Worker threads handle "requests" and record them in shared statistics. The
 * per-status histogram is protected by a mutex and is correct. The running
 * byte total is updated without the lock: two threads can read the same old
 * value and one update is lost. crace reports it.
 *
 * Build and run:  scripts/crace-cc -O1 examples/racy.c -o build/racy
 *                 scripts/crace-run build/racy
 */
#include <pthread.h>
#include <stdio.h>

#define WORKERS 2
#define REQUESTS 1000

struct stats {
	pthread_mutex_t lock;
	long by_status[6]; /* 1xx..5xx, guarded by lock */
	long bytes_sent;   /* BUG: updated without the lock */
};

static struct stats stats = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void record(int status, long bytes)
{
	pthread_mutex_lock(&stats.lock);
	stats.by_status[status / 100]++;
	pthread_mutex_unlock(&stats.lock);

	stats.bytes_sent += bytes; /* the race */
}

static void *worker(void *arg)
{
	long id = (long)arg;
	for (int i = 0; i < REQUESTS; i++) {
		int status = (i % 10 == 0) ? 404 : 200;
		record(status, 512 + id);
	}
	return NULL;
}

int main(void)
{
	pthread_t threads[WORKERS];
	for (long i = 0; i < WORKERS; i++)
		pthread_create(&threads[i], NULL, worker, (void *)i);
	for (int i = 0; i < WORKERS; i++)
		pthread_join(threads[i], NULL);

	printf("200: %ld  404: %ld  bytes: %ld\n", stats.by_status[2],
	       stats.by_status[4], stats.bytes_sent);
	return 0;
}
