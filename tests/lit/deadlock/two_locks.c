// Two threads take two mutexes in opposite orders, one after the other (the
// run does not deadlock): the cycle is reported with both edges, unless
// detect_deadlocks=0.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
// RUN: env CRACE_OPTIONS=detect_deadlocks=0 %expect_exit 0 %run %t | FileCheck %s --check-prefix=OFF
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu_a = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t mu_b = PTHREAD_MUTEX_INITIALIZER;
int counter;

void *forward(void *arg)
{
	pthread_mutex_lock(&mu_a); // L:FA
	pthread_mutex_lock(&mu_b); // L:FB
	counter++;
	pthread_mutex_unlock(&mu_b);
	pthread_mutex_unlock(&mu_a);
	return arg;
}

void *backward(void *arg)
{
	pthread_mutex_lock(&mu_b); // L:BB
	pthread_mutex_lock(&mu_a); // L:BA
	counter++;
	pthread_mutex_unlock(&mu_a);
	pthread_mutex_unlock(&mu_b);
	return arg;
}

int main(void)
{
	pthread_t t1, t2;
	pthread_create(&t1, 0, forward, 0); // L:C1
	pthread_join(t1, 0);
	pthread_create(&t2, 0, backward, 0); // L:C2
	pthread_join(t2, 0);
	fprintf(stderr, "counter=%d\n", counter);
	return 0;
}

// CHECK:      WARNING: LOCK ORDER INVERSION (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: M1 ([[A:0x[0-9a-f]+]]) => M2 ([[B:0x[0-9a-f]+]]) => M1
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 acquired here while holding mutex M1 in thread T1:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: forward()
// CHECK-NEXT: two_locks.c:[[FB]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 previously acquired by the same thread here:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: forward()
// CHECK-NEXT: two_locks.c:[[FA]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 acquired here while holding mutex M2 in thread T2:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: backward()
// CHECK-NEXT: two_locks.c:[[BA]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 previously acquired by the same thread here:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: backward()
// CHECK-NEXT: two_locks.c:[[BB]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 (global 'mu_a') first used at:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: forward()
// CHECK-NEXT: two_locks.c:[[FA]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 (global 'mu_b') first used at:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: forward()
// CHECK-NEXT: two_locks.c:[[FB]]:
// CHECK-EMPTY:
// CHECK-NEXT: Thread T1 (finished) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: two_locks.c:[[C1]]:
// CHECK-EMPTY:
// CHECK-NEXT: Thread T2 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: two_locks.c:[[C2]]:
// CHECK-NEXT: ==================
// CHECK:      counter=2
// CHECK-NEXT: Found 1 lock order inversion(s)
// CHECK-NOT:  WARNING

// OFF-NOT: WARNING
// OFF: counter=2
// OFF-NOT: WARNING
