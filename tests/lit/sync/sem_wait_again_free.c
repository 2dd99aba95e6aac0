// A thread that waited on a semaphore holds its clock; a post by another
// thread since (which acquires nothing) changes that clock, so the next
// wait must take it again: the waiter's write after it is ordered after the
// poster's.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t 2>&1 | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

sem_t s;
int x;

void *poster(void *arg)
{
	step_wait(1);
	x = 1;
	sem_post(&s);
	return arg;
}

void *waiter(void *arg)
{
	sem_wait(&s);
	step_set(1);
	sem_wait(&s);
	x = 2;
	return arg;
}

int main(void)
{
	sem_init(&s, 0, 0);
	sem_post(&s);
	pthread_t t[2];
	pthread_create(&t[0], 0, waiter, 0);
	pthread_create(&t[1], 0, poster, 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	fprintf(stderr, "x=%d\n", x);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: x=2
// CHECK-NOT: WARNING: DATA RACE
