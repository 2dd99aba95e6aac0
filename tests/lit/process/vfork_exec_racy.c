// vfork + exec: the child runs as a fork child until it execs the program
// again, whose new image reports its race; the parent, race-free, sees
// status 66.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int x;

void *worker(void *arg)
{
	x = 1; // L:W1
	step_set(1);
	return arg;
}

int main(int argc, char **argv)
{
	if (argc > 1) {
		pthread_t t;
		pthread_create(&t, 0, worker, 0);
		step_wait(1);
		x = 2; // L:W2
		pthread_join(t, 0);
		return 0;
	}
	pid_t pid = vfork();
	if (pid == 0) {
		execl(argv[0], argv[0], "child", (char *)0);
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("child exit %d\n", WEXITSTATUS(status));
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: vfork_exec_racy.c:[[W2]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: vfork_exec_racy.c:[[W1]]:
// CHECK:      Found 1 data race(s)
// CHECK-NEXT: child exit 66
