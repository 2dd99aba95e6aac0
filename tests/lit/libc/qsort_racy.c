// qsort reads and rewrites the whole array; the comparator's own reads are
// instrumented as usual.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

int v[8] = {5, 3, 7, 1, 8, 2, 6, 4};

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

void *worker(void *arg)
{
	int last = v[7]; // L:R
	step_set(1);
	step_wait(2);
	return (void *)(long)last;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	qsort(v, 8, sizeof v[0], cmp); // L:SORT
	step_set(2);
	pthread_join(t, 0);
	return v[0] != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: qsort()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: qsort_racy.c:[[SORT]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: qsort_racy.c:[[R]]:
// CHECK:      Location is global 'v' of size 32
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: qsort_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
