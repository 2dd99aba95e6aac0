// epoll: a write after epoll_ctl is not published to the waiter.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <sys/epoll.h>
#include <unistd.h>

int epfd, fds[2];
int data;

void *waiter(void *arg)
{
	struct epoll_event ev;
	epoll_wait(epfd, &ev, 1, -1);
	step_wait(1);
	int d = data; // L:R
	step_set(2);
	return (void *)(long)d;
}

int main(void)
{
	epfd = epoll_create1(0);
	pipe(fds);
	pthread_t t;
	pthread_create(&t, 0, waiter, 0); // L:C
	write(fds[1], "x", 1);
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[0]};
	epoll_ctl(epfd, EPOLL_CTL_ADD, fds[0], &ev);
	data = 42; // L:W
	step_set(1);
	step_wait(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: waiter()
// CHECK-NEXT: epoll_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: epoll_racy.c:[[W]]:
// CHECK:      Location is global 'data' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: epoll_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
