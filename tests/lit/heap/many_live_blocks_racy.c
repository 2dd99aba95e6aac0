// More live blocks than one chunk of block descriptors holds (65,536):
// every block keeps its own descriptor, freeing them all reports nothing,
// and a race on the last one still names it as its Location.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

#define N 200000

long *blocks[N];

void *worker(void *arg)
{
	blocks[N - 1][1] = 1; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	for (int i = 0; i < N - 1; i++) {
		blocks[i] = malloc(16 + 8 * (i % 4));
		blocks[i][0] = i;
	}
	blocks[N - 1] = malloc(40); // L:A
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	long v = blocks[N - 1][1]; // L:R
	pthread_join(t, 0);
	long sum = 0;
	for (int i = 0; i < N; i++) {
		sum += blocks[i][0];
		free(blocks[i]);
	}
	return v == 2 && sum == 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: many_live_blocks_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: many_live_blocks_racy.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is heap block of size 40 at 0x{{[0-9a-f]+}} allocated by main thread:
// CHECK-NEXT: {{^  }}malloc()
// CHECK-NEXT: +0x
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: many_live_blocks_racy.c:[[A]]:
// CHECK-NOT:  WARNING
// CHECK:      Found 1 data race(s)
