// Neighbouring unaligned fields of a packed struct written by two threads:
// no byte is shared, no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

struct __attribute__((packed)) record {
	uint8_t kind;    /* byte 0 */
	uint32_t a;      /* bytes 1..4 */
	uint16_t b;      /* bytes 5..6 */
	uint64_t c;      /* bytes 7..14 */
};
struct record rec __attribute__((aligned(8)));

void *worker(void *arg)
{
	rec.a = 0x11111111;
	rec.c = 0x3333333333333333ull;
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	rec.kind = 9;
	rec.b = 0x2222;
	step_set(2);
	pthread_join(t, 0);
	fprintf(stderr, "kind=%d b=%x\n", rec.kind, rec.b);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: kind=9 b=2222
// CHECK-NOT: WARNING: DATA RACE
