// GCC __atomic builtins: release store / acquire load, acq_rel exchange
// and an acquire compare-exchange carry the hand-offs: no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

int a, b, c;
int flag1, flag2, flag3;

void *producer(void *arg)
{
	a = 1;
	__atomic_store_n(&flag1, 1, __ATOMIC_RELEASE);
	b = 2;
	__atomic_exchange_n(&flag2, 1, __ATOMIC_ACQ_REL);
	c = 3;
	__atomic_store_n(&flag3, 1, __ATOMIC_SEQ_CST);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (!__atomic_load_n(&flag1, __ATOMIC_ACQUIRE))
		sched_yield();
	int x = a;
	int expected = 1;
	while (!__atomic_compare_exchange_n(&flag2, &expected, 2, 0,
					    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		expected = 1;
		sched_yield();
	}
	x += b;
	while (!__atomic_load_n(&flag3, __ATOMIC_SEQ_CST))
		sched_yield();
	x += c;
	printf("x=%d\n", x);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: x=6
// CHECK-NOT: WARNING: DATA RACE
