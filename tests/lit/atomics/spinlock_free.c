// A spinlock built from an acquire exchange and a release store protects its
// data: no race.
// RUN: %clang_crace -O2 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

int lock;
long counter;

static void spin_lock(void)
{
	while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE))
		sched_yield();
}

static void spin_unlock(void) { __atomic_store_n(&lock, 0, __ATOMIC_RELEASE); }

void *worker(void *arg)
{
	for (int i = 0; i < 5000; i++) {
		spin_lock();
		counter++;
		spin_unlock();
	}
	return arg;
}

int main(void)
{
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, worker, 0);
	for (int i = 0; i < 5000; i++) {
		spin_lock();
		counter++;
		spin_unlock();
	}
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	fprintf(stderr, "counter=%ld\n", counter);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: counter=15000
// CHECK-NOT: WARNING: DATA RACE
