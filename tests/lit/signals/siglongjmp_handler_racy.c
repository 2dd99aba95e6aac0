// A handler that leaves with siglongjmp: the race inside the handler names
// the handler's frames; after the jump, stacks are the main program's
// again (the handler's and the interrupted frames are gone), also after
// many round trips.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>

int in_handler, after;
sigjmp_buf env;

__attribute__((noinline)) void deep(int n)
{
	if (n)
		deep(n - 1);
	else
		raise(SIGUSR1);
}

void on_usr1(int sig)
{
	in_handler += sig; // L:H
	siglongjmp(env, 1);
}

__attribute__((noinline)) void late_write(void)
{
	after = 1; // L:A
}

void *worker(void *arg)
{
	in_handler = 1; // L:T1
	after = 1;	// L:T2
	step_set(1);
	return arg;
}

int main(void)
{
	signal(SIGUSR1, on_usr1);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	for (volatile int i = 0; i < 1000; i++)
		if (!sigsetjmp(env, 1))
			deep(5);
	late_write(); // L:CALL
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: {{^  }}on_usr1()
// CHECK-NEXT: siglongjmp_handler_racy.c:[[H]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at {{.*}} by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: siglongjmp_handler_racy.c:[[T1]]:
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: {{^  }}late_write()
// CHECK-NEXT: siglongjmp_handler_racy.c:[[A]]:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: siglongjmp_handler_racy.c:[[CALL]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at {{.*}} by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: siglongjmp_handler_racy.c:[[T2]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 2 data race(s)
