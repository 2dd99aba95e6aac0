// One thread holds 100 mutexes at once (more than the 64 kept inline per
// thread), releasing them in a scrambled order; then a thread takes the
// last one before the first: the inversion is still found.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <pthread.h>
#include <stdio.h>

#define N 100
pthread_mutex_t mu[N];
int held_total;

void *hold_all(void *arg)
{
	for (int i = 0; i < N; i++)
		pthread_mutex_lock(&mu[i]); // L:ALL
	held_total += N;
	for (int i = 0; i < N; i++)
		pthread_mutex_unlock(&mu[(i * 37) % N]);
	return arg;
}

void *reverse(void *arg)
{
	pthread_mutex_lock(&mu[N - 1]); // L:LAST
	pthread_mutex_lock(&mu[0]); // L:FIRST
	held_total++;
	pthread_mutex_unlock(&mu[0]);
	pthread_mutex_unlock(&mu[N - 1]);
	return arg;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		pthread_mutex_init(&mu[i], 0);
	pthread_t t;
	pthread_create(&t, 0, hold_all, 0);
	pthread_join(t, 0);
	pthread_create(&t, 0, reverse, 0);
	pthread_join(t, 0);
	fprintf(stderr, "held_total=%d\n", held_total);
	return 0;
}

// CHECK:      WARNING: LOCK ORDER INVERSION (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: M1 ([[M0:0x[0-9a-f]+]]) => M2 ([[M99:0x[0-9a-f]+]]) => M1
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 acquired here while holding mutex M1 in thread T1:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: hold_all()
// CHECK-NEXT: many_held.c:[[ALL]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 previously acquired by the same thread here:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: hold_all()
// CHECK-NEXT: many_held.c:[[ALL]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 acquired here while holding mutex M2 in thread T2:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: reverse()
// CHECK-NEXT: many_held.c:[[FIRST]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 previously acquired by the same thread here:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: reverse()
// CHECK-NEXT: many_held.c:[[LAST]]:
// CHECK:      held_total=101
// CHECK-NEXT: Found 1 lock order inversion(s)
// CHECK-NOT:  WARNING
