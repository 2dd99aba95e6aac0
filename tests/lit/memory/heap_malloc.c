// A race inside a malloc'd block: the Location gives the block and the stack
// that allocated it.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

void *worker(void *arg)
{
	int *v = arg;
	v[3] = 1; // L:W
	step_set(1);
	step_wait(2);
	return 0;
}

int main(void)
{
	pthread_t t;
	int *v = malloc(10 * sizeof(int)); // L:A
	v[3] = 0; /* before the create: no race */
	pthread_create(&t, 0, worker, v); // L:C
	step_wait(1);
	int x = v[3]; // L:R
	step_set(2);
	pthread_join(t, 0);
	free(v);
	return x != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: heap_malloc.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: heap_malloc.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is heap block of size 40 at 0x{{[0-9a-f]+}} allocated by main thread:
// CHECK-NEXT: {{^  }}malloc()
// CHECK-NEXT: +0x
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: heap_malloc.c:[[A]]:{{[0-9]+}} +0x
// CHECK-EMPTY:
// CHECK-NEXT: Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: heap_malloc.c:[[C]]:
// CHECK:      Found 1 data race(s)
