// Two different spinlocks do not order each other's critical sections.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

pthread_spinlock_t a, b;
long counter;

void *worker(void *arg)
{
	pthread_spin_lock(&a);
	counter++; // L:W
	pthread_spin_unlock(&a);
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_spin_init(&a, PTHREAD_PROCESS_PRIVATE);
	pthread_spin_init(&b, PTHREAD_PROCESS_PRIVATE);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	pthread_spin_lock(&b);
	counter++; // L:W2
	pthread_spin_unlock(&b);
	pthread_join(t, 0);
	return counter != 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: {{Read|Write}} at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: spinlock_racy.c:[[W2]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: spinlock_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
