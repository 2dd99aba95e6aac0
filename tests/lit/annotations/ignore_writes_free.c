// Writes between CRACE_IGNORE_WRITES_BEGIN/END are neither checked nor
// remembered: the other thread's later read does not race with them.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <crace.h>
#include <pthread.h>
#include <stdio.h>

long counter;

void *worker(void *arg)
{
	CRACE_IGNORE_WRITES_BEGIN();
	counter = 3;
	CRACE_IGNORE_WRITES_END();
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	CRACE_IGNORE_WRITES_BEGIN();
	counter++;
	CRACE_IGNORE_WRITES_END();
	step_set(2);
	pthread_join(t, 0);
	printf("counter=%ld\n", counter);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: counter=4
// CHECK-NOT: WARNING: DATA RACE
