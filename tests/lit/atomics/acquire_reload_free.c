// A flag released twice, each time with new data, and polled with acquire
// loads: the second release must be acquired although the poller already
// holds the flag's clock from the first (its per-thread memo of the flag's
// version must see the change).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

int data;
atomic_int flag, ack;

void *producer(void *arg)
{
	data = 1;
	atomic_store_explicit(&flag, 1, memory_order_release);
	while (!atomic_load_explicit(&ack, memory_order_acquire))
		sched_yield();
	data = 2;
	atomic_store_explicit(&flag, 2, memory_order_release);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (atomic_load_explicit(&flag, memory_order_acquire) != 1)
		sched_yield();
	int first = data;
	/* Polls that hit the memo: the flag has not changed since. */
	for (int i = 0; i < 100; i++)
		first += atomic_load_explicit(&flag, memory_order_acquire) - 1;
	atomic_store_explicit(&ack, 1, memory_order_release);
	while (atomic_load_explicit(&flag, memory_order_acquire) != 2)
		sched_yield();
	printf("data=%d %d\n", first, data);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: data=1 2
// CHECK-NOT: WARNING: DATA RACE
