// Freeing after pthread_join (or handing the block over under a mutex)
// orders the free after the other thread's uses: no race. Memory reused by
// malloc in another thread carries no history of the freed block.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int *handoff;

void *worker(void *arg)
{
	int *p = arg;
	p[0] += 1;
	int *q = malloc(16 * sizeof(int));
	q[5] = 5;
	pthread_mutex_lock(&m);
	handoff = q;
	pthread_mutex_unlock(&m);
	return 0;
}

void *reuser(void *arg)
{
	/* Likely the block main just freed. */
	int *r = malloc(16 * sizeof(int));
	r[5] = 9;
	free(r);
	return arg;
}

int main(void)
{
	int *p = calloc(4, sizeof(int));
	pthread_t t;
	pthread_create(&t, 0, worker, p);
	pthread_join(t, 0);
	free(p);
	int *q;
	do {
		pthread_mutex_lock(&m);
		q = handoff;
		pthread_mutex_unlock(&m);
	} while (!q);
	int v = q[5];
	free(q);
	pthread_create(&t, 0, reuser, 0);
	pthread_join(t, 0);
	printf("v=%d\n", v);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: v=5
// CHECK-NOT: WARNING: DATA RACE
