// log_path=P writes the reports to P.<pid> and nothing to stderr.
// RUN: %clang_crace -O1 %s -o %t
// RUN: rm -f %t.log.* %t.pid
// RUN: env CRACE_OPTIONS=log_path=%t.log %expect_exit 66 %run %t %t.pid > %t.out
// RUN: test ! -s %t.out
// RUN: FileCheck %s $(%markers %s) < %t.log.$(cat %t.pid)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

int x;

void *worker(void *arg)
{
	x = 1; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(int argc, char **argv)
{
	FILE *f = fopen(argv[argc - 1], "w");
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	x = 2; // L:W2
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: log_path.c:[[W2]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: log_path.c:[[W]]:
// CHECK:      Found 1 data race(s)
