// Readers of an rwlock do not order each other: a (buggy) write made under
// a read lock races with a later reader's read.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;
int hits;

void *worker(void *arg)
{
	pthread_rwlock_rdlock(&l);
	hits++; /* a write under a read lock */ // L:W
	pthread_rwlock_unlock(&l);
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	pthread_rwlock_rdlock(&l);
	int v = hits; // L:R
	pthread_rwlock_unlock(&l);
	step_set(2);
	pthread_join(t, 0);
	return v != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: rwlock_readers_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: rwlock_readers_racy.c:[[W]]:
// CHECK:      Location is global 'hits' of size 4 at [[ADDR]]
// CHECK:      Thread T1 ({{running|finished}}) created at:
// CHECK:      main()
// CHECK-NEXT: rwlock_readers_racy.c:[[C]]:
// CHECK:      Found 1 data race(s)
