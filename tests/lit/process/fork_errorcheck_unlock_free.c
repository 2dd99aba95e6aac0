// The fork child's thread has a tid of its own: its unlocks of an
// error-checking mutex it owns are not taken for ones glibc refuses, so
// they release, and the child's other thread that takes the mutex next is
// ordered after the child's write (exit 0: no race in either process).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t 2>&1 | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

pthread_mutex_t m;
int x;

void *child_worker(void *arg)
{
	step_wait(1);
	pthread_mutex_lock(&m);
	x++;
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &a);
	pid_t pid = fork();
	if (pid == 0) {
		pthread_t t;
		pthread_create(&t, 0, child_worker, 0);
		pthread_mutex_lock(&m);
		x = 1;
		int r = pthread_mutex_unlock(&m);
		step_set(1);
		pthread_join(t, 0);
		return r != 0 || x != 2;
	}
	int status;
	waitpid(pid, &status, 0);
	printf("child exit %d\n", WEXITSTATUS(status));
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: child exit 0
