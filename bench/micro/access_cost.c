/* Microbenchmark for the per-access instruction count (run under callgrind
 * by bench/run.sh): `access_cost CASE N` performs N instrumented operations
 * of one kind after a warm-up, so the difference between two values of N
 * is the cost of N operations, free of start-up and machine noise.
 *   read     same-epoch 8-byte reads of private data
 *   write    same-epoch 8-byte writes of private data
 *   shared   8-byte reads of data that another thread read too
 *   call     a call to a small instrumented function (entry + exit)
 *   epoch    8-byte writes of private data, each the first of its epoch
 *            (a mutex release every ELEMS writes, as in stencil)
 *   lock     lock+unlock pairs of one uncontended pthread mutex
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ELEMS 1024

static unsigned long arr[ELEMS];
static volatile unsigned long sink;

static __attribute__((noinline)) unsigned long touch(unsigned long *p)
{
	return *p + 1;
}

static __attribute__((noinline)) unsigned long reads(long n)
{
	unsigned long s = 0;
	for (long i = 0; i < n; i++)
		s = s * 31 + arr[i & (ELEMS - 1)];
	return s;
}

static __attribute__((noinline)) void writes(long n)
{
	for (long i = 0; i < n; i++)
		arr[i & (ELEMS - 1)] = (unsigned long)i;
}

static __attribute__((noinline)) void calls(long n)
{
	unsigned long s = 0;
	for (long i = 0; i < n; i++)
		s += touch(&arr[i & (ELEMS - 1)]);
	sink = s;
}

static pthread_mutex_t epoch_mu = PTHREAD_MUTEX_INITIALIZER;

/* Every pass over the array starts a new epoch, so each write finds the
 * thread's own record of the previous one. */
static __attribute__((noinline)) void epoch_writes(long n)
{
	for (long i = 0; i < n; i++) {
		if (!(i & (ELEMS - 1))) {
			pthread_mutex_lock(&epoch_mu);
			pthread_mutex_unlock(&epoch_mu);
		}
		arr[i & (ELEMS - 1)] = (unsigned long)i;
	}
}

static pthread_mutex_t lock_mu = PTHREAD_MUTEX_INITIALIZER;

static __attribute__((noinline)) void lock_pairs(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_mutex_lock(&lock_mu);
		pthread_mutex_unlock(&lock_mu);
	}
}

static int other_done;
static unsigned long other_sum;

static void *other_reader(void *arg)
{
	(void)arg;
	other_sum = reads(ELEMS);
	__atomic_store_n(&other_done, 1, __ATOMIC_RELAXED);
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr,
			"usage: access_cost read|write|shared|call|epoch|lock N\n");
		return 2;
	}
	long n = atol(argv[2]);
	for (int i = 0; i < ELEMS; i++)
		arr[i] = i;
	if (!strcmp(argv[1], "shared")) {
		/* Another thread reads the array concurrently with ours: a
		 * relaxed flag (no happens-before) says it is done, so every
		 * granule keeps both threads' read records. */
		pthread_t t;
		pthread_create(&t, NULL, other_reader, NULL);
		while (!__atomic_load_n(&other_done, __ATOMIC_RELAXED))
			sched_yield();
		sink = reads(ELEMS);
		sink = reads(n);
		pthread_join(t, NULL);
	} else if (!strcmp(argv[1], "read")) {
		sink = reads(ELEMS);
		sink = reads(n);
	} else if (!strcmp(argv[1], "write")) {
		writes(ELEMS);
		writes(n);
	} else if (!strcmp(argv[1], "epoch")) {
		epoch_writes(ELEMS);
		epoch_writes(n);
	} else if (!strcmp(argv[1], "lock")) {
		lock_pairs(ELEMS);
		lock_pairs(n);
	} else if (!strcmp(argv[1], "call")) {
		calls(ELEMS);
		calls(n);
	} else {
		fprintf(stderr, "access_cost: unknown case '%s'\n", argv[1]);
		return 2;
	}
	return 0;
}
