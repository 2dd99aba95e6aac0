// The previous atomic access of each race is restored from the thread's
// history for every atomic size (1, 2, 4, 8 bytes), loads and stores, each
// logged after many plain accesses of the same thread, nearby in code
// (one-word trace events, which carry the atomic bit) and far away (a large
// function in between: a two-word event).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdint.h>

struct {
	uint8_t b;
	uint16_t h;
	uint32_t w;
	uint64_t d;
	uint64_t e;
} g;

uint64_t scratch[4096], far[4096];

void far_away(void);

void *worker(void *arg)
{
	for (int i = 0; i < 4096; i++)
		scratch[i] = (uint64_t)i;
	__atomic_store_n(&g.b, 1, __ATOMIC_RELAXED); // L:W1
	for (int i = 0; i < 4096; i += 2)
		scratch[i] += 1;
	__atomic_store_n(&g.h, 2, __ATOMIC_RELAXED); // L:W2
	scratch[1] = 0;
	uint64_t v = __atomic_load_n(&g.d, __ATOMIC_RELAXED); // L:R8
	far_away();
	__atomic_store_n(&g.w, 3, __ATOMIC_RELAXED);	 // L:W4
	__atomic_fetch_add(&g.e, v + 5, __ATOMIC_RELAXED); // L:RMW8
	step_set(1);
	step_wait(2);
	return arg;
}

/* Big enough (unrolled), and after worker in code, that the accesses
 * after its call are far from its last one (a first touch of far[], so
 * logged). */
__attribute__((noinline)) void far_away(void)
{
#pragma clang loop unroll(full)
	for (int i = 0; i < 512; i++)
		far[i * 7 % 4096] += (uint64_t)i;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int sum = g.b; // L:MR1
	sum += g.h;    // L:MR2
	sum += g.w;    // L:MR4
	g.d = 4;       // L:MW8
	sum += (int)g.e; // L:MR8
	step_set(2);
	pthread_join(t, 0);
	return sum == 11 ? 0 : 1;
}

// CHECK:      Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_atomic_racy.c:[[MR1]]:
// CHECK:      Previous atomic write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: history_atomic_racy.c:[[W1]]:
// CHECK:      Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_atomic_racy.c:[[MR2]]:
// CHECK:      Previous atomic write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: history_atomic_racy.c:[[W2]]:
// CHECK:      Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_atomic_racy.c:[[MR4]]:
// CHECK:      Previous atomic write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: history_atomic_racy.c:[[W4]]:
// CHECK:      Write at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_atomic_racy.c:[[MW8]]:
// CHECK:      Previous atomic read at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: history_atomic_racy.c:[[R8]]:
// CHECK:      Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_atomic_racy.c:[[MR8]]:
// CHECK:      Previous atomic write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: history_atomic_racy.c:[[RMW8]]:
// CHECK:      Found 5 data race(s)
