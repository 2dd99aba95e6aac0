// atexit handlers (and exit from another function) after the threads were
// joined: no race; the handlers run in reverse order of registration.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 3 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

int stats;

void first(void)
{
	printf("first stats=%d\n", stats);
}

void second(void)
{
	stats++;
	printf("second\n");
}

void *worker(void *arg)
{
	stats += 10;
	return arg;
}

__attribute__((noinline)) void finish(void)
{
	exit(3);
}

int main(void)
{
	atexit(first);
	atexit(second);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	pthread_join(t, 0);
	finish();
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     second
// CHECK-NEXT: first stats=11
// CHECK-NOT: WARNING: DATA RACE
