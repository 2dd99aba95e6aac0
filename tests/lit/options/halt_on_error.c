// halt_on_error=1 exits with the exitcode right after the first report: the
// second race is never reached.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=halt_on_error=1 %expect_exit 66 %run %t > %t.out
// RUN: FileCheck %s $(%markers %s) < %t.out
// RUN: test "$(grep -c 'WARNING: DATA RACE' %t.out)" -eq 1
// Without the option both races are reported.
// RUN: %expect_exit 66 %run %t | FileCheck --check-prefix=BOTH %s
#include "order.h"
#include <pthread.h>
#include <stdio.h>

int first, second;

void *worker(void *arg)
{
	first = 1;
	second = 1;
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int a = first; // L:R1
	fprintf(stderr, "between the races\n");
	int b = second;
	fprintf(stderr, "after the second race\n");
	step_set(2);
	pthread_join(t, 0);
	return a + b == 2 ? 0 : 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: halt_on_error.c:[[R1]]:
// CHECK:      Location is global 'first' of size 4
// CHECK-NOT:  between the races
// CHECK-NOT:  after the second race
// BOTH: Location is global 'first'
// BOTH: between the races
// BOTH: Location is global 'second'
// BOTH: after the second race
// BOTH: Found 2 data race(s)
