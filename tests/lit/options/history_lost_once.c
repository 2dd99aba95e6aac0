// A race already reported with both stacks is not reported again when it
// recurs after the previous access's history was overwritten: the second
// occurrence would only repeat it with "[failed to restore the stack]".
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=history_size=0 %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int target;
pthread_mutex_t unrelated = PTHREAD_MUTEX_INITIALIZER;
volatile int noise[64];

__attribute__((noinline)) void set_target(void)
{
	target = 1; // L:W
}

__attribute__((noinline)) int get_target(void)
{
	return target; // L:R
}

void *worker(void *arg)
{
	set_target();
	step_set(1);
	step_wait(2);
	set_target();
	for (long i = 0; i < 4000000; i++)
		noise[i & 63] = (int)i;
	step_set(3);
	step_wait(4);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int v = get_target();
	step_set(2);
	step_wait(3);
	/* A new epoch for main, so its second read is checked again. */
	pthread_mutex_lock(&unrelated);
	pthread_mutex_unlock(&unrelated);
	v += get_target();
	step_set(4);
	pthread_join(t, 0);
	return v != 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: get_target()
// CHECK-NEXT: history_lost_once.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: set_target()
// CHECK-NEXT: history_lost_once.c:[[W]]:
// CHECK-NOT:  failed to restore
// CHECK:      Found 1 data race(s)
