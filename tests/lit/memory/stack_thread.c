// A local variable of a thread whose address escapes to the main thread
// (published with release/acquire, so only the later accesses race).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int *published;

void *worker(void *arg)
{
	int local = 0;
	__atomic_store_n(&published, &local, __ATOMIC_RELEASE);
	step_wait(1);
	int v = local; // L:R
	step_set(2);
	return (void *)(long)v;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	int *p;
	while (!(p = __atomic_load_n(&published, __ATOMIC_ACQUIRE)))
		sched_yield();
	*p = 5; // L:W
	step_set(1);
	step_wait(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: stack_thread.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: stack_thread.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is stack of thread T1
// CHECK-EMPTY:
// CHECK-NEXT: Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: stack_thread.c:[[C]]:
// CHECK:      Found 1 data race(s)
