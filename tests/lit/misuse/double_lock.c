// A thread locks a default mutex it already holds: it hangs forever. The
// report comes before it blocks (the alarm then ends the program). An
// error-checking mutex returns EDEADLK instead, a defined result the program
// can test for: not reported.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
// RUN: %expect_exit 0 %run %t errorcheck | FileCheck %s --check-prefix=EC
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

pthread_mutex_t mu;

static void on_alarm(int sig)
{
	static const char msg[] = "hung, as expected\n";
	(void)sig;
	write(2, msg, strlen(msg));
	_exit(0);
}

static int update(void)
{
	int r = pthread_mutex_lock(&mu); // L:INNER
	if (r == 0)
		pthread_mutex_unlock(&mu);
	return r;
}

int main(int argc, char **argv)
{
	(void)argv;
	pthread_mutexattr_t attr;
	pthread_mutexattr_init(&attr);
	if (argc > 1)
		pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&mu, &attr); // L:INIT
	signal(SIGALRM, on_alarm);
	alarm(1);
	pthread_mutex_lock(&mu); // L:OUTER
	int r = update(); // L:CALL
	fprintf(stderr, "second lock: %s\n", strerror(r));
	pthread_mutex_unlock(&mu);
	return 0;
}

// CHECK:      WARNING: DOUBLE LOCK OF A MUTEX
// CHECK-NEXT: Mutex M1 ([[M:0x[0-9a-f]+]]) locked again by main thread, which already holds it:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: update()
// CHECK-NEXT: double_lock.c:[[INNER]]:
// CHECK-NEXT: main()
// CHECK-NEXT: double_lock.c:[[CALL]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 previously acquired by the same thread here:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: double_lock.c:[[OUTER]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 (global 'mu') created at:
// CHECK-NEXT: pthread_mutex_init()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: double_lock.c:[[INIT]]:
// CHECK-NEXT: ==================
// CHECK-NEXT: hung, as expected
// CHECK-NEXT: Found 1 mutex misuse(s)

// EC-NOT:  WARNING
// EC:      second lock: Resource deadlock avoided
// EC-NOT:  WARNING
