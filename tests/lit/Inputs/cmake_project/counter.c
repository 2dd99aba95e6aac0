#include <pthread.h>

static long hits;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

void counter_add(long n)
{
	pthread_mutex_lock(&m);
	hits += n; // L:ADD
	pthread_mutex_unlock(&m);
}

long counter_get(void)
{
	return hits; /* planted race: read without the lock */ // L:GET
}
