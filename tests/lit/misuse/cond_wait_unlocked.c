// Waiting on a condition variable with a mutex the thread does not hold.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t cv = PTHREAD_COND_INITIALIZER;

int main(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 10 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	/* Forgot pthread_mutex_lock(&mu). */
	int r = pthread_cond_timedwait(&cv, &mu, &ts); // L:WAIT
	/* The wait returns with the mutex locked, whatever it was before. */
	pthread_mutex_unlock(&mu);
	fprintf(stderr, "wait: %s\n", strerror(r));
	return 0;
}

// CHECK:      WARNING: CONDITION WAIT WITHOUT HOLDING THE MUTEX
// CHECK-NEXT: Condition variable C1 ({{0x[0-9a-f]+}}) waited on by main thread with mutex M2 ({{0x[0-9a-f]+}}), which it does not hold:
// CHECK-NEXT: pthread_cond_timedwait()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: cond_wait_unlocked.c:[[WAIT]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M2 (global 'mu') first used at:
// CHECK-NEXT: pthread_cond_timedwait()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: cond_wait_unlocked.c:[[WAIT]]:
// CHECK-NEXT: ==================
// CHECK-NEXT: wait: Connection timed out
// CHECK-NEXT: Found 1 mutex misuse(s)
// CHECK-NOT:  WARNING
