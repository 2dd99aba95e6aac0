// A thread writes, the main thread reads later without synchronisation.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>

int result;

void *worker(void *arg)
{
	result = 42; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	int r = result; // L:R
	step_set(2);
	pthread_join(t, 0);
	fprintf(stderr, "result=%d\n", r);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: read_after_write.c:[[R]]:{{[0-9]+}} +0x
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: read_after_write.c:[[W]]:{{[0-9]+}} +0x
// CHECK:      Location is global 'result' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: read_after_write.c:[[C]]:{{[0-9]+}} +0x
// CHECK:      result=42
// CHECK:      Found 1 data race(s)
