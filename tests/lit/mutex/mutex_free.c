// Every access under the same mutex: no race, however the threads interleave.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
long total;

void *worker(void *arg)
{
	for (int i = 0; i < 10000; i++) {
		pthread_mutex_lock(&m);
		total++;
		pthread_mutex_unlock(&m);
	}
	return arg;
}

int main(void)
{
	pthread_t t[3];
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], 0, worker, 0);
	for (int i = 0; i < 10000; i++) {
		pthread_mutex_lock(&m);
		total++;
		pthread_mutex_unlock(&m);
	}
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], 0);
	fprintf(stderr, "total=%ld\n", total);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: total=40000
// CHECK-NOT: WARNING: DATA RACE
