// Each thread takes a lock, but not the same one: a race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

pthread_mutex_t m1 = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;
int items;

void *worker(void *arg)
{
	pthread_mutex_lock(&m1);
	items = 1; // L:W1
	pthread_mutex_unlock(&m1);
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	pthread_mutex_lock(&m2);
	items = 2; // L:W2
	pthread_mutex_unlock(&m2);
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: two_mutexes_racy.c:[[W2]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: two_mutexes_racy.c:[[W1]]:
// CHECK:      Location is global 'items' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK:      Found 1 data race(s)
