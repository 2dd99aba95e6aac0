// A write after the sem_post is not ordered before the consumer.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <semaphore.h>

sem_t s;
int before, after;

void *producer(void *arg)
{
	before = 1;
	sem_post(&s);
	after = 1; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	sem_init(&s, 0, 0);
	pthread_t t;
	pthread_create(&t, 0, producer, 0); // L:C
	sem_wait(&s);
	step_wait(1);
	int v = before + after; // L:R
	pthread_join(t, 0);
	return v != 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: sem_after_post_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: producer()
// CHECK-NEXT: sem_after_post_racy.c:[[W]]:
// CHECK:      Location is global 'after'
// CHECK:      Thread T1 ({{running|finished}}) created at:
// CHECK:      main()
// CHECK-NEXT: sem_after_post_racy.c:[[C]]:
// CHECK:      Found 1 data race(s)
