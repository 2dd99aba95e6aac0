// Threads that end without holding anything: a cleanup handler releases the
// mutex when the thread exits with pthread_exit, a C++-style scope does it
// on return, and a robust mutex may be left to the next owner on purpose.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t robust;
int value;

static void unlock(void *m)
{
	pthread_mutex_unlock(m);
}

void *with_cleanup(void *arg)
{
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(unlock, &mu);
	value++;
	pthread_exit(0);
	pthread_cleanup_pop(1);
	return arg;
}

void *dies_holding_robust(void *arg)
{
	pthread_mutex_lock(&robust);
	return arg;
}

int main(void)
{
	pthread_mutexattr_t attr;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&robust, &attr);
	pthread_t t;
	pthread_create(&t, 0, with_cleanup, 0);
	pthread_join(t, 0);
	pthread_create(&t, 0, dies_holding_robust, 0);
	pthread_join(t, 0);
	int r = pthread_mutex_lock(&robust);
	if (r == EOWNERDEAD)
		pthread_mutex_consistent(&robust);
	pthread_mutex_unlock(&robust);
	pthread_mutex_lock(&mu);
	fprintf(stderr, "value=%d robust=%s\n", value,
		r == EOWNERDEAD ? "EOWNERDEAD" : "?");
	pthread_mutex_unlock(&mu);
	return 0;
}

// CHECK-NOT: WARNING
// CHECK: value=1 robust=EOWNERDEAD
// CHECK-NOT: WARNING
