// strdup's copy is a heap block allocated by strdup() at its caller; a
// write to it races with a later unordered strndup of it.
// RUN: %clang_crace -O1 -fno-builtin %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

char *copy;

void *worker(void *arg)
{
	copy[0] = 'J'; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	copy = strdup("hello"); // L:DUP
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	char *again = strndup(copy, 3); // L:R
	step_set(2);
	pthread_join(t, 0);
	int r = again[0] != 'J';
	free(again);
	free(copy);
	return r;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: strndup()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: strdup_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: strdup_racy.c:[[W]]:
// CHECK:      Location is heap block of size 6 at [[ADDR]] allocated by main thread:
// CHECK-NEXT: strdup()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: strdup_racy.c:[[DUP]]:
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: strdup_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
