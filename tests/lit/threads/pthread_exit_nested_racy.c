// pthread_exit from a nested frame: the write made there races with a
// read before the join, and its stack shows the nested frames.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int result;

__attribute__((noinline)) void finish(int v)
{
	result = v; // L:W
	step_set(1);
	step_wait(2);
	pthread_exit(0);
}

__attribute__((noinline)) void compute(void)
{
	finish(6); // L:F
}

void *worker(void *arg)
{
	compute(); // L:CO
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int v = result; // L:R
	step_set(2);
	pthread_join(t, 0);
	return v != 6;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: pthread_exit_nested_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: finish()
// CHECK-NEXT: pthread_exit_nested_racy.c:[[W]]:
// CHECK-NEXT: compute()
// CHECK-NEXT: pthread_exit_nested_racy.c:[[F]]:
// CHECK-NEXT: worker()
// CHECK-NEXT: pthread_exit_nested_racy.c:[[CO]]:
// CHECK:      Found 1 data race(s)
