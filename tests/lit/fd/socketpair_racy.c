// Reading the data before recv() has returned the bytes that publish it is
// a race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

int sv[2];
int data;

void *worker(void *arg)
{
	data = 42; // L:W
	send(sv[1], "x", 1, 0);
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	int d = data; // L:R
	char c;
	recv(sv[0], &c, 1, 0);
	step_set(2);
	pthread_join(t, 0);
	return d != 42;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: socketpair_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: socketpair_racy.c:[[W]]:
// CHECK:      Location is global 'data' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: socketpair_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
