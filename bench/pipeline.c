/* Producer/consumer pipeline: one thread fills messages and hands them
 * over a bounded mutex+condvar queue; the other checks and sums them. The
 * message buffers move between threads (ownership transfer by the queue). */
#include "bench.h"
#include <pthread.h>

#define QCAP	 64
#define PAYLOAD	 32
#define MSGS_BUF (QCAP * 2)

struct msg {
	uint64_t seq;
	uint32_t data[PAYLOAD];
};

static struct msg buf[MSGS_BUF];
static struct msg *queue[QCAP];
static unsigned head, tail, count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static long msgs;
static uint64_t checksum;
/* Free buffers go back from the consumer to the producer the same way. */
static struct msg *freelist[MSGS_BUF];
static unsigned nfree;
static pthread_cond_t has_free = PTHREAD_COND_INITIALIZER;

static void *producer(void *arg)
{
	(void)arg;
	for (long i = 0; i < msgs; i++) {
		pthread_mutex_lock(&lock);
		while (nfree == 0)
			pthread_cond_wait(&has_free, &lock);
		struct msg *m = freelist[--nfree];
		pthread_mutex_unlock(&lock);
		m->seq = i;
		uint32_t x = (uint32_t)i;
		for (int k = 0; k < PAYLOAD; k++)
			m->data[k] = x = x * 1103515245u + 12345u;
		pthread_mutex_lock(&lock);
		while (count == QCAP)
			pthread_cond_wait(&not_full, &lock);
		queue[tail] = m;
		tail = (tail + 1) % QCAP;
		count++;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	uint64_t sum = 0;
	for (long i = 0; i < msgs; i++) {
		pthread_mutex_lock(&lock);
		while (count == 0)
			pthread_cond_wait(&not_empty, &lock);
		struct msg *m = queue[head];
		head = (head + 1) % QCAP;
		count--;
		pthread_cond_signal(&not_full);
		pthread_mutex_unlock(&lock);
		for (int k = 0; k < PAYLOAD; k++)
			sum = sum * 31 + m->data[k];
		sum += m->seq;
		pthread_mutex_lock(&lock);
		freelist[nfree++] = m;
		pthread_cond_signal(&has_free);
		pthread_mutex_unlock(&lock);
	}
	checksum = sum;
	return NULL;
}

int main(int argc, char **argv)
{
	msgs = bench_size(argc, argv, 700000);
	for (int i = 0; i < MSGS_BUF; i++)
		freelist[nfree++] = &buf[i];
	pthread_t p, c;
	pthread_create(&p, NULL, producer, NULL);
	pthread_create(&c, NULL, consumer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	printf("pipeline: %llu\n", (unsigned long long)checksum);
	return 0;
}
