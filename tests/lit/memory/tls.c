// A thread-local variable whose address escapes to another thread.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

__thread long per_thread;
long *published;

void *worker(void *arg)
{
	__atomic_store_n(&published, &per_thread, __ATOMIC_RELAXED);
	step_wait(1);
	long v = per_thread; // L:R
	step_set(2);
	return (void *)v;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	long *p;
	while (!(p = __atomic_load_n(&published, __ATOMIC_RELAXED)))
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
// CHECK-NEXT: tls.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: tls.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is TLS of thread T1
// CHECK:      Thread T1 (running) created at:
// CHECK:      Found 1 data race(s)
