// pthread_cond_clockwait and pthread_cond_timedwait: the signal orders the
// producer's writes before the waiter's return; broadcast wakes both.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <time.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t c = PTHREAD_COND_INITIALIZER;
int ready;
int data[2];

void *waiter(void *arg)
{
	long i = (long)arg;
	struct timespec ts;
	clock_gettime(i ? CLOCK_MONOTONIC : CLOCK_REALTIME, &ts);
	ts.tv_sec += 10;
	pthread_mutex_lock(&m);
	while (!ready) {
		if (i)
			pthread_cond_clockwait(&c, &m, CLOCK_MONOTONIC, &ts);
		else
			pthread_cond_timedwait(&c, &m, &ts);
	}
	pthread_mutex_unlock(&m);
	return (void *)(long)data[i];
}

int main(void)
{
	pthread_t t[2];
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], 0, waiter, (void *)i);
	data[0] = 10;
	data[1] = 20;
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
	long sum = 0;
	for (int i = 0; i < 2; i++) {
		void *r;
		pthread_join(t[i], &r);
		sum += (long)r;
	}
	printf("sum=%ld\n", sum);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: sum=30
// CHECK-NOT: WARNING: DATA RACE
