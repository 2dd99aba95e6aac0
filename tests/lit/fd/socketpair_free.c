// A socket pair orders in both directions: request and reply each carry
// the sender's earlier writes to the receiver. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int sv[2];
int request, reply;

void *server(void *arg)
{
	char c;
	recv(sv[1], &c, 1, 0);
	reply = request * 2;
	send(sv[1], "y", 1, 0);
	return arg;
}

int main(void)
{
	pthread_t t;
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pthread_create(&t, 0, server, 0);
	request = 21;
	send(sv[0], "x", 1, 0);
	char c;
	recv(sv[0], &c, 1, 0);
	printf("reply=%d\n", reply);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     reply=42
// CHECK-NOT: WARNING: DATA RACE
