// realloc writes (and may move) the old block: a concurrent read of it in
// another thread races with the realloc.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

char *buf;

void *worker(void *arg)
{
	char c = buf[10]; // L:R
	step_set(1);
	return (void *)(long)c;
}

int main(void)
{
	buf = calloc(1, 32);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	char *n = realloc(buf, 1 << 20); // L:RA
	pthread_join(t, 0);
	fprintf(stderr, "kept=%d\n", n[10]);
	free(n);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: realloc()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: realloc_racy.c:[[RA]]:
// CHECK:      Previous read at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: realloc_racy.c:[[R]]:
// CHECK:      kept=0
// CHECK:      Found 1 data race(s)
