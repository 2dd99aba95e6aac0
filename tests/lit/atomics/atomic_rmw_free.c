// Atomic read-modify-writes from several threads never race with each other,
// even relaxed ones; the total is exact.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

atomic_long hits;
long bits;
unsigned char small;

void *worker(void *arg)
{
	for (int i = 0; i < 10000; i++) {
		atomic_fetch_add_explicit(&hits, 1, memory_order_relaxed);
		__atomic_fetch_or(&bits, 1L << (i % 64), __ATOMIC_RELAXED);
		__atomic_fetch_add(&small, 1, __ATOMIC_SEQ_CST);
		long exp = __atomic_load_n(&bits, __ATOMIC_RELAXED);
		__atomic_compare_exchange_n(&bits, &exp, exp, 0, __ATOMIC_ACQ_REL,
					    __ATOMIC_RELAXED);
	}
	return arg;
}

int main(void)
{
	pthread_t t[3];
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], 0, worker, 0);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], 0);
	fprintf(stderr, "hits=%ld bits=%lx small=%d\n", atomic_load(&hits), bits,
		small);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: hits=30000 bits=ffffffffffffffff small=48
// CHECK-NOT: WARNING: DATA RACE
