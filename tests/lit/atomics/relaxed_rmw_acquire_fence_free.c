// Relaxed read-modify-writes poll a flag until they read a release store,
// then an acquire fence orders the payload ([atomics.fences]). The flag's
// first release happens while the poller's RMWs run without a sync object
// (a location nobody released into has none): the one that reads the store
// must still gather its clock for the fence.
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
	payload = 42;
	atomic_store_explicit(&ready, 1, memory_order_release);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (!atomic_fetch_or_explicit(&ready, 0, memory_order_relaxed))
		sched_yield();
	atomic_thread_fence(memory_order_acquire);
	printf("payload=%d\n", payload);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: payload=42
// CHECK-NOT: WARNING: DATA RACE
