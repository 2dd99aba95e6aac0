// Closing an fd after the threads that used it were joined, dup2 onto an
// fd still in use (the deliberate idiom), and an fd number reused by
// another thread after a close: no report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

int fds[2];

void *user(void *arg)
{
	write(fds[1], "x", 1);
	return arg;
}

void *reopener(void *arg)
{
	step_wait(1);
	/* Gets the number main closed, with nothing ordering the two. */
	int fd = open("/dev/null", O_WRONLY);
	write(fd, "y", 1);
	close(fd);
	printf("reopened the closed number: %s\n",
	       fd == fds[1] ? "yes" : "no");
	return arg;
}

int main(void)
{
	pipe(fds);
	pthread_t t, r;
	pthread_create(&r, 0, reopener, 0); /* before the closes */
	pthread_create(&t, 0, user, 0);
	pthread_join(t, 0);
	char c;
	read(fds[0], &c, 1);
	int null = open("/dev/null", O_WRONLY);
	pthread_create(&t, 0, user, 0);
	read(fds[0], &c, 1);
	dup2(null, fds[1]); /* fds[1] now writes to /dev/null */
	pthread_join(t, 0);
	close(fds[1]);
	close(null);
	step_set(1);
	pthread_join(r, 0);
	printf("done\n");
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     reopened the closed number: yes
// CHECK:     done
// CHECK-NOT: WARNING: DATA RACE
