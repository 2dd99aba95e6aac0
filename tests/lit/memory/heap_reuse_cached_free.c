// Small blocks freed by one thread come back from crace's per-thread cache
// (runtime/malloc_cache.h) to another thread through the shared pool: the
// worker frees more blocks of one size than its cache keeps, so batches go
// to the pool, and main's mallocs of that size take them. Reused memory is
// new memory: the worker's writes before its frees do not race with main's
// writes after its mallocs, although nothing orders them (the steps are
// relaxed). The test checks that blocks really moved between the threads.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t 2>&1 | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 200, SMALL = 48 };
static uintptr_t freed[N]; /* read by main only after the join */

static void *worker(void *arg)
{
	char *b[N];
	for (int i = 0; i < N; i++) {
		b[i] = malloc(SMALL);
		memset(b[i], 1, SMALL);
	}
	for (int i = 0; i < N; i++) {
		freed[i] = (uintptr_t)b[i];
		free(b[i]);
	}
	step_set(1); /* relaxed: no happens-before with main */
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	char *b[N];
	for (int i = 0; i < N; i++) {
		b[i] = malloc(SMALL);
		memset(b[i], 2, SMALL);
	}
	step_set(2);
	pthread_join(t, 0);
	int reused = 0;
	for (int i = 0; i < N; i++)
		for (int k = 0; k < N; k++)
			reused += (uintptr_t)b[i] == freed[k];
	fprintf(stderr, "blocks from the other thread: %s\n",
		reused >= 32 ? "at least a batch" : "too few");
	for (int i = 0; i < N; i++)
		free(b[i]);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: blocks from the other thread: at least a batch
// CHECK-NOT: WARNING: DATA RACE
