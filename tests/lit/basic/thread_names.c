// Threads are named T1, T2, T3 in creation order; only the threads that take
// part in the race get a "created at" section.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t > %t.out
// RUN: FileCheck %s $(%markers %s) < %t.out
// RUN: not grep -E 'thread T1|Thread T1|T4' %t.out
#include "order.h"
#include <pthread.h>

int slot;

void *idle(void *arg) { return arg; }

void *reader(void *arg)
{
	step_wait(1);
	int v = slot; // L:R
	step_set(2);
	return (void *)(long)v;
}

void *writer(void *arg)
{
	slot = 3; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t1, t2, t3;
	pthread_create(&t1, 0, idle, 0);
	pthread_join(t1, 0);
	pthread_create(&t2, 0, reader, 0); // L:C2
	pthread_create(&t3, 0, writer, 0); // L:C3
	pthread_join(t2, 0);
	pthread_join(t3, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: reader()
// CHECK-NEXT: thread_names.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T3:
// CHECK-NEXT: writer()
// CHECK-NEXT: thread_names.c:[[W]]:
// CHECK:      Location is global 'slot' of size 4 at [[ADDR]]
// CHECK-DAG:  Thread T2 (running) created at:
// CHECK-DAG:  thread_names.c:[[C2]]:
// CHECK-DAG:  Thread T3 (running) created at:
// CHECK-DAG:  thread_names.c:[[C3]]:
// CHECK:      ==================
// CHECK:      Found 1 data race(s)
