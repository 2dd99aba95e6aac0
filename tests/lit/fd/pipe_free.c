// Bytes through a pipe order the writer's earlier accesses before the
// reader's later ones: no report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

int fds[2];
int data;

void *worker(void *arg)
{
	data = 42;
	write(fds[1], "x", 1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pipe(fds);
	pthread_create(&t, 0, worker, 0);
	char c;
	read(fds[0], &c, 1);
	printf("data=%d\n", data);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     data=42
// CHECK-NOT: WARNING: DATA RACE
