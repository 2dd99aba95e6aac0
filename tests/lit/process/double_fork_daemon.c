// A daemon-style double fork: the grandchild (its parent already gone, in
// a new session) starts threads, races and reports it; it exits 66 while
// the original process exits 0.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int x;

void *worker(void *arg)
{
	x = 1; // L:W1
	step_set(1);
	return arg;
}

int main(void)
{
	int fds[2];
	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		setsid();
		if (fork() != 0)
			_exit(0);
		/* The grandchild. */
		close(fds[0]);
		pthread_t t;
		pthread_create(&t, 0, worker, 0);
		step_wait(1);
		x = 2; // L:W2
		pthread_join(t, 0);
		return 0; /* closes fds[1] at exit, after the summary */
	}
	close(fds[1]);
	waitpid(pid, 0, 0);
	char c;
	while (read(fds[0], &c, 1) > 0)
		;
	printf("daemon done\n");
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: double_fork_daemon.c:[[W2]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: double_fork_daemon.c:[[W1]]:
// CHECK:      Found 1 data race(s)
// CHECK-NEXT: daemon done
