// verbosity=0 (the default) keeps a race-free run silent; higher levels are
// accepted and still report races with the usual layout.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t > %t.out
// RUN: test ! -s %t.out
// RUN: env CRACE_OPTIONS=verbosity=3 %expect_exit 66 %run %t race | FileCheck %s
#include "order.h"
#include <pthread.h>

int x;

void *worker(void *arg)
{
	if (arg)
		x = 1;
	step_set(1);
	step_wait(2);
	return arg;
}

int main(int argc, char **argv)
{
	(void)argv;
	pthread_t t;
	pthread_create(&t, 0, worker, argc > 1 ? &x : 0);
	step_wait(1);
	if (argc > 1)
		x = 2;
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK: WARNING: DATA RACE
// CHECK-NEXT: Write at
// CHECK: Found 1 data race(s)
