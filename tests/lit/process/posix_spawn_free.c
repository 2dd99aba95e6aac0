// posix_spawn and system() from a multithreaded program: the spawned
// programs run normally (the second is this program again, instrumented and
// race-free), and nothing is reported.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
int shared;
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

void *worker(void *arg)
{
	pthread_mutex_lock(&m);
	shared++;
	pthread_mutex_unlock(&m);
	return arg;
}

int main(int argc, char **argv)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	pthread_mutex_lock(&m);
	shared++;
	pthread_mutex_unlock(&m);
	if (argc > 1) {
		pthread_join(t, 0);
		printf("spawned child ran: %d\n", shared);
		return 0;
	}
	pid_t pid;
	char *args[] = {argv[0], "child", 0};
	int r = posix_spawn(&pid, argv[0], 0, 0, args, environ);
	int status = -1;
	if (r == 0)
		waitpid(pid, &status, 0);
	fflush(stdout);
	int sys = system("echo system ran");
	pthread_join(t, 0);
	printf("spawn=%d status=%d system=%d shared=%d\n", r,
	       WEXITSTATUS(status), WEXITSTATUS(sys), shared);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     spawned child ran: 2
// CHECK:     system ran
// CHECK:     spawn=0 status=0 system=0 shared=2
// CHECK-NOT: WARNING: DATA RACE
