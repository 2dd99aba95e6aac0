// Relaxed read-modify-writes order nothing: a counter bumped with relaxed
// fetch_add does not publish the data written before it.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

int payload;
atomic_int done;

void *producer(void *arg)
{
	payload = 3; // L:W
	atomic_fetch_add_explicit(&done, 1, memory_order_relaxed);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (atomic_fetch_add_explicit(&done, 0, memory_order_relaxed) == 0)
		sched_yield();
	int v = payload; // L:R
	pthread_join(t, 0);
	return v != 3;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: relaxed_rmw_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: producer()
// CHECK-NEXT: relaxed_rmw_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
