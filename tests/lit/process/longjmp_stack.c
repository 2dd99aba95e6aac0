// longjmp out of nested instrumented frames, many times: later stacks do
// not keep the frames the jumps left.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
// RUN: %clang_crace -O1 -D_FORTIFY_SOURCE=2 %s -o %t.chk
// RUN: %expect_exit 66 %run %t.chk | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <setjmp.h>

int shared;
jmp_buf env;

__attribute__((noinline)) void dive(int n)
{
	if (n)
		dive(n - 1);
	else
		longjmp(env, 1);
}

__attribute__((noinline)) void report_here(void)
{
	shared = 2; // L:W2
}

void *worker(void *arg)
{
	shared = 1; // L:W1
	step_set(1);
	return arg;
}

int main(void)
{
	for (volatile int i = 0; i < 10000; i++)
		if (!setjmp(env))
			dive(i % 8);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	report_here(); // L:CALL
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: {{^  }}report_here()
// CHECK-NEXT: longjmp_stack.c:[[W2]]:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: longjmp_stack.c:[[CALL]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at {{.*}} by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: longjmp_stack.c:[[W1]]:
// CHECK:      Found 1 data race(s)
