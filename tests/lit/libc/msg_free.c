// sendmsg/recvmsg over a socket pair: the gathered bytes publish the
// sender's earlier writes; writev/readv over a pipe likewise. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int sv[2], fds[2];
int data, more;

void *worker(void *arg)
{
	data = 42;
	char a[] = "he", b[] = "llo";
	struct iovec iov[2] = {{a, 2}, {b, 3}};
	struct msghdr msg = {0};
	msg.msg_iov = iov;
	msg.msg_iovlen = 2;
	sendmsg(sv[1], &msg, 0);
	more = 7;
	writev(fds[1], iov, 2);
	return arg;
}

int main(void)
{
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	pipe(fds);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	char buf[16] = {0};
	struct iovec iov = {buf, sizeof buf - 1};
	struct msghdr msg = {0};
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	ssize_t n = recvmsg(sv[0], &msg, 0);
	printf("%zd %s data=%d\n", n, buf, data);
	char buf2[16] = {0};
	struct iovec iov2 = {buf2, sizeof buf2 - 1};
	readv(fds[0], &iov2, 1);
	printf("%s more=%d\n", buf2, more);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     5 hello data=42
// CHECK:     hello more=7
// CHECK-NOT: WARNING: DATA RACE
