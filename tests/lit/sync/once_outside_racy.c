// pthread_once orders only the routine: a write after it in one thread
// races with another thread's read after its own pthread_once.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

pthread_once_t once = PTHREAD_ONCE_INIT;
int inited, extra;

static void init(void)
{
	inited = 1;
}

void *worker(void *arg)
{
	pthread_once(&once, init);
	extra = 1; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	pthread_once(&once, init);
	int v = inited + extra; // L:R
	pthread_join(t, 0);
	return v != 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: once_outside_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: once_outside_racy.c:[[W]]:
// CHECK:      Location is global 'extra'
// CHECK:      Found 1 data race(s)
