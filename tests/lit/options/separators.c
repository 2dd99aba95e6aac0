// Options may be separated by spaces, commas or colons.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS='exitcode=7 verbosity=0' %expect_exit 7 %run %t | FileCheck %s
// RUN: env CRACE_OPTIONS='history_size=3,exitcode=8' %expect_exit 8 %run %t | FileCheck %s
// RUN: env CRACE_OPTIONS='exitcode=9:halt_on_error=0' %expect_exit 9 %run %t | FileCheck %s
// RUN: env CRACE_OPTIONS='verbosity=0, exitcode=10' %expect_exit 10 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>

int x;

void *worker(void *arg)
{
	x = 1;
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	x = 2;
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK: WARNING: DATA RACE
// CHECK: Found 1 data race(s)
