// A thread that takes the same mutex again and again still publishes, with
// each unlock, everything it acquired since its previous one: the main
// thread, which takes the mutex after it, is ordered after B's write (that
// the thread acquired through m2), D's (through an atomic) and its own.
// The mutex's clock is the thread's own from the second round on, so
// relocking skips the join and an unlock with nothing new acquired stores
// the thread's own entry alone; these must not lose the other entries.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t 2>&1 | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;
int flag;
int x, y, z;

void *b(void *arg)
{
	step_wait(1);
	x = 1;
	pthread_mutex_lock(&m2);
	pthread_mutex_unlock(&m2);
	step_set(2);
	return arg;
}

void *d(void *arg)
{
	step_wait(2);
	y = 1;
	__atomic_store_n(&flag, 1, __ATOMIC_RELEASE);
	step_set(3);
	return arg;
}

void *a(void *arg)
{
	for (int i = 0; i < 2; i++) {
		pthread_mutex_lock(&m);
		pthread_mutex_unlock(&m);
	}
	pthread_mutex_lock(&m);
	step_set(1);
	step_wait(3);
	pthread_mutex_lock(&m2);
	pthread_mutex_unlock(&m2);
	while (!__atomic_load_n(&flag, __ATOMIC_ACQUIRE))
		;
	pthread_mutex_unlock(&m);
	pthread_mutex_lock(&m);
	z = 1;
	pthread_mutex_unlock(&m);
	step_set(4);
	return arg;
}

int main(void)
{
	pthread_t t[3];
	pthread_create(&t[0], 0, a, 0);
	pthread_create(&t[1], 0, b, 0);
	pthread_create(&t[2], 0, d, 0);
	step_wait(4);
	pthread_mutex_lock(&m);
	x = 2;
	y = 2;
	z = 2;
	pthread_mutex_unlock(&m);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], 0);
	fprintf(stderr, "x=%d y=%d z=%d\n", x, y, z);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: x=2 y=2 z=2
// CHECK-NOT: WARNING: DATA RACE
