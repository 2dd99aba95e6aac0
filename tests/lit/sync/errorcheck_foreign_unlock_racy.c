// An error-checking mutex refuses (EPERM) an unlock by a thread that does
// not own it: that call releases nothing, so the owner's later relock does
// not order the caller's earlier write.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t m;
int config;

void *intruder(void *arg)
{
	config = 7; // L:W
	int r = pthread_mutex_unlock(&m);
	printf("foreign unlock: %s\n", r == EPERM ? "EPERM" : "?");
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &a);
	pthread_mutex_lock(&m);
	pthread_t t;
	pthread_create(&t, 0, intruder, 0);
	step_wait(1);
	pthread_mutex_unlock(&m);
	pthread_mutex_lock(&m);
	int v = config; // L:R
	pthread_mutex_unlock(&m);
	step_set(2);
	pthread_join(t, 0);
	return v != 7;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: errorcheck_foreign_unlock_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: intruder()
// CHECK-NEXT: errorcheck_foreign_unlock_racy.c:[[W]]:
// CHECK:      Location is global 'config' of size 4 at [[ADDR]]
// CHECK:      foreign unlock: EPERM
// CHECK:      Found 1 data race(s)
