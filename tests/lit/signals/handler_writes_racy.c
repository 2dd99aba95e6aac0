// Another thread writes; later a handler on the main thread (installed with
// sigaction and SA_SIGINFO) writes the same variable: the handler's access
// is the one reported, with its stack.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <signal.h>
#include <string.h>

int counter;

__attribute__((noinline)) void bump(void)
{
	counter++; // L:W2
}

void on_usr2(int sig, siginfo_t *info, void *uc)
{
	(void)sig, (void)info, (void)uc;
	bump(); // L:CALL
}

void *writer(void *arg)
{
	counter = 5; // L:W1
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr2;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, 0);
	pthread_t t;
	pthread_create(&t, 0, writer, 0);
	step_wait(1);
	raise(SIGUSR2);
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: {{^  }}bump()
// CHECK-NEXT: handler_writes_racy.c:[[W2]]:
// CHECK-NEXT: {{^  }}on_usr2()
// CHECK-NEXT: handler_writes_racy.c:[[CALL]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: {{^  }}writer()
// CHECK-NEXT: handler_writes_racy.c:[[W1]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
