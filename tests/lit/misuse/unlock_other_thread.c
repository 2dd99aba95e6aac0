// A thread unlocks a mutex another thread holds.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void *owner(void *arg)
{
	pthread_mutex_lock(&mu); // L:LOCK
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, owner, 0); // L:CREATE
	step_wait(1);
	pthread_mutex_unlock(&mu); // L:UNLOCK
	step_set(2);
	pthread_join(t, 0);
	fprintf(stderr, "done\n");
	return 0;
}

// CHECK:      WARNING: UNLOCK OF A MUTEX HELD BY ANOTHER THREAD
// CHECK-NEXT: Mutex M1 ({{0x[0-9a-f]+}}) unlocked by main thread, but thread T1 holds it:
// CHECK-NEXT: pthread_mutex_unlock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: unlock_other_thread.c:[[UNLOCK]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 (global 'mu') first used at:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: owner()
// CHECK-NEXT: unlock_other_thread.c:[[LOCK]]:
// CHECK-EMPTY:
// CHECK-NEXT: Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: unlock_other_thread.c:[[CREATE]]:
// CHECK-NEXT: ==================
// CHECK:      done
// CHECK:      Found 1 mutex misuse(s)
