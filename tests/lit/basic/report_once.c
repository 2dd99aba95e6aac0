// The same pair of racy source lines executed thousands of times is reported
// once per process.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t > %t.out
// RUN: FileCheck %s $(%markers %s) < %t.out
// RUN: test "$(grep -c 'WARNING: DATA RACE' %t.out)" -eq 1
#include <pthread.h>

volatile long hits;

void *worker(void *arg)
{
	for (long i = 0; i < 20000; i++)
		hits = i; // L:T
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	long sum = 0;
	for (int i = 0; i < 20000; i++)
		sum += hits; // L:M
	pthread_join(t, 0);
	return sum < 0;
}

// The two threads interleave freely: either line may be the current access.
// CHECK:     WARNING: DATA RACE
// CHECK-DAG: report_once.c:[[T]]:
// CHECK-DAG: report_once.c:[[M]]:
// CHECK:     Location is global 'hits' of size 8 at
// CHECK-NOT: WARNING: DATA RACE
// CHECK:     Found 1 data race(s)
