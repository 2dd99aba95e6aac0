// longjmp through frames of a program whose shared data is guarded by a
// mutex (taken and released around each jump): no report, in both threads.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
long total;

__attribute__((noinline)) static void add_and_jump(jmp_buf *env, int n)
{
	if (n)
		add_and_jump(env, n - 1);
	pthread_mutex_lock(&m);
	total += 1;
	pthread_mutex_unlock(&m);
	longjmp(*env, 1);
}

static void *worker(void *arg)
{
	jmp_buf env;
	for (volatile int i = 0; i < 2000; i++)
		if (!setjmp(env))
			add_and_jump(&env, i % 5);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	worker(0);
	pthread_join(t, 0);
	printf("total=%ld\n", total);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     total=4000
// CHECK-NOT: WARNING: DATA RACE
