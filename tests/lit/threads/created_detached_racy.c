// A thread created detached (attribute) is checked like any other: its
// write races with main's unsynchronised read.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int status;

void *worker(void *arg)
{
	status = 1; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_attr_t at;
	pthread_attr_init(&at);
	pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
	pthread_t t;
	pthread_create(&t, &at, worker, 0); // L:C
	step_wait(1);
	return status != 1; // L:R
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: created_detached_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: created_detached_racy.c:[[W]]:
// CHECK:      Thread T1 ({{running|finished}}) created at:
// CHECK:      main()
// CHECK-NEXT: created_detached_racy.c:[[C]]:
// CHECK:      Found 1 data race(s)
