// C++ exceptions unwinding through instrumented frames pop their shadow
// frames (the pass emits exit hooks on unwind paths): a later report has
// the catching function's stack only.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdexcept>

int shared;

__attribute__((noinline)) void dive(int n)
{
	if (n)
		dive(n - 1);
	else
		throw std::runtime_error("bottom");
}

__attribute__((noinline)) void report_here()
{
	shared = 2; // L:W2
}

void *worker(void *arg)
{
	shared = 1; // L:W1
	step_set(1);
	return arg;
}

int main()
{
	for (int i = 0; i < 1000; i++) {
		try {
			dive(i % 8);
		} catch (const std::exception &) {
		}
	}
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
// CHECK-NEXT: exception_stack.cpp:[[W2]]:
// CHECK-NEXT: {{^  }}main
// CHECK-NEXT: exception_stack.cpp:[[CALL]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at {{.*}} by thread T1:
// CHECK-NEXT: {{^  }}worker
// CHECK-NEXT: exception_stack.cpp:[[W1]]:
// CHECK:      Found 1 data race(s)
