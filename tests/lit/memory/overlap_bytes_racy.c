// A 4-byte write and a 1-byte write that share one byte race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdint.h>

union word {
	uint64_t all;
	uint8_t b[8];
	uint32_t w[2];
} word;

void *worker(void *arg)
{
	word.w[0] = 0xffffffff; // L:W4
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	word.b[5] = 1; /* bytes 4..7 are not the thread's: no race */
	word.b[2] = 1; // L:W1
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: overlap_bytes_racy.c:[[W1]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: overlap_bytes_racy.c:[[W4]]:
// CHECK:      Location is global 'word' of size 8 at 0x{{[0-9a-f]+}}
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
