/* Lock and atomic traffic for SECONDS seconds: THREADS threads take a
 * shared mutex, an rwlock and short-lived heap mutexes, pass messages
 * through release/acquire atomics and count with seq_cst read-modify-writes.
 * Race-free; prints the operations done.
 * Usage: traffic SECONDS [THREADS] */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static pthread_mutex_t shared = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static long counter, table[64];
static long atomic_count;
static int stop;

struct msg {
	long payload;
	int ready;
};

static void *worker(void *arg)
{
	long id = (long)arg, ops = 0;
	struct msg m;
	while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) {
		pthread_mutex_lock(&shared);
		counter++;
		pthread_mutex_unlock(&shared);

		pthread_rwlock_rdlock(&table_lock);
		long v = table[ops & 63];
		pthread_rwlock_unlock(&table_lock);
		pthread_rwlock_wrlock(&table_lock);
		table[(ops + id) & 63] = v + 1;
		pthread_rwlock_unlock(&table_lock);

		__atomic_fetch_add(&atomic_count, 1, __ATOMIC_SEQ_CST);

		m.payload = ops;
		__atomic_store_n(&m.ready, 1, __ATOMIC_RELEASE);
		if (__atomic_load_n(&m.ready, __ATOMIC_ACQUIRE) &&
		    m.payload != ops)
			return (void *)1L;

		pthread_mutex_t *own = malloc(sizeof(*own));
		pthread_mutex_init(own, NULL);
		pthread_mutex_lock(own);
		pthread_mutex_unlock(own);
		if (ops & 1)
			pthread_mutex_destroy(own);
		free(own);
		ops++;
	}
	return (void *)(ops << 1);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: traffic SECONDS [THREADS]\n");
		return 2;
	}
	int secs = atoi(argv[1]);
	int n = argc > 2 ? atoi(argv[2]) : 4;
	pthread_t t[64];
	for (long i = 0; i < n && i < 64; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	struct timespec ts = {secs, 0};
	nanosleep(&ts, NULL);
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	long ops = 0, bad = 0;
	for (int i = 0; i < n && i < 64; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad += (long)r & 1;
		ops += (long)r >> 1;
	}
	printf("traffic: %ld iterations in %d s by %d threads (counter %ld)\n",
	       ops, secs, n, counter);
	return bad != 0 || counter != ops;
}
