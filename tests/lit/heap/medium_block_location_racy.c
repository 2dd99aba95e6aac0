// A race deep inside a 200 KiB block (past its first 64 KiB) still names
// the block as its Location: the block index is looked up backwards from
// the address, and a block of 64 KiB to 1 MiB leaves an entry every 64 KiB
// for that (larger ones are listed apart: large_block_location_racy.c).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

char *big;

void *worker(void *arg)
{
	big[150001] = 1; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	big = malloc((200 << 10) + 40); // L:A
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	char v = big[150001]; // L:R
	pthread_join(t, 0);
	free(big);
	return v == 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: medium_block_location_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: medium_block_location_racy.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is heap block of size 204840 at 0x{{[0-9a-f]+}} allocated by main thread:
// CHECK-NEXT: {{^  }}malloc()
// CHECK-NEXT: +0x
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: medium_block_location_racy.c:[[A]]:
// CHECK:      Found 1 data race(s)
