// A 16-byte access whose second granule starts the next 4 MiB shadow
// region (the inline test leaves that case to the hook): a write of both
// halves races with another thread's read of the upper half; its own
// thread's read after it, and a read after the join, race with nothing.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#define REGION (4ul << 20)

static unsigned __int128 *edge;

void *worker(void *arg)
{
	*edge = ((unsigned __int128)3 << 64) | 4; // L:W16
	uint64_t mine = ((volatile uint64_t *)edge)[1];
	step_set(mine == 3);
	step_wait(2);
	return arg;
}

int main(void)
{
	char *block = aligned_alloc(REGION, 2 * REGION);
	edge = (unsigned __int128 *)(block + REGION - 8);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	uint64_t hi = ((volatile uint64_t *)edge)[1]; // L:R8
	step_set(2);
	pthread_join(t, 0);
	uint64_t lo = ((volatile uint64_t *)edge)[0];
	free(block);
	return hi == 3 && lo == 4 ? 0 : 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: access16_region_edge_racy.c:[[R8]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: access16_region_edge_racy.c:[[W16]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
