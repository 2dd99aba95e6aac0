// epoll: epoll_ctl publishes to the epoll_wait that reports events. The
// waiter never reads the pipe, so the edge is epoll's own. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <unistd.h>

int epfd, fds[2];
int data;

void *waiter(void *arg)
{
	struct epoll_event ev;
	int n = epoll_wait(epfd, &ev, 1, -1);
	printf("events=%d data=%d\n", n, data);
	return arg;
}

int main(void)
{
	epfd = epoll_create1(0);
	pipe(fds);
	pthread_t t;
	pthread_create(&t, 0, waiter, 0);
	write(fds[1], "x", 1);
	data = 42;
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[0]};
	epoll_ctl(epfd, EPOLL_CTL_ADD, fds[0], &ev);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     events=1 data=42
// CHECK-NOT: WARNING: DATA RACE
