// A detached thread hands its result over under a mutex: no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int result;
int done;

void *worker(void *arg)
{
	result = 7; /* published by the unlock below */
	pthread_mutex_lock(&m);
	done = 1;
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	pthread_detach(t);
	for (;;) {
		pthread_mutex_lock(&m);
		int d = done;
		pthread_mutex_unlock(&m);
		if (d)
			break;
		sched_yield();
	}
	fprintf(stderr, "result=%d\n", result);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: result=7
// CHECK-NOT: WARNING: DATA RACE
