// A UNIX stream socket: the server's accepted end and the client's end
// share the connection's sync object. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

struct sockaddr_un addr;
socklen_t addrlen;
int listener;
int data;

void *client(void *arg)
{
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (connect(fd, (struct sockaddr *)&addr, addrlen))
		perror("connect");
	data = 42;
	write(fd, "x", 1);
	close(fd);
	return arg;
}

int main(void)
{
	/* An abstract name of this process's own: no file, no clash. */
	addr.sun_family = AF_UNIX;
	int n = snprintf(addr.sun_path + 1, sizeof addr.sun_path - 1,
			 "crace-unix-%d", getpid());
	addrlen = offsetof(struct sockaddr_un, sun_path) + 1 + n;
	listener = socket(AF_UNIX, SOCK_STREAM, 0);
	if (bind(listener, (struct sockaddr *)&addr, addrlen) ||
	    listen(listener, 1))
		perror("bind");
	pthread_t t;
	pthread_create(&t, 0, client, 0);
	int fd = accept(listener, 0, 0);
	char c;
	read(fd, &c, 1);
	printf("data=%d\n", data);
	pthread_join(t, 0);
	close(fd);
	close(listener);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     data=42
// CHECK-NOT: WARNING: DATA RACE
