// snprintf writes only what it produces (and at most its size): bytes
// past it are free for another thread. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdio.h>

char buf[64];

void *worker(void *arg)
{
	buf[20] = 'w'; /* past "n=42\0" */
	buf[40] = 'w'; /* past the size given below */
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	snprintf(buf, 6, "n=%d", 42);
	snprintf(buf + 32, 4, "%s", "truncated");
	printf("%s %s\n", buf, buf + 32);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     n=42 tru
// CHECK-NOT: WARNING: DATA RACE
