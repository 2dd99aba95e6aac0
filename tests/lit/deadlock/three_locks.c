// Three threads, three mutexes: A then B, B then C, C then A. No two
// threads invert a pair, but the three together can deadlock; the cycle is
// reported when its last edge appears.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu_a = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t mu_b = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t mu_c = PTHREAD_MUTEX_INITIALIZER;

static void pair(pthread_mutex_t *first, pthread_mutex_t *second)
{
	pthread_mutex_lock(first); // L:FIRST
	pthread_mutex_lock(second); // L:SECOND
	pthread_mutex_unlock(second);
	pthread_mutex_unlock(first);
}

void *ab(void *arg)
{
	pair(&mu_a, &mu_b); // L:AB
	return arg;
}

void *bc(void *arg)
{
	pair(&mu_b, &mu_c); // L:BC
	return arg;
}

void *ca(void *arg)
{
	pair(&mu_c, &mu_a); // L:CA
	return arg;
}

int main(void)
{
	void *(*fns[3])(void *) = {ab, bc, ca};
	for (int i = 0; i < 3; i++) {
		pthread_t t;
		pthread_create(&t, 0, fns[i], 0);
		pthread_join(t, 0);
	}
	fprintf(stderr, "done\n");
	return 0;
}

// CHECK:      WARNING: LOCK ORDER INVERSION (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: M1 ([[A:0x[0-9a-f]+]]) => M2 ([[B:0x[0-9a-f]+]]) => M3 ([[C:0x[0-9a-f]+]]) => M1
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 acquired here while holding mutex M1 in thread T1:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: pair()
// CHECK-NEXT: three_locks.c:[[SECOND]]:
// CHECK-NEXT: ab()
// CHECK-NEXT: three_locks.c:[[AB]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 previously acquired by the same thread here:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: pair()
// CHECK-NEXT: three_locks.c:[[FIRST]]:
// CHECK-NEXT: ab()
// CHECK-NEXT: three_locks.c:[[AB]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M3 acquired here while holding mutex M2 in thread T2:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: pair()
// CHECK-NEXT: three_locks.c:[[SECOND]]:
// CHECK-NEXT: bc()
// CHECK-NEXT: three_locks.c:[[BC]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 previously acquired by the same thread here:
// CHECK:      bc()
// CHECK-NEXT: three_locks.c:[[BC]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 acquired here while holding mutex M3 in thread T3:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: pair()
// CHECK-NEXT: three_locks.c:[[SECOND]]:
// CHECK-NEXT: ca()
// CHECK-NEXT: three_locks.c:[[CA]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M3 previously acquired by the same thread here:
// CHECK:      ca()
// CHECK-NEXT: three_locks.c:[[CA]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 (global 'mu_a') first used at:
// CHECK:      Mutex M2 (global 'mu_b') first used at:
// CHECK:      Mutex M3 (global 'mu_c') first used at:
// CHECK:      Thread T1 (finished) created at:
// CHECK:      Thread T2 (finished) created at:
// CHECK:      Thread T3 (running) created at:
// CHECK:      ==================
// CHECK-NEXT: done
// CHECK-NEXT: Found 1 lock order inversion(s)
// CHECK-NOT:  WARNING
