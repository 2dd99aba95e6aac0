// A release sequence continues through other threads' RMWs, even relaxed
// ones: an acquire load that reads the RMW's value synchronises with the
// release store at the head of the sequence.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

int payload;
atomic_int seq;

void *head(void *arg)
{
	payload = 11;
	atomic_store_explicit(&seq, 1, memory_order_release);
	return arg;
}

void *middle(void *arg)
{
	int one = 1;
	while (!atomic_compare_exchange_weak_explicit(
		&seq, &one, 2, memory_order_relaxed, memory_order_relaxed)) {
		one = 1;
		sched_yield();
	}
	return arg;
}

int main(void)
{
	pthread_t t1, t2;
	pthread_create(&t1, 0, head, 0);
	pthread_create(&t2, 0, middle, 0);
	while (atomic_load_explicit(&seq, memory_order_acquire) != 2)
		sched_yield();
	printf("payload=%d\n", payload);
	pthread_join(t1, 0);
	pthread_join(t2, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: payload=11
// CHECK-NOT: WARNING: DATA RACE
