// Mixed: a release fence and a relaxed store on one side, an acquire load
// (no fence) on the other. The acquire load reads the relaxed store that
// follows the fence, so it synchronises with the fence: no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

int payload;
atomic_int ready;

void *producer(void *arg)
{
	payload = 7;
	atomic_thread_fence(memory_order_release);
	atomic_store_explicit(&ready, 1, memory_order_relaxed);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (!atomic_load_explicit(&ready, memory_order_acquire))
		sched_yield();
	printf("payload=%d\n", payload);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: payload=7
// CHECK-NOT: WARNING: DATA RACE
