// A plain write and a later atomic load of the same variable race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

long level;

void *worker(void *arg)
{
	level = 3; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	long v = __atomic_load_n(&level, __ATOMIC_ACQUIRE); // L:AR
	step_set(2);
	pthread_join(t, 0);
	return v != 3;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Atomic read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: plain_vs_atomic_racy.c:[[AR]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: plain_vs_atomic_racy.c:[[W]]:
// CHECK:      Location is global 'level' of size 8 at [[ADDR]]
// CHECK:      Found 1 data race(s)
