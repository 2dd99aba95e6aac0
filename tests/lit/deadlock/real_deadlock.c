// The two threads really deadlock: each holds one mutex and waits for the
// other. The inversion is reported before the second thread blocks, so the
// report is out although the program hangs (until its alarm ends it).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

pthread_mutex_t mu_a = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t mu_b = PTHREAD_MUTEX_INITIALIZER;

static void on_alarm(int sig)
{
	static const char msg[] = "deadlocked, as expected\n";
	(void)sig;
	write(2, msg, strlen(msg));
	_exit(0);
}

void *first(void *arg)
{
	pthread_mutex_lock(&mu_a); // L:A1
	step_set(1);
	step_wait(2);
	pthread_mutex_lock(&mu_b); // L:B1
	return arg;
}

void *second(void *arg)
{
	step_wait(1);
	pthread_mutex_lock(&mu_b); // L:B2
	step_set(2);
	usleep(100000); /* let the first thread block on B */
	pthread_mutex_lock(&mu_a); // L:A2
	return arg;
}

int main(void)
{
	signal(SIGALRM, on_alarm);
	alarm(2);
	pthread_t t1, t2;
	pthread_create(&t1, 0, first, 0);
	pthread_create(&t2, 0, second, 0);
	pthread_join(t1, 0);
	pthread_join(t2, 0);
	return 0;
}

// CHECK:      WARNING: LOCK ORDER INVERSION (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: M1 ({{0x[0-9a-f]+}}) => M2 ({{0x[0-9a-f]+}}) => M1
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 acquired here while holding mutex M1 in thread T1:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: first()
// CHECK-NEXT: real_deadlock.c:[[B1]]:
// CHECK:      Mutex M1 previously acquired by the same thread here:
// CHECK:      real_deadlock.c:[[A1]]:
// CHECK:      Mutex M1 acquired here while holding mutex M2 in thread T2:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: second()
// CHECK-NEXT: real_deadlock.c:[[A2]]:
// CHECK:      Mutex M2 previously acquired by the same thread here:
// CHECK:      real_deadlock.c:[[B2]]:
// CHECK:      deadlocked, as expected
// CHECK-NEXT: Found 1 lock order inversion(s)
