// A thread returns while still holding a mutex, and another ends with
// pthread_exit holding one; report_held_at_exit=0 turns the reports off.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
// RUN: env CRACE_OPTIONS=report_held_at_exit=0 %expect_exit 0 %run %t | FileCheck %s --check-prefix=OFF
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu_a = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t mu_b = PTHREAD_MUTEX_INITIALIZER;
int value;

void *forgetful(void *arg)
{
	pthread_mutex_lock(&mu_a); // L:LOCKA
	value++;
	if (value > 0)
		return arg; /* forgot to unlock */
	pthread_mutex_unlock(&mu_a);
	return arg;
}

static void leave(void)
{
	pthread_exit(0);
}

void *exiter(void *arg)
{
	pthread_mutex_lock(&mu_b); // L:LOCKB
	leave();
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, forgetful, 0); // L:C1
	pthread_join(t, 0);
	pthread_create(&t, 0, exiter, 0); // L:C2
	pthread_join(t, 0);
	fprintf(stderr, "value=%d\n", value);
	return 0;
}

// CHECK:      WARNING: MUTEX HELD AT THREAD EXIT
// CHECK-NEXT: Thread T1 finished while holding mutex M1 ({{0x[0-9a-f]+}}), acquired here:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: forgetful()
// CHECK-NEXT: held_at_exit.c:[[LOCKA]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 (global 'mu_a') first used at:
// CHECK:      Thread T1 (finished) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: held_at_exit.c:[[C1]]:
// CHECK-NEXT: ==================
// CHECK-NEXT: ==================
// CHECK-NEXT: WARNING: MUTEX HELD AT THREAD EXIT
// CHECK-NEXT: Thread T2 finished while holding mutex M1 ({{0x[0-9a-f]+}}), acquired here:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: exiter()
// CHECK-NEXT: held_at_exit.c:[[LOCKB]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 (global 'mu_b') first used at:
// CHECK:      Thread T2 (finished) created at:
// CHECK:      held_at_exit.c:[[C2]]:
// CHECK-NEXT: ==================
// CHECK-NEXT: value=1
// CHECK-NEXT: Found 2 mutex misuse(s)

// OFF-NOT: WARNING
// OFF: value=1
// OFF-NOT: WARNING
