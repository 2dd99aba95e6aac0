// A block grown with realloc: the Location gives the new size and realloc().
// Copying the old contents is not an access of the program's threads.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

void *worker(void *arg)
{
	char *buf = arg;
	buf[100] = 'x'; // L:W
	step_set(1);
	step_wait(2);
	return 0;
}

int main(void)
{
	pthread_t t;
	char *buf = malloc(16);
	buf[0] = 'a';
	buf = realloc(buf, 200); // L:A
	pthread_create(&t, 0, worker, buf);
	step_wait(1);
	buf[100] = 'y'; // L:W2
	step_set(2);
	pthread_join(t, 0);
	free(buf);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: heap_realloc.c:[[W2]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: heap_realloc.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is heap block of size 200 at 0x{{[0-9a-f]+}} allocated by main thread:
// CHECK-NEXT: {{^  }}realloc()
// CHECK-NEXT: +0x
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: heap_realloc.c:[[A]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
