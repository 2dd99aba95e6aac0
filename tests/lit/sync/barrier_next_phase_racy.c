// A barrier orders what came before it, not what a thread does after
// leaving it: a write made after phase 0 races with another thread's read
// that is also after phase 0 but before phase 1.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

pthread_barrier_t b;
int x;

void *worker(void *arg)
{
	pthread_barrier_wait(&b);
	x = 1; // L:W
	step_set(1);
	pthread_barrier_wait(&b);
	return arg;
}

int main(void)
{
	pthread_barrier_init(&b, 0, 2);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	pthread_barrier_wait(&b);
	step_wait(1);
	int v = x; // L:R
	pthread_barrier_wait(&b);
	pthread_join(t, 0);
	pthread_barrier_destroy(&b);
	return v != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: barrier_next_phase_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: barrier_next_phase_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
