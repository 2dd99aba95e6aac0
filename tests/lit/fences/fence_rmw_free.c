// Fences with relaxed read-modify-writes: a release fence before a relaxed
// fetch_add, and a relaxed exchange followed by an acquire fence.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

int slot[2];
atomic_int done;

void *worker(void *arg)
{
	int i = (int)(long)arg;
	slot[i] = i + 10;
	atomic_thread_fence(memory_order_release);
	atomic_fetch_add_explicit(&done, 1, memory_order_relaxed);
	return 0;
}

int main(void)
{
	pthread_t t[2];
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], 0, worker, (void *)i);
	while (atomic_load_explicit(&done, memory_order_relaxed) != 2)
		sched_yield();
	atomic_exchange_explicit(&done, 0, memory_order_relaxed);
	atomic_thread_fence(memory_order_acquire);
	printf("sum=%d\n", slot[0] + slot[1]);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: sum=21
// CHECK-NOT: WARNING: DATA RACE
