// Sorting after join, and two threads sorting their own arrays with a
// comparator that reads shared, read-only keys: no report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

int key[8] = {50, 30, 70, 10, 80, 20, 60, 40};
int shared[8];
int *first;

static int by_key(const void *a, const void *b)
{
	return key[*(const int *)a] - key[*(const int *)b];
}

void *worker(void *arg)
{
	int *idx = arg;
	for (int i = 0; i < 8; i++)
		idx[i] = i;
	qsort(idx, 8, sizeof idx[0], by_key);
	if (idx == first)
		for (int i = 0; i < 8; i++)
			shared[i] = 7 - i;
	return arg;
}

int main(void)
{
	int a[8], b[8];
	pthread_t t1, t2;
	first = a;
	pthread_create(&t1, 0, worker, a);
	pthread_create(&t2, 0, worker, b);
	pthread_join(t1, 0);
	pthread_join(t2, 0);
	qsort(shared, 8, sizeof shared[0], by_key);
	printf("%d %d %d\n", a[0], b[7], shared[0]);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     3 4 3
// CHECK-NOT: WARNING: DATA RACE
