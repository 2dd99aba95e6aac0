// glibc reuses a joined thread's pthread_t for the next thread: the join
// of the second thread must stand for that thread, and reports must name
// it (T2), not the first one that had the same id.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>

int a, b;

void *first(void *arg)
{
	a = 1;
	return arg;
}

void *second(void *arg)
{
	b = 2; // L:W
	step_set(1);
	step_wait(2);
	a = 3; /* ordered before main's read by the join */
	return arg;
}

int main(void)
{
	pthread_t t1, t2;
	pthread_create(&t1, 0, first, 0);
	pthread_join(t1, 0);
	pthread_create(&t2, 0, second, 0); // L:C
	step_wait(1);
	int v = b; // L:R
	step_set(2);
	pthread_join(t2, 0);
	fprintf(stderr, "same id: %s, a=%d\n",
		pthread_equal(t1, t2) ? "yes" : "no", a);
	return v != 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: reused_thread_id_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T2:
// CHECK-NEXT: second()
// CHECK-NEXT: reused_thread_id_racy.c:[[W]]:
// CHECK:      Thread T2 ({{running|finished}}) created at:
// CHECK:      main()
// CHECK-NEXT: reused_thread_id_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      same id: yes, a=3
// CHECK:      Found 1 data race(s)
