// Reads between CRACE_IGNORE_READS_BEGIN/END are not checked (nested pairs
// too); the other thread's writes are still recorded.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <crace.h>
#include <pthread.h>
#include <stdio.h>

long hits;

void *worker(void *arg)
{
	hits = 5;
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	CRACE_IGNORE_READS_BEGIN();
	CRACE_IGNORE_READS_BEGIN();
	long a = hits;
	CRACE_IGNORE_READS_END();
	long b = hits; /* still inside the outer pair */
	CRACE_IGNORE_READS_END();
	step_set(2);
	pthread_join(t, 0);
	printf("hits=%ld\n", a + b);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: hits=10
// CHECK-NOT: WARNING: DATA RACE
