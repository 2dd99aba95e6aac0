// One side takes the lock, the other does not: still a race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int balance;

void *worker(void *arg)
{
	pthread_mutex_lock(&m);
	balance += 10; // L:W
	pthread_mutex_unlock(&m);
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	int b = balance; /* forgot the lock */ // L:R
	step_set(2);
	pthread_join(t, 0);
	return b != 10;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: mutex_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: mutex_racy.c:[[W]]:
// CHECK:      Location is global 'balance' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: mutex_racy.c:[[C]]:
// CHECK:      Found 1 data race(s)
