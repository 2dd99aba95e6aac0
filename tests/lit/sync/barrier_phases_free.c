// Barrier: every thread's writes of phase k are ordered before every
// thread's reads after phase k, over several phases.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

#define N      3
#define PHASES 4
pthread_barrier_t b;
int cell[N];
long total[N];

void *worker(void *arg)
{
	long i = (long)arg;
	for (int p = 0; p < PHASES; p++) {
		cell[i] = p * 10 + (int)i; /* write own cell */
		pthread_barrier_wait(&b);
		for (int j = 0; j < N; j++) /* read everyone's */
			total[i] += cell[j];
		pthread_barrier_wait(&b);
	}
	return 0;
}

int main(void)
{
	pthread_barrier_init(&b, 0, N);
	pthread_t t[N];
	for (long i = 0; i < N; i++)
		pthread_create(&t[i], 0, worker, (void *)i);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], 0);
	pthread_barrier_destroy(&b);
	printf("total=%ld\n", total[0] + total[1] + total[2]);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: total=576
// CHECK-NOT: WARNING: DATA RACE
