// A thread reads, the main thread writes later without synchronisation.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int limit = 5;

void *worker(void *arg)
{
	int v = limit; // L:R
	step_set(1);
	step_wait(2);
	return (void *)(long)v;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	limit = 6; // L:W
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: write_after_read.c:[[W]]:{{[0-9]+}} +0x
// CHECK-EMPTY:
// CHECK-NEXT: Previous read at [[ADDR]] by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: write_after_read.c:[[R]]:{{[0-9]+}} +0x
// CHECK:      Location is global 'limit' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: write_after_read.c:[[C]]:{{[0-9]+}} +0x
// CHECK:      Found 1 data race(s)
