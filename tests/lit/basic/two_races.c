// Two races on two variables from two pairs of lines: two reports, Found 2.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int alpha;
int beta;

void *worker(void *arg)
{
	alpha = 1; // L:WA
	step_set(1);
	step_wait(2);
	beta = 1; // L:WB
	step_set(3);
	step_wait(4);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int a = alpha; // L:RA
	step_set(2);
	step_wait(3);
	int b = beta; // L:RB
	step_set(4);
	pthread_join(t, 0);
	return a + b - 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[A:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: two_races.c:[[RA]]:
// CHECK:      Previous write at [[A]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: two_races.c:[[WA]]:
// CHECK:      Location is global 'alpha' of size 4 at [[A]]
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[B:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: two_races.c:[[RB]]:
// CHECK:      Previous write at [[B]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: two_races.c:[[WB]]:
// CHECK:      Location is global 'beta' of size 4 at [[B]]
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 2 data race(s)
