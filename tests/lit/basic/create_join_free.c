// pthread_create orders the parent's earlier accesses before the child, and
// pthread_join orders the child before the parent's later accesses: no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

int shared;

void *worker(void *arg)
{
	shared += 10; /* read and write */
	return arg;
}

int main(void)
{
	pthread_t t[4];
	shared = 1;
	for (int i = 0; i < 4; i++) {
		pthread_create(&t[i], 0, worker, 0);
		pthread_join(t[i], 0);
	}
	shared += 1;
	fprintf(stderr, "shared=%d\n", shared);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: shared=42
// CHECK-NOT: WARNING: DATA RACE
// CHECK-NOT: Found
