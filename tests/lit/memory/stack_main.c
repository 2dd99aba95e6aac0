// A local variable of main whose address escapes to a thread.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

void *worker(void *arg)
{
	int *p = arg;
	*p = 1; // L:W
	step_set(1);
	step_wait(2);
	return 0;
}

int main(void)
{
	pthread_t t;
	int local = 0;
	pthread_create(&t, 0, worker, &local);
	step_wait(1);
	int v = local; // L:R
	step_set(2);
	pthread_join(t, 0);
	return v != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: stack_main.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: stack_main.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is stack of main thread
// CHECK:      Thread T1 (running) created at:
// CHECK:      Found 1 data race(s)
