// exitcode=N replaces 66 as the status of a process that reported races and
// would have exited 0; a program's own non-zero status is kept (as in Go).
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=exitcode=3 %expect_exit 3 %run %t race | FileCheck %s
// RUN: env CRACE_OPTIONS=exitcode=0 %expect_exit 0 %run %t race | FileCheck %s
// RUN: env CRACE_OPTIONS=exitcode=3 %expect_exit 5 %run %t | FileCheck --allow-empty --check-prefix=FREE %s
// RUN: env CRACE_OPTIONS=exitcode=3 %expect_exit 7 %run %t race fail | FileCheck %s
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
	return argc == 2 ? 0 : argc == 3 ? 7 : 5;
}

// CHECK: WARNING: DATA RACE
// CHECK: Found 1 data race(s)
// FREE-NOT: WARNING
