// A relaxed store by another thread is not part of the release sequence:
// an acquire load reading it does not synchronise with the release store.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdatomic.h>

int payload;
atomic_int seq;

void *head(void *arg)
{
	payload = 11; // L:W
	atomic_store_explicit(&seq, 1, memory_order_release);
	step_set(1);
	return arg;
}

void *overwriter(void *arg)
{
	step_wait(1);
	atomic_store_explicit(&seq, 2, memory_order_relaxed);
	step_set(2);
	return arg;
}

int main(void)
{
	pthread_t t1, t2;
	pthread_create(&t1, 0, head, 0);
	pthread_create(&t2, 0, overwriter, 0);
	step_wait(2); /* no acquire load ever reads the release store's 1 */
	if (atomic_load_explicit(&seq, memory_order_acquire) != 2)
		return 1;
	int v = payload; // L:R
	pthread_join(t1, 0);
	pthread_join(t2, 0);
	return v != 11;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: relaxed_store_ends_sequence_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: head()
// CHECK-NEXT: relaxed_store_ends_sequence_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
