// After CRACE_IGNORE_READS_END reads are checked again, and ignoring reads
// does not ignore writes: both races are reported.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <crace.h>
#include <pthread.h>

long hits, misses;

void *worker(void *arg)
{
	hits = 5;   // L:W1
	misses = 1; // L:W2
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	CRACE_IGNORE_READS_BEGIN();
	long a = hits;
	misses = 2; // L:M
	CRACE_IGNORE_READS_END();
	long b = hits; // L:R
	step_set(2);
	pthread_join(t, 0);
	return a + b == 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR2:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: ignore_reads_end_racy.c:[[M]]:
// CHECK:      Previous write at [[ADDR2]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: ignore_reads_end_racy.c:[[W2]]:
// CHECK:      Location is global 'misses'
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: ignore_reads_end_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: ignore_reads_end_racy.c:[[W1]]:
// CHECK:      Location is global 'hits'
// CHECK:      Found 2 data race(s)
