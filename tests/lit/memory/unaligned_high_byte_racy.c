// The last byte of an unaligned 4-byte write (byte 9, in the second 8-byte
// word) races with a 1-byte read of that byte alone.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdint.h>

struct __attribute__((packed)) record {
	char tag[6];
	uint32_t value; /* bytes 6..9 */
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
	char b = ((volatile char *)&rec)[9]; // L:R
	step_set(2);
	pthread_join(t, 0);
	return b != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: unaligned_high_byte_racy.c:[[R]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: unaligned_high_byte_racy.c:[[W]]:
// CHECK:      Location is global 'rec' of size 10 at 0x{{[0-9a-f]+}}
// CHECK:      Found 1 data race(s)
