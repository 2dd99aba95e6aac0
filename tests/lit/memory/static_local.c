// A function-local static is a global: its Location names it.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

__attribute__((noinline)) static int next_id(void)
{
	static int last_id;
	return ++last_id; // L:ID
}

void *worker(void *arg)
{
	next_id();
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int id = next_id();
	step_set(2);
	pthread_join(t, 0);
	return id != 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: {{Read|Write}} at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: next_id()
// CHECK-NEXT: static_local.c:[[ID]]:
// CHECK-NEXT: main()
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: next_id()
// CHECK-NEXT: static_local.c:[[ID]]:
// CHECK-NEXT: worker()
// CHECK:      Location is global '{{.*}}last_id' of size 4 at [[ADDR]]
// CHECK:      Found 1 data race(s)
