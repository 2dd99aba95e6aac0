// An access after write() is not ordered before the reader: the pipe
// carries only what happened before the bytes were written.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <unistd.h>

int fds[2];
int data;

void *worker(void *arg)
{
	write(fds[1], "x", 1);
	data = 42; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pipe(fds);
	pthread_create(&t, 0, worker, 0); // L:C
	char c;
	read(fds[0], &c, 1);
	step_wait(1);
	int d = data; // L:R
	step_set(2);
	pthread_join(t, 0);
	return d != 42;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: pipe_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: pipe_racy.c:[[W]]:
// CHECK:      Location is global 'data' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: pipe_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
