// A robust mutex whose owner died: pthread_mutex_lock returns EOWNERDEAD and
// the caller holds the lock, acquiring what earlier owners released. No
// join or other edge orders main after T1's write: only the mutex does.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t m;
int data;

void *first(void *arg)
{
	pthread_mutex_lock(&m);
	data = 42;
	pthread_mutex_unlock(&m);
	step_set(1);
	return arg;
}

void *dies_holding(void *arg)
{
	step_wait(1);
	pthread_mutex_lock(&m);
	step_set(2);
	return arg; /* exits with the mutex held */
}

int main(void)
{
	pthread_mutexattr_t at;
	pthread_mutexattr_init(&at);
	pthread_mutexattr_setrobust(&at, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&m, &at);
	pthread_t t1, t2;
	pthread_create(&t1, 0, first, 0);
	pthread_create(&t2, 0, dies_holding, 0);
	pthread_detach(t1);
	pthread_detach(t2);
	step_wait(2);
	int r = pthread_mutex_lock(&m);
	if (r == EOWNERDEAD)
		pthread_mutex_consistent(&m);
	int v = data;
	pthread_mutex_unlock(&m);
	printf("%s data=%d\n", r == EOWNERDEAD ? "EOWNERDEAD" : "?", v);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: EOWNERDEAD data=42
// CHECK-NOT: WARNING: DATA RACE
