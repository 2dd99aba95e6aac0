// A range one thread used and unmapped, mapped again and used by another
// thread with no ordering in between, is new memory: no stale race. The
// same for a mapping replaced in place with MAP_FIXED.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <sys/mman.h>

#define SIZE (1 << 16)
char *a, *b;

void *worker(void *arg)
{
	a[123] = 1;
	munmap(a, SIZE);
	b[77] = 1;
	step_set(1);
	return arg;
}

int main(void)
{
	a = mmap(0, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	b = mmap(0, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	if (a == MAP_FAILED || b == MAP_FAILED)
		return 1;
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	char *a2 = mmap(a, SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	char *b2 = mmap(b, SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (a2 != a || b2 != b)
		return 1;
	a2[123] = 2;
	b2[77] = 2;
	printf("remapped %d %d\n", a2[123], b2[77]);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: remapped 2 2
// CHECK-NOT: WARNING: DATA RACE
