// The previous access of each race is restored from the thread's history
// for every access size of the hooks (1, 2, 4, 8, 16 bytes), each logged
// after many other accesses of the same thread, nearby in code (one-word
// trace events, whose pc is relative to the access before) and far away (a
// large function in between). The stores are volatile so that the compiler
// neither merges nor moves them.
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
	unsigned __int128 q;
} g __attribute__((aligned(16)));

uint64_t scratch[4096];

/* Big enough (unrolled) that the accesses after it are far from the ones
 * before it in code. */
__attribute__((noinline)) void far_away(void)
{
#pragma clang loop unroll(full)
	for (int i = 0; i < 512; i++)
		scratch[i * 7 % 4096] += (uint64_t)i;
}

void *worker(void *arg)
{
	for (int i = 0; i < 4096; i++)
		scratch[i] = (uint64_t)i;
	*(volatile uint8_t *)&g.b = 1; // L:W1
	for (int i = 0; i < 4096; i += 2)
		scratch[i] += 1;
	*(volatile uint16_t *)&g.h = 2; // L:W2
	far_away();
	*(volatile uint32_t *)&g.w = 3; // L:W4
	*(volatile uint64_t *)&g.d = 4; // L:W8
	g.q = 5; // L:W16
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int sum = g.b;			       // L:R1
	sum += g.h;			       // L:R2
	sum += g.w;			       // L:R4
	sum += (int)g.d;		       // L:R8
	sum += (int)((volatile uint64_t *)&g.q)[1]; // L:R16
	step_set(2);
	pthread_join(t, 0);
	return sum == 10 ? 0 : 1;
}

// CHECK:      Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_sizes_racy.c:[[R1]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: history_sizes_racy.c:[[W1]]:
// CHECK:      Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_sizes_racy.c:[[R2]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: history_sizes_racy.c:[[W2]]:
// CHECK:      Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_sizes_racy.c:[[R4]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: history_sizes_racy.c:[[W4]]:
// CHECK:      Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_sizes_racy.c:[[R8]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: history_sizes_racy.c:[[W8]]:
// CHECK:      Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_sizes_racy.c:[[R16]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: history_sizes_racy.c:[[W16]]:
// CHECK:      Found 5 data race(s)
