// Legacy __sync builtins are full barriers: a __sync_lock_test_and_set /
// __sync_lock_release spinlock and a __sync_fetch_and_add hand-off order
// the plain data.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

int lock;
long counter;
int payload, posted;

void *worker(void *arg)
{
	for (int i = 0; i < 500; i++) {
		while (__sync_lock_test_and_set(&lock, 1))
			sched_yield();
		counter++;
		__sync_lock_release(&lock);
	}
	if (arg) {
		payload = 5;
		__sync_fetch_and_add(&posted, 1);
	}
	return 0;
}

int main(void)
{
	pthread_t t[2];
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], 0, worker, (void *)i);
	while (__sync_val_compare_and_swap(&posted, 1, 1) != 1)
		sched_yield();
	int p = payload;
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	printf("counter=%ld payload=%d\n", counter, p);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: counter=1000 payload=5
// CHECK-NOT: WARNING: DATA RACE
