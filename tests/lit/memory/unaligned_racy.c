// Unaligned accesses through a packed struct: a 4-byte field at offset 6
// spans two 8-byte words. The byte after it belongs to nobody else.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdint.h>

struct __attribute__((packed)) record {
	char tag[6];
	uint32_t value; /* bytes 6..9 */
	char flag;      /* byte 10 */
};
struct record rec __attribute__((aligned(8)));

void *worker(void *arg)
{
	rec.value = 0x01020304; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	rec.flag = 1;   /* byte 10: no race */
	rec.tag[5] = 1; /* byte 5: no race */
	uint32_t v = rec.value; // L:R
	step_set(2);
	pthread_join(t, 0);
	return v != 0x01020304;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: unaligned_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: unaligned_racy.c:[[W]]:
// CHECK:      Location is global 'rec' of size 11 at 0x{{[0-9a-f]+}}
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
