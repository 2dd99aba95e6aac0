// The user-facing wrappers end to end: crace-cc (which adds -g and -pthread
// itself) and crace-run.
// RUN: %crace_cc -O1 %s -o %t
// RUN: %expect_exit 66 %crace_run %t | FileCheck %s $(%markers %s)
// crace-run keeps an LD_PRELOAD the user already has, after the runtime.
// RUN: env LD_PRELOAD=libc.so.6 %expect_exit 66 %crace_run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int x;

void *worker(void *arg)
{
	x = 1; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	x = 2; // L:W2
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: crace_cc_e2e.c:[[W2]]:{{[0-9]+}} +0x
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: crace_cc_e2e.c:[[W]]:{{[0-9]+}} +0x
// CHECK:      Location is global 'x' of size 4 at
// CHECK:      Thread T1 (running) created at:
// CHECK:      crace_cc_e2e.c:[[C]]:
// CHECK:      Found 1 data race(s)
