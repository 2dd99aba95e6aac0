// A thread that writes the two 4-byte halves of one 8-byte granule in one
// epoch: the first half is free, the second races with another thread's
// unordered write of it, and the report names both lines. A third write
// of the pair, after a join, races with nothing.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdint.h>

struct {
	uint32_t lo, hi;
} pair __attribute__((aligned(8)));

void *worker(void *arg)
{
	pair.hi = 1; // L:THEIRS
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	pair.lo = 2;
	pair.hi = 3; // L:MINE
	step_set(2);
	pthread_join(t, 0);
	pair.lo = 4;
	pair.hi = 5;
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: second_half_racy.c:[[MINE]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: second_half_racy.c:[[THEIRS]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
