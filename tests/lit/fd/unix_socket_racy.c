// A UNIX stream socket: a write after the bytes were sent is not published
// by them.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
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
	write(fd, "x", 1);
	data = 42; // L:W
	step_set(1);
	step_wait(2);
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
	pthread_create(&t, 0, client, 0); // L:C
	int fd = accept(listener, 0, 0);
	char c;
	read(fd, &c, 1);
	step_wait(1);
	printf("data=%d\n", data); // L:R
	step_set(2);
	pthread_join(t, 0);
	close(fd);
	close(listener);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: unix_socket_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: client()
// CHECK-NEXT: unix_socket_racy.c:[[W]]:
// CHECK:      Location is global 'data' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: unix_socket_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
