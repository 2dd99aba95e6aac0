// Ignoring writes in one thread leaves that thread's reads checked, and
// the other thread's accesses too.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <crace.h>
#include <pthread.h>

long counter;

void *worker(void *arg)
{
	counter = 3; // L:W
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
	long v = counter; // L:R
	CRACE_IGNORE_WRITES_END();
	step_set(2);
	pthread_join(t, 0);
	return v != 3;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: ignore_writes_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: ignore_writes_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
