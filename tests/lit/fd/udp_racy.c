// Datagrams: a write after sendto() is not published by it, and a
// datagram sent to another port publishes nothing to this socket.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

struct sockaddr_in to, elsewhere;
int data;

void *sender(void *arg)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	sendto(fd, "x", 1, 0, (struct sockaddr *)&to, sizeof to);
	data = 42; // L:W
	sendto(fd, "z", 1, 0, (struct sockaddr *)&elsewhere, sizeof elsewhere);
	step_set(1);
	step_wait(2);
	close(fd);
	return arg;
}

static int bound(struct sockaddr_in *addr)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	addr->sin_family = AF_INET;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof *addr;
	if (bind(fd, (struct sockaddr *)addr, sizeof *addr) ||
	    getsockname(fd, (struct sockaddr *)addr, &len))
		perror("bind");
	return fd;
}

int main(void)
{
	int fd = bound(&to), other = bound(&elsewhere);
	pthread_t t;
	pthread_create(&t, 0, sender, 0); // L:C
	char c;
	recv(fd, &c, 1, 0);
	step_wait(1);
	int d = data; // L:R
	step_set(2);
	pthread_join(t, 0);
	close(fd);
	close(other);
	return d != 42;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: udp_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: sender()
// CHECK-NEXT: udp_racy.c:[[W]]:
// CHECK:      Location is global 'data' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: udp_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
