// A mutex that dies with its heap block (freed without
// pthread_mutex_destroy) takes its history along: a new mutex later placed
// at the same address orders nothing with the old one's critical sections.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

struct box {
	pthread_mutex_t m;
};
static const pthread_mutex_t init = PTHREAD_MUTEX_INITIALIZER;
int x;
struct box *shared;

void *worker(void *arg)
{
	struct box *a = malloc(sizeof(*a));
	a->m = init;
	pthread_mutex_lock(&a->m);
	x = 1; // L:W
	pthread_mutex_unlock(&a->m);
	free(a);
	struct box *b = malloc(sizeof(*b)); /* most likely where a was */
	b->m = init;
	__atomic_store_n(&shared, b, __ATOMIC_RELAXED);
	step_set(1);
	step_wait(2);
	free(b);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	struct box *b = __atomic_load_n(&shared, __ATOMIC_RELAXED);
	pthread_mutex_lock(&b->m);
	int v = x; // L:R
	pthread_mutex_unlock(&b->m);
	step_set(2);
	pthread_join(t, 0);
	return v != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: freed_mutex_reuse_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: freed_mutex_reuse_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
