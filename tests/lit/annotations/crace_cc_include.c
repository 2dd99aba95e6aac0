// crace-cc puts <crace.h> on the include path: annotated code builds with
// the wrapper alone, and the annotations work end to end.
// RUN: %crace_cc -O1 %s -o %t
// RUN: %expect_exit 0 %crace_run %t | FileCheck %s
#include <crace.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

int payload, flag;

void *producer(void *arg)
{
	payload = 5;
	CRACE_HAPPENS_BEFORE(&flag);
	__atomic_store_n(&flag, 1, __ATOMIC_RELAXED);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (!__atomic_load_n(&flag, __ATOMIC_RELAXED))
		sched_yield();
	CRACE_HAPPENS_AFTER(&flag);
	printf("payload=%d\n", payload);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: payload=5
// CHECK-NOT: WARNING: DATA RACE
