// A block handed over under a mutex and freed by the receiver: the owner's
// writes before the hand-over are ordered before the free, a write after it
// is not, even in the same block and after many ordered granules.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
long *handoff;

__attribute__((noinline)) void release_it(long *p)
{
	free(p); // L:F
}

void *worker(void *arg)
{
	long *p;
	do {
		pthread_mutex_lock(&m);
		p = handoff;
		pthread_mutex_unlock(&m);
	} while (!p);
	step_wait(1);
	release_it(p); // L:RI
	step_set(2);
	return arg;
}

int main(void)
{
	long *p = malloc(40 * sizeof(long));
	for (int i = 0; i < 40; i++)
		p[i] = i;
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	pthread_mutex_lock(&m);
	handoff = p;
	pthread_mutex_unlock(&m);
	p[30] = 0; // L:W
	step_set(1);
	step_wait(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: free()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: release_it()
// CHECK-NEXT: free_handed_over_racy.c:[[F]]:
// CHECK-NEXT: worker()
// CHECK-NEXT: free_handed_over_racy.c:[[RI]]:
// CHECK:      Previous write at [[ADDR]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: free_handed_over_racy.c:[[W]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
