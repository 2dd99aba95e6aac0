// The acquire fence must come after the relaxed load that read the flag:
// a fence before the load acquires nothing.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

int payload;
atomic_int ready;

void *producer(void *arg)
{
	payload = 42; // L:W
	atomic_thread_fence(memory_order_release);
	atomic_store_explicit(&ready, 1, memory_order_relaxed);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	for (;;) {
		atomic_thread_fence(memory_order_acquire);
		if (atomic_load_explicit(&ready, memory_order_relaxed))
			break;
		sched_yield();
	}
	int v = payload; // L:R
	pthread_join(t, 0);
	return v != 42;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: read_after_acquire_fence_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: producer()
// CHECK-NEXT: read_after_acquire_fence_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
