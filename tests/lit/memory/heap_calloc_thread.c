// A block calloc'd by a thread: "allocated by thread T1", calloc() first.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

long *shared_block;

void *worker(void *arg)
{
	long *b = calloc(3, sizeof(long)); // L:A
	b[1] = 9; // L:W
	__atomic_store_n(&shared_block, b, __ATOMIC_RELAXED); /* no edge */
	step_wait(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	long *b;
	while (!(b = __atomic_load_n(&shared_block, __ATOMIC_RELAXED)))
		sched_yield();
	long x = b[1]; // L:R
	step_set(1);
	pthread_join(t, 0);
	free(b);
	return x != 9;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: heap_calloc_thread.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: heap_calloc_thread.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is heap block of size 24 at 0x{{[0-9a-f]+}} allocated by thread T1:
// CHECK-NEXT: {{^  }}calloc()
// CHECK-NEXT: +0x
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: heap_calloc_thread.c:[[A]]:
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: heap_calloc_thread.c:[[C]]:
// CHECK:      Found 1 data race(s)
