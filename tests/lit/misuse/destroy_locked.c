// Destroying a mutex another thread holds (glibc refuses with EBUSY).
// report_destroy_locked=0 turns the report off.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
// RUN: env CRACE_OPTIONS=report_destroy_locked=0 %expect_exit 0 %run %t | FileCheck %s --check-prefix=OFF
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>

pthread_mutex_t mu;

void *owner(void *arg)
{
	pthread_mutex_lock(&mu);
	step_set(1);
	step_wait(2);
	pthread_mutex_unlock(&mu);
	return arg;
}

int main(void)
{
	pthread_mutex_init(&mu, 0); // L:INIT
	pthread_t t;
	pthread_create(&t, 0, owner, 0); // L:CREATE
	step_wait(1);
	int r = pthread_mutex_destroy(&mu); // L:DESTROY
	step_set(2);
	pthread_join(t, 0);
	fprintf(stderr, "destroy: %s\n", strerror(r));
	return 0;
}

// CHECK:      WARNING: DESTROY OF A LOCKED MUTEX
// CHECK-NEXT: Mutex M1 ({{0x[0-9a-f]+}}) destroyed by main thread while thread T1 holds it:
// CHECK-NEXT: pthread_mutex_destroy()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: destroy_locked.c:[[DESTROY]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 (global 'mu') created at:
// CHECK-NEXT: pthread_mutex_init()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: destroy_locked.c:[[INIT]]:
// CHECK-EMPTY:
// CHECK-NEXT: Thread T1 (running) created at:
// CHECK:      destroy_locked.c:[[CREATE]]:
// CHECK-NEXT: ==================
// CHECK:      destroy: Device or resource busy
// CHECK-NEXT: Found 1 mutex misuse(s)

// OFF-NOT: WARNING
// OFF: destroy: Device or resource busy
// OFF-NOT: WARNING
