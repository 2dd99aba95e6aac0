// A successful pthread_mutex_trylock synchronises like pthread_mutex_lock.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
long total;

void *worker(void *arg)
{
	for (int i = 0; i < 5000; i++) {
		while (pthread_mutex_trylock(&m) != 0)
			sched_yield();
		total++;
		pthread_mutex_unlock(&m);
	}
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	for (int i = 0; i < 5000; i++) {
		pthread_mutex_lock(&m);
		total++;
		pthread_mutex_unlock(&m);
	}
	pthread_join(t, 0);
	fprintf(stderr, "total=%ld\n", total);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: total=10000
// CHECK-NOT: WARNING: DATA RACE
