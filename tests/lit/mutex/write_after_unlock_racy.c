// Two writes in one straight line of code with an unlock between them: the
// unlock starts a new epoch, so the second write is a new access even though
// the thread wrote the same bytes just before. (The pass reuses the epoch it
// loaded for the first write's inline test for later accesses of the same
// block only while no call lies between; reusing it across the unlock would
// take the second write for a repeat of the first, ordered before main's
// lock, and hide this race.)
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
long balance;

void *worker(void *arg)
{
	pthread_mutex_lock(&m);
	balance = 10;
	pthread_mutex_unlock(&m);
	balance = 20; /* after the unlock: unprotected */ // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	pthread_mutex_lock(&m);
	long b = balance; // L:R
	pthread_mutex_unlock(&m);
	step_set(2);
	pthread_join(t, 0);
	return b != 20;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: write_after_unlock_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: write_after_unlock_racy.c:[[W]]:
// CHECK:      Location is global 'balance' of size 8 at [[ADDR]]
// CHECK:      Found 1 data race(s)
