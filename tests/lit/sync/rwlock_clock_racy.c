// A write after the write lock was dropped is not ordered before a later
// clockrdlock reader.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <time.h>

pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;
int config;

void *writer(void *arg)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += 5;
	pthread_rwlock_clockwrlock(&l, CLOCK_MONOTONIC, &ts);
	config = 1;
	pthread_rwlock_unlock(&l);
	config = 2; /* outside the lock */ // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, writer, 0);
	step_wait(1);
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += 5;
	pthread_rwlock_clockrdlock(&l, CLOCK_MONOTONIC, &ts);
	int v = config; // L:R
	pthread_rwlock_unlock(&l);
	pthread_join(t, 0);
	return v != 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: rwlock_clock_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: writer()
// CHECK-NEXT: rwlock_clock_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
