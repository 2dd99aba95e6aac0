// Two unsynchronised writes race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

long status;

void *worker(void *arg)
{
	status = 1; // L:W1
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	status = 2; // L:W2
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: write_write.c:[[W2]]:{{[0-9]+}} +0x
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: write_write.c:[[W1]]:{{[0-9]+}} +0x
// CHECK:      Location is global 'status' of size 8 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: write_write.c:[[C]]:{{[0-9]+}} +0x
// CHECK:      Found 1 data race(s)
