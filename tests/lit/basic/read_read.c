// Two threads only reading the same data never race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdio.h>

int table[4] = {1, 2, 3, 4};
volatile int sink;

void *worker(void *arg)
{
	step_wait(1);
	for (int i = 0; i < 4; i++)
		sink = table[i] > 0; /* sink: only this thread writes it */
	step_set(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	int sum = 0;
	for (int i = 0; i < 4; i++)
		sum += table[i];
	step_set(1);
	step_wait(2);
	pthread_join(t, 0);
	fprintf(stderr, "sum=%d\n", sum);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: sum=10
// CHECK-NOT: WARNING: DATA RACE
