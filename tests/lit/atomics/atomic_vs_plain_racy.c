// An atomic store and a plain load of the same variable race; the report says
// which access was atomic.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int level;

void *worker(void *arg)
{
	__atomic_store_n(&level, 3, __ATOMIC_SEQ_CST); // L:AW
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int v = level; // L:R
	step_set(2);
	pthread_join(t, 0);
	return v != 3;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: atomic_vs_plain_racy.c:[[R]]:
// CHECK:      Previous atomic write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: atomic_vs_plain_racy.c:[[AW]]:
// CHECK:      Location is global 'level' of size 4 at [[ADDR]]
// CHECK:      Found 1 data race(s)
