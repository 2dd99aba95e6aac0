// A race deep inside a block of more than 1 MiB still names the block as
// its Location: such blocks are listed apart from the block index, which
// would need an entry every 64 KiB of them.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

char *big;

void *worker(void *arg)
{
	big[700001] = 1; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	big = malloc((1 << 20) + 40); // L:A
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	char v = big[700001]; // L:R
	pthread_join(t, 0);
	free(big);
	return v == 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: large_block_location_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: large_block_location_racy.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is heap block of size 1048616 at 0x{{[0-9a-f]+}} allocated by main thread:
// CHECK-NEXT: {{^  }}malloc()
// CHECK-NEXT: +0x
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: large_block_location_racy.c:[[A]]:
// CHECK:      Found 1 data race(s)
