// Everything the parent's threads did before fork happens before the
// child's code (they do not exist in the child): the child reads and
// writes what other threads wrote without synchronisation, no report. The
// heap block another thread allocated is still described in the child.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int *block;
int value;
int ready;

void *worker(void *arg)
{
	block = malloc(64);
	block[3] = 3;
	value = 5;
	__atomic_store_n(&ready, 1, __ATOMIC_RELAXED); /* no edge */
	for (;;)
		pause();
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	while (!__atomic_load_n(&ready, __ATOMIC_RELAXED))
		sched_yield();
	pid_t pid = fork();
	if (pid == 0) {
		value += block[3];
		block[3] = 0;
		printf("child value=%d\n", value);
		fflush(stdout);
		_exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("child exit %d\n", WEXITSTATUS(status));
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     child value=8
// CHECK:     child exit 0
// CHECK-NOT: WARNING: DATA RACE
