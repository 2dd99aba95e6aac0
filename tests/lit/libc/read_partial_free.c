// read() writes only the bytes it returned, recv() and readv() likewise;
// the rest of the buffer stays another thread's. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int fds[2], sv[2];
char buf[64], v1[4], v2[16];

void *worker(void *arg)
{
	buf[40] = 'w';
	buf[60] = 'w';
	v2[10] = 'w';
	step_set(1);
	return arg;
}

int main(void)
{
	pipe(fds);
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	write(fds[1], "hello", 5);
	ssize_t n = read(fds[0], buf, 40);
	send(sv[0], "world", 5, 0);
	n += recv(sv[1], buf + 50, 10, 0);
	write(fds[1], "abcdefg", 7);
	struct iovec iov[2] = {{v1, sizeof v1}, {v2, sizeof v2}};
	n += readv(fds[0], iov, 2);
	printf("n=%zd %.5s %.5s %.4s%.3s\n", n, buf, buf + 50, v1, v2);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     n=17 hello world abcdefg
// CHECK-NOT: WARNING: DATA RACE
