// Message passing through a release store and an acquire load: no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

int payload[4];
atomic_int ready;

void *producer(void *arg)
{
	for (int i = 0; i < 4; i++)
		payload[i] = i + 1;
	atomic_store_explicit(&ready, 1, memory_order_release);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (!atomic_load_explicit(&ready, memory_order_acquire))
		sched_yield();
	int sum = payload[0] + payload[1] + payload[2] + payload[3];
	payload[0] = 0; /* writes are ordered too */
	fprintf(stderr, "sum=%d\n", sum);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: sum=10
// CHECK-NOT: WARNING: DATA RACE
