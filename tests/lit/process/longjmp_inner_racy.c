// _longjmp to a setjmp in a callee (not main): the jump keeps that frame
// and its callers and drops the 20 frames below it, so the race found right
// after the jump has the stack catcher <- main.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <setjmp.h>

static jmp_buf env;
int shared;

__attribute__((noinline)) static void thrower(int n)
{
	if (n < 20)
		thrower(n + 1);
	_longjmp(env, n);
}

__attribute__((noinline)) static int catcher(void)
{
	int r = setjmp(env);
	if (!r)
		thrower(0);
	shared += r; // L:W2
	return r;
}

void *worker(void *arg)
{
	shared = 1; // L:W1
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int sum = 0;
	for (int i = 0; i < 1000; i++)
		sum += catcher(); // L:CALL
	pthread_join(t, 0);
	return sum != 20000;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: {{Read|Write}} at {{.*}} by main thread:
// CHECK-NEXT: {{^  }}catcher()
// CHECK-NEXT: longjmp_inner_racy.c:[[W2]]:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: longjmp_inner_racy.c:[[CALL]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at {{.*}} by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: longjmp_inner_racy.c:[[W1]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
