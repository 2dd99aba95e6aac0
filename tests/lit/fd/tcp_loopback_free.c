// Loopback TCP: both ends find the connection's sync object from the pair
// of addresses. Data written before send() is visible after recv().
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

struct sockaddr_in addr;
int data[4];

void *client(void *arg)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(fd, (struct sockaddr *)&addr, sizeof addr))
		perror("connect");
	for (int i = 0; i < 4; i++)
		data[i] = i + 1;
	send(fd, "x", 1, 0);
	char c;
	recv(fd, &c, 1, 0);
	data[0] = 10; /* after the server's reply */
	close(fd);
	return arg;
}

int main(void)
{
	int listener = socket(AF_INET, SOCK_STREAM, 0);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof addr;
	if (bind(listener, (struct sockaddr *)&addr, sizeof addr) ||
	    listen(listener, 1) ||
	    getsockname(listener, (struct sockaddr *)&addr, &len))
		perror("bind");
	pthread_t t;
	pthread_create(&t, 0, client, 0);
	int fd = accept(listener, 0, 0);
	char c;
	recv(fd, &c, 1, 0);
	int sum = data[0] + data[1] + data[2] + data[3];
	send(fd, "y", 1, 0);
	printf("sum=%d\n", sum);
	pthread_join(t, 0);
	close(fd);
	close(listener);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     sum=10
// CHECK-NOT: WARNING: DATA RACE
