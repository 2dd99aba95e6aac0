// seq_cst fences (and __sync_synchronize) are both release and acquire
// fences: a relaxed flag between two of them orders the payload.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

int a, b;
atomic_int flag_a;
int flag_b;

void *producer(void *arg)
{
	a = 1;
	atomic_thread_fence(memory_order_seq_cst);
	atomic_store_explicit(&flag_a, 1, memory_order_relaxed);
	b = 2;
	__sync_synchronize();
	__atomic_store_n(&flag_b, 1, __ATOMIC_RELAXED);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (!atomic_load_explicit(&flag_a, memory_order_relaxed))
		sched_yield();
	atomic_thread_fence(memory_order_seq_cst);
	int x = a;
	while (!__atomic_load_n(&flag_b, __ATOMIC_RELAXED))
		sched_yield();
	__sync_synchronize();
	printf("a=%d b=%d\n", x, b);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: a=1 b=2
// CHECK-NOT: WARNING: DATA RACE
