// A release fence before a relaxed store pairs with a relaxed load followed
// by an acquire fence ([atomics.fences]): the payload is ordered, no race.
// (ThreadSanitizer reports a false race here.)
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
	atomic_thread_fence(memory_order_release);
	atomic_store_explicit(&ready, 1, memory_order_relaxed);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (!atomic_load_explicit(&ready, memory_order_relaxed))
		sched_yield();
	atomic_thread_fence(memory_order_acquire);
	printf("payload=%d\n", payload);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: payload=42
// CHECK-NOT: WARNING: DATA RACE
