// A 16-byte store (__int128) races with an 8-byte load of its upper half, and
// not with an access next to it.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdint.h>

struct {
	unsigned __int128 big;
	uint64_t after;
} g __attribute__((aligned(16)));

void *worker(void *arg)
{
	g.big = ((unsigned __int128)1 << 64) | 2; // L:W16
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	g.after = 7; /* bytes 16..23: no race */
	uint64_t hi = ((volatile uint64_t *)&g.big)[1]; // L:R8
	step_set(2);
	pthread_join(t, 0);
	return hi != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: access16_racy.c:[[R8]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: access16_racy.c:[[W16]]:
// CHECK:      Location is global 'g' of size 32 at 0x{{[0-9a-f]+}}
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
