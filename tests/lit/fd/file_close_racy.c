// Closing a regular file publishes nothing: two threads that each open,
// read and close one file are not ordered by it (a pipe's close would be:
// its reader sees end-of-file).
// RUN: %clang_crace -O1 %s -o %t
// RUN: echo config > %t.conf
// RUN: %expect_exit 66 %run %t %t.conf | FileCheck %s $(%markers %s)
#include "order.h"
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

const char *path;
int counter;

static void read_config(void)
{
	char buf[16];
	int fd = open(path, O_RDONLY);
	read(fd, buf, sizeof buf);
	close(fd);
}

void *worker(void *arg)
{
	counter++; // L:W
	read_config();
	step_set(1);
	step_wait(2);
	return arg;
}

int main(int argc, char **argv)
{
	path = argv[1];
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	read_config();
	int c = counter; // L:R
	step_set(2);
	pthread_join(t, 0);
	return c != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: file_close_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: file_close_racy.c:[[W]]:
// CHECK:      Location is global 'counter' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: file_close_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
