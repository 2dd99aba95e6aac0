// Joinable threads that finish but are never joined are reported at exit,
// one report per creation stack; report_thread_leaks=0 turns it off.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
// RUN: env CRACE_OPTIONS=report_thread_leaks=0 %expect_exit 0 %run %t | FileCheck %s --check-prefix=OFF
#include <pthread.h>
#include <stdio.h>

int done;

void *worker(void *arg)
{
	__atomic_fetch_add(&done, 1, __ATOMIC_RELEASE);
	return arg;
}

static void spawn(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:SPAWN
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:LONE
	for (int i = 0; i < 3; i++)
		spawn(); // L:LOOP
	while (__atomic_load_n(&done, __ATOMIC_ACQUIRE) < 4)
		;
	fprintf(stderr, "exiting\n");
	return 0;
}

// CHECK:      exiting
// CHECK-NEXT: ==================
// CHECK-NEXT: WARNING: THREAD LEAK
// CHECK-NEXT: Thread T1 finished but was never joined
// CHECK-EMPTY:
// CHECK-NEXT: Thread T1 (finished) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: thread_leak.c:[[LONE]]:
// CHECK-NEXT: ==================
// CHECK-NEXT: ==================
// CHECK-NEXT: WARNING: THREAD LEAK
// CHECK-NEXT: Thread T2 finished but was never joined
// CHECK-NEXT: And 2 more similar thread leak(s)
// CHECK-EMPTY:
// CHECK-NEXT: Thread T2 (finished) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: spawn()
// CHECK-NEXT: thread_leak.c:[[SPAWN]]:
// CHECK-NEXT: main()
// CHECK-NEXT: thread_leak.c:[[LOOP]]:
// CHECK-NEXT: ==================
// CHECK-NEXT: Found 4 thread leak(s)

// OFF-NOT: WARNING
// OFF: exiting
// OFF-NOT: WARNING
