// pthread_mutex_clocklock acquires like lock: the critical sections are
// ordered, and a write outside them still races.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <time.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int inside, outside;

static void lock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += 5;
	pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, &ts);
}

void *worker(void *arg)
{
	lock();
	inside = 1;
	pthread_mutex_unlock(&m);
	outside = 1; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	lock();
	int v = inside;
	pthread_mutex_unlock(&m);
	v += outside; // L:R
	pthread_join(t, 0);
	return v != 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: mutex_clocklock_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: mutex_clocklock_racy.c:[[W]]:
// CHECK:      Location is global 'outside'
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
