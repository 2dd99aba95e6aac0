// pthread_mutex_timedlock that acquires the mutex synchronises like lock.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <time.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
long total;

static void locked_add(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 60;
	if (pthread_mutex_timedlock(&m, &ts) != 0)
		return;
	total++;
	pthread_mutex_unlock(&m);
}

void *worker(void *arg)
{
	for (int i = 0; i < 5000; i++)
		locked_add();
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	for (int i = 0; i < 5000; i++)
		locked_add();
	pthread_join(t, 0);
	fprintf(stderr, "total=%ld\n", total);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: total=10000
// CHECK-NOT: WARNING: DATA RACE
