// Thread-local variables (C11 _Thread_local / __thread) are per thread: no
// race however many threads update "the same" variable.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

_Thread_local long calls;
_Thread_local char scratch[64];

__attribute__((noinline)) void work(int n)
{
	for (int i = 0; i < n; i++) {
		calls++;
		scratch[i % 64] = (char)i;
	}
}

void *worker(void *arg)
{
	work(1000);
	return (void *)calls;
}

int main(void)
{
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], 0, worker, 0);
	work(10);
	long sum = calls;
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		sum += (long)r;
	}
	printf("sum=%ld\n", sum);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: sum=4010
// CHECK-NOT: WARNING: DATA RACE
