// When the thread that made the previous access has since made far more
// accesses than its history holds (history_size=0: 2^16 events; only accesses
// that change shadow are logged, so each noise write hits a new granule), the
// previous stack cannot be restored: the report says so, and still gives the
// rest.
// With the default history the stack is there.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=history_size=0 %expect_exit 66 %run %t 4000000 | FileCheck %s $(%markers %s)
// RUN: %expect_exit 66 %run %t 10 | FileCheck --check-prefix=KEPT %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

int target;
volatile long noise[1 << 16];
long rounds;

void *worker(void *arg)
{
	target = 1; // L:W
	for (long i = 0; i < rounds; i++)
		noise[i & 0xffff] = i;
	step_set(1);
	step_wait(2);
	return arg;
}

int main(int argc, char **argv)
{
	rounds = argc > 1 ? atol(argv[1]) : 0;
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int v = target; // L:R
	step_set(2);
	pthread_join(t, 0);
	return v != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: history_lost.c:[[R]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: {{^  }}[failed to restore the stack]
// CHECK-EMPTY:
// CHECK-NEXT: Location is global 'target' of size 4 at [[ADDR]]
// CHECK:      Found 1 data race(s)

// KEPT:      Previous write at [[ADDR:0x[0-9a-f]+]] by thread T1:
// KEPT-NEXT: worker()
// KEPT-NEXT: history_lost.c:[[W]]:
