// Different bytes of one 8-byte word written by different threads do not race,
// whatever their sizes, as long as they do not overlap.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

union word {
	uint64_t all;
	uint8_t b[8];
	uint16_t h[4];
	uint32_t w[2];
} word;

void *worker(void *arg)
{
	word.b[0] = 1;  /* byte 0 */
	word.b[3] = 1;  /* byte 3 */
	word.h[2] = 1;  /* bytes 4-5 */
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	word.b[1] = 2;  /* byte 1 */
	word.b[2] = 2;  /* byte 2 */
	word.h[3] = 2;  /* bytes 6-7 */
	step_set(2);
	pthread_join(t, 0);
	fprintf(stderr, "word=%016llx\n", (unsigned long long)word.all);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: word=0002000101020201
// CHECK-NOT: WARNING: DATA RACE
