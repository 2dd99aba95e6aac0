// A finished, joined thread's trace is kept while few threads have retired
// after it, and dropped (its memory given back) once more have: a race with
// one of its accesses then reports the previous access without a stack,
// never with a wrong one.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t 2 | FileCheck --check-prefix=KEPT %s $(%markers %s)
// RUN: %expect_exit 66 %run %t 40 | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

int target;

void *writer(void *arg)
{
	target = 1; // L:W
	return arg;
}

void *idle(void *arg)
{
	return arg;
}

void *reader(void *arg)
{
	step_wait(1);
	return (void *)(long)target; // L:R
}

int main(int argc, char **argv)
{
	int churn = argc > 1 ? atoi(argv[1]) : 0;
	pthread_t r, w;
	pthread_create(&r, 0, reader, 0);
	pthread_create(&w, 0, writer, 0); // L:C
	pthread_join(w, 0);
	for (int i = 0; i < churn; i++) {
		pthread_t t;
		pthread_create(&t, 0, idle, 0);
		pthread_join(t, 0);
	}
	step_set(1);
	void *v;
	pthread_join(r, &v);
	return v != (void *)1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: reader()
// CHECK-NEXT: retired_trace_dropped.c:[[R]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T2:
// CHECK-NEXT: {{^  }}[failed to restore the stack]
// CHECK-EMPTY:
// CHECK-NEXT: Location is global 'target' of size 4 at [[ADDR]]
// CHECK:      Thread T2 (finished) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: retired_trace_dropped.c:[[C]]:
// CHECK:      Found 1 data race(s)

// KEPT:      Previous write at [[ADDR:0x[0-9a-f]+]] by thread T2:
// KEPT-NEXT: writer()
// KEPT-NEXT: retired_trace_dropped.c:[[W]]:
// KEPT:      Found 1 data race(s)
