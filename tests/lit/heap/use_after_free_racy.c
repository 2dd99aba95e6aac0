// A use of a block after another thread freed it, not ordered after the
// free: the previous access is the free's write, with free() on top.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

long *shared;

__attribute__((noinline)) void release_it(long *p)
{
	free(p); // L:F
}

void *worker(void *arg)
{
	release_it(shared); // L:RI
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	shared = malloc(64);
	shared[0] = 1;
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	long v = shared[0]; /* use after free */ // L:U
	step_set(2);
	pthread_join(t, 0);
	return v == 12345;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: use_after_free_racy.c:[[U]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: free()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: release_it()
// CHECK-NEXT: use_after_free_racy.c:[[F]]:
// CHECK-NEXT: worker()
// CHECK-NEXT: use_after_free_racy.c:[[RI]]:
// CHECK:      Found 1 data race(s)
