// The same racy program is reported at -O0 and -O2 with the same lines.
// RUN: %clang_crace -O0 %s -o %t.O0
// RUN: %expect_exit 66 %run %t.O0 | FileCheck %s $(%markers %s)
// RUN: %clang_crace -O2 %s -o %t.O2
// RUN: %expect_exit 66 %run %t.O2 | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

struct stats {
	long requests;
	long errors;
} stats;

__attribute__((noinline)) static void record(long n)
{
	stats.requests += n; // L:RMW
}

void *worker(void *arg)
{
	record(1); // L:CALL_T
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	record(2); // L:CALL_M
	step_set(2);
	pthread_join(t, 0);
	return stats.requests != 3;
}

// The read half of "+=" in main races with the write of the thread.
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: {{Read|Write}} at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: record()
// CHECK-NEXT: opt_levels.c:[[RMW]]
// CHECK-NEXT: main()
// CHECK-NEXT: opt_levels.c:[[CALL_M]]
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: record()
// CHECK-NEXT: opt_levels.c:[[RMW]]
// CHECK-NEXT: worker()
// CHECK-NEXT: opt_levels.c:[[CALL_T]]
// CHECK:      Location is global 'stats' of size 16 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK:      opt_levels.c:[[C]]
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
