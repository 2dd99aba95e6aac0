// A range registered with CRACE_BENIGN_RACE is not reported; a race just
// outside it still is.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <crace.h>
#include <pthread.h>

struct {
	long approx_count[2];
	long exact;
} stats;

void *worker(void *arg)
{
	stats.approx_count[0]++;
	stats.approx_count[1]++;
	stats.exact++; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	CRACE_BENIGN_RACE(&stats.approx_count, sizeof(stats.approx_count),
			  "statistics, approximate on purpose");
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	long v = stats.approx_count[0] + stats.approx_count[1];
	v += stats.exact; // L:R
	step_set(2);
	pthread_join(t, 0);
	return v != 3;
}

// CHECK-NOT:  approx_count
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: benign_race_free.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: benign_race_free.c:[[W]]:
// CHECK:      Location is global 'stats' of size 24
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
