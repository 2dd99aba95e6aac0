// A failed compare-exchange is a load with the failure order: relaxed
// failure order acquires nothing, even with an acquire success order.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

int payload;
atomic_int state;

void *producer(void *arg)
{
	payload = 8; // L:W
	atomic_store_explicit(&state, 1, memory_order_release);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	for (;;) {
		int expected = 5; /* never matches: always fails */
		atomic_compare_exchange_strong_explicit(
			&state, &expected, 6, memory_order_acquire,
			memory_order_relaxed);
		if (expected == 1)
			break;
		sched_yield();
	}
	int v = payload; // L:R
	pthread_join(t, 0);
	return v != 8;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: failed_cas_relaxed_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: producer()
// CHECK-NEXT: failed_cas_relaxed_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
