// Two different named semaphores do not order each other.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <unistd.h>

sem_t *a, *b;
int payload;

void *producer(void *arg)
{
	payload = 99; // L:W
	sem_post(a);
	step_set(1);
	return arg;
}

int main(void)
{
	char na[64], nb[64];
	snprintf(na, sizeof(na), "/crace-sem-a-%d", getpid());
	snprintf(nb, sizeof(nb), "/crace-sem-b-%d", getpid());
	a = sem_open(na, O_CREAT, 0600, 0);
	b = sem_open(nb, O_CREAT, 0600, 1);
	sem_unlink(na);
	sem_unlink(nb);
	if (a == SEM_FAILED || b == SEM_FAILED)
		return 1;
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	step_wait(1);
	sem_wait(b);
	int v = payload; // L:R
	pthread_join(t, 0);
	return v != 99;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: sem_two_named_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: producer()
// CHECK-NEXT: sem_two_named_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
