// exec: the reports made before exec are out already; the new image (here
// the same program, instrumented) starts with a fresh runtime, reports its
// own race, and its summary and exit status are the process's.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int before, after;

void *worker1(void *arg)
{
	before = 1; // L:B1
	step_set(1);
	return arg;
}

void *worker2(void *arg)
{
	after = 1; // L:A1
	step_set(1);
	return arg;
}

int main(int argc, char **argv)
{
	pthread_t t;
	if (argc > 1) {
		pthread_create(&t, 0, worker2, 0);
		step_wait(1);
		after = 2; // L:A2
		pthread_join(t, 0);
		return 0;
	}
	pthread_create(&t, 0, worker1, 0);
	step_wait(1);
	before = 2; // L:B2
	pthread_join(t, 0);
	fprintf(stderr, "exec\n");
	execl(argv[0], argv[0], "again", (char *)0);
	return 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: exec_racy.c:[[B2]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: {{^  }}worker1()
// CHECK-NEXT: exec_racy.c:[[B1]]:
// CHECK-NOT:  Found
// CHECK:      {{^exec$}}
// CHECK-NEXT: ==================
// CHECK-NEXT: WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: exec_racy.c:[[A2]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: {{^  }}worker2()
// CHECK-NEXT: exec_racy.c:[[A1]]:
// CHECK-NOT:  WARNING
// CHECK:      Found 1 data race(s)
