// A crash (SIGSEGV) after a race: the summary is printed, then the process
// dies of the signal as without crace (status 139 from the shell).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 139 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>

int x;
int *volatile nowhere;

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
	fprintf(stderr, "about to crash\n");
	*nowhere = 3;
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: segv_summary.c:[[W2]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: segv_summary.c:[[W]]:
// CHECK:      about to crash
// CHECK-NEXT: Found 1 data race(s)
