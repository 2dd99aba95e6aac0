// A program that reports a race and then dies of abort(): the report and
// the summary are printed before it dies, and it dies of SIGABRT as it
// would without crace (status 134 from the shell).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 134 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

int x;

void *worker(void *arg)
{
	x = 1; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	x = 2; // L:W2
	fprintf(stderr, "about to abort\n");
	abort();
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: abort_summary.c:[[W2]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: abort_summary.c:[[W]]:
// CHECK:      about to abort
// CHECK-NEXT: Found 1 data race(s)
