// A producer hands items to a consumer through a condition variable: the
// data written before the signal is seen after the wait, no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
int ready;
int payload[8]; /* written outside the lock, published by it */

void *producer(void *arg)
{
	for (int i = 0; i < 8; i++)
		payload[i] = i * i;
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	pthread_mutex_lock(&m);
	while (!ready)
		pthread_cond_wait(&cv, &m);
	pthread_mutex_unlock(&m);
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += payload[i];
	fprintf(stderr, "sum=%d\n", sum);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: sum=140
// CHECK-NOT: WARNING: DATA RACE
