// pthread_once: the routine's writes are ordered before every caller's
// return, whichever thread ran it.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

pthread_once_t once = PTHREAD_ONCE_INIT;
int table[4];
int runs;

static void init_table(void)
{
	runs++;
	for (int i = 0; i < 4; i++)
		table[i] = i * i;
}

void *worker(void *arg)
{
	pthread_once(&once, init_table);
	return (void *)(long)table[3];
}

int main(void)
{
	pthread_t t[3];
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], 0, worker, 0);
	pthread_once(&once, init_table);
	long sum = table[2];
	for (int i = 0; i < 3; i++) {
		void *r;
		pthread_join(t[i], &r);
		sum += (long)r;
	}
	printf("sum=%ld runs=%d\n", sum, runs);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: sum=31 runs=1
// CHECK-NOT: WARNING: DATA RACE
