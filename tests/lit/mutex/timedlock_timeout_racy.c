// A pthread_mutex_timedlock that times out acquires nothing: no edge, a race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int guarded;

void *worker(void *arg)
{
	pthread_mutex_lock(&m);
	guarded = 5; // L:W
	step_set(1);
	step_wait(2); /* still holding m */
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 10 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	int rc = pthread_mutex_timedlock(&m, &ts);
	int v = guarded; // L:R
	if (rc == 0)
		pthread_mutex_unlock(&m);
	step_set(2);
	pthread_join(t, 0);
	fprintf(stderr, "timedlock=%s\n", rc == ETIMEDOUT ? "ETIMEDOUT" : "other");
	return v != 5;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: timedlock_timeout_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: timedlock_timeout_racy.c:[[W]]:
// CHECK:      Location is global 'guarded' of size 4 at [[ADDR]]
// CHECK:      timedlock=ETIMEDOUT
// CHECK:      Found 1 data race(s)
