// A detached thread races like any other; it has no join to synchronise with.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int progress;

void *worker(void *arg)
{
	progress = 100; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	pthread_detach(t);
	step_wait(1);
	int p = progress; // L:R
	step_set(2);
	return p != 100;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: detached_racy.c:[[R]]:{{[0-9]+}} +0x
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: detached_racy.c:[[W]]:{{[0-9]+}} +0x
// CHECK:      Location is global 'progress' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: detached_racy.c:[[C]]:{{[0-9]+}} +0x
// CHECK:      Found 1 data race(s)
