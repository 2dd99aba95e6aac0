// A release fence publishes what came before it, not what comes after:
// a write between the fence and the relaxed store still races.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

int before, after;
atomic_int ready;

void *producer(void *arg)
{
	before = 1;
	atomic_thread_fence(memory_order_release);
	after = 2; // L:W
	atomic_store_explicit(&ready, 1, memory_order_relaxed);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	while (!atomic_load_explicit(&ready, memory_order_relaxed))
		sched_yield();
	atomic_thread_fence(memory_order_acquire);
	int v = before + after; // L:R
	pthread_join(t, 0);
	return v != 3;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: write_after_fence_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: producer()
// CHECK-NEXT: write_after_fence_racy.c:[[W]]:
// CHECK:      Location is global 'after' of size 4 at [[ADDR]]
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
