// A failed compare-exchange with an acquire failure order acquires the
// value it read.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

int payload;
atomic_int state;

void *producer(void *arg)
{
	payload = 8;
	atomic_store_explicit(&state, 1, memory_order_release);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	for (;;) {
		int expected = 5;
		atomic_compare_exchange_strong_explicit(
			&state, &expected, 6, memory_order_acq_rel,
			memory_order_acquire);
		if (expected == 1)
			break;
		sched_yield();
	}
	printf("payload=%d\n", payload);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: payload=8
// CHECK-NOT: WARNING: DATA RACE
