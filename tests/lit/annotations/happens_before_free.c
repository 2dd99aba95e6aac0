// A hand-made hand-off through a relaxed flag, annotated with
// CRACE_HAPPENS_BEFORE/AFTER on the flag's address: no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <crace.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

int payload;
int ready;

void *producer(void *arg)
{
	payload = 42;
	CRACE_HAPPENS_BEFORE(&ready);
	__atomic_store_n(&ready, 1, __ATOMIC_RELAXED);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (!__atomic_load_n(&ready, __ATOMIC_RELAXED))
		sched_yield();
	CRACE_HAPPENS_AFTER(&ready);
	printf("payload=%d\n", payload);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: payload=42
// CHECK-NOT: WARNING: DATA RACE
