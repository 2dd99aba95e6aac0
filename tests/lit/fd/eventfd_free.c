// eventfd: eventfd_write (and write) publish to the eventfd_read (and read)
// that returns the count. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <unistd.h>

int efd, back;
int data;

void *worker(void *arg)
{
	data = 42;
	eventfd_write(efd, 1);
	uint64_t v;
	read(back, &v, sizeof v);
	data++;
	return arg;
}

int main(void)
{
	efd = eventfd(0, 0);
	back = eventfd(0, 0);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	eventfd_t v;
	eventfd_read(efd, &v);
	printf("data=%d count=%d\n", data, (int)v);
	uint64_t one = 1;
	write(back, &one, sizeof one);
	pthread_join(t, 0);
	printf("data=%d\n", data);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     data=42 count=1
// CHECK:     data=43
// CHECK-NOT: WARNING: DATA RACE
