// A fork child counts its own reports: a lock misuse and a leaked thread of
// the parent are not the child's, so the child exits 0; the parent reports
// them.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void *quick(void *arg)
{
	return arg;
}

int main(void)
{
	pthread_mutex_unlock(&mu); /* misuse in the parent */
	pthread_t t;
	pthread_create(&t, 0, quick, 0); /* never joined */
	usleep(10000);
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	int st;
	waitpid(pid, &st, 0);
	fprintf(stderr, "child exited %d\n", WEXITSTATUS(st));
	return 0;
}

// CHECK:      WARNING: UNLOCK OF AN UNLOCKED MUTEX
// CHECK:      child exited 0
// CHECK-NEXT: ==================
// CHECK-NEXT: WARNING: THREAD LEAK
// CHECK:      Found 1 mutex misuse(s)
// CHECK-NEXT: Found 1 thread leak(s)
// CHECK-NOT:  WARNING
