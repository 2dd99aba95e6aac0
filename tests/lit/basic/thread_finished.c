// A thread that has exited and been joined is "finished" in the report. T2 was
// created before the join, so nothing orders T1's write before T2's read.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int answer;

void *producer(void *arg)
{
	answer = 42; // L:W
	return arg;
}

void *consumer(void *arg)
{
	step_wait(1);
	int v = answer; // L:R
	step_set(2);
	return (void *)(long)v;
}

int main(void)
{
	pthread_t t1, t2;
	pthread_create(&t1, 0, producer, 0); // L:C1
	pthread_create(&t2, 0, consumer, 0); // L:C2
	pthread_join(t1, 0);
	step_set(1);
	step_wait(2);
	pthread_join(t2, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: consumer()
// CHECK-NEXT: thread_finished.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: producer()
// CHECK-NEXT: thread_finished.c:[[W]]:
// CHECK:      Location is global 'answer' of size 4 at [[ADDR]]
// CHECK-DAG:  Thread T2 (running) created at:
// CHECK-DAG:  thread_finished.c:[[C2]]:
// CHECK-DAG:  Thread T1 (finished) created at:
// CHECK-DAG:  thread_finished.c:[[C1]]:
// CHECK:      Found 1 data race(s)
