// An atexit handler races with a thread still running at exit: reported
// with the handler's stack, before the summary (printed after every
// handler has run).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int stats;

void print_stats(void)
{
	printf("stats=%d\n", stats); // L:R
	fflush(stdout);
}

void *worker(void *arg)
{
	stats = 1; // L:W
	step_set(1);
	for (;;)
		pause();
	return arg;
}

int main(void)
{
	atexit(print_stats);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: {{^  }}print_stats()
// CHECK-NEXT: atexit_racy.c:[[R]]:
// CHECK-NOT:  main()
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: atexit_racy.c:[[W]]:
// CHECK:      stats=1
// CHECK-NEXT: Found 1 data race(s)
