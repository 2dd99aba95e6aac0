// A server that reads until end-of-file: the client's shutdown() (or close)
// publishes what came before it, even when no byte carries it. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int sv[2], fds[2];
int data, more;

void *client(void *arg)
{
	send(sv[0], "abc", 3, 0);
	data = 42; /* after the last byte */
	shutdown(sv[0], SHUT_WR);
	more = 7;
	close(fds[1]);
	return arg;
}

int main(void)
{
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pipe(fds);
	pthread_t t;
	pthread_create(&t, 0, client, 0);
	char buf[8];
	int total = 0, n;
	while ((n = recv(sv[1], buf, sizeof buf, 0)) > 0)
		total += n;
	printf("total=%d data=%d\n", total, data);
	while (read(fds[0], buf, sizeof buf) > 0)
		;
	printf("more=%d\n", more);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     total=3 data=42
// CHECK:     more=7
// CHECK-NOT: WARNING: DATA RACE
