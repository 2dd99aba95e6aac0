// HAPPENS_BEFORE and HAPPENS_AFTER on different addresses make no edge.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <crace.h>
#include <pthread.h>
#include <sched.h>

int payload;
int ready, other;

void *producer(void *arg)
{
	payload = 42; // L:W
	CRACE_HAPPENS_BEFORE(&ready);
	__atomic_store_n(&ready, 1, __ATOMIC_RELAXED);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0); // L:C
	while (!__atomic_load_n(&ready, __ATOMIC_RELAXED))
		sched_yield();
	CRACE_HAPPENS_AFTER(&other);
	int v = payload; // L:R
	pthread_join(t, 0);
	return v != 42;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: happens_before_other_addr_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: producer()
// CHECK-NEXT: happens_before_other_addr_racy.c:[[W]]:
// CHECK:      Location is global 'payload' of size 4 at [[ADDR]]
// CHECK:      Thread T1 ({{running|finished}}) created at:
// CHECK:      main()
// CHECK-NEXT: happens_before_other_addr_racy.c:[[C]]:
// CHECK:      Found 1 data race(s)
