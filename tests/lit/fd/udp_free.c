// Datagrams: sendto an address publishes to the receives of the socket
// bound there, connected or not, the receiver bound to the wildcard
// address included; a connected sender's send() goes to its peer's
// address. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

struct sockaddr_in to;
int data, more;

void *sender(void *arg)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	data = 42;
	sendto(fd, "x", 1, 0, (struct sockaddr *)&to, sizeof to);
	if (connect(fd, (struct sockaddr *)&to, sizeof to))
		perror("connect");
	more = 7;
	send(fd, "y", 1, 0);
	close(fd);
	return arg;
}

int main(void)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in any = {.sin_family = AF_INET};
	socklen_t len = sizeof any;
	if (bind(fd, (struct sockaddr *)&any, sizeof any) ||
	    getsockname(fd, (struct sockaddr *)&any, &len))
		perror("bind");
	to.sin_family = AF_INET;
	to.sin_port = any.sin_port;
	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	pthread_t t;
	pthread_create(&t, 0, sender, 0);
	char c;
	struct sockaddr_in from;
	socklen_t fromlen = sizeof from;
	recvfrom(fd, &c, 1, 0, (struct sockaddr *)&from, &fromlen);
	printf("%c data=%d\n", c, data);
	recv(fd, &c, 1, 0);
	printf("%c more=%d\n", c, more);
	pthread_join(t, 0);
	close(fd);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     x data=42
// CHECK:     y more=7
// CHECK-NOT: WARNING: DATA RACE
