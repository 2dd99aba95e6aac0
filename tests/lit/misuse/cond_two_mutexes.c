// Two threads wait on one condition variable at the same time, each with a
// different mutex (undefined behaviour in POSIX).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

pthread_mutex_t mu_1 = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t mu_2 = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
int go, finished;

void *first(void *arg)
{
	pthread_mutex_lock(&mu_1);
	step_set(1);
	while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
		pthread_cond_wait(&cv, &mu_1); // L:WAIT1
	pthread_mutex_unlock(&mu_1);
	__atomic_fetch_add(&finished, 1, __ATOMIC_RELEASE);
	return arg;
}

void *second(void *arg)
{
	step_wait(1);
	/* Free only once the first thread is inside its wait. */
	pthread_mutex_lock(&mu_1);
	pthread_mutex_unlock(&mu_1);
	pthread_mutex_lock(&mu_2);
	step_set(2);
	while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
		pthread_cond_wait(&cv, &mu_2); // L:WAIT2
	pthread_mutex_unlock(&mu_2);
	__atomic_fetch_add(&finished, 1, __ATOMIC_RELEASE);
	return arg;
}

int main(void)
{
	pthread_t t1, t2;
	pthread_create(&t1, 0, first, 0);
	pthread_create(&t2, 0, second, 0);
	step_wait(2);
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	while (__atomic_load_n(&finished, __ATOMIC_ACQUIRE) < 2) {
		pthread_cond_broadcast(&cv);
		sched_yield();
	}
	pthread_join(t1, 0);
	pthread_join(t2, 0);
	fprintf(stderr, "both woke up\n");
	return 0;
}

// CHECK:      WARNING: CONDITION VARIABLE USED WITH TWO MUTEXES
// CHECK-NEXT: Condition variable C1 ({{0x[0-9a-f]+}}) waited on by thread T2 with mutex M2 ({{0x[0-9a-f]+}}):
// CHECK-NEXT: pthread_cond_wait()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: second()
// CHECK-NEXT: cond_two_mutexes.c:[[WAIT2]]:
// CHECK-EMPTY:
// CHECK-NEXT: Condition variable C1 also waited on by thread T1 with mutex M3 ({{0x[0-9a-f]+}}):
// CHECK-NEXT: pthread_cond_wait()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: first()
// CHECK-NEXT: cond_two_mutexes.c:[[WAIT1]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 (global 'mu_2') first used at:
// CHECK:      Mutex M3 (global 'mu_1') first used at:
// CHECK:      Thread T2 (running) created at:
// CHECK:      Thread T1 ({{running|finished}}) created at:
// CHECK:      ==================
// CHECK-NEXT: both woke up
// CHECK-NEXT: Found 1 mutex misuse(s)
