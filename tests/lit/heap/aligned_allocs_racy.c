// posix_memalign, aligned_alloc, memalign, valloc and pvalloc blocks are
// tracked: Location names the allocator, and each block is freed as a
// write. One race per allocator, on blocks of distinct sizes.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>

char *blocks[5];

void *worker(void *arg)
{
	blocks[0][1] = 1; // L:W0
	blocks[1][1] = 1; // L:W1
	blocks[2][1] = 1; // L:W2
	blocks[3][1] = 1; // L:W3
	blocks[4][1] = 1; // L:W4
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	void *p;
	if (posix_memalign(&p, 64, 40)) // L:A0
		return 1;
	blocks[0] = p;
	blocks[1] = aligned_alloc(128, 256); // L:A1
	blocks[2] = memalign(32, 48);	     // L:A2
	blocks[3] = valloc(100);	     // L:A3
	blocks[4] = pvalloc(5000);	     // L:A4
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int sum = blocks[0][1]; // L:R0
	sum += blocks[1][1];	// L:R1
	sum += blocks[2][1];	// L:R2
	sum += blocks[3][1];	// L:R3
	sum += blocks[4][1];	// L:R4
	step_set(2);
	pthread_join(t, 0);
	for (int i = 0; i < 5; i++)
		free(blocks[i]);
	return sum != 5;
}

// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: aligned_allocs_racy.c:[[R0]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: aligned_allocs_racy.c:[[W0]]:
// CHECK:      Location is heap block of size 40 at {{.*}} allocated by main thread:
// CHECK-NEXT: posix_memalign()
// CHECK:      aligned_allocs_racy.c:[[A0]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: aligned_allocs_racy.c:[[R1]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: aligned_allocs_racy.c:[[W1]]:
// CHECK:      Location is heap block of size 256 at {{.*}} allocated by main thread:
// CHECK-NEXT: aligned_alloc()
// CHECK:      aligned_allocs_racy.c:[[A1]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: aligned_allocs_racy.c:[[R2]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: aligned_allocs_racy.c:[[W2]]:
// CHECK:      Location is heap block of size 48 at {{.*}} allocated by main thread:
// CHECK-NEXT: memalign()
// CHECK:      aligned_allocs_racy.c:[[A2]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: aligned_allocs_racy.c:[[R3]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: aligned_allocs_racy.c:[[W3]]:
// CHECK:      Location is heap block of size 100 at {{.*}} allocated by main thread:
// CHECK-NEXT: valloc()
// CHECK:      aligned_allocs_racy.c:[[A3]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: aligned_allocs_racy.c:[[R4]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: aligned_allocs_racy.c:[[W4]]:
// CHECK:      Location is heap block of size 8192 at {{.*}} allocated by main thread:
// CHECK-NEXT: pvalloc()
// CHECK:      aligned_allocs_racy.c:[[A4]]:
// CHECK:      Found 5 data race(s)
