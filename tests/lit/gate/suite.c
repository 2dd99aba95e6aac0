// A test suite of several processes run through crace-gate: a shell script
// (so the test programs are grandchildren) runs one program that forks, one
// that races and leaves with _exit, and one that races and aborts. Both
// races are collected, each reported once in full, and fail the gate (66).
// RUN: %crace_cc -O1 %s -o %t
// RUN: printf '%%s\n' '%t fork' '%t exit' '%t abort' 'exit 0' > %t.sh
// RUN: %expect_exit 66 %crace_gate -- bash %t.sh | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int exit_counter, abort_counter, shared;

void *exit_worker(void *arg)
{
	exit_counter++; // L:EXIT_W
	step_set(1);
	return arg;
}

void *abort_worker(void *arg)
{
	step_wait(1);
	abort_counter = 2; // L:ABORT_W
	return arg;
}

int main(int argc, char **argv)
{
	pthread_t t;
	const char *mode = argc > 1 ? argv[1] : "";
	if (!strcmp(mode, "fork")) {
		pid_t pid = fork();
		if (pid == 0) {
			shared = 1; /* the child's own copy: no race */
			_exit(0);
		}
		int st;
		waitpid(pid, &st, 0);
		printf("forked child exited %d\n", WEXITSTATUS(st));
		return 0;
	}
	if (!strcmp(mode, "exit")) {
		pthread_create(&t, 0, exit_worker, 0);
		step_wait(1);
		exit_counter++; // L:EXIT_M
		pthread_join(t, 0); /* not a thread leak */
		fflush(stdout);
		_exit(0);
	}
	pthread_create(&t, 0, abort_worker, 0);
	abort_counter = 1; // L:ABORT_M
	step_set(1);
	pthread_join(t, 0);
	abort();
}

// CHECK: forked child exited 0
// CHECK: crace-gate: {{[0-9]+}} process(es) ran under crace; 2 race(s): 2 new, 0 known, 0 fixed
// CHECK-DAG: NEW {{[0-9a-f]+}}  write suite.c:[[ABORT_W]] abort_worker() vs write suite.c:[[ABORT_M]] main()  (1 report(s) in 1 process(es): suite.c.tmp[{{[0-9]+}}])
// CHECK-DAG: NEW {{[0-9a-f]+}}  write suite.c:[[EXIT_W]] exit_worker() vs write suite.c:[[EXIT_M]] main()  (1 report(s) in 1 process(es): suite.c.tmp[{{[0-9]+}}])
// CHECK:      New race
// CHECK-NEXT: ==================
// CHECK-NEXT: WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT:   main()
// CHECK-NEXT:     suite.c:[[EXIT_M]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT:   exit_worker()
// CHECK-NEXT:     suite.c:[[EXIT_W]]:
// CHECK:      Location is global 'exit_counter'
// CHECK:      New race
// CHECK-NEXT: ==================
// CHECK-NEXT: WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by thread T1:
// CHECK-NEXT:   abort_worker()
// CHECK-NEXT:     suite.c:[[ABORT_W]]:
// CHECK:      Previous write at {{.*}} by main thread:
// CHECK-NEXT:   main()
// CHECK-NEXT:     suite.c:[[ABORT_M]]:
// CHECK:      Location is global 'abort_counter'
// CHECK-NOT:  New race
// CHECK-NOT:  the test command failed
// CHECK:      crace-gate: FAIL: 2 new data race(s)
