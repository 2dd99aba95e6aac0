// pthread_exit from a nested frame still ends the thread for join: what
// it wrote is ordered before the joiner's reads, and its exit value is
// returned.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

int result;

__attribute__((noinline)) void finish(int v)
{
	result = v;
	pthread_exit((void *)(long)(v * 2));
}

void *worker(void *arg)
{
	finish(21);
	return arg;
}

int main(void)
{
	pthread_t t;
	void *ret;
	pthread_create(&t, 0, worker, 0);
	pthread_join(t, &ret);
	printf("result=%d ret=%ld\n", result, (long)ret);
	result = 0;
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: result=21 ret=42
// CHECK-NOT: WARNING: DATA RACE
