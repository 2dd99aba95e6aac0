// A dup'd fd shares its original's sync object: bytes written through the
// duplicate publish to the reader of the pipe. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

int fds[2], copy;
int data;

void *worker(void *arg)
{
	data = 42;
	write(copy, "x", 1);
	return arg;
}

int main(void)
{
	pipe(fds);
	copy = dup2(fds[1], 100);
	close(fds[1]);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	char c;
	read(fds[0], &c, 1);
	printf("fd=%d data=%d\n", copy, data);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     fd=100 data=42
// CHECK-NOT: WARNING: DATA RACE
